"""`{{ p.content }}` of a page in `site.pages` (tests/fixtures/jekyll-page-content: a page
printing another's content, as abap-leitfaden's "Komplette Version" prints every page): its
text and links as Jekyll 4.3.1 wrote them (expected/), under both URL styles, where it once
printed nothing and said nothing."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from support import ROOT, Build, run_build_with_url_style

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-page-content"


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("jekyll-page-content") / "project"
    return run_build_with_url_style(FIXTURE, project, request.param, "expected")


class _Text(HTMLParser):
    """The words of an HTML text, and its links' texts and targets."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._href = None

    def handle_data(self, data: str) -> None:
        self.words += data.split()
        if self._href is not None and data.strip():
            self.links.append((data.strip(), self._href))


def _read(html: str) -> _Text:
    text = _Text()
    text.feed(html)
    return text


def _page(built: Build) -> Path:
    folder = built.site_dir / "everything" / "index.html"
    return folder if folder.is_file() else built.site_dir / "everything.html"


def _article(built: Build) -> str:
    html = _page(built).read_text(encoding="utf-8")
    found = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', html, re.S)
    assert found is not None
    return found.group(1)


def test_the_other_page_s_text_is_printed_as_jekyll_prints_it(built: Build) -> None:
    expected = _read((FIXTURE / "expected" / "everything.html").read_text(encoding="utf-8"))
    ours = _read(_article(built))
    assert ours.words == expected.words
    assert built.returncode == 0 and "WARNING" not in built.output, built.output


def test_its_links_lead_to_the_pages_jekyll_s_lead_to(built: Build) -> None:
    expected = _read((FIXTURE / "expected" / "everything.html").read_text(encoding="utf-8"))
    ours = _read(_article(built))
    assert [text for text, _ in ours.links] == [text for text, _ in expected.links]
    page = _page(built)
    for (_, href), (_, jekyll_href) in zip(ours.links, expected.links, strict=True):
        target: Path = (page.parent / href).resolve()
        target = target / "index.html" if href.endswith("/") else target
        assert target.is_file(), href
        # Jekyll's `/queue.html` is the same page.
        assert Path(jekyll_href).stem in str(target.relative_to(built.site_dir.resolve()))
