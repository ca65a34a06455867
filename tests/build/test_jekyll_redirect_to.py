"""A page with jekyll-redirect-from's `redirect_to` is a redirect where the page would be, as
Jekyll writes it (checked with Jekyll 4.3.1 and jekyll-redirect-from 0.16.0): to a full URL as
written, to a site path's page from the page's URL; an untitled one stays out of the nav
without a report, a titled one is listed (tests/fixtures/jekyll-redirect-to)."""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

import pytest

from mkdocs_playbook.jekyll.permalinks import redirect_to
from support import ROOT, Build, nav_labels, run_build, run_build_with_url_style

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-redirect-to"
_REFRESH_RE = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]*)">')


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("redirect-to") / "project"
    return run_build_with_url_style(FIXTURE, project, request.param)


def _page(build: Build, name: str) -> Path:
    """The page's file under either URL style (only one of them is written)."""
    folder = build.site_dir / name / "index.html"
    return folder if folder.is_file() else build.site_dir / f"{name}.html"


def _refresh(page: Path) -> str:
    match = _REFRESH_RE.search(page.read_text(encoding="utf-8"))
    assert match, page
    return match.group(1).replace("&amp;", "&")


def test_the_build_reports_nothing(built: Build) -> None:
    assert built.returncode == 0, built.output


def test_a_full_url_is_where_the_page_sends_its_readers(built: Build) -> None:
    assert _refresh(_page(built, "invite")) == "https://chat.example.com/invite?team=docs"


def test_a_site_path_leads_to_its_page(built: Build) -> None:
    page = _page(built, "old-guide")
    target = Path(posixpath.normpath(posixpath.join(str(page.parent), _refresh(page))))
    if target.is_dir():
        target = target / "index.html"
    assert target == _page(built, "guide")
    assert "never shown" not in page.read_text(encoding="utf-8")


def test_a_titled_redirect_is_listed_an_untitled_one_is_not(built: Build) -> None:
    assert nav_labels(_page(built, "guide").read_text(encoding="utf-8")) == [
        "Home",
        "Guide",
        "Old guide",
    ]


def test_without_jekyll_redirect_from_the_page_is_a_page(tmp_path: Path) -> None:
    """Jekyll ignores `redirect_to` when the plugin does not run: the page shows its text."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "docs" / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8").split("plugins:")[0], encoding="utf-8")
    build = run_build(project, strict=False)
    page = _page(build, "old-guide")
    assert _REFRESH_RE.search(page.read_text(encoding="utf-8")) is None
    assert "never shown" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"redirect_to": "https://x.example/a"}, "https://x.example/a"),
        ({"redirect_to": [None, "/guide.html", "/other.html"]}, "/guide.html"),
        ({"redirect_to": None}, None),
        ({"redirect_to": {"url": "/x"}}, None),
        ({}, None),
    ],
)
def test_redirect_to_is_the_first_url_given(data: dict[str, object], expected: str | None) -> None:
    assert redirect_to(data) == expected
