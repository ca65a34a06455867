"""Where kramdown's GFM parser ends a paragraph and Python-Markdown does not: at a list item
(`* item`, `1. step` on the line right after the paragraph's text) and at a fenced code block
(its placeholder, left on a line of its own by the fence processor). Python-Markdown needs a
blank line before either, and otherwise prints the markers, or the code, inside the paragraph.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.util import HTML_PLACEHOLDER_RE

from ..page.lists import marker_end

_CODE_INDENT = 4
"""A line indented this far after a paragraph's text is more of it, not a new block."""


class ParagraphEnds(BlockProcessor):
    """Cuts a paragraph's block before a line that starts a list item or is a code block's
    placeholder: registered just above `paragraph` (10), the block's last reader."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return "\n" in block

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        block = blocks[0]
        start = block.find("\n") + 1
        if self._is_code(block[: start - 1]):
            blocks[:1] = [block[: start - 1], block[start:]]  # the text after the code
            return False
        while start > 0:
            end = block.find("\n", start)
            line = block[start : end if end >= 0 else len(block)]
            if self._starts_block(line):
                # Not indented: four spaces would make the rest an indented code block.
                blocks[:1] = [block[: start - 1], block[start:].lstrip(" ")]
                return False  # the paragraph's text goes on to `paragraph`
            start = end + 1
        return False

    def _starts_block(self, line: str) -> bool:
        if self._is_code(line):
            return True
        stripped = line.lstrip(" ")
        if len(line) - len(stripped) >= _CODE_INDENT or not stripped:
            return False
        marker = marker_end(stripped)
        if marker is not None:
            # An item with text; a rule (`- - -`) is no item.
            rest = stripped[marker:].strip()
            return bool(rest) and set(stripped.replace(" ", "")) != {stripped[0]}
        return False

    def _is_code(self, line: str) -> bool:
        """Whether `line` is a fenced code block's placeholder (the fence reader's, which
        took the fence wherever it stood)."""
        match = HTML_PLACEHOLDER_RE.fullmatch(line.strip(" "))
        if match is None:
            return False
        stash = self.parser.md.htmlStash.rawHtmlBlocks
        index = int(match.group(1))
        return index < len(stash) and str(stash[index]).lstrip().startswith(("<pre", "<div"))
