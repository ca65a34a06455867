"""kramdown's readings that Python-Markdown lacks (`jekyll.kramdown_tables`, ...) cannot stall a
Jekyll site's build: pages built of what each looks at build within `RATIO` of the processor
time of an ordinary page of the same size, on a site with a `_config.yml` (where they run)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from test_adversarial import RATIO, _timed_build, ordinary, repeated

SIZE = 100_000
_JEKYLL = {"_config.yml": "title: Ops\n"}
_FRONT_MATTER = "---\ntitle: Page\n---\n"
"""Without it Jekyll copies a Markdown file as it is, and so do we: nothing would be read."""

PATHOLOGICAL: dict[str, Callable[[], str]] = {
    # Tables: one block of rows; code spans and `<code>` elements opened and never closed
    # (each would have the rest of the block searched again); runs of backticks, longest first.
    "table-of-one-block": lambda: repeated("| a | b |\n", SIZE),
    "table-unclosed-code-spans": lambda: repeated("| `` a |\n", SIZE),
    "table-unclosed-code-elements": lambda: repeated("<code>", SIZE, "|") + "|\n",
    "table-backtick-runs": lambda: "|" + " ".join("`" * n for n in range(440, 0, -1)) + "|\n",
    # Quotes after markup, read from the characters around each (short paragraphs: one long
    # paragraph of inline elements is slow in Python-Markdown's own inline pass, quotes or not).
    "quotes-after-markup": lambda: repeated('"*a*" "[b](c)" "-" l\'"x"\n\n', SIZE),
}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> float:
    """Build time of an ordinary page of `SIZE` on a Jekyll site."""
    return _timed_build(
        tmp_path_factory.mktemp("ordinary"), _FRONT_MATTER + ordinary(SIZE), _JEKYLL
    )[0]


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_a_kramdown_pathological_page_builds_about_as_fast_as_an_ordinary_one(
    name: str, baseline: float, tmp_path: Path
) -> None:
    text = PATHOLOGICAL[name]()
    assert abs(len(text) - SIZE) < SIZE // 10
    seconds, build = _timed_build(tmp_path, _FRONT_MATTER + text, _JEKYLL)
    assert "<table>" in build.html("index.html") or "&rdquo;" in build.html("index.html")
    assert seconds <= RATIO * baseline, (name, seconds, baseline)
