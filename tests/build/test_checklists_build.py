"""Checklist content problems fail a strict build, named by file and line."""

from __future__ import annotations

from pathlib import Path

from support import make_project, run_build


def test_checklist_heading_without_a_list_fails_the_strict_build(tmp_path: Path) -> None:
    page = "---\ntitle: Drill\n---\n\n# Drill\n\n## Rollback Checklist\n\nTo be written.\n"
    # The site's own patterns insist on their lists (the default's are taken for prose).
    options = "      checklist_headings: [checklist]\n"
    project = make_project(tmp_path, {"drill.md": page}, plugin_options=options)
    build = run_build(project)
    assert build.returncode != 0
    assert (
        "docs/drill.md:7: checklist heading 'Rollback Checklist' has no list under it: "
        "write its steps as a list, or add {.no-checklist} to the heading"
    ) in build.output


def test_configured_heading_patterns_make_checklists(tmp_path: Path) -> None:
    page = "# Drill\n\n## First Five Minutes\n\n1. Declare\n2. Freeze\n"
    options = "      checklist_headings: ['five minutes']\n"
    project = make_project(tmp_path, {"index.md": page}, plugin_options=options)
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert build.html("index.html").count('<label><input type="checkbox">') == 2


def test_a_broken_heading_pattern_is_a_configuration_error(tmp_path: Path) -> None:
    options = "      checklist_headings: ['(unclosed']\n"
    project = make_project(tmp_path, {"index.md": "# Home\n"}, plugin_options=options)
    build = run_build(project)
    assert build.returncode != 0
    assert "'(unclosed' is not a regular expression" in build.output
