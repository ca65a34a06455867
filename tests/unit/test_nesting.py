from __future__ import annotations

import pytest

from mkdocs_playbook.page.nesting import MAX_DEPTH, deep_lines, written_line_numbers


@pytest.mark.parametrize(
    ("line", "depth", "head_markers"),
    [
        ("- " * 500 + "x", 500, MAX_DEPTH),
        ("1. " * 150 + "x", 150, MAX_DEPTH),
        ("> - " * 60 + "x", 120, MAX_DEPTH),
        ("2) " * 101, 101, MAX_DEPTH),
    ],
)
def test_a_line_nested_too_deep_is_cut_at_the_cap(line: str, depth: int, head_markers: int) -> None:
    (deep,) = deep_lines(["intro", line])
    assert deep.index == 1
    assert deep.depth == depth
    assert len(deep.head.split()) == head_markers
    assert deep.tail.strip() != ""
    assert f"nested {depth} levels deep" in deep.message


def test_indentation_nests_too_and_is_kept_at_the_deepest_level_allowed() -> None:
    (deep,) = deep_lines([" " * 800 + "- x"])
    assert deep.depth == 201
    # Less one level, for the marker.
    assert (deep.head, deep.tail) == (" " * 4 * (MAX_DEPTH - 1) + "- x", "")


@pytest.mark.parametrize(
    "line",
    [
        "- " * MAX_DEPTH + "x",
        "-" * 5000,  # a long rule, not markers
        "1." * 3000,  # no space after the markers
        "word " * 2000,
        " " * 200 + "- x",
    ],
)
def test_ordinary_and_shallow_lines_are_left_alone(line: str) -> None:
    assert deep_lines([line]) == []


@pytest.mark.parametrize(
    ("written", "lines", "indexes", "expected"),
    [
        ("a\nb\nc", ["a", "b", "c"], [2], [3]),
        # A fenced block is one line by then; the lines after it keep their numbers.
        ("a\n```\nx\ny\n```\nb", ["a", "\x02wzxhzdk:0\x03", "b"], [2], [6]),
        # A lone \r breaks a line for Python-Markdown, not for the author.
        ("\r0\nb", ["", "0", "b"], [2], [2]),
        ("a\tb\nc", ["a   b", "c"], [0, 1], [1, 2]),
        ("a\nb", ["a", "zzz"], [1], [0]),
    ],
)
def test_lines_are_numbered_as_written(
    written: str, lines: list[str], indexes: list[int], expected: list[int]
) -> None:
    assert written_line_numbers(written, lines, indexes, 4) == expected
