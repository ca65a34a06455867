"""The real site, built with `mkdocs build --strict` (and ProperDocs), checked in its HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from support import ROOT, Build, nav_labels, run_build, site_copy, without_spots

PLAYBOOK = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"
# Every document the playbook links to, with the anchors its links need.
LINKED_DOCUMENTS = {
    "operations/RUNBOOK.html": [],
    "operations/DEPLOYMENT_GUIDE.html": ["deployment-freeze-procedure"],
    "ADMINISTRATOR_GUIDE.html": ["feature-flags"],
    "DATABASE.html": ["recovery-procedures"],
    "POST_LAUNCH_SUPPORT_OPTIMIZATION.html": ["post-incident-template"],
    "PRODUCTION_READINESS_CHECKLIST.html": [],
    "SECURITY_COMPLIANCE_REPORT.html": [],
    "PRODUCTION_ROLLBACK_PROCEDURES.html": [],
    "TESTING_AUTOMATION_FRAMEWORK.html": [],
}


def test_strict_build_has_no_warnings(site_build: Build) -> None:
    assert "WARNING" not in site_build.output


def test_playbook_sits_first_under_operations_command_center(site_build: Build) -> None:
    html = site_build.html(PLAYBOOK)
    labels = nav_labels(html)
    section = labels.index("Operations Command Center")
    # The active page's label comes twice: its table-of-contents toggle, then its link.
    assert labels[section + 1 : section + 3] == ["Incident Response Playbook"] * 2
    assert labels.index("Home") < section < labels.index("Platform Reference")
    active = re.search(
        r'md-nav__link--active"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*<', html
    )
    assert active is not None and active.group(1) == "Incident Response Playbook"


def test_playbook_alerts_are_admonitions(site_build: Build) -> None:
    html = site_build.html(PLAYBOOK)
    assert '<div class="admonition warning">\n<p class="admonition-title">Warning</p>' in html
    assert '<div class="admonition tip">\n<p class="admonition-title">Tip</p>' in html
    assert "[!WARNING]" not in html and "[!TIP]" not in html
    assert "playbook.css" in html


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("Testing Automation Framework", "../TESTING_AUTOMATION_FRAMEWORK.html"),
        ("Feature Flags section", "../ADMINISTRATOR_GUIDE.html#feature-flags"),
        ("Database Recovery Checklist", "../DATABASE.html#recovery-procedures"),
        (
            "Post-Incident Template",
            "../POST_LAUNCH_SUPPORT_OPTIMIZATION.html#post-incident-template",
        ),
        ("Security Compliance Report", "../SECURITY_COMPLIANCE_REPORT.html"),
        ("Rollback Procedures", "../PRODUCTION_ROLLBACK_PROCEDURES.html"),
        ("Production Deployment Guide", "DEPLOYMENT_GUIDE.html"),
        ("Production Readiness Checklist", "../PRODUCTION_READINESS_CHECKLIST.html"),
    ],
)
def test_playbook_links_stay_in_the_site(site_build: Build, text: str, href: str) -> None:
    html = site_build.html(PLAYBOOK)
    assert f'<a href="{href}">{text}</a>' in html
    assert "{{" not in html and "github.com/advisoros" not in html


def test_repaired_em_dash(site_build: Build) -> None:
    html = without_spots(site_build.html(PLAYBOOK))
    assert "Subject: AdvisorOS Incident Update — {Summary}" in html
    assert "ï¿½" not in html


@pytest.mark.parametrize(("page", "anchors"), LINKED_DOCUMENTS.items())
def test_every_linked_document_is_a_real_page(
    site_build: Build, page: str, anchors: list[str]
) -> None:
    html = site_build.html(page)
    article = html[html.index("<article") : html.index("</article>")]
    assert len(re.sub(r"<[^>]+>", "", article).split()) > 300, "a real page, not a stub"
    for anchor in anchors:
        assert f'id="{anchor}"' in html


def test_playbook_content_is_the_seed(site_build: Build) -> None:
    # The playbook as it was written (mojibake included), kept in the repository so the check
    # runs on any clone: our page differs from it only where a test names the reason.
    seed = (ROOT / "tests" / "fixtures" / "seed" / "INCIDENT_RESPONSE_PLAYBOOK.md").read_text(
        encoding="utf-8"
    )
    ours = (ROOT / "docs" / "operations" / "INCIDENT_RESPONSE_PLAYBOOK.md").read_text(
        encoding="utf-8"
    )
    differing = [
        (a, b) for a, b in zip(seed.splitlines(), ours.splitlines(), strict=False) if a != b
    ]
    assert differing == [
        # The incident's start, named as the post-incident template names it: one value that
        # the run's start (or the first value typed) fills in both. `{UTC Timestamp}` is any
        # time, and the post-incident template needed four different ones.
        ("Start: {UTC Timestamp}", "Start: {Started at}"),
        (
            "Subject: AdvisorOS Incident Update ï¿½ {Summary}",
            "Subject: AdvisorOS Incident Update — {Summary}",
        ),
        # The seed used {time} for two different times; the first gets its own name.
        (
            "We are actively addressing an issue impacting {impact description}. Our team "
            "initiated mitigation at {time}. Expect the next update by {time}. Track progress "
            "here: {status page or shared doc}.",
            "We are actively addressing an issue impacting {impact description}. Our team "
            "initiated mitigation at {Mitigation start time}. Expect the next update by {time}. "
            "Track progress here: {status page or shared doc}.",
        ),
    ]


def test_properdocs_builds_the_site_too(tmp_path: Path) -> None:
    build = run_build(site_copy(tmp_path), tool="properdocs")
    assert build.returncode == 0, build.output
    html = build.html(PLAYBOOK)
    assert '<div class="admonition warning">' in html
    assert '<a href="../DATABASE.html#recovery-procedures">' in html


def test_search_finds_the_steps_not_the_widget_controls(site_build: Build) -> None:
    index = (site_build.site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    # The playbook's own words are searchable, checklist steps included.
    assert "Scribe: maintains a minute-by-minute timeline" in index
    # The controls our widgets add would otherwise be a search hit on every checklist.
    for control in (
        "Clear every tick",
        "Copy as Markdown",
        "Copy all checklists",
        "Keep them",
        "Fill in this template",
        "Clear all values",
        "Open in mail app",
        "Now (UTC)",
        "What do you see?",
        "Declare incident",
    ):
        assert control not in index, control


def _search_sections(site: Path, page: str) -> dict[str, str]:
    """Each section Material's search indexed for `page`: title and text, tags removed."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {
        doc["location"]: " ".join(
            re.sub(r"<[^>]+>", " ", f"{doc['title']} ‖ {doc['text']}").split()
        )
        for doc in index["docs"]
        if doc["location"].split("#")[0] == page
    }


def test_search_indexes_the_same_words_as_before_the_controls_were_cloned(
    site_build: Build,
) -> None:
    # Every word of the playbook as indexed before the controls moved into <template>s, less
    # the form controls' labels that leaked in then; nothing else.
    before = json.loads(
        (ROOT / "tests" / "fixtures" / "search" / "playbook.json").read_text(encoding="utf-8")
    )
    expected = {}
    for location, text in before["sections"].items():
        for run in before["controls"]:
            text = text.replace(f" {run}", "")
        # The page's own words changed since, each for a reason the seed test names.
        for old, new in before["edits"]:
            text = text.replace(old, new)
        expected[location] = text
    assert _search_sections(site_build.site_dir, PLAYBOOK) == expected


def test_the_playbooks_content_is_under_60_percent_of_its_size_with_repeated_controls(
    site_build: Build,
) -> None:
    # 25,451 bytes of <article> when every widget carried its own controls (commit de35388).
    html = site_build.html(PLAYBOOK)
    article = without_spots(html[html.index("<article") : html.index("</article>")])
    assert len(article.encode("utf-8")) <= 0.6 * 25_451
    # Each kind of control once, however many widgets clone it.
    assert html.count('data-playbook-controls="checklist_controls"') == 1
    assert html.count("Clear every tick in this checklist?") == 1
