"""Front matter values as Jekyll's Liquid templates see them.

Just the Docs builds its navigation in Liquid, so its rules rest on Ruby: `to_s`, `==`, and
the orders of Jekyll's `sort` filter and Liquid's `sort_natural`. These are written from
Jekyll 4.3.1 (`lib/jekyll/filters.rb`: `sort`, `sort_input`, `item_property`,
`parse_sort_input`) and Liquid 5.4 (`standardfilters.rb`: `sort_natural`, `nil_safe_casecmp`).
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cmp_to_key
from typing import Any, TypeVar

T = TypeVar("T")

# Jekyll's INTEGER_LIKE and FLOAT_LIKE; Ruby's \s and \d are ASCII. `\d+(?:\.\d*)?` is Jekyll's
# `\d+\.?\d*` without its two adjacent digit runs, so a long run of digits cannot backtrack.
_SPACE = r"[ \t\n\v\f\r]*"
_INTEGER_LIKE = re.compile(rf"{_SPACE}-?[0-9]+{_SPACE}")
_FLOAT_LIKE = re.compile(rf"{_SPACE}-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+){_SPACE}")
# Python reads at most 4,300 digits into an int (sys.get_int_max_str_digits()); Ruby, any.
_MAX_INT_DIGITS = 4000
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def is_number(value: Any) -> bool:
    """Ruby's Integer or Float (YAML booleans are neither)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def ruby_str(value: Any) -> str:
    """`value.to_s` in Ruby, for the values YAML front matter holds."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _float_str(value)
    if isinstance(value, (datetime.date, int, str)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_inspect(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_inspect(k)}=>{_inspect(v)}" for k, v in value.items()) + "}"
    return str(value)


def _inspect(value: Any) -> str:
    if value is None:
        return "nil"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return ruby_str(value)


def _float_str(value: float) -> str:
    """Ruby's `Float#to_s`: exponent form at the same thresholds as Python's `repr`, but
    always with a fractional part (`1.0e+16`, `1.0e-05`)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    text = repr(value)
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    if "." not in mantissa:
        mantissa += ".0"
    sign = "-" if exponent.startswith("-") else "+"
    return f"{mantissa}e{sign}{exponent.lstrip('+-').rjust(2, '0')}"


def ruby_equal(left: Any, right: Any) -> bool:
    """Ruby's `left == right`, which Liquid's `==`, `!=` and `contains` use."""
    if isinstance(left, bool) or isinstance(right, bool):
        return left is right
    if is_number(left) and is_number(right):
        return bool(left == right)
    if type(left) is not type(right) and not (
        isinstance(left, datetime.date) and isinstance(right, datetime.date)
    ):
        return False
    return bool(left == right)


def truthy(value: Any) -> bool:
    """Liquid's truth: everything but nil and false."""
    return value is not None and value is not False


def is_json_string(value: Any) -> bool:
    """Whether `jsonify` writes `value` as a JSON string (Just the Docs' test for "a string")."""
    return isinstance(value, (str, datetime.date))


def parse_sort_input(value: Any) -> Any:
    """Jekyll's `parse_sort_input`: integer- and float-like values become numbers."""
    text = ruby_str(value)
    if _INTEGER_LIKE.fullmatch(text):
        if isinstance(value, int):
            return value
        if len(text) <= _MAX_INT_DIGITS:
            return int(text)
        # Past Python's limit on reading integers: as a float, which orders the same but
        # for ties between such giants.
        return float(text)
    if _FLOAT_LIKE.fullmatch(text):
        return float(value) if isinstance(value, float) else float(text)
    if isinstance(value, datetime.date):
        return ruby_str(value)  # Date <=> Date orders as the ISO text does
    return value


def _spaceship(left: Any, right: Any) -> int | None:
    """Ruby's `left <=> right`; None where Ruby answers nil (values it cannot compare)."""
    if isinstance(left, bool) or isinstance(right, bool):
        return 0 if left is right else None
    if is_number(left) and is_number(right):
        if math.isnan(left) or math.isnan(right):
            return None
        return int(left > right) - int(left < right)
    if isinstance(left, str) and isinstance(right, str):
        # Ruby compares the UTF-8 bytes, which order as the code points do.
        return (left > right) - (left < right)
    return None


def jekyll_compare(left: Any, right: Any) -> int:
    """Jekyll's `sort` filter on two property values: `a <=> b || a.to_s <=> b.to_s`."""
    return _compare_parsed(parse_sort_input(left), parse_sort_input(right))


def _compare_parsed(left: Any, right: Any) -> int:
    order = _spaceship(left, right)
    if order is None:
        order = _spaceship(ruby_str(left), ruby_str(right))
    return order or 0


def natural_compare(left: Any, right: Any) -> int:
    """Liquid's `sort_natural` on two property values: `a.to_s.casecmp(b.to_s)`, which folds
    ASCII letters only and compares no numbers (`"10"` before `"2"`)."""
    a, b = _folded(left), _folded(right)
    return (a > b) - (a < b)


def _folded(value: Any) -> str:
    return ruby_str(value).translate(_ASCII_LOWER)


# Both sorts keep ties in the order given, as Jekyll does: Ruby on glibc sorts with
# `qsort_r`, a merge sort.


def jekyll_sort(items: Iterable[T], value: Callable[[T], Any]) -> list[T]:
    """`items` ordered by Jekyll's `sort` filter on `value(item)`."""
    parsed = [(parse_sort_input(value(item)), item) for item in items]

    def compare(a: tuple[Any, T], b: tuple[Any, T]) -> int:
        return _compare_parsed(a[0], b[0])

    return [item for _, item in sorted(parsed, key=cmp_to_key(compare))]


def ruby_sort(items: Sequence[T], compare: Callable[[T, T], int]) -> list[T]:
    """`items` as Ruby's `sort!` orders them with `compare` (its `<=>`), run as Debian's Ruby
    runs it: by glibc's `qsort_r`, a merge sort that halves, sorts each half and takes from the
    left on ties. Where `compare` is not a consistent order (`Document#<=>` when some documents
    have a date and some do not), the result is that algorithm's own, which this follows."""
    if len(items) <= 1:
        return list(items)
    half = len(items) // 2
    left, right = ruby_sort(items[:half], compare), ruby_sort(items[half:], compare)
    merged: list[T] = []
    i = j = 0
    while i < len(left) and j < len(right):
        if compare(left[i], right[j]) <= 0:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    return merged + left[i:] + right[j:]


def natural_sort(items: Iterable[T], value: Callable[[T], Any]) -> list[T]:
    """`items` ordered by Liquid's `sort_natural` on `value(item)`."""
    return sorted(items, key=lambda item: _folded(value(item)))
