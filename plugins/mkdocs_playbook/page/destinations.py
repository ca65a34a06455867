"""Where a link's destination ends, as kramdown reads it: at the `)` that balances the
opening one, or at white space before a quote, where a title starts. Spaces and quotes are
part of the destination: `[a](Some page name)` and `[a](https://x/?q="Crash+Type")` are links.

One rule for both parsers: Python-Markdown's link processors in Jekyll mode
(`jekyll.kramdown_spans`), and markdown-it's in the source reader (`page.source`), which is
CommonMark and would otherwise find no link where a space stands, so a finding about such a
link could not name its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from markdown_it import helpers
from markdown_it.common.utils import unescapeAll
from markdown_it.helpers.parse_link_destination import _Result

SPACE = " \t\n"
_QUOTES = ('"', "'")


@dataclass
class DestinationMarks:
    """Where, in one text, each `(` is balanced, and where titles may start and end: found in
    one pass each, so that every link's destination is read in constant time (a `(` never
    closed would otherwise cost the rest of the paragraph, for each link)."""

    text: str
    closing: dict[int, int]
    """Each `(` that is balanced: the `)` that balances it."""
    stops: list[int]
    """From each offset: the next white space before a quote (where a title starts)."""
    closers: dict[str, list[int]]
    """From each offset, by quote: the next such quote with only white space before a `)`."""

    @classmethod
    def of(cls, text: str) -> DestinationMarks:
        closing: dict[int, int] = {}
        opened: list[int] = []
        for offset, char in enumerate(text):
            if char == "(":
                opened.append(offset)
            elif char == ")" and opened:
                closing[opened.pop()] = offset
        end = len(text)
        stops = [end] * (end + 1)
        closers = {quote: [end] * (end + 1) for quote in _QUOTES}
        following = end  # the next character that is not white space
        for offset in range(end - 1, -1, -1):
            char = text[offset]
            stops[offset] = stops[offset + 1]
            if char in SPACE and text[offset + 1 : offset + 2] in _QUOTES:
                stops[offset] = offset
            for found in closers.values():
                found[offset] = found[offset + 1]
            if char in _QUOTES and text[following : following + 1] == ")":
                closers[char][offset] = offset
            if char not in SPACE:
                following = offset
        return cls(text, closing, stops, closers)

    def shift_for(self, text: str, start: int) -> int | None:
        """How far this text's offsets lie from `text`'s, from `start` on, when `text` ends
        with what this text ends with from there on (the marks there read only what follows),
        else None. Python-Markdown rewrites a paragraph before each link it takes, but never
        the text after it: the marks found once serve every link of the paragraph."""
        if text is self.text:
            return 0
        if not self.text.endswith(text[start:]):
            return None
        return len(self.text) - len(text)

    def inline_end(self, start: int) -> int:
        """Where the inline destination written at `start` ends, white space before its `)`
        or title left out; -1 when no `(` stands before it."""
        opening = start - 1
        while opening >= 0 and self.text[opening] in SPACE:
            opening -= 1
        if opening < 0 or self.text[opening] != "(":
            return -1
        return start + len(self.text[start : self.end(opening)].rstrip(SPACE))

    def end(self, opening: int) -> int:
        """Where the destination after the `(` at `opening` ends: its balancing `)`, or the
        white space before a title, whichever comes first; the text's length if neither."""
        return min(self.closing.get(opening, len(self.text)), self.stops[opening + 1])


class MarkdownItDestinations:
    """markdown-it's link helpers, its destination read by kramdown's rule (a `<...>`
    destination, and a reference definition's, as CommonMark reads them)."""

    def __init__(self) -> None:
        self._marks: DestinationMarks | None = None

    def helpers(self) -> SimpleNamespace:
        """What a `MarkdownIt`'s `helpers` are set to."""
        return SimpleNamespace(
            parseLinkLabel=helpers.parseLinkLabel,
            parseLinkTitle=helpers.parseLinkTitle,
            parseLinkDestination=self.parse,
        )

    def parse(self, string: str, pos: int, maximum: int) -> _Result:
        common = helpers.parseLinkDestination(string, pos, maximum)
        opening = pos - 1
        while opening >= 0 and string[opening] in SPACE:
            opening -= 1
        if string[pos : pos + 1] == "<" or opening < 0 or string[opening] != "(":
            return common
        if self._marks is None or self._marks.text is not string:
            self._marks = DestinationMarks.of(string)
        end = self._marks.end(opening)
        if end >= min(maximum, len(string)):
            return common
        written = string[pos:end].rstrip(SPACE)
        if not written:
            return common
        common.ok = True
        common.str = unescapeAll(written)
        common.pos = pos + len(written)
        return common
