"""A cap on how deep one page's blocks nest, so no page can crash or stall the build.

Python-Markdown parses a nested list or block quote by recursion, a few frames per level: a
line of 500 list markers (`- - - … x`), or lines indented 250 levels deep, exhaust Python's
recursion limit and MkDocs fails on the page. Markers after a definition (`: `), a footnote
(`[^1]:`) or an HTML tag on the same line count too: what follows those is parsed as blocks.
CommonMark parsers cap nesting for the same reason (markdown-it's `maxNesting`). Beyond
`MAX_DEPTH` levels the rest of the line is kept as written, as text, and the page says where.
(Escaping each marker instead would cost quadratic time: Python-Markdown's inline pass is slow
on a paragraph of many escapes.)

The same holds for block-level HTML elements inside Markdown (md_in_html's `markdown`
attribute, which nests `<div markdown="1">` by recursion, and the elements inside them):
beyond `MAX_DEPTH` open elements their tags are written as text (`&lt;`), and the page says
where. Admonitions, details, content tabs and definitions nest by indentation, which the
cap on indentation bounds; a compact definition list no longer nests (`page.definitions`).
Tags are counted wherever they are written, code spans included: only a page past the cap
would see the difference.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from .lists import marker_end
from .source import MARKDOWN_ATTR_RE

MAX_DEPTH = 100
"""Levels kept; Python-Markdown itself manages about 400 on one line and 250 by indentation."""
_INDENT = 4
"""Columns per level of a nested list in Python-Markdown."""
_RESYNC = 64
"""How far ahead a line of the page as written is looked for before it counts as changed."""


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
            # A definition, a footnote or an HTML tag opens a block the markers after it nest in.
            opener = _OPENER_RE.match(line, position)
            if opener is None:
                break
            end = opener.end()
            if not opener.group("tag"):
                depth += 1
                level += 1
        else:
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


_OPENER_RE = re.compile(r"(?::[ \t]|\[\^[^\]]*\]:|(?P<tag><[A-Za-z][^<>]*>))")
"""What Python-Markdown parses blocks after on the same line: a definition (`: `), a footnote
(`[^1]:`), an HTML element (`<div markdown="1">`, nested by md_in_html and counted there)."""


def _marker_end(line: str, position: int) -> int | None:
    """End of the list or quote marker at `position`, if one stands there."""
    return position + 1 if line[position] == ">" else marker_end(line, position)


_TAG_RE = re.compile(r"<(/?)([A-Za-z][\w-]*)([^<>]*)>")
_VOID = frozenset({"hr", "br", "img", "input", "link", "meta", "col", "area", "base", "wbr"})


@dataclass(frozen=True, slots=True)
class DeepHtml:
    """Block-level HTML nested deeper than `MAX_DEPTH` inside Markdown."""

    tags: dict[int, list[int]]
    """The offsets of the `<` of each tag beyond the cap, by 0-based line index."""
    first: int
    """The line index of the first."""
    depth: int
    """How deep the elements nest."""

    @property
    def message(self) -> str:
        return (
            f"HTML elements nested {self.depth} levels deep inside Markdown (`markdown` "
            f"attribute); beyond {MAX_DEPTH} their tags are shown as written"
        )


def deep_html(lines: list[str], block_tags: Container[str]) -> DeepHtml | None:
    """The tags of block-level elements (`block_tags`) beyond `MAX_DEPTH` open elements,
    where one of them renders Markdown; None when there are none. One pass."""
    # Each open element: its name, whether it renders Markdown, whether it is beyond the cap.
    stack: list[tuple[str, bool, bool]] = []
    inside_markdown = 0
    tags: dict[int, list[int]] = {}
    depth = 0
    for index, line in enumerate(lines):
        if "<" not in line:
            continue
        for tag in _TAG_RE.finditer(line):
            name = tag.group(2).lower()
            if tag.group(1):
                if stack and stack[-1][0] == name:
                    _, markdown, beyond = stack.pop()
                    inside_markdown -= markdown
                    if beyond:
                        tags.setdefault(index, []).append(tag.start())
                continue
            if name not in block_tags or name in _VOID or tag.group(3).endswith("/"):
                continue
            markdown = MARKDOWN_ATTR_RE.search(tag.group(3)) is not None
            inside_markdown += markdown
            beyond = len(stack) >= MAX_DEPTH and inside_markdown > 0
            stack.append((name, markdown, beyond))
            if beyond:
                tags.setdefault(index, []).append(tag.start())
                depth = max(depth, len(stack))
    if not tags:
        return None
    return DeepHtml(tags, min(tags), depth)


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
    wanted = set(indexes)
    found: dict[int, int] = {}
    cursor = 0
    # Every line up to the last wanted is matched in turn, so a line repeated (a deep line
    # written many times) is found at its own place, not at the first like it.
    for index in range(indexes[-1] + 1 if indexes else 0):
        line = lines[index]
        near = range(cursor, min(len(candidates), cursor + _RESYNC))
        match = next((i for i in near if candidates[i] == line), None)
        if match is None and index in wanted:
            # Further on: a fenced code block put on one line leaves a gap.
            far = range(cursor, len(candidates))
            match = next((i for i in far if candidates[i] == line), None)
        if match is not None:
            cursor = match + 1
            found[index] = match
    return [
        origin[found[index]] if index in found and found[index] < len(origin) else 0
        for index in indexes
    ]


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
