"""A cap on how deep one page's blocks nest, so no page can crash or stall the build.

Python-Markdown parses a nested list or block quote by recursion, a few frames per level: a
line of 500 list markers (`- - - … x`), or lines indented 250 levels deep, exhaust Python's
recursion limit and MkDocs fails on the page. CommonMark parsers cap nesting for the same
reason (markdown-it's `maxNesting`). Beyond `MAX_DEPTH` levels the rest of the line is kept
as written, as text, and the page says where. (Escaping each marker instead would cost
quadratic time: Python-Markdown's inline pass is slow on a paragraph of many escapes.)
"""

from __future__ import annotations

from dataclasses import dataclass

from .lists import marker_end

MAX_DEPTH = 100
"""Levels kept; Python-Markdown itself manages about 400 on one line and 250 by indentation."""
_INDENT = 4
"""Columns per level of a nested list in Python-Markdown."""


@dataclass(frozen=True, slots=True)
class DeepLine:
    """A line that nests deeper than `MAX_DEPTH`."""

    index: int
    """0-based line index."""
    depth: int
    head: str
    """What stays Markdown: the line up to the first marker beyond the cap."""
    tail: str
    """The rest, to be shown as written."""

    @property
    def message(self) -> str:
        return (
            f"blocks nested {self.depth} levels deep; beyond {MAX_DEPTH} the rest of the "
            "line is shown as written"
        )


def deep_lines(lines: list[str]) -> list[DeepLine]:
    """The lines of `lines` that nest deeper than `MAX_DEPTH`, each cut at the cap."""
    found: list[DeepLine] = []
    for index, line in enumerate(lines):
        # Only a long line can nest deep: most lines cost one comparison.
        if len(line) > 2 * MAX_DEPTH:
            deep = _cut(index, line)
            if deep is not None:
                found.append(deep)
    return found


def _cut(index: int, line: str) -> DeepLine | None:
    indent = len(line) - len(line.lstrip(" "))
    depth = indent // _INDENT
    if depth >= MAX_DEPTH:
        # Indentation alone nests: keep the deepest level allowed (less one for a marker).
        line = " " * ((MAX_DEPTH - 1) * _INDENT) + line[indent:]
    position = len(line) - len(line.lstrip(" "))
    level = position // _INDENT
    cut: int | None = None
    while position < len(line):
        end = _marker_end(line, position)
        if end is None:
            break
        depth += 1
        level += 1
        if level > MAX_DEPTH and cut is None:
            cut = position
        while end < len(line) and line[end] in " \t":
            end += 1
        position = end
    if depth <= MAX_DEPTH:
        return None
    cut = len(line) if cut is None else cut
    return DeepLine(index, depth, line[:cut], line[cut:])


def _marker_end(line: str, position: int) -> int | None:
    """End of the list or quote marker at `position`, if one stands there."""
    return position + 1 if line[position] == ">" else marker_end(line, position)


def written_line_numbers(
    written: str, lines: list[str], indexes: list[int], tab_length: int
) -> list[int]:
    """The 1-based line in `written` (the page as written) of `lines[i]`, for each `i` of
    `indexes` (ascending); 0 where it cannot be found.

    `lines` are what Python-Markdown's preprocessors see: the text normalised (a lone `\r`
    breaks a line, tabs expanded) and each fenced code block put on one line, so lines are
    matched by their text, in order.
    """
    normalised = written.replace("\r\n", "\n").replace("\r", "\n").expandtabs(tab_length)
    candidates = normalised.split("\n")
    origin = _written_lines(written)
    numbers: list[int] = []
    cursor = 0
    for index in indexes:
        found = next(
            (i for i in range(cursor, len(candidates)) if candidates[i] == lines[index]), None
        )
        if found is None or found >= len(origin):
            numbers.append(0)
            continue
        numbers.append(origin[found])
        cursor = found + 1
    return numbers


def _written_lines(text: str) -> list[int]:
    """For each line of `text` once normalised, its 1-based line in `text` as written."""
    lines = [1]
    line = 1
    previous = ""
    for char in text:
        if char == "\n":
            line += 1
            if previous == "\r":
                lines[-1] = line
            else:
                lines.append(line)
        elif char == "\r":
            lines.append(line)
        previous = char
    return lines
