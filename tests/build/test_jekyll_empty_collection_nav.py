"""A collection Just the Docs lists (`just_the_docs.collections`) that has no documents yet adds
no entry to the nav. Just the Docs prints its bare heading over an empty list; Material has no
entry without a page, and made it a link to the current folder (".": a real guide's
"Previous Versions" led from every page to that page's folder). Under both URL styles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import nav_labels, run_pages_build

PAGES = {
    "_config.yml": (
        "title: Guide\ncollections:\n  archive:\n    output: true\n  notes:\n    output: true\n"
        "just_the_docs:\n  collections:\n    notes:\n      name: Notes\n"
        "    archive:\n      name: Previous Versions\n"
    ),
    "index.md": "---\ntitle: Home\nnav_order: 1\n---\n# Home\n",
    "guide/setup.md": "---\ntitle: Setup\nnav_order: 2\n---\n# Setup\n",
    "_notes/first.md": "---\ntitle: First note\n---\n# First note\n",
}


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_an_empty_collection_is_no_nav_link(tmp_path: Path, directory_urls: bool) -> None:
    build = run_pages_build(tmp_path, PAGES, directory_urls)
    assert build.returncode == 0, build.output
    setup = build.html("guide/setup/index.html" if directory_urls else "guide/setup.html")
    for html in (build.html("index.html"), setup):
        assert "Previous Versions" not in nav_labels(html)
        assert not re.search(r'href="\.?/?"[^>]*>\s*(<[^>]+>\s*)*Previous Versions', html)
        assert "First note" in html
