"""The nesting cap holds where list markers follow something else that opens a block on the same
line: a definition (`: `), a footnote (`[^1]:`) or an HTML element read as Markdown
(`<div markdown="1">`), also inside a block quote or a list item.

Before, the cap counted markers only from the start of a line, so `Term` then `: - - - … x`
raised Python-Markdown's `RecursionError` and the build stopped with a traceback naming no
file. Each page is built with the real `mkdocs build` (definition lists, footnotes and
md_in_html are on, as kramdown has them) and judged, as in `test_adversarial`, by its
processor time against an ordinary page of the same size (`RATIO`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from test_adversarial import bounded_build

SIZE = 100_000
MARKERS = "- "


def _page(before: str, after: str = "x\n") -> str:
    """`# Page`, then `before` and as many list markers as make the page `SIZE` long."""
    head = "# Page\n\n" + before
    return head + MARKERS * ((SIZE - len(head) - len(after)) // len(MARKERS)) + after


PAGES = {
    # (the page, the line of the report)
    "definition": (_page("Term\n: "), 4),
    "footnote": (_page("See the note[^1].\n\n[^1]: "), 5),
    "html-element": (_page('<div markdown="1">', "x\n</div>\n"), 3),
    "definition-in-a-quote": (_page("> Term\n> : "), 4),
    "definition-in-a-list-item": (_page("- Term\n\n    : "), 5),
}


@pytest.fixture
def baseline(ordinary_seconds: Callable[[int], float]) -> float:
    """Build time of an ordinary page of `SIZE`."""
    return ordinary_seconds(SIZE)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_markers_after_a_block_opener_are_capped_and_reported(
    name: str, baseline: float, tmp_path: Path
) -> None:
    text, line = PAGES[name]
    build = bounded_build(tmp_path, text, baseline=baseline)
    assert "Traceback" not in build.output, build.output[-3000:]
    assert re.search(
        rf"docs/index\.md:{line}: blocks nested \d+ levels deep; beyond 100 the rest of the "
        "line is shown as written",
        build.output,
    ), build.output[-3000:]
    html = build.html("index.html")
    # The markers past the cap are text, as written.
    assert "- - - x" in html
    assert html.count("<ul>") <= 100
