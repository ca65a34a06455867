"""Raw HTML as kramdown treats it: the elements md_in_html makes of HTML marked
`markdown="1"` (whose headings kramdown's GFM parser does not reach, `kramdown_ids`), and the
tags of stashed raw HTML that an attribute list applies to (`kramdown_attributes`).

An extension of its own (`makeExtension`): it adds Python-Markdown's `md_in_html` when missing
(Just the Docs' examples, `<div class="code-example" markdown="1">`, need it) and notes its
elements per conversion, cleared in `reset()`.

Priority: preprocessor `html_block`, 20, replaces md_in_html's with the same reader and one
kramdown rule (`_KramdownHtmlExtractor`); `kramdown_raw_html`, 19, notes md_in_html's
elements once `html_block` made them.
"""

from __future__ import annotations

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
)
from markdown.preprocessors import Preprocessor
from markdown.util import HTML_PLACEHOLDER_RE

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

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.tag is None:
            self.tag, self.attributes = tag, attrs

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


_INDENT = re.compile(r"[ \t]*")


class _KramdownHtmlExtractor(HTMLExtractorExtra):
    """md_in_html's reader with one rule of kramdown's: inside HTML whose Markdown is off (a
    `<blockquote>` in a `markdown="1"` element), a block tag indented 4 spaces or more is
    still a tag, as kramdown keeps such HTML as written. md_in_html reads its start tag as text
    (indented code, in Markdown) but matches its end tag, which then closed the enclosing
    element of that name: the rest of aider's chat transcript fell out of it."""

    _indent = (-1, -1)
    """The line start last measured, and where its indentation ends."""

    def at_line_start(self) -> bool:
        state: list[str] = getattr(self, "mdstate", [])  # md_in_html's, set in its reset()
        if self.offset > 3 and state and state[-1] == "off" and not self.inraw:
            start = self.line_offset
            if self._indent[0] != start:  # once a line, however many tags it holds
                indent = _INDENT.match(self.rawdata, start)
                self._indent = (start, indent.end() if indent else start)
            return self._indent[1] == start + self.offset
        return bool(super().at_line_start())


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
