"""kramdown's GFM fenced code blocks on Python-Markdown.

- Inside list items and block quotes: Python-Markdown's `fenced_code` reads fences only at the
  start of a line, outside every container; where it is the site's fence reader (no
  highlighter configured), pymdownx.superfences takes its place, with highlighting off, so
  code comes out as `fenced_code` makes it (`<pre><code class="language-…">`) but in
  containers too.
- A closing fence indented up to three spaces past its container closes the block, as in
  kramdown, and so does one longer than the opening fence (```` after ```): `ClosingFences`
  writes it at its opening fence's indentation and length, where superfences looks for it.
- A fence in a block quote runs on over lines right after the quote's that lack its `>`
  (kramdown's lazy lines), and a closing fence there closes it: `ClosingFences` gives them
  the quote's markers.
- Inside raw HTML (a block-level element, up to its end tag, blank lines included), a line of
  backticks is text, as kramdown reads the page block after block; Python-Markdown reads
  fences before raw HTML, so a stray fence in a hand-written answer box swallowed the rest of
  the page. `ClosingFences` writes its first character as a character reference
  (`&#96;`), which the raw HTML shows as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.preprocessors import Preprocessor
from pymdownx.highlight import HighlightExtension
from pymdownx.superfences import SuperFencesCodeExtension

from ..page.lists import not_a_fence
from ..page.source import MARKDOWN_ATTR_RE

_CONTAINER_INDENT = 4
"""Columns per level of list content, once `page.lists` has re-indented it."""
_MAX_FENCE_INDENT = 3
_HTML_START = re.compile(r" {0,3}<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)")


def register_fences(md: Markdown) -> None:
    """Make `md` read fences where kramdown does; its highlighter, if any, stays."""
    fences = (
        md.preprocessors["fenced_code_block"] if "fenced_code_block" in md.preprocessors else None
    )
    if isinstance(fences, FencedBlockPreprocessor) and "hilite" not in md.treeprocessors:
        md.registerExtensions(
            [HighlightExtension(use_pygments=False), SuperFencesCodeExtension()], {}
        )
    # After the list re-indentation (27), before the fence reader (25).
    md.preprocessors.register(ClosingFences(md), "kramdown_closing_fences", 26)


@dataclass
class _Open:
    quotes: str
    """The block quote markers before the fence, as written (`> `)."""
    indent: int
    char: str
    length: int


def _quote_prefix(line: str) -> str:
    """The block quote markers `line` starts with (`>`, `> >`, each with up to 3 spaces
    before it and one after)."""
    end = 0
    while True:
        position = end
        while position < len(line) and position - end < _MAX_FENCE_INDENT and line[position] == " ":
            position += 1
        if position >= len(line) or line[position] != ">":
            return line[:end]
        end = position + 1
        if end < len(line) and line[end] == " ":
            end += 1


def _fence(body: str) -> tuple[int, str, int, str] | None:
    """Indentation, character, length and what follows of the fence `body` starts with."""
    stripped = body.lstrip(" ")
    if stripped[:1] not in ("`", "~"):
        return None
    char = stripped[0]
    length = len(stripped) - len(stripped.lstrip(char))
    if length < 3:
        return None
    return len(body) - len(stripped), char, length, stripped[length:]


class ClosingFences(Preprocessor):
    """Writes each closing fence indented up to three spaces past its container, or longer
    than its opening fence, as the opening fence is (one pass, each line looked at once)."""

    def run(self, lines: list[str]) -> list[str]:
        result: list[str] | None = None
        open_fence: _Open | None = None
        quoted = False
        raw_end = plain_until = -1
        for index, line in enumerate(lines):
            if index <= raw_end:
                found = _fence(line)
                if found is not None and found[0] <= _MAX_FENCE_INDENT:
                    if result is None:
                        result = list(lines)
                    result[index] = not_a_fence(line)
                continue
            if open_fence is None and index > plain_until:
                raw_end = _raw_html_end(self.md, lines, index)
                if raw_end > index:
                    continue
                if raw_end < index:  # Markdown inside, at line -raw_end: none looked for there
                    plain_until, raw_end = -raw_end, -1
            quotes = _quote_prefix(line)
            if open_fence and open_fence.quotes and not quotes and quoted and line.strip():
                # A line right after the quote's is more of it (kramdown's lazy lines), in
                # the code of a fence the quote holds, closing fence included.
                line = open_fence.quotes + line
                quotes = open_fence.quotes
                if result is None:
                    result = list(lines)
                result[index] = line
            quoted = bool(quotes)
            found = _fence(line[len(quotes) :])
            if found is None:
                continue
            indent, char, length, rest = found
            if open_fence is None:
                if not (char == "`" and "`" in rest):
                    open_fence = _Open(quotes, indent, char, length)
                continue
            same = quotes == open_fence.quotes and char == open_fence.char
            if not same or length < open_fence.length or rest.strip():
                continue
            container = open_fence.indent - open_fence.indent % _CONTAINER_INDENT
            if not container <= indent <= container + _MAX_FENCE_INDENT:
                continue
            if indent != open_fence.indent or length != open_fence.length:
                if result is None:
                    result = list(lines)
                # superfences closes only on a fence as long as the opening one.
                result[index] = f"{quotes}{' ' * open_fence.indent}{char * open_fence.length}"
            open_fence = None
        return lines if result is None else result


def _raw_html_end(md: Markdown, lines: list[str], index: int) -> int:
    """The last line of the raw HTML block that `lines[index]` opens, as kramdown reads it:
    a block-level element, up to the line where its end tag brings its nesting back to none
    (blank lines included; the page's end when never closed); `index` itself when the line
    opens none, or opens an element which has no content (`<hr>`) or is raw text
    (`_RAW_TEXT`); minus the line of a `markdown` attribute met before its end, where its
    content or some of it is Markdown, whose fences are fences (the caller then looks for
    no raw HTML up to that line, which keeps the scans linear)."""
    opening = _HTML_START.match(lines[index])
    if opening is None:
        return index
    name = opening.group(1).lower()
    if name not in md.block_level_elements or name in _VOID or name in _RAW_TEXT:
        return index
    tags = re.compile(rf"<(/?){re.escape(name)}(?=[\s/>]|$)(?:[^<>]*?(/)>)?", re.IGNORECASE)
    depth = 0
    for number in range(index, len(lines)):
        line = lines[number]
        if MARKDOWN_ATTR_RE.search(line):
            return -number  # Markdown inside: its fences are fences
        for tag in tags.finditer(line, opening.start(1) - 1 if number == index else 0):
            if tag.group(1):
                depth -= 1
            elif not tag.group(2):
                depth += 1
        if depth <= 0:
            return number
    return len(lines) - 1


_VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"})
_RAW_TEXT = frozenset({"script", "style", "textarea"})
"""Elements whose text a browser shows or runs without reading character references: left
as they were (a script's template literal must keep its backticks)."""
