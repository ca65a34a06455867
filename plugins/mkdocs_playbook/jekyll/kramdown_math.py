"""kramdown's math (`parser/kramdown/math.rb`) as Jekyll prints it with kramdown's default
math engine, MathJax, which only marks the formula up: a block of its own between `$$` lines
becomes `\\[…\\]`, `$$…$$` in text `\\(…\\)`, the formula as written, HTML-escaped and nothing
else (no emphasis, no escapes, no typography), for a MathJax a site may load. Python-Markdown
reads the same text as a paragraph, taking the backslashes of `\\|` and the `_` of `x_1`.
Fixtures: tests/fixtures/kramdown-gfm/math-*.md.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

_BLOCK = re.compile(r" {0,3}\$\$(.*?)\$\$", re.DOTALL)
"""kramdown's BLOCK_MATH_START: the formula ends at the first `$$`, which must end its line
(`_LINE_END`) and the block: `$$a$$ is known and $$b$$ …` is a paragraph of inline math."""
_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")
_ATTRIBUTES = re.compile(r" {0,3}\{:(?!:|/)")
"""An attribute list line, which may follow the block (kramdown's IAL_BLOCK_START)."""


def _formula(text: str) -> str:
    """The formula as kramdown's `escape_html` writes it."""
    return html.escape(text.strip(), quote=False).replace('"', "&quot;")


class MathBlock(BlockProcessor):
    """A block that is one `$$…$$` formula (blank lines inside it included), printed as
    `\\[…\\]` with no paragraph around it, as kramdown prints it."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.lstrip(" ").startswith("$$")

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        # kramdown's formula may hold blank lines: read on into the next blocks until `$$`.
        taken = 1
        dollars = blocks[0].count("$$")
        while dollars < 2 and taken < len(blocks):
            dollars += blocks[taken].count("$$")
            taken += 1
        text = "\n\n".join(blocks[:taken])
        match = _BLOCK.match(text)
        end = _LINE_END.match(text, match.end()) if match else None
        rest = text[end.end() :] if end else ""
        if match is None or end is None or (rest and not _ATTRIBUTES.match(rest)):
            return False  # not a block of its own: a paragraph, with inline math
        del blocks[:taken]
        if rest:
            blocks.insert(0, rest)
        placeholder = self.parser.md.htmlStash.store(f"\\[{_formula(match.group(1))}\\]")
        # Text between blocks, not a paragraph: kramdown prints it bare.
        last = parent[-1] if len(parent) else None
        if last is None:
            parent.text = (parent.text or "") + placeholder + "\n"
        else:
            last.tail = (last.tail or "") + "\n" + placeholder + "\n"
        return True


class InlineMath(InlineProcessor):
    """`$$…$$` in text, printed as `\\(…\\)`; an escaped `\\$$` is text."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(r"(?<!\\)\$\$(.*?)\$\$", md)
        self.compiled_re = re.compile(self.pattern, re.DOTALL | re.UNICODE)

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[str, int, int]:
        formula = self.md.htmlStash.store(f"\\({_formula(m.group(1))}\\)")
        return formula, m.start(), m.end()


class _KeepCodeTails(Treeprocessor):
    """Keeps the text after each code block (`pre`) in `kept`, before the highlighters turn an
    indented code block into a placeholder paragraph with `Element.clear()` (Python-Markdown's
    codehilite and pymdownx.highlight, at 30), which drops the element's tail: where a math
    block after the code is printed. `_RestoreCodeTails` puts it back after them."""

    def __init__(self, md: Markdown, kept: list[tuple[etree.Element, str]]) -> None:
        super().__init__(md)
        self.kept = kept

    def run(self, root: etree.Element) -> None:
        self.kept[:] = [(pre, pre.tail) for pre in root.iter("pre") if pre.tail]


class _RestoreCodeTails(_KeepCodeTails):
    """Puts back the tails `_KeepCodeTails` kept, where a highlighter dropped them."""

    def run(self, root: etree.Element) -> None:
        for element, tail in self.kept:
            if not element.tail:
                element.tail = tail
        self.kept.clear()


def register_math(md: Markdown) -> None:
    """Read kramdown's math in `md`: blocks above tables (75), which kramdown tries after
    math; inline above `escape` (180), so the formula keeps its backslashes, and below
    `backtick` (190), so code keeps its `$$`. The text after code blocks is kept across the
    highlighters (30)."""
    md.parser.blockprocessors.register(MathBlock(md.parser), "kramdown_math", 75.2)
    md.inlinePatterns.register(InlineMath(md), "kramdown_inline_math", 186)
    kept: list[tuple[etree.Element, str]] = []
    md.treeprocessors.register(_KeepCodeTails(md, kept), "kramdown_keep_code_tails", 30.5)
    md.treeprocessors.register(_RestoreCodeTails(md, kept), "kramdown_restore_code_tails", 29.5)
