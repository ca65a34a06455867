"""The migration report, on hand-written pages of both themes (tests/fixtures/migration)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mkdocs_playbook.__main__ import main
from mkdocs_playbook.migration.compare import NavEntry, compare_sites, page_key, similarity
from mkdocs_playbook.migration.pages import NavLink, Theme, read_page
from support import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "migration"
JEKYLL = FIXTURES / "jekyll"
MATERIAL = FIXTURES / "material"


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("index.html", ""),
        ("/", ""),
        ("guide/", "guide"),
        ("guide/index.html", "guide"),
        ("guide.html", "guide"),
        ("guide/setup.html", "guide/setup"),
        ("guide/setup/", "guide/setup"),
        ("/guide/setup/index.html", "guide/setup"),
    ],
)
def test_page_keys_are_the_same_whatever_the_url_style(path: str, key: str) -> None:
    assert page_key(path) == key


@pytest.mark.parametrize(
    ("page", "theme", "nav"),
    [
        (
            JEKYLL / "index.html",
            "jekyll",
            [("Home", "/hb/"), ("Guide", "/hb/guide/"), ("Setup", "/hb/guide/setup.html")],
        ),
        # Without the page's own table of contents, nested in Material's navigation.
        (
            MATERIAL / "index.html",
            "material",
            [("Home", "./"), ("Guide", "guide/"), ("Setup", "guide/setup/")],
        ),
    ],
    ids=["just-the-docs", "material"],
)
def test_nav_is_read_with_its_nesting(page: Path, theme: Theme, nav: list[tuple[str, str]]) -> None:
    levels = [0, 0, 1, 0]
    expected = [*nav, ("Tracker", "https://tracker.example.com")]
    assert read_page(page.read_text("utf-8"), theme).nav == [
        NavLink(level, title, href) for level, (title, href) in zip(levels, expected, strict=True)
    ]


def test_just_the_docs_base_url_is_its_site_title_link() -> None:
    assert read_page((JEKYLL / "index.html").read_text("utf-8"), "jekyll").home_href == "/hb/"


def test_main_text_leaves_out_anchors_edit_links_and_controls() -> None:
    theirs = read_page((JEKYLL / "guide/setup.html").read_text("utf-8"), "jekyll")
    ours = read_page((MATERIAL / "guide/setup/index.html").read_text("utf-8"), "material")
    assert theirs.lines == [
        "Setup",
        "Install",
        "Run the installer on your laptop.",
        "make install",
        "make check",
        "Back home, or read the vendor's docs.",
    ]
    assert ours.lines == theirs.lines
    assert "Reset" not in " ".join(ours.lines)
    assert "Edit this page on GitHub" not in " ".join(theirs.lines)
    assert theirs.links == ["/hb/", "https://example.com/docs"]
    assert ours.links == ["../../", "https://example.com/docs"]


def test_a_page_without_main_content_is_not_a_page() -> None:
    assert not read_page((JEKYLL / "old.html").read_text("utf-8"), "jekyll").has_main


def test_sites_compare_page_by_page() -> None:
    report = compare_sites(JEKYLL, MATERIAL)
    figures = {page.page: round(page.similarity, 3) for page in report.pages}
    # Jekyll's guide also lists its child page: 4 words alike of 8 and 4, 2*4/12.
    assert figures == {"": 1.0, "guide": 0.667, "guide/setup": 1.0}
    assert report.site_only == ("extra",)
    assert [(row.equal, row.jekyll) for row in report.nav] == [
        (True, NavEntry(0, "Home", "")),
        (True, NavEntry(0, "Guide", "guide")),
        (True, NavEntry(1, "Setup", "guide/setup")),
        (True, NavEntry(0, "Tracker", "https://tracker.example.com")),
    ]
    assert (report.links_same, report.links_different) == (3, 1)
    guide = next(page for page in report.pages if page.page == "guide")
    assert guide.links_jekyll_only == ("guide/setup",)
    assert guide.diff == ("- Table of contents", "- Setup")


def test_summary_and_markdown_name_the_figures() -> None:
    report = compare_sites(JEKYLL, MATERIAL)
    assert report.summary().splitlines() == [
        "Pages compared: 3; 1 only in MkDocs' site",
        "Text similarity: median 1.00, minimum 0.67 (/guide)",
        "Navigation: 4 entries equal, 0 different",
        "In-content links: 3 lead to the same page, 1 do not",
        "Literal markers: 0 on 0 pages "
        "(Liquid, kramdown or alert syntax that Jekyll's pages do not show)",
    ]
    markdown = report.markdown()
    assert "| = | · Setup → `/guide/setup` | · Setup → `/guide/setup` |" in markdown
    assert "| `/guide` | 0.667 | 0 of 1 | 0 |" in markdown
    assert "- Jekyll: `/guide/setup`" in markdown
    assert report.failures(0.95) == ["/guide: similarity 0.67 under 0.95"]
    assert report.failures(0.6) == []


def test_a_renamed_or_missing_nav_entry_differs(tmp_path: Path) -> None:
    ours = tmp_path / "material"
    shutil.copytree(MATERIAL, ours)
    home = ours / "index.html"
    home.write_text(home.read_text("utf-8").replace("Setup\n", "Set up\n"), "utf-8")
    report = compare_sites(JEKYLL, ours)
    differing = [row for row in report.nav if not row.equal]
    assert [(row.jekyll, row.site) for row in differing] == [
        (NavEntry(1, "Setup", "guide/setup"), NavEntry(1, "Set up", "guide/setup"))
    ]
    assert report.failures(0.5) == ["navigation: 1 entries differ"]


def test_a_page_we_did_not_build_is_similarity_zero(tmp_path: Path) -> None:
    ours = tmp_path / "material"
    shutil.copytree(MATERIAL, ours)
    shutil.rmtree(ours / "guide" / "setup")
    report = compare_sites(JEKYLL, ours)
    setup = next(page for page in report.pages if page.page == "guide/setup")
    assert (setup.built, setup.similarity, setup.links_same) == (False, 0.0, 0)
    assert "Pages compared: 3 (1 not built by MkDocs)" in report.summary()


@pytest.mark.parametrize(
    ("jekyll", "ours", "expected"),
    [
        ([], [], 1.0),
        (["a b c d"], ["a b c d"], 1.0),
        (["a b", "c d"], ["a b c d"], 1.0),  # lines do not matter, words do
        (["a b c d"], ["a b c e"], 0.75),
        (["a b c d"], [], 0.0),
    ],
)
def test_similarity_is_word_based(jekyll: list[str], ours: list[str], expected: float) -> None:
    assert similarity(jekyll, ours) == expected


def test_compare_command_writes_the_report_and_exits_on_the_threshold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.md"
    arguments = ["compare", str(JEKYLL), "--site", str(MATERIAL), "--report", str(report)]
    assert main(arguments) == 1
    assert "/guide: similarity 0.67 under 0.95" in capsys.readouterr().out
    assert report.read_text("utf-8").startswith("# Migration report")
    assert main([*arguments, "--min-similarity", "0.6"]) == 0


@pytest.mark.parametrize(
    "arguments",
    [
        ["compare", "missing-folder", "--site", str(MATERIAL)],
        ["compare", str(JEKYLL), "--site", "missing-folder"],
        ["compare", str(JEKYLL), "--site", str(MATERIAL), "--min-similarity", "2"],
        ["compare"],
    ],
    ids=["no-jekyll-site", "no-site", "similarity-over-1", "no-folder"],
)
def test_compare_usage_errors_exit_2(tmp_path: Path, arguments: list[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main([*arguments, "--report", str(tmp_path / "r.md")] if len(arguments) > 1 else arguments)
    assert exit.value.code == 2


def test_a_report_that_cannot_be_written_is_a_usage_error(tmp_path: Path) -> None:
    report = tmp_path / "missing" / "report.md"
    with pytest.raises(SystemExit) as exit:
        main(["compare", str(JEKYLL), "--site", str(MATERIAL), "--report", str(report)])
    assert exit.value.code == 2
