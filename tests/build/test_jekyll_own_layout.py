"""A page in a layout of the site's own, not Just the Docs' (tests/fixtures/jekyll-own-layout:
`layout: moved`, a meta-refresh page like cedar-docs' 27 `layout: forward` stubs), built
under both URL styles: it is written where Jekyll writes it, as the HTML Jekyll 4.3.1 wrote
(expected/, whitespace aside), its links to pages leading to the built pages; it is no page
of the theme, so neither in the nav nor reported as untitled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import ROOT, Build, run_build_with_url_style

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-own-layout"


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("jekyll-own-layout") / "project"
    return run_build_with_url_style(FIXTURE, project, request.param, "expected")


def _words(html: str) -> list[str]:
    return html.split()


def test_the_page_is_the_layouts_html_where_jekyll_writes_it(built: Build) -> None:
    ours = (built.site_dir / "old-runbook.html").read_text(encoding="utf-8")
    expected = (FIXTURE / "expected" / "old-runbook.html").read_text(encoding="utf-8")
    restart = "restart/" if (built.site_dir / "restart" / "index.html").is_file() else None
    if restart:  # the built page's URL, as every link to a page's Jekyll URL gets
        expected = expected.replace("url=restart.html", f"url={restart}")
        expected = expected.replace('href="restart.html"', f'href="{restart}"')
    assert _words(ours) == _words(expected)
    assert not (built.site_dir / "old-runbook" / "index.html").exists()


def test_its_links_lead_to_built_pages(built: Build) -> None:
    ours = (built.site_dir / "old-runbook.html").read_text(encoding="utf-8")
    for href in re.findall(r'(?:href="|url=)([^"]+)"', ours):
        target: Path = built.site_dir / href
        assert (target / "index.html" if href.endswith("/") else target).is_file(), href


def test_it_is_not_in_the_nav_nor_reported(built: Build) -> None:
    assert built.returncode == 0, built.output
    assert "old-runbook" not in built.output.replace("  - old-runbook.md", "")
    home = (built.site_dir / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') :]
    assert "old-runbook" not in nav[: nav.index("</nav>")]
