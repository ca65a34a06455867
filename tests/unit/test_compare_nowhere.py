"""What compare counts the same on real sites (#24, #29): a link broken on both sides, an empty
page Jekyll writes, and a repository link to a file (not a page) that our build rewrites."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mkdocs_playbook.migration.compare import PageComparison, Report, compare_sites
from support import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "migration"
ANCHOR = "<p>Run the installer on your laptop.</p>"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _sites(tmp_path: Path, jekyll: str, ours: str) -> tuple[Path, Path]:
    shutil.copytree(FIXTURES, tmp_path / "sites")
    root = tmp_path / "sites"
    _edit(root / "jekyll/guide/setup.html", ANCHOR, ANCHOR + jekyll)
    _edit(root / "material/guide/setup/index.html", ANCHOR, ANCHOR + ours)
    return root / "jekyll", root / "material"


def _setup(report: Report) -> PageComparison:
    return next(page for page in report.pages if page.page == "guide/setup")


# As guac-docs prints `[demos]({{ site.baseurl }}{guac/x.md %})` (its `% link` missing): the
# same href, outside Jekyll's base URL and missing from ours, a link to nothing on both sites.
BROKEN = '<p><a href="/hb{guide/x.md %}">demos</a></p>'


def test_a_link_that_leads_nowhere_on_both_sides_leads_where_jekylls_does(
    tmp_path: Path,
) -> None:
    jekyll, ours = _sites(tmp_path, BROKEN, BROKEN.replace("/hb{", "/{"))
    report = compare_sites(jekyll, ours)
    setup = _setup(report)
    assert (setup.links_jekyll_only, setup.links_site_only) == ((), ())
    assert setup.links_nowhere == ("outside:/hb{guide/x.md %}",)
    assert setup.links_same == setup.links_total
    assert "lead to the same page (1 to no page on either side), " in report.summary()
    assert "broken in Jekyll's site too" in report.markdown()


@pytest.mark.parametrize(
    ("jekyll", "ours"),
    [
        # Jekyll's leads to a page, ours to nothing, and the other way round.
        ('<p><a href="/hb/">home</a></p>', BROKEN.replace("/hb{", "/{")),
        (BROKEN, '<p><a href="../../">home</a></p>'),
    ],
)
def test_a_link_broken_on_one_side_only_differs(tmp_path: Path, jekyll: str, ours: str) -> None:
    setup = _setup(compare_sites(*_sites(tmp_path, jekyll, ours)))
    assert setup.links_nowhere == ()
    assert setup.links_same == setup.links_total - 1
    assert len(setup.links_jekyll_only) == len(setup.links_site_only) == 1


def test_an_empty_page_jekyll_writes_and_we_do_not_build_loses_nothing(tmp_path: Path) -> None:
    # As cedar-docs: jekyll-optional-front-matter writes an empty page for a collection file.
    jekyll, ours = _sites(tmp_path, "", "")
    setup_page = jekyll / "guide" / "setup.html"
    text = setup_page.read_text("utf-8")
    start, end = text.index('role="main">') + len('role="main">'), text.index("<hr>")
    setup_page.write_text(text[:start] + "\n" + text[end:], "utf-8")
    shutil.rmtree(ours / "guide" / "setup")
    report = compare_sites(jekyll, ours)
    setup = _setup(report)
    assert (setup.built, setup.empty, setup.similarity) == (False, True, 1.0)
    assert "(1 not built by MkDocs, 1 of them empty in Jekyll's site)" in report.summary()
    assert "not built (empty in Jekyll's site)" in report.markdown()
    assert not [line for line in report.failures(0.95) if line.startswith("/guide/setup")]


REPOSITORY_CONFIG = "gh_edit_repository: https://github.com/ops/runbooks\ngh_edit_source: docs\n"


@pytest.mark.parametrize(
    ("path", "same"),
    [("docs/assets/js/data.json", True), ("docs/assets/js/other.json", False)],
)
def test_a_repository_link_to_a_file_of_the_site_leads_to_that_file(
    tmp_path: Path, path: str, same: bool
) -> None:
    # As jtd-docs' search page: `{{ site.github.repository_url }}/blob/main/assets/js/x.json`,
    # which our build rewrites to the site's own copy of the file.
    link = f'<p><a href="https://github.com/ops/runbooks/blob/main/{path}">data</a></p>'
    jekyll, ours = _sites(tmp_path, link, '<p><a href="../../assets/js/data.json">data</a></p>')
    (ours / "assets" / "js").mkdir(parents=True)
    (ours / "assets" / "js" / "data.json").write_text("{}", "utf-8")
    (jekyll.parent / "_config.yml").write_text(REPOSITORY_CONFIG, "utf-8")
    setup = _setup(compare_sites(jekyll, ours))
    assert (setup.links_same == setup.links_total) is same
