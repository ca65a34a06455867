"""kramdown's typographic symbols and smart quotes (Jekyll's defaults), with Python-Markdown's
`smarty`: `--` an en dash, `---` an em dash, `...` an ellipsis, `<<` and `>>` angle quotes,
and curly quotes and apostrophes (`site's` and `'90s` with a right single quotation mark).
Like kramdown, it leaves code, raw HTML and attribute values as written.

`smarty` runs its patterns in a second inline pass over the tree, which costs time quadratic
in a paragraph's inline elements (Python-Markdown looks each one up in its parent's list);
here they join the first pass instead, after every other pattern (`linebreak`, 5, is the last
of Python-Markdown's), where that pass leaves them the same text.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions.smarty import SmartyExtension, SubstituteTextPattern
from markdown.inlinepatterns import InlineProcessor
from markdown.util import ETX

_LAST = 4.0
"""Below every built-in inline pattern."""


_PUNCT = r"""[!"#$%'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"""
_CLOSE = r"[^ \\\t\r\n\[{(-]"
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), side)
    for pattern, side in (
        (r"[\"'](?=[_*]{1,2}\S)", "left"),
        (rf"[\"'](?={_PUNCT}(?!\.\.)\B)", "right"),
        (r"\s?\"'(?=\w)", "left"),
        (r"\s?'\"(?=\w)", "left"),
        (r"\s?'(?=\d\ds)", "right"),
        (r"\s[\"'](?=\w)", "left"),
        (rf"{_CLOSE}[\"']", "right"),
        (r"[\"'](?=\s|s\b|\Z)", "right"),
    )
)
"""kramdown's `SQ_RULES` (`parser/kramdown/smart_quotes.rb`), tried in order at the character
before the quote, or at the quote where no character stands before it; none: a left quote."""

_AHEAD = 4
"""Characters after a quote that a rule looks at, and one more."""


def quote_side(before: str, quote: str, after: str) -> str:
    """`left` or `right`: how kramdown reads `quote` after the character `before` (empty where
    another span, or the start of the text, took it) and before the text `after`."""
    text = before + quote + after[:_AHEAD]
    for pattern, side in _RULES:
        if pattern.match(text):
            return side
    return "left"


class _SmartQuote(InlineProcessor):
    """Each quote, as kramdown reads it from the text around it (`quote_side`). A quote
    right after another inline element (its placeholder ends in ETX) has no character
    before it, as after a span kramdown parsed (`*a*"` closes, `-"` opens)."""

    def __init__(self, substitutions: dict[str, str], md: Markdown) -> None:
        super().__init__(r"[\"']", md)
        self._entities = {
            ("left", '"'): substitutions["left-double-quote"],
            ("right", '"'): substitutions["right-double-quote"],
            ("left", "'"): substitutions["left-single-quote"],
            ("right", "'"): substitutions["right-single-quote"],
        }

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[str, int, int]:
        start, quote = m.start(), m.group()
        before = data[start - 1] if start and data[start - 1] != ETX else ""
        side = quote_side(before, quote, data[m.end() : m.end() + _AHEAD])
        return self.md.htmlStash.store(self._entities[side, quote]), start, m.end()


class _Typography(SmartyExtension):
    """`smarty`, its patterns in the main inline pass."""

    # kramdown's `TYPOGRAPHIC_SYMS_RE` takes `---`, `--` and `...` wherever they are, left to
    # right (`......` is two ellipses, `----` an em dash and a hyphen); smarty only takes
    # runs of exactly that length.
    def educateDashes(self, md: Markdown) -> None:
        em = SubstituteTextPattern("---", (self.substitutions["mdash"],), md)
        en = SubstituteTextPattern("--", (self.substitutions["ndash"],), md)
        self.inlinePatterns.register(em, "smarty-em-dashes", 50)
        self.inlinePatterns.register(en, "smarty-en-dashes", 45)

    def educateEllipses(self, md: Markdown) -> None:
        ellipses = SubstituteTextPattern(r"\.\.\.", (self.substitutions["ellipsis"],), md)
        self.inlinePatterns.register(ellipses, "smarty-ellipses", 10)

    def educateQuotes(self, md: Markdown) -> None:
        # After every other symbol, so that one it took is no character before a quote.
        self.inlinePatterns.register(_SmartQuote(self.substitutions, md), "kramdown-quotes", 1)

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.deregister("smarty")
        patterns = list(self.inlinePatterns)
        for index, pattern in enumerate(patterns):
            # In smarty's order (its registry iterates highest priority first).
            md.inlinePatterns.register(
                pattern, f"kramdown_typography_{index}", _LAST - index / (len(patterns) + 1)
            )


def has_typography(md: Markdown) -> bool:
    """Whether `md` sets kramdown's symbols and quotes (`register_typography`)."""
    return any(isinstance(pattern, _SmartQuote) for pattern in md.inlinePatterns)


def register_typography(md: Markdown) -> None:
    """Add kramdown's symbols and quotes to `md`, unless the site configures `smarty`."""
    if "smarty" in md.treeprocessors:
        return  # the site's own settings stand
    md.registerExtensions([_Typography(smart_angled_quotes=True)], {})
