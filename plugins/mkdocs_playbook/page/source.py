"""Where code is in a Markdown text, and which line an offset is on.

Text-level rewrites (site variables, repository links) must leave code alone and must name
the line of what they report. markdown-it-py finds the code blocks; inline code spans are
found with CommonMark's backtick-run rule.

markdown-it is CommonMark while MkDocs renders with Python-Markdown. They disagree on the
bodies of admonitions (`!!! note` and `??? note`): Python-Markdown reads the indented body as
Markdown, markdown-it as an indented code block. Those bodies count as prose here. The same
holds for indented lines right under a table: Python-Markdown's `tables` reads every line up to
the next blank one as a row, markdown-it ends the table and starts an indented code block.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from .blocks import parse_blocks

_ADMONITION_RE = re.compile(r"^(?P<indent>[ ]*)(?:!!!|\?\?\?\+?)[ ]+\S")
_BACKTICKS_RE = re.compile(r"`+")


@dataclass(frozen=True)
class SourceText:
    """A Markdown text with its code regions and line starts."""

    text: str

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", self.text))
        return starts

    @cached_property
    def code_intervals(self) -> list[tuple[int, int]]:
        """Sorted, disjoint `(start, end)` character offsets of fenced, indented and inline code."""
        lines = self.text.split("\n")
        prose_bodies = _admonition_body_lines(lines)
        code_lines: set[int] = set()
        table_ends: set[int] = set()
        for token in parse_blocks(self.text).tokens:
            if token.map is None:
                continue
            start, end = token.map
            if token.type == "table_open":
                table_ends.add(end)
            if token.type not in ("fence", "code_block"):
                continue
            if token.type == "code_block":
                if start in prose_bodies:
                    continue
                if start in table_ends:
                    start = _after_table_rows(lines, start, end)
            code_lines.update(range(start, end))
        intervals: list[tuple[int, int]] = []
        starts = self._line_starts
        prose_run: list[int] = []
        for number in range(len(lines)):
            if number in code_lines:
                intervals.extend(self._inline_code(prose_run))
                prose_run = []
                intervals.append((starts[number], starts[number] + len(lines[number])))
            elif not lines[number].strip():
                # A code span never crosses a blank line.
                intervals.extend(self._inline_code(prose_run))
                prose_run = []
            else:
                prose_run.append(number)
        intervals.extend(self._inline_code(prose_run))
        intervals.sort()
        return intervals

    def _inline_code(self, line_numbers: list[int]) -> list[tuple[int, int]]:
        if not line_numbers:
            return []
        starts = self._line_starts
        first, last = line_numbers[0], line_numbers[-1]
        begin = starts[first]
        end = starts[last + 1] if last + 1 < len(starts) else len(self.text)
        return _code_spans(self.text, begin, end)

    def in_code(self, offset: int) -> bool:
        intervals = self.code_intervals
        index = bisect.bisect_right(intervals, (offset, len(self.text) + 1)) - 1
        return index >= 0 and intervals[index][0] <= offset < intervals[index][1]

    def find_in_code(self, needle: str) -> list[tuple[int, int]]:
        """Line and column of each occurrence of `needle` that stands in code."""
        found: list[tuple[int, int]] = []
        offset = self.text.find(needle)
        while offset >= 0:
            if self.in_code(offset):
                found.append(self.line_col(offset))
            offset = self.text.find(needle, offset + 1)
        return found

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1


def _code_spans(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Inline code spans in `text[begin:end]`: a backtick run closed by a run of equal length."""
    runs = [m for m in _BACKTICKS_RE.finditer(text, begin, end)]
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        opener = runs[index]
        if _escaped(text, opener.start()):
            # A backslash escapes the first backtick only; the rest of the run may still open.
            if len(opener.group()) == 1:
                index += 1
                continue
        width = len(opener.group()) - (1 if _escaped(text, opener.start()) else 0)
        closer = next(
            (j for j in range(index + 1, len(runs)) if len(runs[j].group()) == width), None
        )
        if closer is None:
            index += 1
            continue
        spans.append((opener.start(), runs[closer].end()))
        index = closer + 1
    return spans


def _escaped(text: str, offset: int) -> bool:
    slashes = 0
    while offset - slashes - 1 >= 0 and text[offset - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1


def _after_table_rows(lines: list[str], start: int, end: int) -> int:
    """The first line from `start` that is not a table row: the rows run to a blank line."""
    while start < end and lines[start].strip():
        start += 1
    return start


def _admonition_body_lines(lines: list[str]) -> set[int]:
    """Line numbers inside the indented body of an admonition or details block."""
    body: set[int] = set()
    opener_indent: int | None = None
    for number, line in enumerate(lines):
        if opener_indent is not None:
            indent = len(line) - len(line.lstrip(" "))
            if not line.strip() or indent > opener_indent:
                body.add(number)
                continue
            opener_indent = None
        match = _ADMONITION_RE.match(line)
        if match:
            opener_indent = len(match.group("indent"))
    return body
