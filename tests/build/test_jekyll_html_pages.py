"""`.html` pages with front matter (tests/fixtures/jekyll-html-pages), built under both URL
styles, as Jekyll 4.3.1 renders them (expected/): their Liquid rendered and no Markdown, a
generated post excerpt where the post's front matter gives none, in the theme's layout
(`blog/index.html`, a page of the nav) or in none (`start.html`, its HTML alone); their links
to pages lead to the built pages. aider's blog/index.html was copied as a file, Liquid and
all: 48 links and a nav entry short."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from support import ROOT, Build, run_build_with_url_style

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-html-pages"
_HREF_RE = re.compile(r'href="([^"#]*)"')


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("jekyll-html-pages") / "project"
    return run_build_with_url_style(FIXTURE, project, request.param, "expected")


def _text(markup: str) -> list[str]:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup)).split()


def _article(page: Path) -> str:
    """Material's content area (the page's own `<article>`s nest inside it)."""
    text = page.read_text(encoding="utf-8")
    start = text.index('<article class="md-content__inner md-typeset">')
    return text[start : text.rindex("</article>")]


def _leads_to_a_file(site: Path, page: Path, href: str) -> bool:
    target = page.parent / href if not href.startswith("/") else site / href.lstrip("/")
    return (target / "index.html" if href.endswith("/") or not href else target).is_file()


def _blog(built: Build) -> Path:
    return built.site_dir / "blog" / "index.html"


def test_an_html_page_is_its_liquid_rendered_without_markdown(built: Build) -> None:
    expected = (FIXTURE / "expected" / "blog" / "index.html").read_text(encoding="utf-8")
    assert _text(_article(_blog(built))) == _text(expected)


def test_its_links_lead_to_the_built_pages(built: Build) -> None:
    blog = _blog(built)
    hrefs = _HREF_RE.findall(_article(blog))
    assert len(hrefs) == 2
    assert all(_leads_to_a_file(built.site_dir, blog, href) for href in hrefs), hrefs


def test_it_is_in_the_nav(built: Build) -> None:
    home = (built.site_dir / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') :]
    assert "Blog" in _text(nav[: nav.index("</nav>")])


def test_a_page_without_layout_is_its_html_alone(built: Build) -> None:
    start = built.site_dir / "start.html"
    ours = start.read_text(encoding="utf-8")
    expected = (FIXTURE / "expected" / "start.html").read_text(encoding="utf-8")
    assert _text(ours) == _text(expected)
    assert ours.lstrip().startswith("<!DOCTYPE html>")
    hrefs = _HREF_RE.findall(ours)
    assert all(_leads_to_a_file(built.site_dir, start, href) for href in hrefs), hrefs
    assert built.returncode == 0, built.output
