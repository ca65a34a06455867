from __future__ import annotations

import pytest

from playbook.source import SourceText


def code_texts(text: str) -> list[str]:
    source = SourceText(text)
    return [text[start:end] for start, end in source.code_intervals]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a `b` c", ["`b`"]),
        ("a ``b ` c`` d", ["``b ` c``"]),
        ("a \\`b` c", []),  # escaped opener, unmatched closer
        ("a `b\nc` d", ["`b\nc`"]),  # spans a line break inside a paragraph
        ("a `b\n\nc` d", []),  # never across a blank line
        ("```\nx\n```\n", ["```", "x", "```"]),
        ("~~~\nx\n~~~\n", ["~~~", "x", "~~~"]),
        ("    indented code\n", ["    indented code"]),
        ("- item\n\n      ```\n      x\n      ```\n", ["      ```", "      x", "      ```"]),
    ],
)
def test_code_regions(text: str, code: list[str]) -> None:
    assert code_texts(text) == code


def test_admonition_bodies_are_prose_although_markdown_it_sees_code() -> None:
    # markdown-it reads the second paragraph of the body as an indented code block;
    # Python-Markdown, which renders the page, reads it as Markdown.
    text = "!!! note\n    first\n\n    second {{ x }}\n\nafter\n\n    real code\n"
    source = SourceText(text)
    assert not source.in_code(text.index("{{ x }}"))
    assert source.in_code(text.index("real code"))


def test_line_and_column() -> None:
    source = SourceText("ab\ncd\n\nef")
    assert source.line_col(0) == (1, 1)
    assert source.line_col(4) == (2, 2)
    assert source.line_col(7) == (4, 1)
