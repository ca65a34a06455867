"""Ruby's view of front matter values, as Jekyll's `sort` and Liquid's `sort_natural` use it.

Expected values are what Ruby 3.1 and Jekyll 4.3.1 give (`ruby -e 'p 1e16.to_s'`, and
`Jekyll::Filters#parse_sort_input`)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from mkdocs_playbook.jekyll.liquid_values import (
    is_json_string,
    jekyll_compare,
    jekyll_sort,
    natural_compare,
    natural_sort,
    parse_sort_input,
    ruby_equal,
    ruby_str,
    truthy,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (True, "true"),
        (False, "false"),
        (7, "7"),
        (-3, "-3"),
        (1.5, "1.5"),
        (2.0, "2.0"),
        (-0.0, "-0.0"),
        (1e15, "1000000000000000.0"),
        (1e16, "1.0e+16"),
        (1.5e20, "1.5e+20"),
        (0.0001, "0.0001"),
        (0.00001, "1.0e-05"),
        (float("inf"), "Infinity"),
        (float("-inf"), "-Infinity"),
        (float("nan"), "NaN"),
        ("Layout", "Layout"),
        (datetime.date(2024, 3, 1), "2024-03-01"),
        (["a", 1, None], '["a", 1, nil]'),
        ({"a": 1}, '{"a"=>1}'),
    ],
)
def test_ruby_str(value: Any, text: str) -> None:
    assert ruby_str(value) == text


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("2", 2),
        ("10", 10),
        ("-4", -4),
        (" 7 ", 7),
        ("\t12\n", 12),
        ("007", 7),
        ("2.5", 2.5),
        ("1.", 1.0),
        (".5", 0.5),
        ("-.5", -0.5),
        (3, 3),
        (1.5, 1.5),
        (1e20, 1e20),  # "1.0e+20" is not float-like: kept as it is
        ("1e3", "1e3"),  # no exponents
        ("+3", "+3"),  # no plus sign
        ("1 000", "1 000"),
        ("1.2.3", "1.2.3"),
        ("", ""),
        ("٣", "٣"),  # Ruby's \d is ASCII
        ("b", "b"),
        (True, True),
        (datetime.date(2024, 3, 1), "2024-03-01"),
        # Long runs of digits that are not numbers cost linear time.
        ("1" * 50_000 + "x", "1" * 50_000 + "x"),
        (" " * 50_000 + "1" * 50_000 + ".", float("inf")),
        ("9" * 50_000, float("inf")),  # more digits than Python reads into an int
    ],
)
def test_parse_sort_input(value: Any, parsed: Any) -> None:
    result = parse_sort_input(value)
    assert result == parsed
    assert type(result) is type(parsed)


@pytest.mark.parametrize(
    ("left", "right", "order"),
    [
        (2, 10, -1),
        ("2", "10", -1),  # number-like strings compare as numbers
        ("10", "9", 1),
        ("2.5", "10", -1),
        ("4", 4.0, 0),
        (1.5, "1.5", 0),
        ("B", "a", -1),  # bytes: capitals first
        ("_c", "a", -1),
        ("B", "_c", -1),
        ("Zeta", "alpha", -1),
        ("é", "z", 1),
        ("10 Things", "007", -1),  # 7 against a string: "7" against "10 Things"
        ("9 Lives", "007", 1),
        (3, "a", -1),  # Integer <=> String is nil: compared as text
        (True, 1, 1),  # "true" against "1"
        (False, True, -1),
        (float("nan"), 1, 1),  # NaN <=> 1 is nil: "NaN" against "1"
    ],
)
def test_jekyll_compare(left: Any, right: Any, order: int) -> None:
    assert jekyll_compare(left, right) == order
    assert jekyll_compare(right, left) == -order


@pytest.mark.parametrize(
    ("left", "right", "order"),
    [
        ("a", "B", -1),
        ("B", "_c", 1),  # "b" against "_c"
        ("Delta", "delta", 0),
        ("10", "2", -1),  # text, not numbers
        (" 7", "10", -1),
        ("É", "é", -1),  # only ASCII letters fold
        (10, 9, -1),  # numbers as their text
        (datetime.date(2024, 3, 1), "2024-03-01", 0),
    ],
)
def test_natural_compare(left: Any, right: Any, order: int) -> None:
    assert natural_compare(left, right) == order
    assert natural_compare(right, left) == -order


@pytest.mark.parametrize(
    ("left", "right", "equal"),
    [
        ("X", "X", True),
        ("X", "x", False),
        (1, 1.0, True),
        (1, "1", False),
        (True, 1, False),
        (True, True, True),
        (None, None, True),
        (None, False, False),
        (0, False, False),
        (datetime.date(2024, 3, 1), datetime.date(2024, 3, 1), True),
        (datetime.date(2024, 3, 1), "2024-03-01", False),
    ],
)
def test_ruby_equal(left: Any, right: Any, equal: bool) -> None:
    assert ruby_equal(left, right) is equal
    assert ruby_equal(right, left) is equal


@pytest.mark.parametrize(
    ("value", "expected"), [(None, False), (False, False), (0, True), ("", True), ([], True)]
)
def test_truthy(value: Any, expected: bool) -> None:
    assert truthy(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2", True), (datetime.date(2024, 3, 1), True), (2, False), (True, False), ([1], False)],
)
def test_is_json_string(value: Any, expected: bool) -> None:
    assert is_json_string(value) is expected


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        # 1; the tie 4, 4.0, 4; "X" before "x"
        (jekyll_sort, ["c", "b", "a", "d", "f", "e"]),
        # "1"; "4", "4" tie before "4.0"; the tie "x", "X"
        (natural_sort, ["c", "b", "d", "a", "e", "f"]),
    ],
)
def test_sorts_keep_ties_in_input_order(sort: Any, expected: list[str]) -> None:
    items = [("b", 4), ("a", 4.0), ("c", "1"), ("d", 4), ("e", "x"), ("f", "X")]
    assert [name for name, _ in sort(items, lambda item: item[1])] == expected
