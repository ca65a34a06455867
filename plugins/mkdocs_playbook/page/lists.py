"""Nested lists as CommonMark, GitHub and kramdown nest them, for Python-Markdown to render.

Python-Markdown nests a list item's content only when it is indented by four spaces per
level; CommonMark (GitHub, markdown-it) and kramdown (Jekyll) nest it under the item when it is
indented to the item's content column: three spaces under `4. Step`, two under `- Step`. The
playbook writes

    4. Declare the incident
       - Incident Commander: coordinates and communicates

which every reader of the Markdown sees as a step with sub-steps, and Python-Markdown would
render as one flat list. `nest_lists` re-indents the lines of each list item to the four
spaces per level Python-Markdown expects, keeping every line's indentation relative to its
item, so both parsers agree on what is inside what; lines outside lists, and code outside
list items, are left alone. Where CommonMark starts a new item right after a paragraph of a
loose item, Python-Markdown needs a blank line before it, and gets one. No line's text
changes but for its indentation (lines are told apart by their text, not their index), but
for a fence kramdown does not read as one (`not_a_fence`).

Admonition, details and content-tab bodies (`!!!`, `???`, `===`) are indented by four
spaces; their lists are nested the same way, relative to the body.
"""

from __future__ import annotations

from dataclasses import dataclass

_INDENT = 4
"""Columns per level of a nested list in Python-Markdown."""
_CONTAINER_OPENERS = ("!!!", "???", "===")


@dataclass
class _Frame:
    """An open list item or admonition body: where its content is written and goes."""

    written: int
    """Column where its content starts, as written."""
    target: int
    """Column where its content starts once re-indented."""
    item: bool
    """A list item (else an admonition, details or tab body)."""

    def place(self, indent: int) -> int:
        """Where a content line written at `indent` goes."""
        extra = indent - self.written
        # In a list item, up to three spaces beyond the content column mean nothing (four
        # make indented code): Python-Markdown-style four-space content stays where it is.
        if self.item and extra < _INDENT:
            return self.target
        return self.target + extra


@dataclass
class _Fence:
    char: str
    length: int
    shift: int
    """Columns added to (or removed from) every line of the fenced block."""
    item: _Frame | None = None
    """With `lazy_blocks`: the list item the fence is in, whose lines it places."""
    column: int = 0
    """With `lazy_blocks`: the fence's column in its item's content, as kramdown reads it."""
    line: int = -1
    """The index of its opening line."""

    def place(self, indent: int) -> int:
        """Where a line of the block written at `indent` goes."""
        if self.item is None:
            return indent + self.shift
        content = _content_column(indent, self.item)
        return self.item.target + max(0, content - self.column)


def _content_column(indent: int, item: _Frame) -> int:
    """The column kramdown reads a line of `item` at: its indentation taken off when the line
    has it all, else kept, as for a lazy line (`parser/kramdown/list.rb`)."""
    return indent - item.written if indent >= item.written else indent


def _ends_lazy_lines(stripped: str, masked: tuple[str, ...]) -> bool:
    """An attribute list or HTML (no lazy line in kramdown), or a rule or setext underline;
    `masked`: how a line of kramdown's syntax starts once hidden behind its marker."""
    if stripped.startswith(("{:", "<", *masked)) or _is_rule(stripped):
        return True
    body = stripped.replace(" ", "").replace("\t", "")
    return len(body) >= 3 and body == "=" * len(body)


def _lazy_block(stripped: str) -> bool:
    """An ATX heading (kramdown wants white space after the hashes) or a fence."""
    hashes = len(stripped) - len(stripped.lstrip("#"))
    if 1 <= hashes <= 6 and stripped[hashes : hashes + 1] in (" ", "\t"):
        return bool(stripped[hashes:].strip())
    return _opens(stripped, 0) is not None


def nest_lists(
    lines: list[str], lazy_blocks: bool = False, masked: tuple[str, ...] = ()
) -> list[str]:
    """`lines` with list items re-indented for Python-Markdown (a new list when changed).

    `lazy_blocks` (kramdown's reading, on Jekyll sites): a heading or a fence on a line right
    under an item's text, indented less than the item's content, is in the item, as every
    lazy line is in kramdown, and so are a fence's lines however little they are indented;
    CommonMark ends the item there. An attribute list ends the item, written or `masked`
    (the prefixes of kramdown's constructs hidden behind markers)."""
    result: list[str] | None = None
    frames: list[_Frame] = []
    fence: _Fence | None = None
    previous_blank = True
    loose = False
    """A blank line stood in the current item since its marker."""
    following: list[int] | None = None
    for index, line in enumerate(lines):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        blank_before = False
        if fence is not None and fence.item is not None and not stripped:
            following = following or _next_written(lines)
            after = following[index]
            if after < len(lines) and _indent(lines[after]) < fence.item.written:
                # kramdown: the item ends at this blank line, its fence never closed in it,
                # so no fence: its opening line is more of the item's text.
                if result is None:
                    result = list(lines[:index])
                result[fence.line] = not_a_fence(result[fence.line])
                fence = None
        if fence is not None:
            shift = fence.place(indent) - indent
            if _closes(stripped, fence):
                fence = None
        elif not stripped:
            previous_blank = True
            loose = loose or bool(frames)
            if result is not None:
                result.append(line)
            continue
        else:
            marker = _marker(stripped)
            is_item = marker is not None
            # Whether the line before was in an item: after a paragraph outside every list,
            # a looseness left over from a list before it means nothing.
            in_item = bool(frames) and frames[-1].item
            lazy = in_item and not previous_blank and indent < frames[-1].written
            if lazy_blocks and lazy and not is_item and _lazy_block(stripped):
                shift = frames[-1].target - indent
            else:
                shift = _place(stripped, indent, marker, frames, previous_blank) - indent
                if lazy_blocks and lazy and not is_item and _ends_lazy_lines(stripped, masked):
                    # kramdown ends the item at an attribute list or HTML; Python-Markdown
                    # reads a rule under the item's text as a heading: either way what
                    # follows is outside the item.
                    while frames and indent < frames[-1].written:
                        frames.pop()
            # Python-Markdown reads an item right after a loose item's paragraph as more of
            # that paragraph; CommonMark starts a new item there.
            blank_before = is_item and loose and not previous_blank and in_item
            if is_item:
                loose = False
            fence = _opens(stripped, shift)
            if fence is not None and lazy_blocks and frames and frames[-1].item:
                fence.item = frames[-1]
                fence.column = _content_column(indent, frames[-1])
                fence.line = index
            previous_blank = False
        if (shift or blank_before) and result is None:
            result = list(lines[:index])
        if result is not None:
            if blank_before:
                result.append("")
            result.append(" " * max(0, indent + shift) + stripped if shift else line)
    return lines if result is None else result


def _next_written(lines: list[str]) -> list[int]:
    """For each line, the index of the first non-blank line after it (`len(lines)` if none):
    one pass from the end."""
    following = [len(lines)] * len(lines)
    after = len(lines)
    for index in range(len(lines) - 1, -1, -1):
        following[index] = after
        if lines[index].strip():
            after = index
    return following


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


_REFERENCES = {"`": "&#96;", "~": "&#126;"}


def not_a_fence(line: str) -> str:
    """`line`, a fence's opening line, with its first character written as a character
    reference: text that shows the same, which no fence reader takes for a fence."""
    start = _indent(line)
    return line[:start] + _REFERENCES[line[start]] + line[start + 1 :]


def _place(
    stripped: str,
    indent: int,
    marker: tuple[int, int] | None,
    frames: list[_Frame],
    previous_blank: bool,
) -> int:
    """The column a non-blank line outside a fence goes to (`marker`: its list marker's
    `_marker`); opens and closes frames."""
    # A lazy continuation line (a paragraph's next line, not indented) stays in its item.
    lazy = (
        not previous_blank
        and marker is None
        and bool(frames)
        and frames[-1].item
        and indent < frames[-1].written
    )
    if lazy:
        return indent
    while frames and indent < frames[-1].written:
        frames.pop()
    parent = frames[-1] if frames else None
    base = parent.written if parent else 0
    if marker is not None and indent < base + _INDENT:
        # A list item: its marker goes where Python-Markdown expects this level's markers.
        if parent is None:
            column = indent  # a top-level list stays where it is written
        elif parent.item:
            column = parent.target
        else:
            column = parent.place(indent)
        width, spaces = marker
        gap = spaces if spaces <= _INDENT else 1
        frames.append(_Frame(indent + width + gap, column + _INDENT, item=True))
        return column
    column = parent.place(indent) if parent else indent
    if stripped.startswith(_CONTAINER_OPENERS):
        frames.append(_Frame(indent + _INDENT, column + _INDENT, item=False))
    return column


def dedented(line: str, width: int = _INDENT) -> str:
    """`line` with up to `width` spaces of indentation (a list item's level in
    Python-Markdown) taken off."""
    stripped = line.lstrip(" ")
    return line[min(width, len(line) - len(stripped)) :]


def marker_end(line: str, position: int = 0) -> int | None:
    """End of the list marker (`-`, `*`, `+`, `1.`, `1)`) at `position` in `line`, if one
    stands there: a bullet or a number of up to nine digits, then white space or the end."""
    if position >= len(line):
        return None
    if line[position] in "-*+":
        end = position + 1
    else:
        end = position
        while end < len(line) and end - position < 9 and line[end].isdigit():
            end += 1
        if end == position or end >= len(line) or line[end] not in ".)":
            return None
        end += 1
    if end < len(line) and line[end] not in " \t":
        return None
    return end


def _marker(stripped: str) -> tuple[int, int] | None:
    """Width of the list marker `stripped` starts with, and the spaces after it; None also
    for a thematic break (`- - -`), which is not a list item."""
    width = marker_end(stripped)
    if width is None or _is_rule(stripped):
        return None
    rest = stripped[width:]
    spaces = len(rest) - len(rest.lstrip(" "))
    return width, max(1, spaces) if rest.strip() else 1


def _is_rule(stripped: str) -> bool:
    """A thematic break (`- - -`, `***`), which is not a list item."""
    body = stripped.replace(" ", "").replace("\t", "")
    return len(body) >= 3 and body[0] in "-*_" and body == body[0] * len(body)


def _opens(stripped: str, shift: int) -> _Fence | None:
    for char in "`~":
        if stripped.startswith(char * 3):
            length = len(stripped) - len(stripped.lstrip(char))
            if char == "`" and "`" in stripped[length:]:
                return None  # an inline code span, not a fence
            return _Fence(char, length, shift)
    return None


def _closes(stripped: str, fence: _Fence) -> bool:
    run = len(stripped) - len(stripped.lstrip(fence.char))
    return run >= fence.length and not stripped[run:].strip()
