"""The migration report reads Just the Docs' collection sections as Material's sections, and a
full URL of the site itself as the page it names, on both sides."""

from __future__ import annotations

from pathlib import Path

from mkdocs_playbook.migration.compare import compare_sites
from mkdocs_playbook.migration.pages import NavLink, read_page

# Just the Docs 0.12's site_nav.html: top-level pages, an unfolded collection, a folded one.
_JEKYLL_NAV = """
<nav aria-label="Main" id="site-nav" class="site-nav">
<ul class="nav-list"><li class="nav-list-item"><a href="/ops/"
 class="nav-list-link">Home</a></li></ul>
<div class="nav-category">Reference</div>
<ul class="nav-list"><li class="nav-list-item"><a href="/ops/reference/api.html"
 class="nav-list-link">API</a></li></ul>
<ul class="nav-list nav-category-list"><li class="nav-list-item">
<button class="nav-list-expander btn-reset" aria-label="Runbooks collection"></button>
<div class="nav-category">Runbooks</div>
<ul class="nav-list"><li class="nav-list-item"><button class="nav-list-expander"></button>
<a href="/ops/runbooks/db/" class="nav-list-link">Database</a>
<ul class="nav-list"><li class="nav-list-item"><a href="/ops/runbooks/db/failover/"
 class="nav-list-link">Failover</a></li></ul></li></ul>
</li></ul>
<div class="nav-category">Tools</div>
<ul class="nav-list"><li class="nav-list-item"><a href="/ops/tools/cli.html"
 class="nav-list-link">CLI</a></li></ul>
</nav>
"""


def test_just_the_docs_collections_are_sections_of_their_pages() -> None:
    nav = read_page(f"<html><body>{_JEKYLL_NAV}</body></html>", "jekyll").nav
    assert nav == [
        NavLink(0, "Home", "/ops/"),
        NavLink(0, "Reference", None),
        NavLink(1, "API", "/ops/reference/api.html"),
        NavLink(0, "Runbooks", None),
        NavLink(1, "Database", "/ops/runbooks/db/"),
        NavLink(2, "Failover", "/ops/runbooks/db/failover/"),
        NavLink(0, "Tools", None),
        NavLink(1, "CLI", "/ops/tools/cli.html"),
    ]


def _page(folder: Path, name: str, html: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


def test_a_full_url_of_the_site_is_the_page_it_names(tmp_path: Path) -> None:
    jekyll, ours = tmp_path / "jekyll", tmp_path / "site"
    canonical = '<link rel="canonical" href="https://example.org/ops/">'
    links = (
        '<a href="https://EXAMPLE.org/ops/b.html#x">b</a>'
        '<a href="https://example.org/elsewhere/">out</a>'
        '<a href="https://other.org/ops/b.html">other</a>'
    )
    _page(
        jekyll,
        "index.html",
        f'<head>{canonical}</head><a class="site-title" href="/ops/">T</a>'
        f'<div id="main-content"><p>{links}</p></div>',
    )
    _page(jekyll, "b.html", '<div id="main-content"><p>B</p></div>')
    _page(
        ours,
        "index.html",
        f'<head>{canonical}</head><article class="md-content__inner"><p><a href="b/#x">b</a>'
        '<a href="../elsewhere/">out</a><a href="https://other.org/ops/b.html">other</a>'
        "</p></article>",
    )
    _page(ours, "b/index.html", '<article class="md-content__inner"><p>B</p></article>')
    report = compare_sites(jekyll, ours)
    (home,) = [page for page in report.pages if page.page == ""]
    assert (home.links_total, home.links_same) == (3, 3)
    assert home.links_jekyll_only == home.links_site_only == ()
