"""Nested lists render as CommonMark, GitHub and kramdown nest them (`page.lists`)."""

from __future__ import annotations

import re

import markdown
import pytest

from mkdocs_playbook.page.lists import nest_lists

EXTENSIONS = ["admonition", "pymdownx.superfences", "pymdownx.details"]


def nested(text: str) -> str:
    """`text` once re-indented, rendered by Python-Markdown, white space as a browser shows it
    (between tags gone, runs of it one space), code aside."""
    html = markdown.markdown("\n".join(nest_lists(text.split("\n"))), extensions=EXTENSIONS)
    if "<pre>" not in html:
        html = re.sub(r"\s+", " ", html)
    return re.sub(r">\s+<", "><", html).strip()


@pytest.mark.parametrize(
    ("text", "html"),
    [
        # The playbook's own form: three spaces under `4. `, as on GitHub.
        (
            "4. Declare the incident\n   - Commander\n   - Scribe\n5. Next",
            "<ol><li>Declare the incident<ul><li>Commander</li><li>Scribe</li></ul>"
            "</li><li>Next</li></ol>",
        ),
        # Two spaces under `- `, at every level.
        (
            "- a\n  - b\n    - c\n- d",
            "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ul>",
        ),
        # Python-Markdown's own four spaces stay as they are.
        ("- a\n    - b\n        - c", "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li></ul>"),
        # A continuation paragraph at the content column belongs to the item; the next item
        # starts right after it.
        ("1. a\n\n   more\n2. b", "<ol><li><p>a</p><p>more</p></li><li><p>b</p></li></ol>"),
        # A tight item's continuation line stays tight.
        ("1. a\n   more\n2. b", "<ol><li>a more</li><li>b</li></ol>"),
        # A fence in an item moves with it, keeping what is inside as it is.
        (
            "1. a\n\n   ```\n   code\n     indented\n   ```\n\n2. b",
            '<ol><li><p>a</p><div class="highlight"><pre><span></span><code>code\n  indented\n'
            "</code></pre></div></li><li><p>b</p></li></ol>",
        ),
        # An admonition written Python-Markdown's way inside an item stays one.
        (
            "- a\n\n    !!! note\n        body\n\n- b",
            '<ul><li><p>a</p><div class="admonition note"><p class="admonition-title">Note</p>'
            "<p>body</p></div></li><li><p>b</p></li></ul>",
        ),
        # Lists in an admonition's body nest relative to the body.
        (
            "!!! note\n    - a\n      - b",
            '<div class="admonition note"><p class="admonition-title">Note</p>'
            "<ul><li>a<ul><li>b</li></ul></li></ul></div>",
        ),
        # A lazy continuation line stays in its paragraph.
        ("- a\ncontinued\n- b", "<ul><li>a continued</li><li>b</li></ul>"),
    ],
    ids=[
        "three-spaces-under-number",
        "two-spaces-under-bullet",
        "four-spaces",
        "continuation",
        "tight-continuation",
        "fence-in-item",
        "admonition-in-item",
        "list-in-admonition",
        "lazy-line",
    ],
)
def test_items_nest_as_commonmark_nests_them(text: str, html: str) -> None:
    assert nested(text) == html


@pytest.mark.parametrize(
    "text",
    [
        "Para\n\n    - code, not a list",
        "```\n- x\n  - y\n```",
        "- - -\n- a",
        "Text only\n\nMore text",
        "| a |\n|---|\n| - b |",
    ],
    ids=["indented-code", "fenced-code", "rule", "prose", "table"],
)
def test_what_is_not_a_nested_list_is_left_as_written(text: str) -> None:
    lines = text.split("\n")
    assert nest_lists(lines) is lines


def test_no_line_is_lost_and_only_indentation_changes() -> None:
    text = "1. a\n   - b\n\n   c\n2. d\n\n```\nx\n```\n- d\n  - e"
    before = [line.strip() for line in text.split("\n")]
    after = [line.strip() for line in nest_lists(text.split("\n"))]
    assert [line for line in after if line] == [line for line in before if line]
