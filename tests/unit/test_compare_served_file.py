"""compare keys a link by the file a static host answers it with: `index` (no `.html`) is
the folder's `index.html`, so a Jekyll link to `index#x` and ours to `./#x` are the same page."""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs_playbook.migration.compare import compare_sites
from support import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "migration"


def _with_link(site: Path, page: str, before: str, after: str) -> None:
    path = site / page
    text = path.read_text("utf-8")
    assert before in text
    path.write_text(text.replace(before, after), "utf-8")


def test_a_link_to_index_without_extension_is_the_folders_page(tmp_path: Path) -> None:
    jekyll, ours = tmp_path / "jekyll", tmp_path / "material"
    shutil.copytree(FIXTURES / "jekyll", jekyll)
    shutil.copytree(FIXTURES / "material", ours)
    # As ruby-lsp's pages link their home page's sections: `[code lens](index#code-lens)`.
    _with_link(jekyll, "guide/setup.html", 'href="/hb/"', 'href="../index#top"')
    _with_link(ours, "guide/setup/index.html", 'href="../../"', 'href="../../#top"')
    setup = next(page for page in compare_sites(jekyll, ours).pages if page.page == "guide/setup")
    assert (setup.links_jekyll_only, setup.links_site_only) == ((), ())
    assert setup.links_same == setup.links_total


def test_an_index_that_no_file_answers_is_missing(tmp_path: Path) -> None:
    jekyll, ours = tmp_path / "jekyll", tmp_path / "material"
    shutil.copytree(FIXTURES / "jekyll", jekyll)
    shutil.copytree(FIXTURES / "material", ours)
    _with_link(jekyll, "guide/setup.html", 'href="/hb/"', 'href="nowhere/index"')
    setup = next(page for page in compare_sites(jekyll, ours).pages if page.page == "guide/setup")
    assert setup.links_jekyll_only == ("missing:/guide/nowhere/index",)


def test_an_html_file_both_sites_copy_as_it_is_is_the_same_page(tmp_path: Path) -> None:
    # A real site publishes generated HTML reports (`<main>`, no front matter): Jekyll and
    # MkDocs copy them as they are. Ours is no Material page, and it was "not built".
    jekyll, ours = tmp_path / "jekyll", tmp_path / "material"
    shutil.copytree(FIXTURES / "jekyll", jekyll)
    shutil.copytree(FIXTURES / "material", ours)
    report = '<html><body><main><p>Report</p><a href="#summary">Summary</a></main></body></html>'
    for site in (jekyll, ours):
        (site / "report.html").write_text(report, "utf-8")
    [page] = [page for page in compare_sites(jekyll, ours).pages if page.page == "report"]
    assert (page.built, page.similarity, page.links_same, page.links_total) == (True, 1.0, 1, 1)
    # Another file at that path is not the same page.
    (ours / "report.html").write_text(report.replace("Report", "Other"), "utf-8")
    [page] = [page for page in compare_sites(jekyll, ours).pages if page.page == "report"]
    assert not page.built
