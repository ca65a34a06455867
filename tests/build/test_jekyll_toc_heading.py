"""A site's own `_includes/toc_heading_custom.html` (tests/fixtures/jekyll-toc-heading:
"Inhalte: {{ page.title }}") heads Just the Docs' table of child pages, built under both URL
styles: each page's main text is what Jekyll 4.3.1 with Just the Docs b28a655 printed
(jekyll-main/, scripts/jekyll-main); the heading, as the theme's, has no id and is not in the
page's own table of contents; the table's links lead to the children."""

from __future__ import annotations

import re

import pytest

from support import (
    ROOT,
    Build,
    built_jekyll_fixture,
    built_page,
    jekyll_main,
    link_targets,
    main_texts,
)

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-toc-heading"
MAIN = jekyll_main(FIXTURE)
PARENTS = {"guide.md": ["guide-a.md", "guide-b.md"], "ops/index.md": ["ops/restart.md"]}
_HEADING_RE = re.compile(r"<h2[^>]*>Inhalte: [^<]*</h2>")


built = built_jekyll_fixture(FIXTURE)


@pytest.mark.parametrize("uri", sorted(MAIN))
def test_each_page_shows_what_jekyll_shows(built: Build, uri: str) -> None:
    ours, jekylls = main_texts(built.site_dir, uri, MAIN[uri])
    assert ours == jekylls


@pytest.mark.parametrize("uri", sorted(PARENTS))
def test_the_sites_heading_heads_the_table_of_links_to_the_children(built: Build, uri: str) -> None:
    """With no id nor entry in the page's own table of contents, as the theme's heading; the
    build clean."""
    assert built.returncode == 0, built.output
    page = built_page(built.site_dir, uri)
    ours = page.read_text(encoding="utf-8")
    assert _HEADING_RE.findall(ours) == _HEADING_RE.findall(MAIN[uri])
    secondary = ours[ours.index('<nav class="md-nav md-nav--secondary"') :]
    assert "Inhalte" not in secondary[: secondary.index("</nav>")]
    table = ours[ours.index('<div class="playbook-children"') :]
    hrefs = re.findall(r'<a href="([^"]*)"', table[: table.index("</ul>")])
    expected = [built_page(built.site_dir, child).resolve() for child in PARENTS[uri]]
    assert link_targets(page, hrefs) == expected
