"""Raw HTML as kramdown treats it: the elements md_in_html makes of HTML marked
`markdown="1"` (whose headings kramdown's GFM parser does not reach, `kramdown_ids`), and the
tags of stashed raw HTML that an attribute list applies to (`kramdown_attributes`).

An extension of its own (`makeExtension`): it adds Python-Markdown's `md_in_html` when missing
(Just the Docs' examples, `<div class="code-example" markdown="1">`, need it) and notes its
elements per conversion, cleared in `reset()`.

Priority: preprocessor `html_block`, 20, replaces md_in_html's with the same reader and two
kramdown rules (`_KramdownHtmlExtractor`); block processor `markdown_block`, 105, replaces
md_in_html's to keep raw the HTML around an element those rules opened
(`_KramdownMarkdownInHtml`); `kramdown_raw_html`, 19, notes md_in_html's elements once
`html_block` made them.
"""

from __future__ import annotations

import bisect
import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.md_in_html import (
    HtmlBlockPreprocessor,
    HTMLExtractorExtra,
    MarkdownInHtmlExtension,
    MarkdownInHtmlProcessor,
)
from markdown.preprocessors import Preprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from ..page.source import MARKDOWN_ATTRIBUTE

if TYPE_CHECKING:  # the attribute lists import this module
    from .kramdown_attributes import Resolved

_NAME = "kramdown_raw_html"


def makeExtension(**kwargs: Any) -> KramdownRawHtmlExtension:
    return KramdownRawHtmlExtension(**kwargs)


class KramdownRawHtmlExtension(Extension):
    """Markdown inside HTML marked `markdown="1"`; which elements came of it, per conversion."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.reset()

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        if "markdown_block" not in md.parser.blockprocessors:
            md.registerExtensions([MarkdownInHtmlExtension()], {})
        # The plugin lists this extension last, so it replaces md_in_html's, however listed.
        md.preprocessors.register(_KramdownHtmlBlocks(md), "html_block", 20)
        md.parser.blockprocessors.register(
            _KramdownMarkdownInHtml(md.parser), "markdown_block", 105
        )
        md.preprocessors.register(_RawHtmlElements(md, self), _NAME, 19)

    def reset(self) -> None:
        self.elements: set[etree.Element] = set()
        """Elements of raw HTML with `markdown="1"` (md_in_html's), with all inside them."""


def raw_html_elements(md: Markdown) -> set[etree.Element]:
    """What the raw HTML extension `md` runs noted in its last conversion; none without it."""
    processor = md.preprocessors[_NAME] if _NAME in md.preprocessors else None
    return processor.extension.elements if isinstance(processor, _RawHtmlElements) else set()


def stash_index(md: Markdown, element: etree.Element) -> int | None:
    """The stash entry a `<p>` holding only a raw HTML placeholder stands for."""
    if element.tag != "p" or len(element) or not element.text:
        return None
    match = HTML_PLACEHOLDER_RE.fullmatch(element.text.strip())
    if match is None or int(match.group(1)) >= len(md.htmlStash.rawHtmlBlocks):
        return None
    return int(match.group(1))


def assign_to_stash(md: Markdown, index: int, resolved: Resolved) -> bool:
    """Apply attributes to the first element of stashed raw HTML (a code block's `<div>` or
    `<pre>`, a `<div>`); False when the HTML does not start with an element."""
    entry = md.htmlStash.rawHtmlBlocks[index]
    if isinstance(entry, etree.Element):
        resolved.apply_to(entry)
        return True
    edited = _with_attributes(entry, resolved)
    if edited is None:
        return False
    md.htmlStash.rawHtmlBlocks[index] = edited
    return True


def _with_attributes(markup: str, resolved: Resolved) -> str | None:
    """`markup` with its first start tag given the attributes; None when it has none."""
    start = len(markup) - len(markup.lstrip())
    if markup[start : start + 1] != "<" or not markup[start + 1 : start + 2].isalpha():
        return None
    end = _tag_end(markup, start)
    if end < 0:
        return None
    reader = _FirstTag()
    reader.feed(markup[start : end + 1])
    reader.close()
    if reader.tag is None:
        return None
    attributes = dict(reader.attributes)
    if resolved.classes:
        attributes["class"] = " ".join(filter(None, [attributes.get("class"), *resolved.classes]))
    if resolved.id is not None:
        attributes["id"] = resolved.id
    attributes.update(resolved.pairs)
    written = "".join(
        f" {name}" if value is None else f' {name}="{html.escape(value)}"'
        for name, value in attributes.items()
    )
    closing = "/>" if markup[end - 1] == "/" else ">"
    return f"{markup[:start]}<{reader.tag}{written}{closing}{markup[end + 1 :]}"


@dataclass(frozen=True)
class Tag:
    """One tag of inline raw HTML."""

    name: str
    closing: bool
    complete: bool
    """A void element (`<br>`) or a self-closing tag (`<x />`): an element on its own."""


_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
    | {"param", "source", "track", "wbr"}
)


def tag_of(markup: str) -> Tag | None:
    """The one tag that inline raw HTML `markup` is; None for a comment or an entity."""
    if markup.startswith("</") and markup.endswith(">"):
        name = markup[2:-1].strip().lower()
        return Tag(name, closing=True, complete=False) if name.isalnum() else None
    if not markup.startswith("<") or not markup[1:2].isalpha():
        return None
    reader = _FirstTag()
    reader.feed(markup)
    reader.close()
    if reader.tag is None:
        return None
    complete = reader.tag in _VOID or markup.endswith("/>")
    return Tag(reader.tag, closing=False, complete=complete)


def _tag_end(markup: str, start: int) -> int:
    """Offset of the `>` ending the tag at `start`, outside quoted values; -1 if none."""
    quote = ""
    for index in range(start, len(markup)):
        char = markup[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in ("'", '"'):
            quote = char
        elif char == ">":
            return index
    return -1


class _FirstTag(HTMLParser):
    """The name and attributes of the one start tag it is fed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tag: str | None = None
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if self.tag is None:
            self.tag, self.attributes = tag, attrs

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


_INDENT = re.compile(r"[^\S\n]*")
"""White space before a tag on its line, no-break spaces included (a real table's rows were
indented with them; kramdown reads raw HTML's tags wherever they are)."""


_MARKED_TAG = re.compile(r"<[A-Za-z][^<>]*?" + MARKDOWN_ATTRIBUTE, re.IGNORECASE)
"""A start tag with a `markdown` attribute. `[^<>]` keeps each try to one tag: linear."""

_TAG_NAME = re.compile(r"<[^\s/>]*")
_ATTRIBUTE = re.compile(r"""\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""")
"""One attribute of a start tag and the space before it, read from the previous one's end:
a quoted value is taken whole, so a `markdown=` inside one is no attribute."""

_KEEP_RAW = "data-kramdown-raw"
"""Marks raw HTML around an element with its own `markdown` attribute (`_opened_inside`)."""


class _KramdownHtmlExtractor(HTMLExtractorExtra):
    """md_in_html's reader with two rules of kramdown's (2.4.0, `parser/kramdown/html.rb`):

    - inside HTML whose Markdown is off (a `<blockquote>` in a `markdown="1"` element), a
      block tag indented 4 spaces or more is still a tag, as kramdown keeps such HTML as
      written. md_in_html reads its start tag as text (indented code, in Markdown) but matches
      its end tag, which then closed the enclosing element of that name: the rest of a chat
      transcript fell out of it;
    - an element's own `markdown` attribute chooses how its content is read even inside raw
      HTML (`<td markdown="span">` in a raw `<table>`), where md_in_html keeps everything
      inside raw HTML raw. A raw block holding such an element is read as md_in_html reads
      `markdown="0"` HTML, and `_opened_inside` keeps the HTML around that element raw.
    """

    _indent = (-1, -1)
    """The line start last measured, and where its indentation ends."""
    # md_in_html's own, set in its reset(), untyped there.
    mdstate: list[str | None]
    mdstack: list[str]
    mdstarted: list[bool]
    treebuilder: etree.TreeBuilder

    def reset(self) -> None:
        super().reset()
        self._marked: list[int] | None = None
        """Offsets of start tags with a `markdown` attribute, found on the first block tag."""
        self._scan_budget = 0
        """Characters left to scan for raw blocks' ends (`_holds_marked`): twice the text."""

    def at_line_start(self) -> bool:
        state = getattr(self, "mdstate", [])  # md_in_html's, set in its reset()
        if self.offset > 3 and state and state[-1] == "off" and not self.inraw:
            start = self._position() - self.offset
            if self._indent[0] != start:  # once a line, however many tags it holds
                indent = _INDENT.match(self._source, start)
                self._indent = (start, indent.end() if indent else start)
            return self._indent[1] == start + self.offset
        return bool(super().at_line_start())

    def handle_charref(self, name: str) -> None:
        # HTMLParser reports `&#6` as it reports `&#6;`, and md's reader writes both with a
        # `;`, which made a password in code, `Tq9v&#6Hx`, `Tq9v&#6;Hx`. As written.
        self.handle_empty_tag(self._as_written(f"&#{name}"), is_block=False)

    def handle_entityref(self, name: str) -> None:
        self.handle_empty_tag(self._as_written(f"&{name}"), is_block=False)

    def _as_written(self, reference: str) -> str:
        """`reference` with the `;` after it when the text has one (HTMLParser calls before it
        moves past the reference: the position is the reference's)."""
        end = self._position() + len(reference)
        return reference + ";" if self._source[end : end + 1] == ";" else reference

    def feed(self, data: str) -> None:
        self._source = data
        self._line_starts: list[int] | None = None
        super().feed(data)

    def _position(self) -> int:
        """Where the parser is in the text fed. Not md's `line_offset + offset` in `rawdata`:
        HTMLParser drops what it has read from `rawdata` when it stops early (at `&#65b`
        with a `;` further on, Python 3.11), and `line_offset` still counts from the start."""
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", self._source))]
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def get_starttag_text(self) -> str:
        """The start tag as written, less its `markdown` attribute, which kramdown drops
        from every element (md_in_html keeps it where the element stays raw HTML)."""
        text = super().get_starttag_text()
        # Most tags have none: a plain look before the attributes are read.
        if not text or "markdown" not in text.lower():
            return text
        name = _TAG_NAME.match(text)
        expected = name.end() if name else 1
        pieces, copied = [], 0
        # Each attribute read where the last one ended, once: linear in the tag.
        while (attribute := _ATTRIBUTE.match(text, expected)) is not None:
            if attribute.group(1).lower() == "markdown":
                pieces.append(text[copied : attribute.start()])
                copied = attribute.end()
            expected = attribute.end()
        return "".join(pieces) + text[copied:]

    def get_state(self, tag: str, attrs: Any) -> Any:
        if "markdown" in attrs and self.mdstate and self.mdstate[-1] == "off":
            outer, self.mdstate = self.mdstate, []  # as if no raw HTML were around it
            try:
                return super().get_state(tag, attrs)
            finally:
                self.mdstate = outer
        return super().get_state(tag, attrs)

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if (
            not self.mdstack
            and not self.inraw
            and tag in self.block_level_tags
            and tag not in self.raw_tags
            and (self.at_line_start() or self.intail)
            and self._holds_marked(tag)
        ):
            named = {key: key if value is None else value for key, value in attrs}
            if self.get_state(tag, named) == "off":
                # What md_in_html does for `markdown="0"` HTML inside a `markdown="1"` one.
                self.mdstate.append("off")
                self.mdstack.append(tag)
                self.mdstarted.append(True)
                named["markdown"] = "off"
                self.treebuilder.start(tag, named)
                return
        super().handle_starttag(tag, attrs)

    def get_element(self) -> etree.Element:
        element: etree.Element = super().get_element()
        _opened_inside(element)
        return element

    def _holds_marked(self, tag: str) -> bool:
        """Whether the raw block that `tag`'s start tag opens here holds a start tag with a
        `markdown` attribute, by counting that tag's nesting up to the next such start tag."""
        if self._marked is None:
            self._marked = [match.start() for match in _MARKED_TAG.finditer(self._source)]
            self._scan_budget = 2 * len(self._source)
        start = self._position()
        following = bisect.bisect_right(self._marked, start)
        if following == len(self._marked) or self._scan_budget <= 0:
            return False
        marked = self._marked[following]
        # Blocks end before the next one starts, so the scans add up to about the text's length;
        # the budget holds that where unclosed tags make blocks overlap.
        self._scan_budget -= marked - start
        depth = 0
        tags = re.compile(rf"<(/?){re.escape(tag)}(?=[\s/>])", re.IGNORECASE)
        for match in tags.finditer(self._source, start, marked):
            depth += -1 if match.group(1) else 1
            if depth == 0:
                return False
        return True


def _opened_inside(element: etree.Element) -> None:
    """Raw HTML (md_in_html's `off`) around an element whose Markdown is on, marked to be read
    as `span` HTML is (so md_in_html takes it apart and reaches the element) and then kept raw
    (`_KramdownMarkdownInHtml`). Iterative, post-order: nesting is capped elsewhere, not here."""
    opened: set[etree.Element] = set()
    order: list[etree.Element] = []
    stack = [element]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(node)
    parents = {child: node for node in order for child in node}
    for node in reversed(order):  # children before their parents
        state = node.get("markdown")
        if node in opened or state in ("span", "block"):
            parent = parents.get(node)
            if parent is not None:
                opened.add(parent)
        if node in opened and state == "off":
            node.set("markdown", "span")
            node.set(_KEEP_RAW, "")


class _KramdownMarkdownInHtml(MarkdownInHtmlProcessor):
    """md_in_html's block processor, keeping raw the HTML `_opened_inside` marked: its
    elements are placed back as `span` HTML's are, its own text and tails left as written."""

    def parse_element_content(self, element: etree.Element) -> None:
        if _KEEP_RAW not in element.attrib:
            super().parse_element_content(element)
            return
        del element.attrib[_KEEP_RAW]
        super().parse_element_content(element)
        element.text = AtomicString(element.text or "")
        for child in element:
            if child.tail:
                child.tail = AtomicString(child.tail)


class _KramdownHtmlBlocks(HtmlBlockPreprocessor):
    """md_in_html's `html_block`, reading with `_KramdownHtmlExtractor`."""

    def run(self, lines: list[str]) -> list[str]:
        parser = _KramdownHtmlExtractor(self.md)
        parser.feed("\n".join(lines))
        parser.close()
        return "".join(parser.cleandoc).split("\n")


class _RawHtmlElements(Preprocessor):
    """Notes the elements md_in_html made of raw HTML (`html_block`, 20, stashed them), whose
    headings kramdown's GFM parser does not reach."""

    def __init__(self, md: Markdown, extension: KramdownRawHtmlExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.reset()
        for entry in self.md.htmlStash.rawHtmlBlocks:
            if isinstance(entry, etree.Element):
                self.extension.elements.update(entry.iter())
        return lines
