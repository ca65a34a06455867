"""kramdown's typographic symbols and smart quotes (Jekyll's defaults), with Python-Markdown's
`smarty`: `--` an en dash, `---` an em dash, `...` an ellipsis, `<<` and `>>` angle quotes,
and curly quotes and apostrophes (`site's` and `'90s` with a right single quotation mark).
Like kramdown, it leaves code, raw HTML and attribute values as written.

`smarty` runs its patterns in a second inline pass over the tree, which costs time quadratic
in a paragraph's inline elements (Python-Markdown looks each one up in its parent's list);
here they join the first pass instead, after every other pattern (`linebreak`, 5, is the last
of Python-Markdown's), where that pass leaves them the same text, as one pattern (`_Marks`).
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions.smarty import SmartyExtension
from markdown.inlinepatterns import HtmlInlineProcessor
from markdown.util import ETX, STX

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


_SYMBOLS_RE = re.compile(r"---|--|<<|>>|\.\.\.")
"""kramdown's `TYPOGRAPHIC_SYMS_RE`, left to right: `---`, `--` and `...` wherever they are
(`......` is two ellipses, `----` an em dash and a hyphen); smarty only takes runs of exactly
that length. Their characters never overlap, so one pass finds what one pass per symbol finds."""
_QUOTE_RE = re.compile(r"[\"']")
_TOOK = STX * _AHEAD
"""What a later quote sees after it where a symbol or quote was taken: a placeholder."""


class _Marks(HtmlInlineProcessor):
    """kramdown's symbols and quotes, in one match per stretch of text: from its first mark to
    the next inline element (a placeholder) or the end. Python-Markdown rebuilds the whole text
    for each match, so a match per mark cost time quadratic in the marks of a paragraph.

    The stretch is read as smarty's passes (one per symbol, then one for quotes) read it:
    each symbol taken, then each quote as kramdown reads it from the text around it
    (`quote_side`). A quote right after a symbol, a quote or another inline element has no
    character before it, as after a span kramdown parsed (`*a*"` closes, `-"` opens)."""

    def __init__(self, substitutions: dict[str, str], md: Markdown) -> None:
        super().__init__(r"--|<<|>>|\.\.\.|[\"']", md)
        self._symbols = {
            "---": substitutions["mdash"],
            "--": substitutions["ndash"],
            "...": substitutions["ellipsis"],
            "<<": substitutions["left-angle-quote"],
            ">>": substitutions["right-angle-quote"],
        }
        self._quotes = {
            ("left", '"'): substitutions["left-double-quote"],
            ("right", '"'): substitutions["right-double-quote"],
            ("left", "'"): substitutions["left-single-quote"],
            ("right", "'"): substitutions["right-single-quote"],
        }

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[str, int, int]:
        start = m.start()
        end = data.find(STX, start)
        end = len(data) if end < 0 else end
        # The stretch as text and taken symbols, in order (a symbol: None beside its HTML).
        pieces: list[tuple[str, str | None]] = []
        position = start
        for found in _SYMBOLS_RE.finditer(data, start, end):
            pieces.append((data[position : found.start()], None))
            pieces.append(("", self._symbols[found.group()]))
            position = found.end()
        pieces.append((data[position:end], None))
        store = self.md.htmlStash.store
        out: list[str] = []
        for index, (text, symbol) in enumerate(pieces):
            if symbol is not None:
                out.append(store(symbol))
                continue
            last = 0
            for quote in _QUOTE_RE.finditer(text):
                at = quote.start()
                if at:
                    before = "" if text[at - 1] in "\"'" else text[at - 1]
                elif index:
                    before = ""  # a symbol was taken there
                else:
                    before = data[start - 1] if start and data[start - 1] != ETX else ""
                after = self._after(text[at + 1 : at + 1 + _AHEAD], pieces, index, data, end)
                out.append(text[last:at])
                side = quote_side(before, quote.group(), after)
                out.append(store(self._quotes[side, quote.group()]))
                last = at + 1
            out.append(text[last:])
        return "".join(out), start, end

    @staticmethod
    def _after(
        rest: str, pieces: list[tuple[str, str | None]], index: int, data: str, end: int
    ) -> str:
        """The `_AHEAD` characters a quote's rules see after it: the rest of its text, a
        placeholder for each symbol taken, then what follows the stretch."""
        after = rest
        following = index + 1
        while len(after) < _AHEAD and following < len(pieces):
            text, symbol = pieces[following]
            after += _TOOK if symbol is not None else text[:_AHEAD]
            following += 1
        if len(after) < _AHEAD:
            after += data[end : end + _AHEAD]
        return after[:_AHEAD]


class _Typography(SmartyExtension):
    """`smarty` as kramdown reads its symbols and quotes, in the main inline pass: smarty's own
    setup (quotes escapable, a tag followed by `>` no tag, so `<a>>` ends in an angle quote),
    with `_Marks` for its patterns."""

    def educateDashes(self, md: Markdown) -> None:
        pass

    def educateEllipses(self, md: Markdown) -> None:
        pass

    def educateAngledQuotes(self, md: Markdown) -> None:
        pass

    def educateQuotes(self, md: Markdown) -> None:
        pass

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.deregister("smarty")
        md.inlinePatterns.register(_Marks(self.substitutions, md), "kramdown_typography", _LAST)


def register_typography(md: Markdown) -> None:
    """Add kramdown's symbols and quotes to `md`, unless the site configures `smarty`."""
    if "smarty" in md.treeprocessors:
        return  # the site's own settings stand
    md.registerExtensions([_Typography(smart_angled_quotes=True)], {})
