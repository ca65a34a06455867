"""`compare` reads careless pages in work proportional to their size: deep nesting, stray end
tags and long runs of repeated words cost four times the work for four times the page
(counted as in `test_linear`, not timed)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from test_linear import LINEAR_RATIO, work

from mkdocs_playbook.migration.compare import similarity
from mkdocs_playbook.migration.pages import read_page

MAIN = '<div id="main-content">'
PAGES: dict[str, Callable[[int], str]] = {
    # Elements never closed, then end tags that close nothing.
    "unclosed-then-stray": lambda n: MAIN + "<div><em>word " * n + "</span>" * n,
    # One end tag closing a deep run of open elements.
    "closed-at-once": lambda n: MAIN + "<section>" + "<p><b>word " * n + "</section>",
    # A navigation nested as deep as the page is long.
    "nested-nav": lambda n: (
        '<nav id="site-nav">'
        + '<ul class="nav-list"><li class="nav-list-item"><a class="nav-list-link" href="x">T</a>'
        * n
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_reading_a_page_costs_linear_work(name: str) -> None:
    make = PAGES[name]
    read = partial(read_page, theme="jekyll")
    small, large = work(make(500), read), work(make(2000), read)
    assert small > 1000
    assert large / small <= LINEAR_RATIO, (small, large, large / small)


def test_similarity_of_repeated_words_costs_linear_work() -> None:
    def compare(n: int) -> Callable[[str], object]:
        ours = ["b a c"] * n
        return lambda text: similarity(text.splitlines(), ours)

    small = work("\n".join(["a b c"] * 500), compare(500))
    large = work("\n".join(["a b c"] * 2000), compare(2000))
    assert small > 1000
    assert large / small <= LINEAR_RATIO, (small, large, large / small)
