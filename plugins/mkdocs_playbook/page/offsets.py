"""Where a character of a rewritten text was in the text as written.

A rewrite (a Liquid variable substituted, a repository link made relative) replaces spans of
the text; each replacement is recorded as it is made, so a position in the rewritten text is
mapped back exactly, in logarithmic time, however long the line. Positions inside a
replacement map to the start of what it replaced.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """`written[start:end]` became `rewritten[new_start:new_end]`."""

    start: int
    end: int
    new_start: int
    new_end: int


@dataclass
class OffsetMap:
    """The replacements of one rewrite, in order."""

    spans: list[Span] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.spans)

    def written(self, offset: int) -> int:
        """The offset in the written text of `offset` in the rewritten one."""
        index = bisect.bisect_right(self.spans, offset, key=lambda span: span.new_start) - 1
        if index < 0:
            return offset
        span = self.spans[index]
        if offset < span.new_end:
            return span.start
        return span.end + (offset - span.new_end)

    def then(self, later: OffsetMap) -> OffsetMap:
        """This rewrite followed by `later`, as one map from `later`'s text to ours."""
        if not later:
            return self
        if not self:
            return later
        return _Composed(self, later)


class _Composed(OffsetMap):
    def __init__(self, first: OffsetMap, second: OffsetMap) -> None:
        super().__init__([*first.spans, *second.spans])
        self.first = first
        self.second = second

    def written(self, offset: int) -> int:
        return self.first.written(self.second.written(offset))
