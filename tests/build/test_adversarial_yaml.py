"""Hostile YAML and page data cannot stall or crash the build: each is reported at its file and
line, without a traceback, within `RATIO` of the processor time of an ordinary build.

An alias bomb in `_config.yml` (395 bytes) ended in `MemoryError`; `title: *l7` in front matter
took 67 s; 5,000 nested lists raised a `RecursionError` naming no file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile_yaml import alias_bomb, nested_yaml
from test_adversarial import _timed_build, bounded_build, ordinary

from support import make_project, run_build

SIZE = 20_000


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> float:
    """Build time of an ordinary page of `SIZE`, with an ordinary `_config.yml`."""
    root = tmp_path_factory.mktemp("ordinary")
    # The page has no front matter: the plugin has Jekyll render it as a page.
    config = "title: Ops\nplugins:\n  - jekyll-optional-front-matter\n"
    return _timed_build(root, ordinary(SIZE), {"_config.yml": config})[0]


@pytest.mark.parametrize(
    ("config", "line", "message"),
    [
        pytest.param(alias_bomb(8), 5, r"alias \*l3: the aliases would repeat", id="alias-bomb"),
        pytest.param(nested_yaml(5_000), 1, "nested more than 100 levels deep", id="nested"),
    ],
)
def test_a_hostile_config_stops_the_build_at_its_line(
    config: str, line: int, message: str, baseline: float, tmp_path: Path
) -> None:
    build = bounded_build(
        tmp_path, ordinary(SIZE), {"_config.yml": config}, succeeds=False, baseline=baseline
    )
    assert re.search(rf"docs/_config\.yml:{line}: malformed _config\.yml: {message}", build.output)
    assert "Traceback" not in build.output


@pytest.mark.parametrize(
    ("front_matter", "line", "message"),
    [
        pytest.param(
            alias_bomb(7) + "title: *l7\n", 6, r"alias \*l3: the aliases would", id="alias-bomb"
        ),
        pytest.param(nested_yaml(5_000), 2, "nested more than 100 levels", id="nested"),
        pytest.param("title: A\nd: &d [1, *d]\n", 3, r"alias \*d is inside", id="cycle"),
        pytest.param("title: A\ndate: 2024-13-45\n", 3, "cannot read '2024-13-45'", id="date"),
    ],
)
def test_hostile_front_matter_is_a_finding_at_its_line(
    front_matter: str, line: int, message: str, baseline: float, tmp_path: Path
) -> None:
    page = f"---\n{front_matter}---\n{ordinary(SIZE)}"
    build = bounded_build(tmp_path, page, {"_config.yml": "title: Ops\n"}, baseline=baseline)
    assert re.search(rf"docs/index\.md:{line}: malformed front matter: {message}", build.output)
    assert "Traceback" not in build.output
    assert "Restart the worker" in build.html("index.html")


def _permalink_pages(other_url: str) -> dict[str, str]:
    """Pages whose `permalink` or `redirect_from` name a file the build must not write;
    `other_url` is the URL of other.md."""
    return {
        "index.md": "# Home\n",
        "other.md": "---\ntitle: Other\n---\n# Other page\n",
        "nul.md": '---\ntitle: Nul\npermalink: "/a\\0b/"\n---\n# Nul\n',
        "newline.md": '---\ntitle: Newline\npermalink: "/a\\nb.html"\n---\n# Newline\n',
        "query.md": "---\ntitle: Query\npermalink: /a?b=1\n---\n# Query\n",
        "long.md": f"---\ntitle: Long\npermalink: /{'a' * 300}/\n---\n# Long\n",
        "notfound.md": "---\ntitle: Not found\npermalink: /404.html\n---\n# Mine\n",
        "taken.md": f"---\ntitle: Taken\npermalink: {other_url}\n---\n# Taken\n",
        "redirects.md": "---\ntitle: Redirects\nredirect_from:\n"
        f'  - {other_url}\n  - "/r\\0/"\n  - /{"b" * 300}/\n  - /gone/\n---\n# Redirects\n',
        "second.md": "---\ntitle: Second\nredirect_from: /gone/\n---\n# Second\n",
    }


@pytest.mark.parametrize(
    ("directory_urls", "other_url"), [(True, "/other/"), (False, "/other.html")]
)
def test_no_page_data_names_a_file_the_build_cannot_or_must_not_write(
    directory_urls: bool, other_url: str, tmp_path: Path
) -> None:
    config = f"use_directory_urls: {str(directory_urls).lower()}\n"
    build = run_build(make_project(tmp_path, _permalink_pages(other_url), config), strict=False)
    assert build.returncode == 0, build.output[-3000:]
    assert "Traceback" not in build.output
    findings = [
        ("nul.md:3", r"permalink '/a\\x00b/' holds a control character"),
        ("newline.md:3", r"permalink '/a\\nb.html' holds a control character"),
        ("query.md:3", r"permalink '/a\?b=1' holds `\?`"),
        ("long.md:3", r"permalink '/a{59}'… makes a file name of 300 bytes"),
        ("notfound.md:3", r"permalink '/404.html' is the theme's 404.html already"),
        ("taken.md:3", rf"permalink '{other_url}' is other.md's URL already"),
        ("redirects.md:3", rf"redirect_from '{other_url}' is other.md's URL already"),
        ("redirects.md:3", r"redirect_from '/r\\x00/' holds a control character"),
        ("redirects.md:3", r"redirect_from '/b{59}'… makes a file name of 300 bytes"),
        ("second.md:3", r"redirect_from '/gone/' is the redirect from redirects.md already"),
    ]
    for where, message in findings:
        assert re.search(rf"WARNING -  playbook: docs/{where}: {message}", build.output), (
            where,
            build.output[-3000:],
        )
    # The theme's 404 page, other.md and the first redirect are what they were.
    assert "Mine" not in build.html("404.html")
    other = "other/index.html" if directory_urls else "other.html"
    assert "Other page" in build.html(other)
    assert 'http-equiv="refresh"' in build.html("gone/index.html")
    assert "redirects" in build.html("gone/index.html")
    written = [path.name for path in build.site_dir.rglob("*")]
    assert not [name for name in written if len(name.encode()) > 255 or "\x00" in name]
