"""A file named by a relative path in raw HTML (`<video src="media/demo.mp4">`) loads, under
both URL styles, the file Jekyll's page loads: MkDocs leaves raw HTML as written, so the path
is given from the built page's URL (tests/fixtures/jekyll-raw-html-files)."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from support import ROOT, Build, run_build_with_url_style

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-raw-html-files"
_H1_RE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
_RESOURCE_RE = re.compile(r'<(?:img|video|a)\s[^>]*?\b(?:src|href)="([^"]*)"')
# Each page's raw HTML resources, as Jekyll's site has them (the page's URL there, and what
# the paths name from it); the `#part-2` anchor is kept.
EXPECTED = {
    "Home": {"images/logo.png"},
    "Demo": {"media/demo.mp4", "media/notes.txt#part-2", "images/logo.png"},
    "Setup": {"images/logo.png"},
}


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("raw-html-files") / "project"
    return run_build_with_url_style(FIXTURE, project, request.param)


def _page(site: Path, title: str) -> Path:
    """The built page whose H1 is `title`."""
    for path in site.rglob("*.html"):
        match = _H1_RE.search(path.read_text(encoding="utf-8"))
        if match and re.sub(r"<[^>]+>", "", match.group(1)).strip() == title:
            return path
    raise AssertionError(f"no page titled {title}")


def _resources(page: Path, site: Path) -> set[str]:
    text = page.read_text(encoding="utf-8")
    content = text[text.index('<article class="md-content__inner') : text.rindex("</article>")]
    found: set[str] = set()
    for href in _RESOURCE_RE.findall(content):
        parts = urlsplit(href)
        if parts.scheme or href.startswith("#") or "headerlink" in href:
            continue
        target = posixpath.normpath(posixpath.join(str(page.parent), unquote(parts.path)))
        path = Path(target)
        if path.is_file():
            relative = path.relative_to(site).as_posix()
            found.add(relative + (f"#{parts.fragment}" if parts.fragment else ""))
        else:
            found.add(f"missing:{href}")
    return found


def test_the_build_reports_nothing(built: Build) -> None:
    assert built.returncode == 0, built.output


@pytest.mark.parametrize("title", sorted(EXPECTED))
def test_each_file_is_the_one_jekylls_page_loads(built: Build, title: str) -> None:
    page = _page(built.site_dir, title)
    assert _resources(page, built.site_dir) == EXPECTED[title]
