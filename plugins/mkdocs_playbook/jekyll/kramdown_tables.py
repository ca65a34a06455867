"""Tables as kramdown 2.4.0 reads them (`parser/kramdown/table.rb`, which its GFM parser keeps):
a block is a table when every one of its lines holds a `|` that is neither escaped nor in code.
Each line is a row; a line of dashes ends the header rows above it (as many as there are: knitr
writes a header cell's line break as a second row), a later one starts another body, a line of
`=` starts the footer. The widest row gives the columns; shorter rows and the alignments are
filled out, a longer delimiter row is cut. A block with no body row is no table.

Python-Markdown's `tables` wants one header line, then a delimiter line of as many cells, and
takes a block whose later lines hold no `|`: it reads some tables as paragraphs and some
paragraphs as tables. Fixtures: tests/fixtures/kramdown-gfm/table-*.md.
"""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor

# kramdown's TABLE_PIPE_CHECK, matched at a line's start: a `|` that no backslash escapes.
_PIPE = re.compile(r"\||.*?[^\\\n]\|")
_SEPARATOR = re.compile(r"[+|: \t-]*?-[+|: \t-]*?[ \t]*")
_FOOTER_SEPARATOR = re.compile(r"[+|: \t=]*?=[+|: \t=]*?[ \t]*")
_ALIGNMENT = re.compile(r"[ \t]?(:?)-+(:?)[ \t]?")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_BACKTICKS = re.compile(r"`+")
_FIRST_LINE = re.compile(r" {0,3}\S")
# What kramdown reads before a table at a block's start: an ATX heading, a quote, a list item,
# a definition, a math block.
_READ_BEFORE = re.compile(r"#{1,6}[\t ]| {0,3}(?:>|[+*-][\t| ]|\d+\.[\t| ]|:[\t| ]|\$\$)")
_SETEXT_UNDERLINE = re.compile(r"[-=]+[ \t\r\f\v]*")
_RUBY_SPACE = " \t\n\v\f\r\0"
"""What Ruby's `String#strip` strips (not Unicode's spaces)."""

_STYLES = {"left": "text-align: left", "center": "text-align: center", "right": "text-align: right"}


class _Backticks:
    """Where the runs of backticks in a text are, to answer in constant time whether a run of
    `n` starts at or after an offset (so unclosed code spans cost no rescan of the text)."""

    def __init__(self, text: str) -> None:
        runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(text)]
        self._starts = [start for start, _ in runs]
        self._runs = runs
        self._longest_from = [0] * (len(runs) + 1)
        for index in range(len(runs) - 1, -1, -1):
            start, end = runs[index]
            self._longest_from[index] = max(end - start, self._longest_from[index + 1])

    def has(self, length: int, offset: int) -> bool:
        index = bisect.bisect_right(self._starts, offset) - 1
        inside = self._runs[index][1] - offset if index >= 0 else 0
        return max(inside, self._longest_from[index + 1]) >= length


def _spans(text: str) -> list[tuple[bool, str, str]]:
    """`text` as kramdown's span parser reads it with code spans alone: `(is code, content,
    source)` pieces, in order."""
    if "`" not in text:
        return [(False, text, text)] if text else []
    pieces: list[tuple[bool, str, str]] = []
    backticks = _Backticks(text)
    plain = 0
    position = 0
    while (match := _BACKTICKS.search(text, position)) is not None:
        start, end = match.span()
        delimiter = match.group()
        position = end
        simple = len(delimiter) == 1
        # A lone backtick between spaces is text.
        if simple and (start == 0 or text[start - 1] in _RUBY_SPACE):
            if end < len(text) and text[end] in _RUBY_SPACE:
                continue
        close = text.find(delimiter, end) if backticks.has(len(delimiter), end) else -1
        if close < 0:
            continue
        content = text[end:close]
        if not simple:
            content = content.removeprefix(" ").removesuffix(" ")
        if start > plain:
            pieces.append((False, text[plain:start], text[plain:start]))
        position = plain = close + len(delimiter)
        pieces.append((True, content, text[start:position]))
    if plain < len(text):
        pieces.append((False, text[plain:], text[plain:]))
    return pieces


def _code_elements(line: str) -> list[str]:
    """`line` split around its `<code>…</code>` elements, as Ruby splits it on
    `/(<code.*?>.*?<\\/code>)/`: the elements at odd places."""
    parts: list[str] = []
    position = 0
    while "</code>" in line and (start := line.find("<code", position)) >= 0:
        opened = line.find(">", start + len("<code"))
        closed = line.find("</code>", opened + 1) if opened >= 0 else -1
        if closed < 0:
            break  # no later `<code` can close either
        parts.extend([line[position:start], line[start : closed + len("</code>")]])
        position = closed + len("</code>")
    parts.append(line[position:])
    return parts


def _cells(line: str, leading_pipe: bool) -> list[str]:
    """A row's cells, split at each unescaped `|` outside code, as kramdown splits them."""
    cells: list[str] = []

    def add(text: str) -> None:
        if cells:
            cells[-1] += text
        else:
            cells.append(text)

    for index, part in enumerate(_code_elements(line)):
        if index % 2:
            add(part)
            continue
        for code, _, source in _spans(part):
            if code:
                add(source)
                continue
            first, *rest = (cell.replace("\\|", "|") for cell in _UNESCAPED_PIPE.split(source))
            add(first)
            cells.extend(rest)
    if cells and leading_pipe and not cells[0].strip(_RUBY_SPACE):
        cells.pop(0)
    if cells and not cells[-1].strip(_RUBY_SPACE):
        cells.pop()
    return [cell.strip(_RUBY_SPACE) for cell in cells]


def _ruby_lines(text: str) -> list[str]:
    """Ruby's `text.split("\\n")`: trailing empty pieces dropped."""
    lines = text.split("\n")
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _pipes_outside_code(text: str) -> bool:
    """kramdown's last check of a table's lines: each holds a `|` outside code spans (its loop
    in `parse_table`, quirks included)."""
    on_line = False
    for code, content, _ in _spans(text):
        lines = _ruby_lines(content)
        if code:
            if len(lines) > 2:
                break
            if len(lines) == 2:
                if not on_line:
                    break
                on_line = False
            continue
        if len(lines) > 1 and not on_line and not _PIPE.match(lines[0]):
            break
        last = bool(lines) and _PIPE.match(lines[-1]) is not None
        on_line = (False if len(lines) > 1 else on_line) or last
    return on_line


def _alignment(separator: str) -> list[str]:
    return [
        "center" if left and right else "left" if left else "right" if right else ""
        for left, right in _ALIGNMENT.findall(separator)
    ]


@dataclass
class _Table:
    """A table as kramdown builds it: sections of rows, and each column's alignment."""

    sections: list[tuple[str, list[list[str]]]] = field(default_factory=list)
    alignment: list[str] | None = None
    footer: bool = False
    rows: list[list[str]] = field(default_factory=list)

    def close(self, kind: str, *, force: bool = False) -> None:
        # Rows after a footer line stay in the footer, as kramdown's `add_container` keeps them.
        if not self.footer or kind != "tbody" or force:
            self.sections.append((kind, self.rows))
            self.rows = []


def read_table(block: str) -> _Table | None:
    """The table kramdown makes of `block` (a block of lines between blank ones), if any."""
    lines = block.split("\n")
    first = lines[0]
    if not _FIRST_LINE.match(first) or _READ_BEFORE.match(first):
        return None
    if len(lines) > 1 and _SETEXT_UNDERLINE.fullmatch(lines[1]):
        return None  # a Setext heading
    if not _PIPE.match(first.lstrip(" ")) or not all(_PIPE.match(line) for line in lines[1:]):
        return None
    leading_pipe = first.lstrip().startswith("|")
    table = _Table()
    if _SEPARATOR.fullmatch(first):
        lines = lines[1:]  # a delimiter line before any row is passed over
    for line in lines:
        if _SEPARATOR.fullmatch(line):
            if not table.rows:
                continue
            if table.alignment is None and not table.footer:
                table.close("thead")
                table.alignment = _alignment(line)
            else:
                table.close("tbody")
        elif _FOOTER_SEPARATOR.fullmatch(line):
            if table.rows:
                table.close("tbody", force=True)
            table.footer = True
        else:
            table.rows.append(_cells(line.rstrip(" \t"), leading_pipe))
    if not _pipes_outside_code(block):
        return None
    if table.rows:
        table.close("tfoot" if table.footer else "tbody")
    if not any(kind == "tbody" for kind, _ in table.sections):
        return None
    return table


class KramdownTable(BlockProcessor):
    """Reads a block as kramdown's table, registered in the place of Python-Markdown's (`table`,
    75): above headings, lists and quotes, which kramdown tries first (`read_table` leaves
    their blocks to them)."""

    def __init__(self, parser: BlockParser) -> None:
        super().__init__(parser)
        self._read: tuple[str, _Table | None] = ("", None)
        """The block `test` read last, and its table: `run` takes it from there."""

    def test(self, parent: etree.Element, block: str) -> bool:
        if "|" not in block:
            return False
        self._read = (block, read_table(block))
        return self._read[1] is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        block, table = self._read
        self._read = ("", None)
        if table is None or block is not blocks[0]:
            return False
        blocks.pop(0)
        columns = max((len(row) for _, rows in table.sections for row in rows), default=0)
        alignment = ((table.alignment or []) + [""] * columns)[:columns]
        element = etree.SubElement(parent, "table")
        for kind, rows in table.sections:
            section = etree.SubElement(element, kind)
            for row in rows:
                line = etree.SubElement(section, "tr")
                for cell, align in zip(row + [""] * (columns - len(row)), alignment, strict=True):
                    tag = etree.SubElement(line, "th" if kind == "thead" else "td")
                    tag.text = cell
                    if align:
                        tag.set("style", _STYLES[align])
        return True
