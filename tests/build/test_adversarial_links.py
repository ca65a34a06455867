"""A Jekyll site's paragraph of thousands of links builds about as fast as an ordinary page
of the same size. kramdown's destination rule (`page.destinations`) finds each `(`'s balancing
`)` and each title in one pass over the paragraph; Python-Markdown rewrites the paragraph
before each link it takes, and that pass was made again for every link: 6,000 pairs of links
in one paragraph took nine minutes of CPU."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_adversarial import _timed_build, bounded_build, ordinary, repeated

SIZE = 100_000
_JEKYLL = {"_config.yml": "title: Ops\n"}
_FRONT_MATTER = "---\ntitle: Page\n---\n\n"
"""Without front matter a Jekyll site copies a page unread, as Jekyll does."""


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> float:
    """Build time of an ordinary page of `SIZE` on a Jekyll site."""
    text = _FRONT_MATTER + ordinary(SIZE)
    return _timed_build(tmp_path_factory.mktemp("ordinary"), text, _JEKYLL)[0]


def test_a_paragraph_of_links_and_titled_links(baseline: float, tmp_path: Path) -> None:
    text = _FRONT_MATTER + repeated('[a](b.md "t") [c](b.md) ', SIZE)
    pairs = text.count("[c]")
    more = {**_JEKYLL, "b.md": _FRONT_MATTER + "B\n"}
    build = bounded_build(tmp_path, text, more, baseline=baseline)
    html = build.html("index.html")
    assert html.count('<a href="b/" title="t">a</a>') == pairs
    assert html.count('<a href="b/">c</a>') == pairs
