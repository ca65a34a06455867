"""Rendered HTML parsed once into a light tree that remembers where each element stands.

Widgets replace spans of the page's HTML, so every element keeps the offsets of its start
tag, its content and its end; the link checker and the linter read the same tree.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SPACE_RE = re.compile(r"\s+")


@dataclass(eq=False)
class Element:
    """One element: its tag, attributes, children (elements and text) and offsets."""

    tag: str
    attrs: dict[str, str]
    start: int
    """Offset of the start tag's `<`."""
    inner_start: int
    """Offset just after the start tag."""
    inner_end: int = -1
    """Offset of the end tag's `<` (equal to `inner_start` for void elements)."""
    end: int = -1
    """Offset just after the end tag."""
    children: list[Element | str] = field(default_factory=list)
    # A weak reference up: with strong references both ways every page's tree would be a
    # cycle, left for the garbage collector, whose full passes then cost more than the parse.
    _parent: weakref.ref[Element] | None = field(default=None, repr=False)

    @property
    def parent(self) -> Element | None:
        return None if self._parent is None else self._parent()

    @property
    def elements(self) -> list[Element]:
        return [child for child in self.children if isinstance(child, Element)]

    def iter(self, *tags: str) -> Iterator[Element]:
        """This element and its descendants in document order, optionally only `tags`."""
        # A stack, not recursion: unclosed raw HTML nests thousands of elements deep.
        pending: list[Element] = [self]
        while pending:
            element = pending.pop()
            if not tags or element.tag in tags:
                yield element
            pending.extend(
                child for child in reversed(element.children) if isinstance(child, Element)
            )

    def text(self) -> str:
        """Text content with white space collapsed, as a reader sees it."""
        return _SPACE_RE.sub(" ", self.raw_text()).strip()

    def raw_text(self) -> str:
        """Text content exactly as in the document (what a `<pre>` shows)."""
        parts: list[str] = []
        pending: list[Element | str] = [self]
        while pending:
            node = pending.pop()
            if isinstance(node, str):
                parts.append(node)
            else:
                pending.extend(reversed(node.children))
        return "".join(parts)

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", html))]
        self.root = Element("#root", {}, 0, 0)
        self._open = [self.root]
        # How many elements of each tag are open: a stray end tag is judged without a walk
        # down the stack, which unclosed raw HTML makes thousands deep.
        self._open_tags: Counter[str] = Counter()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        text = self.get_starttag_text() or ""
        parent = self._open[-1]
        attributes = {k: v or "" for k, v in attrs}
        element = Element(tag, attributes, start, start + len(text), _parent=weakref.ref(parent))
        parent.children.append(element)
        if tag in VOID or text.endswith("/>"):
            element.inner_end = element.end = element.inner_start
        else:
            self._open.append(element)
            self._open_tags[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        close = self.html.find(">", start)
        end = len(self.html) if close < 0 else close + 1
        if not self._open_tags[tag]:
            return  # a stray end tag closes nothing
        while True:
            element = self._open.pop()
            self._open_tags[element.tag] -= 1
            if element.tag == tag:
                element.inner_end, element.end = start, end
                return
            # An element left open (sloppy raw HTML) ends where its parent ends.
            element.inner_end = element.end = start

    def handle_data(self, data: str) -> None:
        self._open[-1].children.append(data)

    def close(self) -> None:
        super().close()
        for element in self._open[1:]:
            element.inner_end = element.end = len(self.html)
        self.root.inner_end = self.root.end = len(self.html)


def parse_html(html: str) -> Element:
    """The tree of `html` under a `#root` element."""
    builder = _TreeBuilder(html)
    builder.feed(html)
    builder.close()
    return builder.root


def line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def offset_line(starts: list[int], offset: int) -> int:
    """1-based line of `offset` given `line_starts(text)`."""
    return bisect.bisect_right(starts, offset)
