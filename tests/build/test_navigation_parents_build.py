"""A parent page that is not its folder's `index.md` (`getting_started.md` with
`permalink: /getting-started/`) is one nav entry in Material, as in Just the Docs: its own
link, with its children under it; not a section label above the page listed again.

The tree is tests/fixtures/navigation/parents, whose nav real Jekyll 4.3.1 and Just the Docs
rendered (scripts/jekyll-nav). Each entry's link is followed to the page it leads to.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from navfixtures import FIXTURES, jekyll_navs
from support import NavItem, nav_items, run_build

TREE = FIXTURES / "parents"
SITE_NAME = "Parent pages"

Shown = list[tuple[str, str | None, list[Any]]]
"""Nav entries as (label, title of the page its link leads to, children)."""

URL_STYLES = pytest.mark.parametrize(
    "urls", ["", "use_directory_urls: false\n"], ids=["mkdocs-defaults", "use_directory_urls-false"]
)


def build(root: Path, urls: str, features: list[str] | None) -> Path:
    shutil.copytree(TREE / "docs", root / "docs")
    theme = "theme:\n  name: material\n  font: false\n"
    if features is not None:
        theme += "  features:\n" + "".join(f"    - {name}\n" for name in features)
    config = f"site_name: {SITE_NAME}\n{urls}{theme}plugins:\n  - playbook\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run_build(root)
    assert result.returncode == 0, result.output
    return result.site_dir


def shown(site: Path, page: str) -> Shown:
    """The nav on the built page `page` (a path under `site`), each link followed."""
    html = (site / page).read_text(encoding="utf-8")
    return _followed(site, page, nav_items(html))


def _followed(site: Path, page: str, items: list[NavItem]) -> Shown:
    return [
        (item.label, _title_at(site, page, item.href), _followed(site, page, item.children))
        for item in items
    ]


def _title_at(site: Path, page: str, href: str | None) -> str | None:
    if href is None:
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    path = site / target
    if path.is_dir():
        path = path / "index.html"
    match = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"))
    assert match, path
    return match.group(1).removesuffix(f" - {SITE_NAME}")


def expected(entries: list[dict[str, Any]], active: str | None = None) -> Shown:
    """Jekyll's nav, each entry leading to its own page. With `active` (a page's path), as
    `navigation.prune` shows it there: only the entries above that page keep their children."""
    return [
        (
            entry["title"],
            entry["title"],
            expected(entry.get("children", []), active)
            if active is None or _holds(entry, active)
            else [],
        )
        for entry in entries
    ]


def _holds(entry: dict[str, Any], page: str) -> bool:
    return entry["page"] == page or any(_holds(c, page) for c in entry.get("children", []))


def jekyll_nav() -> list[dict[str, Any]]:
    (nav,) = [nav.nav for nav in jekyll_navs() if nav.id == "parents-default"]
    return nav


def titled(site: Path, title: str) -> str:
    """The built page of that title, as a path under `site`."""
    (found,) = [
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if f"<title>{title} - {SITE_NAME}</title>" in path.read_text(encoding="utf-8")
    ]
    return found


@URL_STYLES
@pytest.mark.parametrize(
    "features", [None, ["navigation.indexes"]], ids=["features-unset", "navigation.indexes"]
)
def test_a_parent_page_leads_its_section_as_in_just_the_docs(
    tmp_path: Path, urls: str, features: list[str] | None
) -> None:
    site = build(tmp_path, urls, features)
    nav = expected(jekyll_nav())
    assert shown(site, "index.html") == nav
    assert shown(site, titled(site, "Triage")) == nav
    # The pages whose link a section is: non-index parents at any depth, one whose folder
    # holds an index.md listed under it, one beside its folder, and an index.md parent.
    assert [(label, target) for label, target, _ in nav] == [
        ("Home", "Home"),
        ("Getting started", "Getting started"),
        ("Using", "Using"),
        ("Reference", "Reference"),
        ("Tools", "Tools"),
        ("Guide", "Guide"),
    ]


@URL_STYLES
def test_under_navigation_prune_a_parent_page_leads_its_section(tmp_path: Path, urls: str) -> None:
    site = build(tmp_path, urls, ["navigation.prune"])
    assert shown(site, "index.html") == expected(jekyll_nav(), "index.md")
    pruned = expected(jekyll_nav(), "using/workflows/triage.md")
    assert shown(site, titled(site, "Triage")) == pruned
    assert ("Getting started", "Getting started", []) in pruned
    assert ("Using", "Using", [("Overview", "Overview", []), pruned[2][2][1]]) in pruned
    assert pruned[2][2][1][2] == [("Fixing a bug", "Fixing a bug", []), ("Triage", "Triage", [])]
