"""`SiteNav.indexes`: the pages listed with their children, which lead their sections in
Material as Just the Docs shows them, whatever their file's name."""

from __future__ import annotations

from mkdocs_playbook.jekyll.navigation import site_nav
from navfixtures import FIXTURES, sources


def test_every_page_listed_with_children_leads_its_section() -> None:
    nav = site_nav(sources(FIXTURES / "parents"))
    assert nav.indexes == {
        "getting-started/getting_started.md": "Getting started",
        "using/using.md": "Using",
        "using/workflows/workflows.md": "Workflows",
        "reference.md": "Reference",
        "tools/tools.md": "Tools",
        "guide/index.md": "Guide",
    }


def test_a_parent_whose_children_are_all_left_out_leads_nothing() -> None:
    nav = site_nav(sources(FIXTURES / "probe"))
    # closed/index.md says `has_children: false`; hidden/index.md is left out (nav_exclude).
    assert "closed/index.md" not in nav.indexes
    assert "hidden/index.md" not in nav.indexes
    assert "layout/index.md" in nav.indexes
    assert "ancestry/xs.md" in nav.indexes
