"""GitHub Pages' jekyll-default-layout (tests/fixtures/jekyll-default-layout): a Markdown page
that names no layout gets `home` at the site's root and `page` elsewhere, so the site's own
`home.html` and `page.html` are applied to it; one that names the theme's `default` gets
neither. Built under both URL styles, each page's main text is what Jekyll 4.3.1 with the
plugin and Just the Docs b28a655 printed (jekyll-main/, scripts/jekyll-main)."""

from __future__ import annotations

import pytest

from support import ROOT, Build, built_jekyll_fixture, jekyll_main, main_texts

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-default-layout"
MAIN = jekyll_main(FIXTURE)


built = built_jekyll_fixture(FIXTURE)


@pytest.mark.parametrize("uri", sorted(MAIN))
def test_each_page_shows_what_jekyll_shows_in_a_clean_build(built: Build, uri: str) -> None:
    assert built.returncode == 0, built.output
    ours, jekylls = main_texts(built.site_dir, uri, MAIN[uri])
    assert ours == jekylls
