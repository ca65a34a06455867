"""`_config.yml`'s front matter defaults reach a page Zensical renders, as they reach it in a
MkDocs build: `prepare` hands the extension the keys they give each page."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import build_with_zensical, make_project, run_build

PAGES = {
    "_config.yml": "title: Runbooks\ndefaults:\n"
    "  - scope: {path: guide/}\n    values: {product: Acme, team: {name: Ops}}\n",
    "index.md": "---\ntitle: Home\n---\n# Home\n",
    "guide/intro.md": "---\ntitle: Intro\nteam: {pager: 555}\n---\n# Intro\n\n"
    "Welcome to {{ page.product }}, {{ page.team.name }} on {{ page.team.pager }}.\n",
}


@pytest.mark.parametrize("tool", ["mkdocs", "zensical"])
def test_a_value_from_defaults_is_printed(tmp_path: Path, tool: str) -> None:
    project = make_project(tmp_path, PAGES)
    build = build_with_zensical(project) if tool == "zensical" else run_build(project)
    assert build.returncode == 0, build.output
    page = build.html("guide/intro/index.html")
    assert "Welcome to Acme, Ops on 555." in page
