"""kramdown's attribute lists inside the text (span IALs), for `kramdown_attributes`: after
a span, at the start of a list item, at the end of a heading, item, cell or term; markers
left in code and raw HTML become the text they hid again.

Priority: tree processor `kramdown_span_ial`, 16: after `inline` (20) made the spans and
`footnote-reorder` (19); before `footnote-duplicate` (15), `attr_list` (8), `abbr` (7) and
`toc` (5), so headings carry their classes and ids when `toc` reads them.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from typing import TYPE_CHECKING

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, HTML_PLACEHOLDER_RE, STX, AtomicString

from .kramdown_raw_html import tag_of
from .kramdown_syntax import MARK, MARKER_LENGTH, Construct

if TYPE_CHECKING:  # which registers this module's processor
    from .kramdown_attributes import KramdownAttributesExtension

SPAN_NAME = "kramdown_span_ial"
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CODE = frozenset({"code", "pre", "kbd", "samp"})
# Where Python-Markdown's attr_list reads an attribute list at the end of the text.
_ENDS_WITH_ATTRIBUTES = HEADINGS | {"dt", "td", "th", "li"}


def register_span_attributes(md: Markdown, extension: KramdownAttributesExtension) -> None:
    md.treeprocessors.register(_SpanAttributes(md, extension), SPAN_NAME, 16)


class _SpanAttributes(Treeprocessor):
    """Attribute lists inside the text: after a span, at the start of a list item, at the end
    of a heading, item, cell or term; markers left in code and raw HTML become the text they
    hid again; any other is reported and left out."""

    def __init__(self, md: Markdown, extension: KramdownAttributesExtension) -> None:
        super().__init__(md)
        self.extension = extension
        self._closed_by: dict[etree.Element, dict[int, int]] = {}
        """Per element, which stash entry's start tag each end tag in its text closes."""

    def run(self, root: etree.Element) -> None:
        extension = self.extension
        if not extension.constructs:
            return
        self._restore_stash()
        self._closed_by = {}
        pairs = [(parent, child) for parent in root.iter() for child in parent]
        self._element_text(root, None)
        for parent, child in pairs:
            self._element_text(child, parent)
            if (
                child.tag == "p"
                and len(child) == 0
                and (child.text or "").strip() in (extension.placeholders)
            ):
                # Alone in its paragraph (inside a block quote a line break follows it), so
                # the HTML replaces the paragraph, as `raw_html` does for raw HTML blocks.
                child.text = (child.text or "").strip()
            if child.tail and MARK in child.tail:
                child.tail = self._tail(child, parent)
            for key, value in child.attrib.items():
                if MARK in value:
                    child.set(key, self._restored(value, escape=False))

    def _restore_stash(self) -> None:
        """Raw HTML (and code Python-Markdown stashed) keeps what was written inside it."""
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, entry in enumerate(stash):
            if isinstance(entry, str) and MARK in entry:
                stash[index] = self._restored(entry, escape=True)

    def _restored(self, text: str, *, escape: bool) -> str:
        parts: list[str] = []
        position = 0
        for offset, construct in self._markers(text):
            original = construct.text if construct else ""
            parts.append(text[position:offset])
            parts.append(html.escape(original, quote=False) if escape else original)
            position = offset + MARKER_LENGTH
        parts.append(text[position:])
        return "".join(parts)

    def _markers(self, text: str) -> Iterator[tuple[int, Construct | None]]:
        offset = text.find(MARK)
        while offset >= 0:
            yield offset, self.extension.construct(text, offset)
            offset = text.find(MARK, offset + MARKER_LENGTH)

    def _element_text(self, element: etree.Element, parent: etree.Element | None) -> None:
        text = element.text
        if not text or MARK not in text:
            return
        if element.tag in CODE or isinstance(text, AtomicString):
            element.text = AtomicString(self._restored(text, escape=False))
            return
        kept: list[str] = []
        position = 0
        leading = trailing = False
        for offset, construct in list(self._markers(text)):
            kept.append(text[position:offset])
            position = offset + MARKER_LENGTH
            if construct is None or construct.kind != "ial":
                continue
            before, after = "".join(kept), text[position:]
            target = self._leading_target(element, parent, before)
            leading = leading or target is not None
            raw = None if target is not None else self._raw_html(element, before)
            if raw is not None:
                self.extension.assign_to_raw_html(self.md, raw, construct)
                continue
            if target is None and len(element) == 0:
                target = self._trailing_target(element, before, after)
                trailing = trailing or target is not None
            if target is None:
                self._unattached(construct)
            else:
                self.extension.assign(self.md, target, construct)
        kept.append(text[position:])
        result = "".join(kept)
        # The space that set the list apart goes with it (as attr_list strips it).
        if leading:
            result = result.lstrip()
        if trailing:
            result = result.rstrip()
        element.text = result

    def _leading_target(
        self, element: etree.Element, parent: etree.Element | None, before: str
    ) -> etree.Element | None:
        """kramdown's list item IAL: first in the item's text, it applies to the item."""
        if before.strip():
            return None
        if element.tag == "li":
            return element
        if (
            element.tag == "p"
            and parent is not None
            and parent.tag == "li"
            and parent[0] is element
            and not (parent.text or "").strip()
        ):
            return parent
        return None

    def _trailing_target(
        self, element: etree.Element, before: str, after: str
    ) -> etree.Element | None:
        """Last in the text of a heading, item, cell or term, after a space (attr_list's
        rule), or on a line of its own at the end of any block's text."""
        if not _only_markers(after):
            return None
        if element.tag in _ENDS_WITH_ATTRIBUTES and before[-1:].isspace():
            return element
        if self.md.is_block_level(element.tag) and before.rstrip(" ").endswith("\n"):
            return element
        return None

    def _tail(self, element: etree.Element, parent: etree.Element) -> str:
        tail = element.tail or ""
        kept: list[str] = []
        position = 0
        for offset, construct in self._markers(tail):
            kept.append(tail[position:offset])
            position = offset + MARKER_LENGTH
            if construct is None or construct.kind != "ial":
                continue
            before, after = "".join(kept), tail[position:]
            target: etree.Element | None = None
            raw = self._raw_html(parent, before) if before else None
            if raw is not None:
                self.extension.assign_to_raw_html(self.md, raw, construct)
                continue
            if not before and not self.md.is_block_level(element.tag):
                target = element  # directly after the span
            elif (
                parent[-1] is element
                and parent.tag in _ENDS_WITH_ATTRIBUTES
                and _only_markers(after)
                and before[-1:].isspace()
            ):
                target = parent
            if target is None:
                self._unattached(construct)
            else:
                self.extension.assign(self.md, target, construct)
                if target is parent:
                    kept = ["".join(kept).rstrip()]
        kept.append(tail[position:])
        return "".join(kept)

    def _raw_html(self, level: etree.Element, before: str) -> int | None:
        """The stash entry of the raw HTML element that `before` (text of `level`) ends
        with, as kramdown applies a span attribute list to it: a void or self-closing tag
        (`<img …>`), or the start tag that the end tag there (`</span>`) closes."""
        if not before.endswith(ETX):
            return None
        match = HTML_PLACEHOLDER_RE.fullmatch(before, max(before.rfind(STX), 0))
        stash = self.md.htmlStash.rawHtmlBlocks
        if match is None or int(match.group(1)) >= len(stash):
            return None
        index = int(match.group(1))
        entry = stash[index]
        tag = tag_of(entry) if isinstance(entry, str) else None
        if tag is None:
            return None
        if tag.closing:
            if level not in self._closed_by:
                self._closed_by[level] = self._pair_tags(level)
            return self._closed_by[level].get(index)
        return index if tag.complete else None

    def _pair_tags(self, level: etree.Element) -> dict[int, int]:
        """Which start tag each end tag closes in the text of `level` and its children's
        tails: one pass, a stack per tag name."""
        stash = self.md.htmlStash.rawHtmlBlocks
        open_tags: dict[str, list[int]] = {}
        closes: dict[int, int] = {}
        texts = [level.text or "", *(child.tail or "" for child in level)]
        for text in texts:
            for match in HTML_PLACEHOLDER_RE.finditer(text):
                index = int(match.group(1))
                entry = stash[index] if index < len(stash) else None
                tag = tag_of(entry) if isinstance(entry, str) else None
                if tag is None or tag.complete:
                    continue
                if not tag.closing:
                    open_tags.setdefault(tag.name, []).append(index)
                elif open_tags.get(tag.name):
                    closes[index] = open_tags[tag.name].pop()
        return closes

    def _unattached(self, construct: Construct) -> None:
        self.extension.problem(
            construct,
            f"kramdown attribute list `{construct.text}` follows text, not an element: "
            "write it directly after `*emphasis*`, a `[link](…)`, `` `code` `` or an HTML "
            "element, or on a line of its own directly above or below a block; left out",
        )


def _only_markers(text: str) -> bool:
    """Whether `text` holds nothing but white space and markers."""
    position = 0
    while (offset := text.find(MARK, position)) >= 0:
        if text[position:offset].strip():
            return False
        position = offset + MARKER_LENGTH
    return not text[position:].strip()
