"""Where kramdown's GFM parser ends a paragraph and Python-Markdown does not: at a list item
(`* item`, `1. step` on the line right after the paragraph's text), at a fenced code block
(its placeholder, left on a line of its own by the fence processor) and, in a list item, at a
block quote (`> `) right under the item's text. Python-Markdown needs a blank line before
each, and otherwise prints the markers, the code, or the `>`, inside the paragraph.

And what a tight list item holds after such a code block: kramdown leaves only an item's first
paragraph bare, and prints every later one as a `<p>` (kramdown 2.4, `parser/kramdown/list.rb`:
the first paragraph alone is `transparent`); Python-Markdown ran them all into the item's text.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.util import HTML_PLACEHOLDER_RE

from ..page.lists import dedented, marker_end

_CODE_INDENT = 4
"""A line indented this far after a paragraph's text is more of it, not a new block."""


class ParagraphEnds(BlockProcessor):
    """Cuts a paragraph's block before a line that starts a list item or a quote, or is a code
    block's placeholder: registered just above `paragraph` (10), the block's last reader."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return "\n" in block

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        # Cut once, at every place: a piece cut off at a time would have every processor
        # test the rest of a long block again, in time quadratic in its lines.
        lines = blocks[0].split("\n")
        pieces: list[str] = []
        start = 0
        for index, line in enumerate(lines):
            if _is_code(self, line):
                pieces.extend(["\n".join(lines[start:index]), line.strip(" ")])
                start = index + 1
            elif self._is_quote(parent, line) and index > start:
                # The quote reads the rest: an item's lines, at its content's four spaces,
                # are written as kramdown reads them, relative to that column.
                pieces.append("\n".join(lines[start:index]))
                pieces.append("\n".join(dedented(rest) for rest in lines[index:]))
                start = len(lines)
                break
            elif self._is_item(line):
                # The list reads the rest, lazy lines and code and all. Not indented: four
                # spaces would make it an indented code block.
                if index > start:
                    pieces.append("\n".join(lines[start:index]))
                    lines[index] = line.lstrip(" ")
                    start = index
                break
        if not pieces:
            return False
        pieces.append("\n".join(lines[start:]))
        blocks[:1] = [piece for piece in pieces if piece]
        return False  # the paragraph's text (or the code) goes on to `paragraph`

    def _is_item(self, line: str) -> bool:
        stripped = line.lstrip(" ")
        if len(line) - len(stripped) >= _CODE_INDENT or not stripped:
            return False
        marker = marker_end(stripped)
        # kramdown's ordered items end in `.`; `1)` is text to it.
        if marker is not None and stripped[marker - 1] != ")":
            # An item with text; a rule (`- - -`) is no item.
            rest = stripped[marker:].strip()
            return bool(rest) and set(stripped.replace(" ", "")) != {stripped[0]}
        return False

    def _is_quote(self, parent: etree.Element, line: str) -> bool:
        """Whether `line` starts a block quote, which ends a paragraph in kramdown's GFM
        reading: `>` after up to three spaces, counted from an item's content column (four
        spaces in Python-Markdown) in an item. Outside items Python-Markdown's own quote
        reader cuts there already."""
        stripped = line.lstrip(" ")
        extra = len(line) - len(stripped) - _CODE_INDENT
        return parent.tag == "li" and stripped.startswith(">") and 0 <= extra < _CODE_INDENT


class ParagraphsAfterCode(BlockProcessor):
    """In a tight list item, a paragraph right after a code block is a `<p>`, as kramdown
    prints it, and so is every block after that one (a code block's placeholder in a `<p>`
    comes out bare): registered above `paragraph` (10), which would add them to the item's
    text, or to the tail of the element before, where Python-Markdown's inline pass looks each
    element up again, in time quadratic in an item's blocks."""

    def test(self, parent: etree.Element, block: str) -> bool:
        if not self.parser.state.isstate("list"):
            return False
        last = self.lastChild(parent)
        if last is not None:
            return last.tag == "p" and not last.tail
        # The item's text so far, as the paragraph reader left it: only its last line is
        # read, and copied.
        before = parent.text or ""
        return _is_code(self, before[before.rfind("\n") + 1 :])

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        etree.SubElement(parent, "p").text = blocks.pop(0).lstrip()


def _is_code(reader: BlockProcessor, line: str) -> bool:
    """Whether `line` is a fenced code block's placeholder (the fence reader's, which took the
    fence wherever it stood)."""
    match = HTML_PLACEHOLDER_RE.fullmatch(line.strip(" "))
    if match is None:
        return False
    stash = reader.parser.md.htmlStash.rawHtmlBlocks
    index = int(match.group(1))
    return index < len(stash) and str(stash[index]).lstrip().startswith(("<pre", "<div"))
