"""kramdown's abbreviations on Python-Markdown's `abbr` (added when missing); an extension of
its own (`makeExtension`).

Priority: block processor `kramdown_abbr_lines`, 16.5: just before `abbr` (16), which takes
one definition of a block per run.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrExtension


def makeExtension(**kwargs: Any) -> KramdownAbbreviationsExtension:
    return KramdownAbbreviationsExtension(**kwargs)


class KramdownAbbreviationsExtension(Extension):
    """Abbreviation definitions, however many stand in one block, read in linear time."""

    def extendMarkdown(self, md: Markdown) -> None:
        if "abbr" not in md.parser.blockprocessors:
            md.registerExtensions([AbbrExtension()], {})
        md.parser.blockprocessors.register(
            _AbbreviationLines(md.parser), "kramdown_abbr_lines", 16.5
        )


class _AbbreviationLines(BlockProcessor):
    """A block of abbreviation definitions is cut into one block per definition, in one
    pass: `abbr` takes one per run and puts the rest back, copied, for every processor
    before it to test again (1,000 definitions in a row took seconds)."""

    def test(self, parent: etree.Element, block: str) -> bool:
        # The string test first: a registry lookup is a Python call, on every block.
        return "\n*[" in block and "abbr" in self.parser.blockprocessors

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        lines = blocks[0].split("\n")
        starts = [index for index, line in enumerate(lines) if index and line.startswith("*[")]
        if len(starts) < 2:
            return False  # at most one after the first line: `abbr` splits it once
        blocks.pop(0)
        bounds = [0, *starts, len(lines)]
        blocks[:0] = ["\n".join(lines[start:end]) for start, end in itertools.pairwise(bounds)]
        return True
