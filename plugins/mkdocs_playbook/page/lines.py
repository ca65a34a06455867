"""Source lines of a page's elements, worked out only when one is asked for.

Lines exist for findings. Reading the page registers each element that may need one (a
heading, a list item, a table, a code block) in document order; the first question about a
line parses the Markdown with markdown-it (`page.source`) and answers every registered element
up to it, in order, so equal texts are told apart by their rank. A page with no finding never
parses its source a second time.

The Markdown parsed is the page as rendered (site variables substituted, repository links
rewritten); positions are given in the page as written, through the rewrite's `OffsetMap`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import unquote

from .offsets import OffsetMap
from .source import Source, SourceLink, line_starts


@dataclass(frozen=True, slots=True)
class LinkSource:
    """Where a link is written: its line in the file, its column, and its destination as
    written."""

    line: int
    column: int
    text: str


@dataclass(frozen=True, slots=True)
class Where:
    """A registered element: what `Lines.line` answers for."""

    index: int


class Lines:
    """The lines of one page's elements: 1-based, in its file (the Markdown given starts
    after `first_line` lines of front matter)."""

    def __init__(
        self,
        text: str,
        written: str | None = None,
        offsets: OffsetMap | None = None,
        first_line: int = 0,
        source: Source | None = None,
    ) -> None:
        self.text = text
        """The Markdown as rendered."""
        # One string when nothing was rewritten: every page's model keeps its lines to the
        # end of the build, and a second copy of its Markdown would double what they hold.
        self.written = text if written is None or written == text else written
        """The Markdown as written, where positions are given."""
        self.first_line = first_line
        """Lines of the file before the Markdown given (its front matter)."""
        self._offsets = offsets if offsets else None
        self._map = source if source is not None and source.text == text else None
        self._requests: list[tuple[str, str, bool]] = []
        self._answers: list[int] = []

    @property
    def source(self) -> Source:
        """The markdown-it reading of the rendered text, made on first use."""
        if self._map is None:
            self._map = Source(self.text)
        return self._map

    def register(self, kind: str, text: str, *, prefix: bool = False) -> At:
        """Note an element of `kind` whose text is `text` (or starts with it, if `prefix`)."""
        self._requests.append((kind, text, prefix))
        return At(self, Where(len(self._requests) - 1))

    def line(self, where: Where | None) -> int:
        """The line of a registered element, 0 when the source does not show it."""
        if where is None:
            return 0
        while len(self._answers) <= where.index:
            kind, text, prefix = self._requests[len(self._answers)]
            found = self.source.take(kind, text)
            if not found and prefix:
                found = self.source.take_prefix(kind, text)
            self._answers.append(self.written_position(found, 1)[0] if found else 0)
        return self._answers[where.index]

    def link(self, written: str, rank: int, *, raw_html: bool) -> LinkSource | None:
        """Where the `rank`-th link (0-based) with destination `written` is written, or None
        when the source does not show it.

        Links in raw HTML are searched among raw HTML attributes, the rest among Markdown
        links and images.
        """
        found = self._links.get((raw_html, unquote(written)), [])
        if rank >= len(found):
            return None
        link = found[rank]
        if not link.column:  # a reference whose definition was not found: its use's line
            return LinkSource(self.written_position(link.line, 1)[0], 0, written)
        line, column = self.written_position(link.line, link.column)
        return LinkSource(line, column, self._written_destination(link) or written)

    def _written_destination(self, link: SourceLink) -> str:
        """The destination as the author wrote it, before site variables and repository links
        were rewritten: what a message should quote."""
        if self._offsets is None:
            return ""
        start = self._rendered_starts[link.line - 1] + link.column - 1
        end = start
        stops = "\"'" if link.kind == "html" else ") >\n\t"
        while end < len(self.text) and self.text[end] not in stops:
            end += 1
        return self.written[self._offsets.written(start) : self._offsets.written(end)]

    @cached_property
    def _links(self) -> dict[tuple[bool, str], list[SourceLink]]:
        """The source's links by kind and destination, in order: markdown-it percent-encodes
        destinations, so they are compared decoded."""
        links: dict[tuple[bool, str], list[SourceLink]] = {}
        for link in self.source.links:
            links.setdefault((link.kind == "html", unquote(link.href)), []).append(link)
        return links

    def written_position(self, line: int, column: int) -> tuple[int, int]:
        """Line (in the file) and column in the written text of a line and column in the
        rendered one."""
        if self._offsets is None:
            return line + self.first_line, column
        offset = self._rendered_starts[line - 1] + column - 1
        written = self._offsets.written(offset)
        index = bisect.bisect_right(self._written_starts, written) - 1
        return index + 1 + self.first_line, written - self._written_starts[index] + 1

    @cached_property
    def _rendered_starts(self) -> list[int]:
        return line_starts(self.text)

    @cached_property
    def _written_starts(self) -> list[int]:
        return line_starts(self.written)


@dataclass(frozen=True, slots=True, eq=False)
class At:
    """Where a model element stands: its line comes from `lines` when first asked for."""

    lines: Lines | None
    where: Where | None
    offset: int = 0
    """Lines below the registered element (a table's row)."""

    @property
    def line(self) -> int:
        if self.lines is None:
            return 0
        found = self.lines.line(self.where)
        return found + self.offset if found else 0

    def below(self, offset: int) -> At:
        return At(self.lines, self.where, self.offset + offset)


UNKNOWN = At(None, None)
"""For an element with no source (added by an extension or a widget)."""
