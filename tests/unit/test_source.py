from __future__ import annotations

import markdown
import pytest

from mkdocs_playbook.page.source import Source


def code_texts(text: str) -> list[str]:
    source = Source(text)
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
    source = Source(text)
    assert not source.in_code(text.index("{{ x }}"))
    assert source.in_code(text.index("real code"))


def test_line_and_column() -> None:
    source = Source("ab\ncd\n\nef")
    assert source.line_col(0) == (1, 1)
    assert source.line_col(4) == (2, 2)
    assert source.line_col(7) == (4, 1)


def test_indented_lines_under_a_table_are_rows_until_a_blank_line() -> None:
    # Python-Markdown's `tables` reads the indented lines as rows (checked below against its
    # HTML); markdown-it ends the table there and starts an indented code block.
    text = "| a | b |\n|---|---|\n| 1 | 2 |\n    {x} row\n\n    {y} code\n"
    html = markdown.markdown(text, extensions=["tables"])
    assert "<td>{x} row</td>" in html and "<code>{y} code" in html
    source = Source(text)
    assert not source.in_code(text.index("{x}"))
    assert source.in_code(text.index("{y}"))


def test_one_block_parse_answers_code_regions_and_lines() -> None:
    text = "# Title\n\n```\ncode\n```\n"
    source = Source(text)
    assert source.code_intervals == [(9, 12), (13, 17), (18, 21)]
    parsed = source._blocks
    assert source.take("code", "code") == 3
    assert source._blocks is parsed
