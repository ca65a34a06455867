"""The ids Jekyll's kramdown gives headings, from a heading's text (kramdown 2.4.0 with
kramdown-parser-gfm 1.1.0, Jekyll 4.3.1's defaults: GFM input, `auto_ids`).

Two rules, each with its own count of repeats:

- the GFM parser's `generate_gfm_header_id`, for headings of the Markdown: the text
  lower-cased, every character but `\\p{Word}`, `-`, space and tab removed, each space and
  tab made a `-`; the second `Hello` is `hello-1`, the third `hello-2`, counted by the id
  before its suffix (so a heading written `Hello 1` after two `Hello`s is `hello-1` again);
  an empty id is none at all, and counts;
- the HTML converter's `generate_id`, for headings the GFM parser does not reach (inside
  HTML with `markdown="1"`, in footnotes): leading characters up to the first ASCII letter
  removed, then all but ASCII letters, digits, space and `-`; spaces made `-`, lower-cased;
  `section` when empty; repeats `-1`, `-2`.

Both read the heading's text as kramdown's parser leaves it (`raw_text`): text and code as
written, entities as their characters, typographic symbols (`--`, `---`, `...`, `<<`, `>>`)
already turned into characters that the rules then remove. `heading_text` rebuilds that from
the pieces of a rendered heading.

Ruby 3.1 knows Unicode 13, Python 3.11 Unicode 14: characters new in Unicode 14 are word
characters here and not in Jekyll. Everything else was compared with Ruby 3.1 for every code
point (`\\p{Word}` and `downcase`).
"""

from __future__ import annotations

import unicodedata

_WORD_CATEGORIES = frozenset({"Nd", "Nl", "Pc"})
# Symbols that Unicode calls alphabetic (Other_Alphabetic), which Ruby's `\p{Word}` takes in:
# circled, squared and negative circled or squared Latin letters.
_ALPHABETIC_SYMBOLS = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))
# kramdown's `TYPOGRAPHIC_SYMS`, in the order its regular expression tries them. Each becomes
# a character that no rule keeps (`<< ` and ` >>` keep a no-break space, which goes too).
_TYPOGRAPHIC = ("---", "--", "...", "<< ", " >>", "<<", ">>")
_SYMBOL_STARTS = frozenset("-.< >")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_KRAMDOWN_KEPT = _ASCII_LETTERS | frozenset("0123456789 -")


def is_word(char: str) -> bool:
    """Ruby's `\\p{Word}`: letters, marks, decimal and letter numbers, connectors, and the
    symbols Unicode counts as alphabetic."""
    category = unicodedata.category(char)
    if category[0] in "LM" or category in _WORD_CATEGORIES:
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _ALPHABETIC_SYMBOLS)


def without_typographic_symbols(text: str) -> str:
    """Text as kramdown's parser leaves it, less the typographic symbols it made (which
    neither id rule keeps): `a -- b` is `a  b`, `a----b` is `a-b`."""
    if not any(char in text for char in "-.<>"):
        return text
    kept: list[str] = []
    index = 0
    while index < len(text):
        symbol = None
        if text[index] in _SYMBOL_STARTS:
            symbol = next((s for s in _TYPOGRAPHIC if text.startswith(s, index)), None)
        if symbol is None:
            kept.append(text[index])
            index += 1
        else:
            index += len(symbol)
    return "".join(kept)


def gfm_id(text: str) -> str:
    """`generate_gfm_header_id` before its count of repeats."""
    # Ruby's `downcase` maps each character alone: a capital sigma ending a word is not
    # made the final form, as Python's `str.lower` makes it.
    lowered = "".join(char.lower() for char in text)
    kept = "".join(char for char in lowered if char in "- \t" or is_word(char))
    return kept.replace(" ", "-").replace("\t", "-")


def converter_id(text: str) -> str:
    """kramdown's HTML converter's `basic_generate_id`."""
    start = 0
    while start < len(text) and text[start] not in _ASCII_LETTERS:
        start += 1
    kept = "".join(char for char in text[start:] if char in _KRAMDOWN_KEPT)
    return kept.replace(" ", "-").lower()


class HeadingIds:
    """One page's heading ids, in document order, with kramdown's counts of repeats."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        """kramdown's `auto_id_prefix`."""
        self._gfm: dict[str, int] = {}
        self._converter: dict[str, int] = {}

    def gfm(self, text: str) -> str:
        """The id of a heading of the Markdown; "" when kramdown gives it none."""
        base = gfm_id(text)
        count = self._gfm[base] = self._gfm.get(base, -1) + 1
        found = f"{base}-{count}" if count > 0 else base
        return self.prefix + found if found or self.prefix else ""

    def converter(self, text: str) -> str:
        """The id of a heading inside HTML with `markdown="1"` or in a footnote."""
        base = converter_id(text) or "section"
        if base in self._converter:
            self._converter[base] += 1
            return f"{self.prefix}{base}-{self._converter[base]}"
        self._converter[base] = 0
        return self.prefix + base
