"""A page's Markdown as markdown-it reads it, reconciled with Python-Markdown, which renders it.

One block parse per text answers three questions: where is code (text-level rewrites must
leave it alone), which line holds a block (findings name it), and where is each link
written. Inline tokens are parsed only where a link or a block's text is read.

markdown-it is CommonMark; MkDocs renders with Python-Markdown. Where they disagree, one rule
here says what Python-Markdown does, and `tests/fixtures/source/` has a fixture for each:

- **Indented bodies** of admonitions, details and content tabs (`!!!`, `???`, `===`):
  markdown-it reads a body paragraph after a blank line as an indented code block;
  Python-Markdown renders the body as Markdown. Such a block is read again as Markdown, at
  its own lines (`_under_opener`).
- **Markdown inside HTML** (`<div markdown>`, md_in_html): markdown-it reads raw HTML up to
  the next blank line, past the closing tag and whatever follows it (a fence opened right after
  `</div>` would then close somewhere else); Python-Markdown renders the inside as Markdown and
  ends the element at its closing tag. The opening and the closing tag's lines are each a block
  of their own (`_markdown_html`), so everything between and after is read as Markdown.
- **Table rows**: Python-Markdown's `tables` reads every line up to the next blank one as a
  row, indented ones included; markdown-it ends the table and starts an indented code block
  (`_after_table_rows`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import unquote

from markdown.util import BLOCK_LEVEL_ELEMENTS
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .destinations import MarkdownItDestinations
from .tree import collapse

# Inline children are parsed only where read (most table cells and paragraphs hold no link).
_INLINES = MarkdownIt("commonmark").enable("table").disable(["normalize", "block"])
# Link destinations as kramdown and Python-Markdown read them: spaces and quotes in them.
_INLINES.helpers = MarkdownItDestinations().helpers()  # type: ignore[assignment]
_BACKTICKS_RE = re.compile(r"`+")
_LINK_CHARS = ("[", "<")
"""An inline without these holds no link, image, autolink or raw HTML."""
_MARKUP_RE = re.compile(r"[\\`*_\[\]!<&]")
"""An inline without these is plain text: markdown-it would give it back as it is."""
_TASK_MARKER_RE = re.compile(r"^\[[ xX]\](?: |$)")
# What stands in for a kramdown construct until it is applied (`jekyll.kramdown_syntax`,
# private-use plane 16): the rendered element shows none of it.
_HIDDEN_RE = re.compile("[\U00100000-\U0010fffd]+")
_BODY_OPENER_RE = re.compile(r"^[ ]{0,3}(?:!!!|\?\?\?\+?|===)[ \t]")
_OPENING_TAG_RE = re.compile(r"<([A-Za-z][\w-]*)(?:\s[^>]*)?/?>")
MARKDOWN_ATTRIBUTE = r"""\smarkdown(?!\s*=\s*["']?0\b)\b"""
"""An HTML tag's `markdown` attribute, unless `markdown="0"`: the inside is Markdown, to
md_in_html and to kramdown alike (in any case: HTML's attribute names are). The one pattern
for it: the kramdown readers build theirs from it."""
MARKDOWN_ATTR_RE = re.compile(MARKDOWN_ATTRIBUTE, re.IGNORECASE)
_CLOSING_TAG_RE = re.compile(r"</([A-Za-z][\w-]*)\s*>\s*$")
_LINE_END_CLOSING_RE = re.compile(r"</([A-Za-z][\w-]*)\s*>[ \t]*$")
_BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS)
"""What Python-Markdown reads as raw HTML blocks."""
_HTML_LINK_RE = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_MARKED_ELEMENT_RE = re.compile(
    r"""<([A-Za-z][\w-]*)[^<>]*?\smarkdown\s*=\s*["']?(?:1|span|block)\b[^<>]*>""", re.I
)
"""An element of raw HTML whose content kramdown reads as Markdown (`markdown="span"`)."""
_ANY_CLOSING_RE = re.compile(r"</([A-Za-z][\w-]*)")
_REFERENCE_RE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?")
_ATTR = r"(?:[#.][\w-]+|[\w-]+=\S+)"
# Matched from the heading's last `{` only: tried at every offset, a leading `\s*` would make a
# heading of many spaces cost quadratic time.
_ATTR_LIST_RE = re.compile(r"\{:?\s*" + _ATTR + r"(?:\s+" + _ATTR + r")*\s*\}\s*")
_WINDOW = 64
"""How far from the last prefix match a prefix match is looked for, either way; how many
places a link's destination is looked for."""
# A destination's opening: `](` or `]:`, then (2) white space and (3) a `<`.
_OPENING_RE = re.compile(r"\][(:]()([ \t\n]*)(<?)")


def _html_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Raw HTML as Python-Markdown reads it: a block ends on the line its element closes (the
    CommonMark rule goes on to the next blank line, taking the Markdown after the closing tag
    with it), and an element with a `markdown` attribute is two one-line blocks, its opening
    and its closing tag, with Markdown between. Only ever ends a block sooner than markdown-it
    would; where markdown-it's own rule applies, it runs. Open `markdown` elements and the
    lines that end with each closing tag are kept in the parse's env."""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    opening = _OPENING_TAG_RE.match(line)
    closing = None if opening else _CLOSING_TAG_RE.match(line)
    if opening is None and closing is None:
        return False
    open_elements: list[str] = state.env.setdefault("markdown_html", [])
    last: int | None = start
    if opening is not None:
        name = opening.group(1).lower()
        if name not in _BLOCK_TAGS:
            return False
        markdown_inside = MARKDOWN_ATTR_RE.search(opening.group(0))
        if markdown_inside and f"</{name}" not in line.lower():
            if not silent:
                open_elements.append(name)  # its opening tag's line; the inside is Markdown
        else:
            last = _closing_line(state, name, start, end)
    elif open_elements and closing is not None and closing.group(1).lower() == open_elements[-1]:
        if not silent:
            open_elements.pop()
    else:
        return False
    if last is None:
        return False
    if silent:
        return True
    token = state.push("html_block", "", 0)
    token.map = [start, last + 1]
    token.content = state.getLines(start, last + 1, state.blkIndent, True)
    state.line = last + 1
    return True


def _closing_line(state: StateBlock, name: str, start: int, end: int) -> int | None:
    """The first line from `start` that ends with `</name>`, when it comes before the blank
    line that ends markdown-it's block (which then runs on past it); else None. The lines
    looked at are the ones the block takes either way, so the parse stays linear."""
    closings: dict[str, list[int]] | None = state.env.get("closing_lines")
    if closings is None:
        closings = defaultdict(list)
        for number, text in enumerate(state.src.split("\n")):
            found = _LINE_END_CLOSING_RE.search(text)
            if found is not None:
                closings[found.group(1).lower()].append(number)
        state.env["closing_lines"] = closings
    lines = closings.get(name, [])
    index = bisect.bisect_left(lines, start)
    if index == len(lines) or lines[index] >= end:
        return None
    last = lines[index]
    return None if _first_empty(state, start + 1, end) < last else last


def _first_empty(state: StateBlock, line: int, end: int) -> int:
    """The first empty line from `line` on, or `end`. Each line is looked at once per
    parse: a paragraph asks again at each of its lines, whose answer is the same."""
    # Nested blocks see their lines through other marks (a quote's `>` taken off).
    key = (state.parentType, state.blkIndent, end)
    memo: dict[int, int] = state.env.setdefault("first_empty", {}).setdefault(key, {})
    passed: list[int] = []
    while line < end and line not in memo and not state.isEmpty(line):
        passed.append(line)
        line += 1
    found = memo.get(line, line)
    for number in passed:
        memo[number] = found
    return found


_BLOCKS = MarkdownIt("commonmark").enable("table").disable("inline")
_BLOCKS.block.ruler.before(
    "html_block",
    "python_markdown_html",
    _html_block,
    {"alt": ["paragraph", "reference", "blockquote"]},
)


def line_starts(text: str) -> list[int]:
    """The offset where each line of `text` starts."""
    starts = [0]
    position = text.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


@dataclass(frozen=True)
class SourceLink:
    """A link or image destination as written in the Markdown."""

    href: str
    line: int
    column: int
    """1-based; 0 when only the line is known."""
    kind: str
    """`link`, `image` or `html` (an attribute in raw HTML)."""


@dataclass(frozen=True)
class _Block:
    """A block token, with the 0-based line of the page its token's lines count from."""

    tokens: list[Token]
    index: int
    env: dict[str, Any]
    first_line: int

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    @property
    def start(self) -> int:
        """0-based page line of the token's first line."""
        assert self.token.map is not None
        return self.token.map[0] + self.first_line


class Source:
    """One Markdown text: its code regions, its blocks' lines and its links' positions."""

    def __init__(self, text: str) -> None:
        self.text = text

    # Lines and offsets ----------------------------------------------------------------------

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def line_starts(self) -> list[int]:
        """The offset where each line starts."""
        return line_starts(self.text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    # The one reading of the blocks -------------------------------------------------------

    @cached_property
    def _blocks(self) -> list[_Block]:
        """Every block token in document order, bodies Python-Markdown renders as Markdown
        read again as Markdown at their own lines."""
        return list(_read(self.text, 0))

    # Code ------------------------------------------------------------------------------------

    @cached_property
    def code_intervals(self) -> list[tuple[int, int]]:
        """Sorted, disjoint `(start, end)` offsets of fenced, indented and inline code."""
        code_lines: set[int] = set()
        table_ends: set[int] = set()
        for block in self._blocks:
            token = block.token
            assert token.map is not None
            start, end = block.start, token.map[1] + block.first_line
            if token.type == "table_open":
                table_ends.add(end)
            if token.type not in ("fence", "code_block"):
                continue
            if token.type == "code_block" and start in table_ends:
                start = _after_table_rows(self.lines, start, end)
            code_lines.update(range(start, end))
        intervals: list[tuple[int, int]] = []
        starts = self.line_starts
        prose_run: list[int] = []
        for number, line in enumerate(self.lines):
            if number in code_lines:
                intervals.extend(self._inline_code(prose_run))
                prose_run = []
                intervals.append((starts[number], starts[number] + len(line)))
            elif not line.strip():
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
        starts = self.line_starts
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

    # Blocks by their text --------------------------------------------------------------------

    @cached_property
    def _map(self) -> _BlockMap:
        block_map = _BlockMap(self.lines, self._definitions)
        for block in self._blocks:
            block_map.read(block)
        return block_map

    @cached_property
    def _definitions(self) -> dict[str, int]:
        """The offset where each reference definition's destination is written, by
        destination (the first definition of it)."""
        found: dict[str, int] = {}
        starts = self.line_starts
        for number, line in enumerate(self.lines):
            match = _REFERENCE_RE.match(line)
            if match:
                destination = line[match.end() :].split(None, 1)
                if destination:
                    value = destination[0].rstrip(">")
                    found.setdefault(value, starts[number] + match.end())
        return found

    @property
    def links(self) -> list[SourceLink]:
        """Every link and image destination, in document order."""
        return self._map.links

    def take(self, kind: str, text: str) -> int:
        """Line of the next unclaimed `kind` block (`heading`, `list_item`, `table`, `code`)
        with this text, or 0."""
        return self._map.take(kind, text)

    def take_prefix(self, kind: str, text: str) -> int:
        """Like `take`, for an element whose rendered text starts with the block's text."""
        return self._map.take_prefix(kind, text)


def _read(text: str, first_line: int) -> Iterator[_Block]:
    """The blocks of `text`, whose first line is page line `first_line` (0-based)."""
    env: dict[str, Any] = {}
    tokens = _BLOCKS.parse(text, env)
    bodies = _under_opener(text.split("\n"))
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        if token.type == "code_block" and bodies[token.map[0]]:
            yield from _read(token.content, token.map[0] + first_line)
        else:
            yield _Block(tokens, index, env, first_line)


def _under_opener(lines: list[str]) -> list[bool]:
    """For each line, whether the nearest line above it that is neither blank nor indented
    opens an indented body (`!!!`, `???`, `===`): one forward pass, not a search per block.

    An indented code block standing there is the body, which Python-Markdown renders as
    Markdown. Bodies read again are judged on their own lines, so code indented inside a
    body stays code.
    """
    found: list[bool] = []
    opener = False
    for line in lines:
        found.append(opener)
        if line.strip() and not line.startswith(("    ", "\t")):
            opener = bool(_BODY_OPENER_RE.match(line))
    return found


class _BlockMap:
    """Blocks by kind and text, and links with their positions."""

    def __init__(self, lines: list[str], definitions: dict[str, int]) -> None:
        self.lines = lines
        self.definitions = definitions
        self._starts = [0, *itertools.accumulate(len(line) + 1 for line in lines)]
        self._blocks: dict[str, dict[str, deque[int]]] = defaultdict(lambda: defaultdict(deque))
        # Blocks in document order, for prefix matches that must not rescan the page.
        self._order: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._claimed: set[tuple[str, int]] = set()
        self._cursor: dict[str, int] = defaultdict(int)
        self.links: list[SourceLink] = []
        self._starts_of: tuple[str, list[int]] | None = None
        self._openings_of: tuple[str, list[int]] | None = None

    def read(self, block: _Block) -> None:
        token, tokens, index, env = block.token, block.tokens, block.index, block.env
        line = block.start + 1
        if token.type == "heading_open":
            # Python-Markdown's attr_list ({#id .class}) is literal text to markdown-it.
            self._add("heading", _without_attr_list(_plain(tokens[index + 1], env)), line)
        elif token.type == "list_item_open":
            inline = next(
                (
                    t
                    # Indexing, not islice: islice walks from the list's start every time.
                    for t in (tokens[i] for i in range(index + 1, len(tokens)))
                    if t.type in ("inline", "list_item_close")
                ),
                None,
            )
            if inline is not None and inline.type == "inline":
                self._add("list_item", _plain(inline, env), line)
        elif token.type == "table_open":
            self._add("table", " | ".join(_header_cells(tokens, index, env)), line)
        elif token.type in ("fence", "code_block"):
            self._add("code", token.content.rstrip("\n"), line)
        elif token.type == "inline":
            if token.children or any(c in token.content for c in _LINK_CHARS):
                self._read_links(_parsed(token, env), line)
        elif token.type == "html_block":
            content = token.content
            for match in _HTML_LINK_RE.finditer(content):
                self._add_link(_value(match), "html", content, line, _value_start(match))
            if "markdown" in content:
                self._read_marked_links(content, line, env)

    def _read_marked_links(self, content: str, line: int, env: dict[str, Any]) -> None:
        """The Markdown links inside raw HTML's elements that ask for Markdown themselves
        (`<td markdown="span">`, kramdown's rule: `jekyll/kramdown_raw_html`), each read up to
        the next closing tag of its name. Linear: a list of those per name, and an element
        inside one already read is read with it."""
        closings: dict[str, list[int]] = defaultdict(list)
        for closing in _ANY_CLOSING_RE.finditer(content):
            closings[closing.group(1).lower()].append(closing.start())
        newlines = [match.start() for match in re.finditer("\n", content)]
        end = 0
        for opening in _MARKED_ELEMENT_RE.finditer(content):
            if opening.start() < end:
                continue
            ends = closings.get(opening.group(1).lower(), [])
            index = bisect.bisect_left(ends, opening.end())
            end = ends[index] if index < len(ends) else len(content)
            inline = Token("inline", "", 0, content=content[opening.end() : end], children=[])
            self._read_links(
                _parsed(inline, env), line + bisect.bisect_left(newlines, opening.end())
            )

    @staticmethod
    def _key(kind: str, text: str) -> str:
        """What a block is matched by: its text, less a list item's task marker, which
        `pymdownx.tasklist` turns into a checkbox that has no text."""
        text = collapse(_HIDDEN_RE.sub("", text))
        return _TASK_MARKER_RE.sub("", text) if kind == "list_item" else text

    def _add(self, kind: str, text: str, line: int) -> None:
        text = self._key(kind, text)
        self._blocks[kind][text].append(line)
        self._order[kind].append((line, text))

    def _read_links(self, inline: Token, line: int) -> None:
        """The links of an inline token whose text starts on `line` (1-based)."""
        search_from = 0
        block = "\n".join(self.lines[line - 1 : line - 1 + inline.content.count("\n") + 1])
        for child in inline.children or []:
            if child.type == "link_open":
                href, kind = str(child.attrs.get("href", "")), "link"
            elif child.type == "image":
                href, kind = str(child.attrs.get("src", "")), "image"
            elif child.type == "html_inline":
                for match in _HTML_LINK_RE.finditer(child.content):
                    found = block.find(match.group(0), search_from)
                    if found >= 0:
                        search_from = found + 1
                        found += _value_start(match) - match.start()
                    self._add_link(_value(match), "html", block, line, found)
                continue
            else:
                continue
            if child.markup == "autolink" or child.info == "auto":
                found = block.find(href, search_from)
            else:
                found = _destination(block, href, search_from, self._block_openings(block))
            if found >= 0:
                search_from = found + 1
                self._add_link(href, kind, block, line, found)
            else:
                self._add_reference(href, kind, line)

    def _add_link(self, href: str, kind: str, block: str, line: int, found: int) -> None:
        """A link found at offset `found` of `block`, whose first line is `line` (-1: only
        the line is known)."""
        if found < 0:
            self.links.append(SourceLink(href, line, 0, kind))
            return
        starts = self._block_starts(block)
        index = bisect.bisect_right(starts, found) - 1
        self.links.append(SourceLink(href, line + index, found - starts[index] + 1, kind))

    def _block_starts(self, block: str) -> list[int]:
        """Offsets where the lines of `block` start, kept for the block being read: a long
        paragraph of links is measured once, not once per link."""
        if self._starts_of is None or self._starts_of[0] is not block:
            self._starts_of = (block, [0, *(m.end() for m in re.finditer("\n", block))])
        return self._starts_of[1]

    def _block_openings(self, block: str) -> list[int]:
        """`_openings` of `block`, kept for the block being read, as `_block_starts`."""
        if self._openings_of is None or self._openings_of[0] is not block:
            self._openings_of = (block, _openings(block))
        return self._openings_of[1]

    def _add_reference(self, href: str, kind: str, line: int) -> None:
        """A reference link: its destination is written in the definition, where it is fixed."""
        for raw in (href, unquote(href)):
            offset = self.definitions.get(raw)
            if offset is not None:
                number = _line_of(self._starts, offset)
                column = offset - self._starts[number - 1] + 1
                self.links.append(SourceLink(href, number, column, kind))
                return
        self.links.append(SourceLink(href, line, 0, kind))

    def take(self, kind: str, text: str) -> int:
        lines = self._blocks[kind].get(self._key(kind, text))
        if not lines:
            return 0
        line = lines.popleft()
        self._claimed.add((kind, line))
        return line

    def take_prefix(self, kind: str, text: str) -> int:
        """Elements are asked for in document order, so the search resumes after the last
        match: a long list costs linear time, not a rescan of the page per item."""
        wanted = self._key(kind, text)
        entries = self._order[kind]
        start = self._cursor[kind]
        # A bounded window around the last match keeps a page of misses linear too.
        ahead = range(start, min(len(entries), start + _WINDOW))
        for index in itertools.chain(ahead, range(max(0, start - _WINDOW), start)):
            line, source_text = entries[index]
            if source_text and (kind, line) not in self._claimed and wanted.startswith(source_text):
                self._claimed.add((kind, line))
                self._blocks[kind][source_text].remove(line)
                self._cursor[kind] = index + 1
                return line
        return 0


def _line_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset)


def _destination(block: str, href: str, start: int, openings: list[int]) -> int:
    """Where a destination is written: at one of the `openings` (`_openings`) from `start`,
    the first few tried, as `href` or unquoted; -1 if none. markdown-it percent-encodes
    destinations; authors write spaces and non-ASCII as they are."""
    raws = tuple(dict.fromkeys((href, unquote(href))))
    index = bisect.bisect_left(openings, start)
    # A bounded look ahead: a destination written otherwise (`\(`, an entity) must not
    # send every link of a long paragraph on to its end.
    for position in openings[index : index + _WINDOW]:
        if block.startswith(raws, position):
            return position
    return -1


def _openings(block: str) -> list[int]:
    """Offsets where a destination may be written: right after `](` or `]:`, after the
    white space that may follow, and after a `<` there."""
    found: list[int] = []
    for match in _OPENING_RE.finditer(block):
        found.append(match.start(1))
        if match.end(2) > match.start(2):
            found.append(match.start(2))
        if match.group(3):
            found.append(match.end(3))
    return found


def _code_spans(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Inline code spans in `text[begin:end]`: a backtick run closed by a run of equal length."""
    runs = list(_BACKTICKS_RE.finditer(text, begin, end))
    # Where the next run of each length is, found in one backward pass: a line of unclosed
    # backticks must not rescan the rest of the line for each of them.
    spans: list[tuple[int, int]] = []
    next_of: dict[int, list[int]] = defaultdict(list)
    for index in range(len(runs) - 1, -1, -1):
        next_of[len(runs[index].group())].append(index)
    index = 0
    while index < len(runs):
        opener = runs[index]
        width = len(opener.group())
        if escaped(text, opener.start()):
            # A backslash escapes the first backtick only; the rest of the run may still open.
            if width == 1:
                index += 1
                continue
            width -= 1
        closer = _next_run(next_of, width, index)
        if closer is None:
            index += 1
            continue
        spans.append((opener.start(), runs[closer].end()))
        index = closer + 1
    return spans


def _next_run(next_of: dict[int, list[int]], width: int, after: int) -> int | None:
    """The first run of `width` backticks after run `after` (`next_of` holds each width's run
    indexes in descending order, so the smallest is last; passed ones are dropped)."""
    candidates = next_of.get(width)
    while candidates and candidates[-1] <= after:
        candidates.pop()
    return candidates[-1] if candidates else None


def escaped(text: str, offset: int) -> bool:
    """Whether an odd run of backslashes stands before `offset` (`\\{:` is text)."""
    slashes = 0
    while offset - slashes - 1 >= 0 and text[offset - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1


def _after_table_rows(lines: list[str], start: int, end: int) -> int:
    """The first line from `start` that is not a table row: the rows run to a blank line."""
    while start < end and lines[start].strip():
        start += 1
    return start


def _without_attr_list(heading: str) -> str:
    """A heading's text without a trailing attribute list (`{#id .class}`)."""
    start = heading.rfind("{")
    if start >= 0 and _ATTR_LIST_RE.fullmatch(heading, start):
        return heading[:start].rstrip()
    return heading


def _parsed(inline: Token, env: dict[str, Any]) -> Token:
    """`inline` with its children, parsed now if not yet (with the block parse's references).

    The block parse leaves an empty list; parsing text always yields a child.
    """
    if not inline.children:
        state = StateCore(inline.content, _INLINES, env)
        state.tokens = [inline]
        _INLINES.core.process(state)
    return inline


def _plain(inline: Token, env: dict[str, Any]) -> str:
    """The text a reader sees in an inline token."""
    if not inline.children and not _MARKUP_RE.search(inline.content):
        return inline.content
    parts: list[str] = []
    for child in _parsed(inline, env).children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


def _header_cells(tokens: list[Token], index: int, env: dict[str, Any]) -> list[str]:
    cells: list[str] = []
    for token in (tokens[i] for i in range(index + 1, len(tokens))):
        if token.type == "thead_close":
            break
        if token.type == "inline":
            cells.append(collapse(_plain(token, env)))
    return cells


def _value(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group is not None)


def _value_start(match: re.Match[str]) -> int:
    group = next(i for i, value in enumerate(match.groups(), start=1) if value is not None)
    return match.start(group)
