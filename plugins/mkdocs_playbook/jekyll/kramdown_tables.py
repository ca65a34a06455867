"""kramdown's GFM tables take their columns from the header row: a delimiter row with more
cells than the header has its extra cells ignored, one with fewer is filled out. Python-Markdown's
`tables` wants the two rows equal, and otherwise prints the table as a paragraph."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions.tables import TableProcessor

_DELIMITER_CHARS = frozenset("|:- ")


class DelimiterRow(BlockProcessor):
    """Gives a table's delimiter row as many cells as its header, then lets `table` take it:
    registered just above `table` (75)."""

    def __init__(self, parser: BlockParser) -> None:
        super().__init__(parser)

    def _table(self) -> TableProcessor | None:
        found = (
            self.parser.blockprocessors["table"] if "table" in self.parser.blockprocessors else None
        )
        return found if isinstance(found, TableProcessor) else None

    def test(self, parent: etree.Element, block: str) -> bool:
        first = block.find("\n")
        if first < 0:
            return False
        end = block.find("\n", first + 1)
        delimiter = block[first + 1 : end if end >= 0 else len(block)].strip(" ")
        return "|" in delimiter and "-" in delimiter and set(delimiter) <= _DELIMITER_CHARS

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        table = self._table()
        block = blocks[0]
        if table is None or table.test(parent, block):
            return False  # a table as it is, or no tables: the next processor decides
        header, delimiter, *rest = block.split("\n")
        # `test` read the header's border, which `_split_row` goes by.
        columns = len(table._split_row(header.strip(" ")))  # type: ignore[attr-defined]
        cells = len(table._split_row(delimiter.strip(" ")))  # type: ignore[attr-defined]
        if columns < 2 or cells < 1:
            return False
        dashes = [cell.strip() for cell in delimiter.strip(" ").strip("|").split("|")]
        dashes = (dashes + ["---"] * columns)[:columns]
        blocks[0] = "\n".join([header, "| " + " | ".join(dashes) + " |", *rest])
        return False  # changed in place: `table` (next) takes it
