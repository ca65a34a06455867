"""`build_nav` gives, entry for entry and level for level, the nav that real Jekyll 4.3.1 with
Just the Docs rendered for each fixture tree (tests/fixtures/navigation/, scripts/jekyll-nav)."""

from __future__ import annotations

import pytest

from mkdocs_playbook.jekyll.navigation import build_nav, site_nav
from mkdocs_playbook.jekyll.theme_version import CHILDREN_BY_PARENT, theme_version
from navfixtures import (
    JekyllNav,
    entries,
    external_links,
    jekyll_navs,
    sources,
    titled,
)

# Pages without a title, which Just the Docs leaves out, as we do, with a report.
UNTITLED = {
    "CHANGELOG.md": (1, "no title: Just the Docs leaves the page out of its navigation, and so"),
    "notes/scratch.md": (1, "no title: Just the Docs leaves the page out of its navigation, and"),
}
# Pages Just the Docs lists nowhere, nor do we, with a report: the page, its line, the report.
DROPPED = {
    "misc/orphan.md": (
        3,
        "unknown parent 'Guidse'; left out of the navigation with its children, as in Just the "
        "Docs; nearest titles: 'Guides'",
    ),
    "misc/astray.md": (4, "no page titled 'Setup' fits grand_parent 'Team B'"),
    "misc/loop-a.md": (3, "parent cycle misc/loop-a.md -> misc/loop-b.md -> misc/loop-a.md"),
    "misc/self.md": (3, "parent 'Self' is the page's own title; left out of the navigation"),
}
# Pages Just the Docs lists oddly, as we do, with a report.
ODD = {
    "guides/again.md": (3, "title 'Guides' is also the title of a page above it"),
    "teams/contacts.md": (
        3,
        "parent 'Setup' names several pages (guides/setup.md, teams/a-setup.md)",
    ),
}
# Before Just the Docs 0.10 (the legacy tree pins 0.5.2): what it lists nowhere, as we do.
LEGACY = {
    "on-call.md": (3, "parent 'Contacts' does not say `has_children: true`"),
    "rollback-cache.md": (3, "lists a page under it only with that page's title as its"),
    "rollback-deep.md": (3, "parent 'Database rollback' does not say `has_children: true`"),
}
REPORTED = {"probe": {}, "parents": {}, "dropped": DROPPED | ODD | UNTITLED, "legacy": LEGACY}

NAVS = jekyll_navs()


def test_every_fixture_tree_has_its_jekyll_navs() -> None:
    assert sorted(nav.id for nav in NAVS) == [
        "dropped-case_insensitive",
        "dropped-default",
        "legacy-case_insensitive",
        "legacy-default",
        "parents-case_insensitive",
        "parents-default",
        "probe-case_insensitive",
        "probe-default",
    ]
    assert len(sources(NAVS[-1].tree)) >= 40


@pytest.mark.parametrize("jekyll", NAVS, ids=[nav.id for nav in NAVS])
def test_nav_is_what_jekyll_renders(jekyll: JekyllNav) -> None:
    pages = sources(jekyll.tree)
    version = theme_version({}, [str(jekyll.tree)])
    spec, problems = build_nav(
        pages,
        nav_sort=jekyll.nav_sort,
        external_links=external_links(jekyll.tree),
        legacy=version is not None and version < CHILDREN_BY_PARENT,
    )
    assert spec is not None
    ours = entries(spec, {page.src_uri for page in pages})
    reported = REPORTED[jekyll.tree.name]
    labels = {page.src_uri: page.title for page in pages}
    assert ours == titled(jekyll.nav, labels)
    assert sorted((p.path, p.line) for p in problems) == sorted(
        (uri, line) for uri, (line, _) in reported.items()
    )
    for problem in problems:
        assert reported[problem.path][1] in problem.message


def test_dropped_pages_are_left_out_with_their_children_and_keep_their_tables() -> None:
    (jekyll,) = [nav for nav in NAVS if nav.id == "dropped-default"]
    pages = sources(jekyll.tree)
    nav = site_nav(pages)
    assert nav.spec is not None
    shown = entries(nav.spec, {p.src_uri for p in pages})
    listed: set[str] = set()
    while shown:
        entry = shown.pop()
        listed.add(entry["title"])
        shown.extend(entry.get("children", []))
    assert {"Home", "Guides", "Setup", "Team A"} <= listed
    assert not listed & {"Astray", "Loop A", "Loop B", "Orphan", "Orphan child", "Self"}
    # Reached by a link, an unknown parent's page still lists its children at its end.
    assert [child.title for child in nav.tables["misc/orphan.md"]] == ["Orphan child"]
