"""The content lint fails `mkdocs build --strict` with file, line and column; clean text passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import ROOT, Build, make_project, run_build, without_spots

SEED = Path(__file__).parent.parent / "fixtures" / "lint" / "seed-communication-templates.md"
PLAYBOOK = ROOT / "docs" / "operations" / "INCIDENT_RESPONSE_PLAYBOOK.md"
LINT_PAGES = {
    "index.md": "# Home\n\nSee the [seed](seed.md) and [recovery](duplicates.md#recovery_1).\n",
    "duplicates.md": "# Duplicates\n\n## Recovery\n\nText.\n\n## Escalation\n\n## Recovery\n",
    "padded.md": "# Padded\n\n```\nUpdate: { Summary} at {UTC  Timestamp}\n```\n",
    # Keep a Changelog's form: a repeated heading nobody links to is not a problem.
    "changelog.md": "# Changelog\n\n## 1.1\n\n### Added\n\n- x\n\n## 1.0\n\n### Added\n\n- y\n",
    # Ticks are kept by heading and rank: reordering these sections would swap them.
    "drills.md": "# Drills\n\n## Checklist\n\n- [ ] a\n\n## Other\n\n## Checklist\n\n- [ ] b\n",
    # One time name for two times, in a fenced and an indented template; a repeating line's
    # time is each row's own, and an id twice is one value.
    "times.md": (
        "# Times\n\nPost:\n\n```\nStart: {UTC Timestamp}\n{UTC Timestamp} - {Event}\n...\n"
        "End: {utc timestamp} for {Incident ID} / {Incident ID}\n```\n\nIndented:\n\n"
        "    Began {Started at}\n    Again {Started at}\n"
    ),
}


def _warnings(build: Build, where: str) -> list[str]:
    return [line for line in build.output.splitlines() if "WARNING" in line and where in line]


@pytest.fixture(scope="module")
def lint_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    pages = {**LINT_PAGES, "seed.md": SEED.read_text(encoding="utf-8")}
    return run_build(make_project(tmp_path_factory.mktemp("lint"), pages))


def test_the_seeds_damaged_character_fails_the_build_with_file_line_and_column(
    lint_build: Build,
) -> None:
    assert lint_build.returncode != 0
    # Line 18 of the fixture (front matter included), after "Subject: AdvisorOS Incident Update ".
    (warning,) = _warnings(lint_build, "docs/seed.md:18:36:")
    assert "mojibake `ï¿½`" in warning


def test_a_link_to_a_repeated_heading_is_reported_where_it_is_written(lint_build: Build) -> None:
    (warning,) = _warnings(lint_build, "docs/index.md:3:40:")
    assert (
        "link target duplicates.md#recovery_1: ambiguous anchor: docs/duplicates.md has several "
        "headings 'Recovery' (lines 3 and 9)"
    ) in warning
    assert not _warnings(lint_build, "playbook: docs/duplicates.md")


def test_repeated_headings_nobody_links_to_pass(lint_build: Build) -> None:
    assert not _warnings(lint_build, "playbook: docs/changelog.md")


def test_a_repeated_checklist_heading_is_reported(lint_build: Build) -> None:
    (warning,) = _warnings(lint_build, "docs/drills.md:9:")
    assert "checklist heading 'Checklist' (lines 3 and 9) repeats on the page" in warning


def test_padded_placeholders_are_reported_against_the_clean_spelling(lint_build: Build) -> None:
    (summary,) = _warnings(lint_build, "docs/padded.md:4:9:")
    assert "`{ Summary}` looks mistyped: the site writes `{Summary}` (e.g. docs/seed.md:" in summary
    (timestamp,) = _warnings(lint_build, "docs/padded.md:4:23:")
    assert "`{UTC  Timestamp}` looks mistyped" in timestamp


def test_a_time_named_twice_in_one_template_is_reported_at_its_lines(lint_build: Build) -> None:
    (fenced,) = _warnings(lint_build, "docs/times.md:6:")
    assert (
        "`{UTC Timestamp}` appears 2 times in one template (lines 6, 9); if these are different "
        "times, name them apart (`{Detected at}`, `{Resolved at}`), or mark a line that repeats "
        "with a line of `...` under it"
    ) in fenced
    (indented,) = _warnings(lint_build, "docs/times.md:14:")
    assert "`{Started at}` appears 2 times in one template (lines 14, 15)" in indented
    assert len(_warnings(lint_build, "docs/times.md")) == 2


def test_our_repaired_playbook_passes_the_lint(tmp_path: Path) -> None:
    text = PLAYBOOK.read_text(encoding="utf-8")
    assert "Incident Update — {Summary}" in text
    build = run_build(
        make_project(tmp_path, {"index.md": "# Home\n", "playbook.md": text}), strict=False
    )
    assert build.returncode == 0, build.output
    assert "Incident Update — {Summary}" in without_spots(build.html("playbook/index.html"))
    assert "mojibake" not in build.output
    assert "ambiguous anchor" not in build.output
    assert "repeats on the page" not in build.output
    assert "looks mistyped" not in build.output
