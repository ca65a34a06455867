"""Posts and collection documents' permalinks are checked as pages' are: a name no file may
hold, or the theme's 404.html, is a finding at the key's line and nothing is written for it,
under either URL style."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import make_project, run_build

PAGES = {
    "_config.yml": "title: T\ncollections:\n  notes:\n    output: true\n",
    "index.md": "---\ntitle: Home\n---\n# Home\n",
    "_posts/2024-01-01-nul.md": '---\ntitle: P\npermalink: "/a\\0b/"\n---\n# P\n',
    "_posts/2024-01-02-long.md": f"---\ntitle: L\npermalink: /{'a' * 300}/\n---\n# L\n",
    "_notes/query.md": '---\ntitle: N\npermalink: "/n?x/"\n---\n# N\n',
    "_notes/notfound.md": "---\ntitle: M\npermalink: /404.html\n---\n# Mine\n",
}
FINDINGS = [
    r"docs/_posts/2024-01-01-nul.md:3: permalink '/a\x00b/' holds a control character",
    "docs/_posts/2024-01-02-long.md:3: permalink '/" + "a" * 59 + "'… makes a file name of 300",
    "docs/_notes/query.md:3: permalink '/n?x/' holds `?`",
    "docs/_notes/notfound.md:3: permalink '/404.html' is the theme's 404.html already",
]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_posts_and_collection_permalinks_are_checked(tmp_path: Path, directory_urls: bool) -> None:
    config = f"use_directory_urls: {str(directory_urls).lower()}\n"
    build = run_build(make_project(tmp_path, PAGES, config), strict=False)
    assert build.returncode == 0, build.output[-3000:]
    assert "Traceback" not in build.output
    for finding in FINDINGS:
        assert f"WARNING -  playbook: {finding}" in build.output, (finding, build.output[-3000:])
    assert "Mine" not in build.html("404.html")
    written = [path.name for path in build.site_dir.rglob("*")]
    assert not [n for n in written if len(n.encode()) > 255 or "\x00" in n or "?" in n]
