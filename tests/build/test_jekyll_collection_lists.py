"""`site.LABEL` lists a collection's documents, as Jekyll's `SiteDrop` does, in the order
`Collection#sort_docs!` gives them: the `order:` list first (a name no document has is
skipped), the others after by path; else by `sort_by`, documents without the key last; else by
`Document#<=>` (date where both have one, else path; with some undated, glibc's merge sort's own
order, as Debian's Ruby sorts; a real site's nav showed it). A collection without `output: true`
is listed, not written. `site.pages` holds no collection's documents. A real handbook's course
and project tables (`{% for course in site.courses %}`) were empty. Against what real Jekyll
4.3.1 wrote (tests/fixtures/jekyll-collection-lists/jekyll-index.html), under both URL styles."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from support import ROOT, run_build_with_url_style

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-collection-lists"
_ITEM = re.compile(r"<li>(.*?)</li>", re.DOTALL)
_PAGES = re.compile(r"<p>(Pages, .*?)</p>", re.DOTALL)


def _texts(page: str) -> list[str]:
    found = [*_ITEM.findall(page), *_PAGES.findall(page)]
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split()) for text in found]


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_a_page_lists_each_collection_as_jekyll_does(tmp_path: Path, directory_urls: bool) -> None:
    project = tmp_path / "project"
    build = run_build_with_url_style(FIXTURE, project, directory_urls, "jekyll-index.html")
    assert build.returncode == 0, build.output
    ours = build.html("index.html")
    ours = ours[ours.index('<article class="md-content__inner') :]
    jekyll = (FIXTURE / "jekyll-index.html").read_text(encoding="utf-8")
    expected = _texts(jekyll)
    assert expected[0] == "Summer 2025 at /courses/2025-summer/"  # the fixture is what it says
    assert _texts(ours)[: len(expected)] == expected
    # The team's documents are listed, not written (`output: false`), as in Jekyll.
    assert not [path for path in build.site_dir.rglob("*") if "ada" in path.name], "written"
