"""kramdown's footnotes on Python-Markdown's `footnotes` (added when missing, numbering
footnotes in the order they are referenced, as kramdown does); an extension of its own
(`makeExtension`).

- a definition is its first line and the indented lines after it (`_FootnoteEnd`);
- the first list carrying `{:footnotes}` (noted by `kramdown_attributes`, which is added when
  missing) is where the footnotes go;
- footnotes nothing references are left out and reported, and a reference to a footnote that
  is not defined stays text and is reported, at its line in the text as given to the
  extension.

Not a subclass of `footnotes`' processors: its footnote div is built (`footnote`, 50) before
the inline patterns (20) find which footnotes are referenced, so what kramdown leaves out is
known only after `footnote-reorder` (19) and `footnote-duplicate` (15).

Priorities:

- block processor `kramdown_footnote_end`, 17.5: just before `footnote` (17), which would
  read a line that is not indented as part of the definition above it; kramdown does not.
- tree processor `kramdown_footnotes`, 14: after `footnote-duplicate` (15).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..page.source import Source
from .kramdown_attribute_spans import CODE
from .kramdown_attributes import (
    KramdownAttributesExtension,
    Report,
    add_missing,
    attributes_of,
    log_problem,
)

_FOOTNOTE_START = re.compile(r"[ ]{0,3}\[\^[^\]\n]+\]:")


def makeExtension(**kwargs: Any) -> KramdownFootnotesExtension:
    return KramdownFootnotesExtension(**kwargs)


class KramdownFootnotesExtension(Extension):
    """Footnotes as kramdown ends, places, numbers and leaves them out."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "report": [log_problem, "Receives each problem: (line, column, message)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        report: Report = self.getConfig("report")
        add_missing(
            md,
            [
                (attributes_of(md) is None, lambda: KramdownAttributesExtension(report=report)),
                # kramdown numbers footnotes in the order they are referenced.
                (
                    "footnote" not in md.parser.blockprocessors,
                    lambda: FootnoteExtension(USE_DEFINITION_ORDER=False),
                ),
            ],
        )
        md.parser.blockprocessors.register(_FootnoteEnd(md.parser), "kramdown_footnote_end", 17.5)
        md.treeprocessors.register(_Footnotes(md, report), "kramdown_footnotes", 14)


class _FootnoteEnd(BlockProcessor):
    """kramdown's footnote definition is its first line and the indented lines after it: a
    line that is not indented starts a block of its own (Python-Markdown would continue the
    footnote with it)."""

    def test(self, parent: etree.Element, block: str) -> bool:
        # The text first (an anchored match): a registry lookup is a Python call.
        return _ends_early(block) and "footnote" in self.parser.blockprocessors

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        # Every definition that follows directly is cut off now, in one pass: cutting one
        # per run would copy and test the rest of the block again for each.
        lines = blocks.pop(0).split("\n")
        pieces: list[str] = []
        start = 0
        for index in range(1, len(lines)):
            if _starts_block(lines[index]):
                pieces.append("\n".join(lines[start:index]))
                start = index
                if not _FOOTNOTE_START.match(lines[index]):
                    break
        pieces.append("\n".join(lines[start:]))
        blocks[:0] = pieces


def _ends_early(block: str) -> bool:
    """Whether `block` opens with a footnote definition that a line not indented ends."""
    if not _FOOTNOTE_START.match(block):
        return False
    end = block.find("\n")
    while end >= 0:
        start, end = end + 1, block.find("\n", end + 1)
        if _starts_block(block[start : end if end >= 0 else len(block)]):
            return True
    return False


def _starts_block(line: str) -> bool:
    """A line neither blank nor indented: it ends a footnote definition, in kramdown."""
    return bool(line.strip()) and not line.startswith(("    ", "\t"))


class _Footnotes(Treeprocessor):
    """kramdown's `{:footnotes}` list is where the footnotes go; kramdown leaves out a
    footnote nothing references, and warns; a reference to a footnote that is not defined
    stays text, as in kramdown, and is reported."""

    def __init__(self, md: Markdown, report: Report) -> None:
        super().__init__(md)
        self.report = report

    def run(self, root: etree.Element) -> None:
        attributes = attributes_of(self.md)
        if attributes is None:
            return
        if attributes.footnote_lists:
            _place_footnotes(root, attributes.footnote_lists[0])
        source = attributes.source
        if "[^" not in source or "footnote" not in self.md.parser.blockprocessors:
            return
        extension = getattr(self.md.parser.blockprocessors["footnote"], "footnotes", None)
        if not isinstance(extension, FootnoteExtension):
            return
        text = attributes.parse(source)
        written = _footnote_marks(text)
        referenced = set(extension.footnote_order)
        unused = [name for name in extension.footnotes if name not in referenced]
        for name in unused:
            line, column = _located(text, written, f"[^{name}]:")
            self.report(
                line,
                column,
                f"footnote `[^{name}]` is never referenced; kramdown leaves it out",
            )
        if unused and not extension.getConfig("USE_DEFINITION_ORDER"):
            self._drop(root, extension, set(unused))
        if not extension.getConfig("USE_DEFINITION_ORDER"):
            _in_page_order(root, extension)
        for name in self._undefined(root, extension):
            line, column = _located(text, written, f"[^{name}]")
            self.report(
                line,
                column,
                f"footnote reference `[^{name}]` has no definition (`[^{name}]: …`); "
                "shown as written",
            )

    def _drop(self, root: etree.Element, extension: FootnoteExtension, unused: set[str]) -> None:
        ids = {extension.makeFootnoteId(name) for name in unused}
        for div in list(root):
            if div.tag != "div" or div.get("class") != "footnote":
                continue
            for listing in div.iter("ol"):
                # Kept in one pass: removing each costs a search of the list.
                listing[:] = [li for li in listing if li.get("id") not in ids]
            # With nothing left to show, no rule and empty list either.
            if not any(len(listing) for listing in div.iter("ol")):
                root.remove(div)
            break

    def _undefined(self, root: etree.Element, extension: FootnoteExtension) -> list[str]:
        names: dict[str, None] = {}
        for element in root.iter():
            texts = (element.tail,) if element.tag in CODE else (element.text, element.tail)
            for text in texts:
                if not text or "[^" not in text or isinstance(text, AtomicString):
                    continue
                start = text.find("[^")
                while start >= 0:
                    end = text.find("]", start + 2)
                    if end < 0:
                        break
                    name = text[start + 2 : end]
                    if name and "[" not in name and name not in extension.footnotes:
                        names.setdefault(name)
                    start = text.find("[^", end)
        return list(names)


def _in_page_order(root: etree.Element, extension: FootnoteExtension) -> None:
    """Footnotes numbered as their first references come in the page, as kramdown numbers
    them: Python-Markdown numbers them as its inline pass meets them, a level of the tree at
    a time (a paragraph's reference before one in the list above it). A footnote's repeated
    references are kramdown's `fnref:name:1`, `:2`…, each backlink after the first followed
    by its number (`<sup>2</sup>`), where Python-Markdown writes `fnref2:name`."""
    div = next((d for d in root.iter("div") if d.get("class") == "footnote"), None)
    listing = div.find("ol") if div is not None else None
    if div is None or listing is None:
        return
    inside = set(div.iter())
    kramdown_ids = extension.get_separator() == ":" and not extension.getConfig("UNIQUE_IDS")
    text = extension.getConfig("SUPERSCRIPT_TEXT")
    numbers: dict[str, int] = {}
    seen: dict[str, int] = {}
    for sup in root.iter("sup"):  # document order
        link = sup.find("a")
        if sup in inside or link is None or link.get("class") != "footnote-ref":
            continue
        footnote = link.get("href", "").removeprefix("#")  # `fn:name`
        link.text = text.format(numbers.setdefault(footnote, len(numbers) + 1))
        repeat = seen[footnote] = seen.get(footnote, -1) + 1
        if kramdown_ids:
            name = footnote.removeprefix("fn:")
            sup.set("id", f"fnref:{name}:{repeat}" if repeat else f"fnref:{name}")
    listing[:] = sorted(listing, key=lambda li: numbers.get(li.get("id", ""), len(numbers) + 1))
    title = extension.getConfig("BACKLINK_TITLE")
    for number, item in enumerate(listing, start=1):
        backlinks = [a for a in item.iter("a") if a.get("class") == "footnote-backref"]
        for index, backlink in enumerate(backlinks):
            backlink.set("title", title.format(number))
            if index and kramdown_ids:
                name = item.get("id", "").removeprefix("fn:")
                backlink.set("href", f"#fnref:{name}:{index}")
                etree.SubElement(backlink, "sup").text = str(index + 1)


def _place_footnotes(root: etree.Element, target: etree.Element) -> None:
    """kramdown's `{:footnotes}`: the footnotes go where the list `target` is."""
    footnotes = next((div for div in root.iter("div") if div.get("class") == "footnote"), None)
    parents = {child: parent for parent in root.iter() for child in parent}
    if footnotes is None or target not in parents or footnotes not in parents:
        return
    parents[footnotes].remove(footnotes)
    holder = parents[target]
    footnotes.tail = target.tail
    holder[list(holder).index(target)] = footnotes


def _footnote_marks(source: Source) -> dict[str, int]:
    """The offset of the first `[^name]` and `[^name]:` outside code, by what is written:
    one pass, not a search of the page per footnote."""
    text = source.text
    found: dict[str, int] = {}
    close = -1
    start = text.find("[^")
    while start >= 0:
        if close < start + 2:
            close = text.find("]", start + 2)
            if close < 0:
                break
        if not source.in_code(start):
            found.setdefault(text[start : close + 1], start)
            if text.startswith(":", close + 1):
                found.setdefault(text[start : close + 2], start)
        start = text.find("[^", start + 1)
    return found


def _located(source: Source, marks: dict[str, int], written: str) -> tuple[int, int]:
    """Line and column of the first `written` outside code (`_footnote_marks`); the first
    line if none."""
    offset = marks.get(written)
    return source.line_col(offset) if offset is not None else (1, 1)
