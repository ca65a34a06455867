"""Ruby's `File.fnmatch?(pattern, path)` without flags, as Jekyll's `exclude` and `include` use it.

`*` and `?` cross `/` (a run of stars means what one star means without `FNM_PATHNAME`),
`[...]` is a class (negated by `!` or `^`; `]` right after `[` closes an empty class; a
reversed range `z-a` holds its two ends; an unclosed `[` makes the pattern match nothing),
`\\` escapes the next character; matching is case-sensitive and `{a,b}` is literal. A
leading `.` is matched only by a `.` (Jekyll's paths start with `/`, so never meet the rule).

Matched without backtracking: the pattern is cut at its stars into segments of one-character
tests, the first segment must match the path's start, the last its end, and each one between
is placed at its leftmost match after the one before (placing it further right never helps,
since the star after it can take anything). That costs at most the path's length times the
pattern's, where a regular expression of `.*` runs costs a power of the path's length.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

_Char = str | None | tuple[bool, tuple[tuple[str, str], ...]]
"""One character's test: that character; None for `?`; `(negated, ranges)` for a class."""


@dataclass(frozen=True, slots=True)
class Glob:
    """A pattern cut at its stars; `starred` when it has any."""

    segments: tuple[tuple[_Char, ...], ...]
    starred: bool

    def matches(self, path: str) -> bool:
        segments = self.segments
        if path.startswith(".") and segments[0][:1] != (".",):
            return False  # without FNM_DOTMATCH
        if not self.starred:
            return len(path) == len(segments[0]) and _matches_at(segments[0], path, 0)
        head, tail = segments[0], segments[-1]
        end = len(path) - len(tail)
        if end < len(head) or not _matches_at(head, path, 0) or not _matches_at(tail, path, end):
            return False
        position = len(head)
        for segment in segments[1:-1]:
            found = _leftmost(segment, path, position, end)
            if found < 0:
                return False
            position = found + len(segment)
        return True


def fnmatch(pattern: str, path: str) -> bool:
    """Ruby's `File.fnmatch?(pattern, path)` without flags."""
    glob = compile_glob(pattern)
    return glob is not None and glob.matches(path)


@functools.lru_cache(maxsize=256)
def compile_glob(pattern: str) -> Glob | None:
    """`pattern` cut at its stars; None when an unclosed `[` makes it match nothing."""
    segments: list[tuple[_Char, ...]] = []
    current: list[_Char] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        index += 1
        if char == "*":
            segments.append(tuple(current))
            current = []
            while index < len(pattern) and pattern[index] == "*":
                index += 1
        elif char == "?":
            current.append(None)
        elif char == "\\" and index < len(pattern):
            current.append(pattern[index])
            index += 1
        elif char == "[":
            bracket = _bracket(pattern, index)
            if bracket is None:
                return None
            index, test = bracket
            current.append(test)
        else:
            current.append(char)
    segments.append(tuple(current))
    return Glob(tuple(segments), starred=len(segments) > 1)


def _matches_at(segment: tuple[_Char, ...], path: str, start: int) -> bool:
    """Whether `segment` matches `path` from `start` (which leaves room for it)."""
    for offset, test in enumerate(segment):
        if not _char_matches(test, path[start + offset]):
            return False
    return True


def _leftmost(segment: tuple[_Char, ...], path: str, start: int, end: int) -> int:
    """The first offset from `start` where `segment` matches and ends by `end`; -1 if none."""
    for position in range(start, end - len(segment) + 1):
        if _matches_at(segment, path, position):
            return position
    return -1


def _char_matches(test: _Char, char: str) -> bool:
    if test is None:
        return True
    if isinstance(test, str):
        return test == char
    negated, ranges = test
    return any(low <= char <= high for low, high in ranges) != negated


def _bracket(pattern: str, index: int) -> tuple[int, _Char] | None:
    """The `[...]` whose body starts at `index`, as `bracket()` in Ruby's `dir.c` reads it:
    where it ends and its test; None when it is not closed."""
    end = len(pattern)
    negated = index < end and pattern[index] in "!^"
    if negated:
        index += 1
    ranges: list[tuple[str, str]] = []
    while index < end and pattern[index] != "]":
        low, index = _bracket_char(pattern, index)
        if index < end and pattern[index] == "-" and pattern[index + 1 : index + 2] != "]":
            if index + 1 >= end:
                return None
            high, index = _bracket_char(pattern, index + 1)
            # A reversed range holds its two ends only.
            ranges.extend([(low, high)] if low <= high else [(low, low), (high, high)])
        else:
            ranges.append((low, low))
    if index >= end:
        return None
    return index + 1, (negated, tuple(ranges))


def _bracket_char(pattern: str, index: int) -> tuple[str, int]:
    """The character at `index` (after a `\\` escaping it) and the index after it."""
    if pattern[index] == "\\" and index + 1 < len(pattern):
        index += 1
    return pattern[index], index + 1
