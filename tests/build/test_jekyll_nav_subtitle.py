"""A Jekyll page's nav entry is its title alone, as in Just the Docs, whatever front matter
Material's nav would print beside it: R Markdown's `subtitle:` (trajectoires-pro's
"Document de travail - Mai 2024" under "Impact LBA"), `icon:`, `status:`. Liquid's
`{{ page.subtitle }}` still prints it. Under both URL styles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import make_project, nav_labels, run_build

PAGES = {
    "_config.yml": "title: Guides\n",
    "index.md": "---\ntitle: Home\nnav_order: 1\n---\n# Home\n",
    "guide.md": (
        "---\ntitle: Guide\nsubtitle: Draft\nnav_order: 2\n---\n# Guide\n\n"
        "This guide is a {{ page.subtitle }}.\n"
    ),
    "report.md": (
        "---\ntitle: Report\nicon: octicons/alert-16\nstatus: new\nnav_order: 3\n---\n# Report\n"
    ),
}


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_the_nav_shows_each_title_alone(tmp_path: Path, directory_urls: bool) -> None:
    config = f"use_directory_urls: {str(directory_urls).lower()}\n"
    build = run_build(make_project(tmp_path, PAGES, config))
    assert build.returncode == 0, build.output
    guide = "guide/index.html" if directory_urls else "guide.html"
    for page in ("index.html", guide):
        html = build.html(page)
        assert nav_labels(html) == ["Home", "Guide", "Report"]
        nav = html[html.index('class="md-nav md-nav--primary"') :]
        # Its entries, past the logo's icon.
        nav = nav[nav.index('<ul class="md-nav__list"') : nav.index("</nav>")]
        assert not re.search(r"<small>|md-status|<svg", nav), nav
    assert "This guide is a Draft." in build.html(guide)
