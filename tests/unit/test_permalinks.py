"""Where `permalink` and `redirect_from` put a page, and the names no file of the site may have."""

from __future__ import annotations

import pytest

from mkdocs_playbook.jekyll.permalinks import (
    Destination,
    permalink_destination,
    redirect_destinations,
)

LONG = "a" * 300


@pytest.mark.parametrize(
    ("permalink", "path"),
    [
        ("/docs/config/", "docs/config/index.html"),
        ("/docs/config", "docs/config.html"),
        ("docs/config.html", "docs/config.html"),
        ("/", "index.html"),
        ("/404.html", "404.html"),
        ("/" + "é" * 122 + "/", "é" * 122 + "/index.html"),  # 244 bytes: still a name
        ("/" + "a" * 250, "a" * 250 + ".html"),  # 255 bytes with its suffix
    ],
)
def test_a_literal_permalink_is_the_page_file(permalink: str, path: str) -> None:
    assert permalink_destination(permalink) == Destination(path, given=permalink)


@pytest.mark.parametrize(
    ("permalink", "reason"),
    [
        ("/a\x00b/", "holds a control character"),
        ("/a\nb/", "holds a control character"),
        ("/a\tb.html", "holds a control character"),
        ("/a\x7fb/", "holds a control character"),
        ("/a?b=1", "holds `?`"),
        ("/a#top", "holds `#`"),
        (f"/{LONG}/", "makes a file name of 300 bytes; a name holds at most 255"),
        ("/" + "a" * 251, "makes a file name of 256 bytes"),
        ("/" + "é" * 128 + "/", "makes a file name of 256 bytes"),
        ("/docs/:title/", "uses Jekyll's placeholders"),
        ("", "must be a path"),
        (["/a/"], "must be a path"),
    ],
)
def test_a_permalink_no_file_may_have_says_why(permalink: object, reason: str) -> None:
    destination = permalink_destination(permalink)
    assert destination.path is None
    assert reason in destination.problem
    assert destination.problem.startswith("permalink")


@pytest.mark.parametrize(
    ("redirect_from", "paths", "problems"),
    [
        ("/old/", ["old/index.html"], [""]),
        (["/old/", "/older.html"], ["old/index.html", "older.html"], ["", ""]),
        (None, [], []),
        (["/ok/", "/a\x00b/"], ["ok/index.html", None], ["", "redirect_from '/a\\x00b/' holds"]),
        ([f"/{LONG}"], [None], ["redirect_from '" + "/" + "a" * 59 + "'… makes a file name"]),
        (["/x?y"], [None], ["redirect_from '/x?y' holds `?`"]),
        ([3], [None], ["redirect_from must be a path"]),
        ({"a": 1}, [None], ["redirect_from must be a path or a list of paths"]),
    ],
)
def test_redirect_destinations_each_with_its_problem(
    redirect_from: object, paths: list[str | None], problems: list[str]
) -> None:
    destinations = redirect_destinations(redirect_from)
    assert [d.path for d in destinations] == paths
    assert all(d.problem.startswith(p) for d, p in zip(destinations, problems, strict=True))
