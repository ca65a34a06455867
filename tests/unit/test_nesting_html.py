"""The nesting cap covers HTML elements inside Markdown (md_in_html), which nest by recursion."""

from __future__ import annotations

import logging

import markdown
import pytest
from markdown.util import BLOCK_LEVEL_ELEMENTS

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.page.model import PageModel
from mkdocs_playbook.page.nesting import MAX_DEPTH, deep_html

MD_DIV = '<div markdown="1">'


def _nested(opening: str, depth: int, head: str = "") -> list[str]:
    return [head] * bool(head) + [opening] * depth + ["x"] + ["</div>"] * (depth + bool(head))


@pytest.mark.parametrize(
    ("lines", "first", "escaped"),
    [
        (_nested(MD_DIV, MAX_DEPTH), None, 0),
        (_nested(MD_DIV, MAX_DEPTH + 2), MAX_DEPTH, 4),
        # Raw HTML without Markdown inside is stashed whole, never recursed into.
        (_nested("<div>", 3 * MAX_DEPTH), None, 0),
        (_nested("<div>", MAX_DEPTH + 5, head=MD_DIV), MAX_DEPTH, 12),
        ([MD_DIV * (MAX_DEPTH + 1) + "x" + "</div>" * (MAX_DEPTH + 1)], 0, 2),
        # Inline elements and self-closing ones do not nest blocks.
        ([MD_DIV + "<span>" * 500 + "</span>" * 500 + "</div>"], None, 0),
        ([MD_DIV] + ["<hr>", "<div/>"] * 500 + ["</div>"], None, 0),
    ],
)
def test_tags_beyond_the_cap_inside_markdown_are_found(
    lines: list[str], first: int | None, escaped: int
) -> None:
    found = deep_html(lines, frozenset(BLOCK_LEVEL_ELEMENTS))
    if first is None:
        assert found is None
        return
    assert found is not None
    assert found.first == first
    assert sum(len(offsets) for offsets in found.tags.values()) == escaped


@pytest.mark.parametrize("depth", [1000, 3000])
def test_deeply_nested_markdown_html_renders_and_is_reported(
    depth: int, caplog: pytest.LogCaptureFixture
) -> None:
    models: list[PageModel] = []
    md = markdown.Markdown(extensions=[PlaybookExtension(on_page_model=models.append)])
    text = "# Page\n\n" + "\n".join(_nested(MD_DIV, depth)) + "\n"
    with caplog.at_level(logging.WARNING):
        html = md.convert(text)
    assert html.count("<div>") == MAX_DEPTH
    assert html.count("&lt;div markdown=") == depth - MAX_DEPTH
    [problem] = models[0].problems
    assert problem.line == 3 + MAX_DEPTH
    assert f"nested {depth} levels deep inside Markdown" in problem.message
