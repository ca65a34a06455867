"""Source lines for what the rendered HTML holds, from markdown-it-py tokens.

MkDocs renders with Python-Markdown, so the page model is read from its HTML; markdown-it
(CommonMark) parses the same Markdown once more only to say where each heading, list item,
table, code block and link came from. Elements are matched by their text, in document order,
so the two parsers need not agree on every detail; what cannot be matched gets line 0.
Lines are 1-based and relative to the Markdown text given (after front matter).
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from .blocks import Blocks, parse_blocks

# Block tokens come from `blocks`; an inline token's children are parsed only when something
# reads them (most table cells and paragraphs hold no link): the rest of the core pipeline.
_INLINES = MarkdownIt("commonmark").enable("table").disable(["normalize", "block"])
_LINK_CHARS = ("[", "<")
"""An inline without these holds no link, image, autolink or raw HTML."""
_MARKUP_RE = re.compile(r"[\\`*_\[\]!<&]")
"""An inline without these is plain text: markdown-it would give it back as it is."""
_SPACE_RE = re.compile(r"\s+")
_TASK_MARKER_RE = re.compile(r"^\[[ xX]\](?: |$)")
_WINDOW = 64
"""How far from the last prefix match a prefix match is looked for, either way."""
_ATTR = r"(?:[#.][\w-]+|[\w-]+=\S+)"
# Matched from the heading's last `{` only: tried at every offset, a leading `\s*` would make a
# heading of many spaces cost quadratic time.
_ATTR_LIST_RE = re.compile(r"\{:?\s*" + _ATTR + r"(?:\s+" + _ATTR + r")*\s*\}\s*")
# Admonitions (`!!!`), details (`???`) and tabs (`===`) whose bodies are indented.
_BLOCK_EXTENSION_RE = re.compile(r"^[ ]{0,3}(?:!!!|\?\?\?\+?|===)[ \t]")
_HTML_LINK_RE = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def normalise(text: str) -> str:
    """Text compared across the two parsers: white space collapsed, case kept."""
    return _SPACE_RE.sub(" ", text).strip()


@dataclass(frozen=True)
class SourceLink:
    """A link or image destination as written in the Markdown."""

    href: str
    line: int
    column: int
    kind: str
    """`link`, `image` or `html` (an attribute in raw HTML)."""


class SourceMap:
    """Lines of a Markdown text's blocks and links."""

    def __init__(self, markdown: str) -> None:
        self._text = markdown
        self.lines = markdown.split("\n")
        self._blocks: dict[str, dict[str, deque[int]]] = defaultdict(lambda: defaultdict(deque))
        # Blocks in document order, for prefix matches that must not rescan the page.
        self._order: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._claimed: set[tuple[str, int]] = set()
        self._cursor: dict[str, int] = defaultdict(int)
        self.links: list[SourceLink] = []
        self._read_all(parse_blocks(markdown), 0)

    def _read_all(self, blocks: Blocks, first_line: int) -> None:
        """Reads `blocks`, whose first line is line `first_line` (0-based) of the page."""
        tokens = blocks.tokens
        for index, token in enumerate(tokens):
            if token.map is not None:
                self._read(tokens, index, token, blocks.env, token.map[0] + first_line)

    def _read(
        self, tokens: list[Token], index: int, token: Token, env: dict[str, Any], start: int
    ) -> None:
        line = start + 1
        if token.type == "heading_open":
            # Python-Markdown's attr_list ({#id .class}) is literal text to markdown-it.
            heading = _plain(tokens[index + 1], env)
            self._add("heading", _without_attr_list(heading), line)
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
        elif token.type == "code_block" and _in_block_extension(self.lines, start):
            # An indented body that Python-Markdown renders as Markdown, with its real lines.
            self._read_all(Blocks.parse(token.content), start)
        elif token.type in ("fence", "code_block"):
            self._add("code", token.content.rstrip("\n"), line)
        elif token.type == "inline":
            if token.children or any(c in token.content for c in _LINK_CHARS):
                self._read_links(_parsed(token, env), line)
        elif token.type == "html_block":
            self._read_html_links(token.content, line)

    @staticmethod
    def _key(kind: str, text: str) -> str:
        """What a block is matched by: its text, less a list item's task marker, which
        `pymdownx.tasklist` turns into a checkbox that has no text."""
        text = normalise(text)
        return _TASK_MARKER_RE.sub("", text) if kind == "list_item" else text

    def _add(self, kind: str, text: str, line: int) -> None:
        text = self._key(kind, text)
        self._blocks[kind][text].append(line)
        self._order[kind].append((line, text))

    def _read_links(self, inline: Token, line: int) -> None:
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
                found = self._destination(block, href, search_from)
            if found >= 0:
                search_from = found + 1
                self._add_link(href, kind, block, line, found)
            else:
                self._add_reference(href, kind, line)

    @staticmethod
    def _destination(block: str, href: str, start: int) -> int:
        """Where a destination is written: after `](` or `]: `; markdown-it normalises it."""
        for raw in (href, _unnormalise(href)):
            for lead in ("](", "](<", "]: ", "]:", "]: <"):
                found = block.find(lead + raw, start)
                if found >= 0:
                    return found + len(lead)
        return block.find(href, start)

    def _add_link(self, href: str, kind: str, block: str, line: int, found: int) -> None:
        if found < 0:
            self.links.append(SourceLink(href, line, 0, kind))
            return
        before = block[:found]
        self.links.append(
            SourceLink(
                href,
                line + before.count("\n"),
                found - (before.rfind("\n") + 1) + 1,
                kind,
            )
        )

    def _add_reference(self, href: str, kind: str, line: int) -> None:
        """A reference link: its destination is written in the definition, where it is fixed."""
        for raw in (href, _unnormalise(href)):
            pattern = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*<?(" + re.escape(raw) + r")", re.M)
            match = pattern.search(self._text)
            if match:
                self._add_link(href, kind, self._text, 1, match.start(1))
                return
        self.links.append(SourceLink(href, line, 0, kind))

    def _read_html_links(self, content: str, line: int) -> None:
        for match in _HTML_LINK_RE.finditer(content):
            self._add_link(_value(match), "html", content, line, _value_start(match))

    def take(self, kind: str, text: str) -> int:
        """Line of the next unclaimed `kind` block with this text, or 0."""
        lines = self._blocks[kind].get(self._key(kind, text))
        if not lines:
            return 0
        line = lines.popleft()
        self._claimed.add((kind, line))
        return line

    def take_prefix(self, kind: str, text: str) -> int:
        """Like `take`, for an element whose HTML text starts with the source block's text.

        Elements are asked for in document order, so the search resumes after the last match:
        a long list costs linear time, not a rescan of the page per item.
        """
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


def _without_attr_list(heading: str) -> str:
    """A heading's text without a trailing attribute list (`{#id .class}`)."""
    start = heading.rfind("{")
    if start >= 0 and _ATTR_LIST_RE.fullmatch(heading, start):
        return heading[:start].rstrip()
    return heading


def _in_block_extension(lines: list[str], index: int) -> bool:
    """Whether the indented lines from `index` are the body of an admonition or the like.

    markdown-it reads a body paragraph after a blank line as an indented code block, where
    Python-Markdown's admonition renders it as Markdown.
    """
    for line in reversed(lines[:index]):
        if not line.strip() or line.startswith(("    ", "\t")):
            continue
        return bool(_BLOCK_EXTENSION_RE.match(line))
    return False


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
            cells.append(normalise(_plain(token, env)))
    return cells


def _value(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group is not None)


def _value_start(match: re.Match[str]) -> int:
    group = next(i for i, value in enumerate(match.groups(), start=1) if value is not None)
    return match.start(group)


def _unnormalise(href: str) -> str:
    """markdown-it percent-encodes destinations; authors write spaces and non-ASCII raw."""
    return unquote(href)
