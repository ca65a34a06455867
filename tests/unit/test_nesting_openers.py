"""List markers written after a definition, a footnote or an HTML element on the same line nest
as deep as markers at the start of a line: the nesting cap counts them too."""

from __future__ import annotations

import markdown
import pytest

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.page.model import PageModel
from mkdocs_playbook.page.nesting import MAX_DEPTH, deep_lines

MD_DIV = '<div markdown="1">'
MARKERS = "- " * 300


@pytest.mark.parametrize(
    ("line", "head"),
    [
        (": " + MARKERS + "x", ": "),
        (":   " + MARKERS + "x", ":   "),
        ("[^1]: " + MARKERS + "x", "[^1]: "),
        ("[^note]:" + MARKERS + "x", "[^note]:"),
        ("> : " + MARKERS + "x", "> : "),
        ("    : " + MARKERS + "x", "    : "),
        (MD_DIV + MARKERS + "x", MD_DIV),
        ("- " + MD_DIV + "> " + MARKERS + "x", "- " + MD_DIV + "> "),
    ],
)
def test_markers_after_a_block_opener_are_cut_at_the_cap(line: str, head: str) -> None:
    (deep,) = deep_lines(["Term", line])
    assert deep.index == 1
    assert deep.head.startswith(head)
    # What stays Markdown nests MAX_DEPTH levels: indentation, openers and markers.
    indentation = (len(head) - len(head.lstrip(" "))) // 4
    openers = head.replace(MD_DIV, "").split()
    assert indentation + len(openers) + len(deep.head.removeprefix(head).split()) == MAX_DEPTH
    assert deep.tail.endswith("- - x")


@pytest.mark.parametrize(
    "line",
    [
        "Note: " + MARKERS,  # a colon after a word opens nothing
        "| " + "- | " * 300,  # a table row of dashes
        "[^1] " + MARKERS,  # a footnote reference, not its definition
        "<div " + MARKERS,  # no tag: it never closes
    ],
)
def test_markers_after_other_text_are_left_alone(line: str) -> None:
    assert deep_lines([line]) == []


def test_markers_inside_elements_nested_past_the_cap_stay_text() -> None:
    # Both caps on one line: the elements past theirs are text, and so is all after them.
    models: list[PageModel] = []
    md = markdown.Markdown(extensions=[PlaybookExtension(on_page_model=models.append)])
    depth = MAX_DEPTH + 50
    text = MD_DIV * depth + MARKERS + "x\n" + "</div>\n" * depth
    html = md.convert(text)
    assert html.count("<div>") == MAX_DEPTH
    assert html.count("&lt;div markdown=") == depth - MAX_DEPTH
    assert "- - x" in html
    [problem] = models[0].problems
    assert f"nested {depth} levels deep inside Markdown" in problem.message
