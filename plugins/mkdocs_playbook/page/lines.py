"""Source lines of a page's elements, worked out only when one is asked for.

Lines exist for findings. Reading the page registers each element that may need one (a
heading, a list item, a table, a code block) in document order; the first question about a
line parses the Markdown with markdown-it (`page.source`) and answers every registered element
up to it, in order, so equal texts are told apart by their rank. A page with no finding never
parses its source a second time.

The Markdown parsed is the page as rendered (site variables substituted, repository links
rewritten); positions are given in the file, through the page's `Positions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import unquote

from .destinations import DestinationMarks
from .positions import Positions
from .source import Source, SourceLink


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
    """The lines of one page's elements: 1-based, in its file, as its `positions` place
    them."""

    def __init__(self, positions: Positions) -> None:
        self.positions = positions
        """The page's texts (as written, as rewritten) and where their positions stand."""
        self._requests: list[tuple[str, str, bool]] = []
        self._answers: list[int] = []

    @classmethod
    def of(cls, text: str, first_line: int = 0) -> Lines:
        """The lines of `text`, nothing rewritten, after `first_line` lines of its file."""
        return cls(Positions(text, first_line))

    @property
    def text(self) -> str:
        """The Markdown as rendered."""
        return self.positions.rewritten

    @property
    def written(self) -> str:
        """The Markdown as written, where positions are given."""
        return self.positions.written

    @property
    def source(self) -> Source:
        """The markdown-it reading of the rendered text: the page's one parse of it."""
        return self.positions.parse(self.positions.rewritten)

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
        positions = self.positions
        if not positions.offsets:
            return ""
        start = positions.rewritten_offset(link.line, link.column)
        text = positions.rewritten
        end = self._inline_destination_end(start) if link.kind != "html" else -1
        if end < 0:
            end = start
            stops = "\"'" if link.kind == "html" else ") >\n\t"
            while end < len(text) and text[end] not in stops:
                end += 1
        return positions.written[positions.offsets.written(start) : positions.offsets.written(end)]

    def _inline_destination_end(self, start: int) -> int:
        """Where the inline link destination starting at `start` ends, spaces and all, by
        kramdown's rule (`page.destinations`); -1 when none starts there (a `<...>` one, a
        reference definition's)."""
        if self.positions.rewritten[start : start + 1] == "<":
            return -1
        return self._marks.inline_end(start)

    @cached_property
    def _marks(self) -> DestinationMarks:
        """The rendered text's parentheses and titles, found once for all its links."""
        return DestinationMarks.of(self.positions.rewritten)

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
        return self.positions.file_position(line, column)


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
