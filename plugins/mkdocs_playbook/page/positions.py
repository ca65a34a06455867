"""The positions service of one page: its text as written, after front matter, and as
rewritten, one parse of each text (cached), and where a position in any of them stands in
the file.

Three texts, one page:

- the **file**, as its author wrote it (front matter included; `\\r\\n` and a BOM as MkDocs
  reads them, normalised);
- the **written** text: the body a builder hands to Markdown, after `first_line` lines of
  front matter;
- the **rewritten** text: the written one after Liquid and repository links, with an
  `OffsetMap` back to the written one.

Findings name lines and columns of the file: whatever found a problem in one of the texts
asks here, and nothing else adds `first_line` by hand.
"""

from __future__ import annotations

import bisect
from functools import cached_property

from .offsets import OffsetMap
from .source import Source, line_starts


class Positions:
    """One page's texts and the positions between them (see the module's docstring)."""

    def __init__(self, written: str = "", first_line: int = 0) -> None:
        """`written`: the body given to Markdown; `first_line`: lines of the file before it
        (`in_file` works them out)."""
        self.written = written
        """The body as given to Markdown, where positions are given."""
        # One string when nothing was rewritten: every page's model keeps its positions to the
        # end of the build, and a second copy of its Markdown would double what they hold.
        self.rewritten = written
        """The body after the rewrites: what Markdown renders."""
        self.offsets = OffsetMap()
        """Where each rewrite was made: rewritten offsets back to written ones."""
        self.first_line = first_line
        """Lines of the file before the written text (its front matter)."""
        self._parses: dict[str, Source] = {}

    @classmethod
    def in_file(cls, content: str, written: str) -> Positions:
        """The positions of `written`, the body a builder (MkDocs, Zensical) hands over, in
        `content`, its file's text as read."""
        return cls(written, body_first_line(content, written))

    def parse(self, text: str) -> Source:
        """The page's one parse of `text` (its written or rewritten text, or one on the way
        between them), made on first use; other files (includes) keep their own."""
        found = self._parses.get(text)
        if found is None:
            found = self._parses[text] = Source(text)
        return found

    def rewritten_as(self, text: str, offsets: OffsetMap) -> None:
        """The rewrites gave `text`, `offsets` leading back to the written text."""
        self.__dict__.pop("_rewritten_starts", None)  # measured again, if it was
        if text == self.written:
            self.rewritten, self.offsets = self.written, OffsetMap()
            return
        self.rewritten, self.offsets = text, offsets

    def settle(self) -> None:
        """The conversion is over: only the rewritten text's parse is kept (lines are worked
        out from it to the end of the build); the rest are let go."""
        kept = self._parses.get(self.rewritten)
        self._parses = {self.rewritten: kept} if kept is not None else {}

    # Positions --------------------------------------------------------------------------

    def file_line(self, line: int) -> int:
        """File line of a 1-based line of the written text; 0 (unknown) stays 0."""
        return line + self.first_line if line else 0

    def written_line(self, file_line: int) -> int:
        """1-based line of the written text of a file line (0 or less: before it)."""
        return file_line - self.first_line

    def file_position(self, line: int, column: int) -> tuple[int, int]:
        """File line and column of a 1-based line and column of the rewritten text."""
        if not self.offsets:
            return line + self.first_line, column
        offset = self._rewritten_starts[line - 1] + column - 1
        return self.file_position_of(self.offsets.written(offset))

    def file_position_of(self, offset: int) -> tuple[int, int]:
        """File line and column (1-based) of an offset in the written text."""
        index = bisect.bisect_right(self._written_starts, offset) - 1
        return index + 1 + self.first_line, offset - self._written_starts[index] + 1

    def rewritten_offset(self, line: int, column: int) -> int:
        """The offset in the rewritten text of a 1-based line and column of it."""
        return self._rewritten_starts[line - 1] + column - 1

    @cached_property
    def _rewritten_starts(self) -> list[int]:
        return line_starts(self.rewritten)

    @cached_property
    def _written_starts(self) -> list[int]:
        return line_starts(self.written)


def body_first_line(content: str, body: str) -> int:
    """Lines of a page's file before its body (front matter and the blank lines after it),
    given the file's text and the body a builder handed over; 0 when the body is not the
    file's end. Newlines are compared as Python-Markdown reads them (`\\r\\n` as `\\n`); a
    byte order mark stands on the first line, so it moves none."""
    content = content.replace("\r\n", "\n")
    body = body.replace("\r\n", "\n")
    if body and content.endswith(body):
        return content.count("\n", 0, len(content) - len(body))
    return 0
