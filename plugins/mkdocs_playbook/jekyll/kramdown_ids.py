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
already turned into characters that the rules then remove. `_heading_text` rebuilds that from
the pieces of a rendered heading.

An extension of its own (`makeExtension`, options `auto_id_prefix` and `gfm`, kramdown's
`input: GFM`): each heading without an id gets kramdown's. It adds `kramdown_raw_html` when
missing, to know which headings came of HTML marked `markdown="1"`.

Priority: tree processor `kramdown_heading_ids`, 6: after `attr_list` (8) and the attribute
lists gave explicit ids; before `toc` (5), which keeps an id it finds. Not toc's `slugify`:
it is handed the heading's text flattened (code and typographic dashes alike, white space
collapsed), and toc's `unique()` makes repeats `_1`, where kramdown counts them by id as
`-1` and ids headings inside HTML and footnotes by another rule.

Ruby 3.1 knows Unicode 13, Python 3.11 Unicode 14: characters new in Unicode 14 are word
characters here and not in Jekyll. Everything else was compared with Ruby 3.1 for every code
point (`\\p{Word}` and `downcase`).
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString

from .kramdown_raw_html import KramdownRawHtmlExtension, raw_html_elements

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
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Raw HTML (`wzxhzdk:N`) and backslash escapes (`N`, the character's code) in inline text.
_INLINE_PLACEHOLDER = re.compile(STX + r"(wzxhzdk:)?(\d+)" + ETX)


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


def makeExtension(**kwargs: Any) -> KramdownIdsExtension:
    return KramdownIdsExtension(**kwargs)


class KramdownIdsExtension(Extension):
    """The ids Jekyll's kramdown gives headings."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "auto_id_prefix": ["", "kramdown's `auto_id_prefix`"],
            "gfm": [True, "kramdown's `input` is GFM: GitHub's ids for the Markdown's headings"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        if "kramdown_raw_html" not in md.preprocessors:
            md.registerExtensions([KramdownRawHtmlExtension()], {})
        processor = _HeadingIds(md, self.getConfig("auto_id_prefix"), self.getConfig("gfm"))
        md.treeprocessors.register(processor, "kramdown_heading_ids", 6)


class _HeadingIds(Treeprocessor):
    """Each heading without an id gets the one Jekyll's kramdown gives it (`kramdown_ids`):
    after `attr_list` (8) and the attribute lists gave theirs; before `toc` (5), which keeps
    an id it finds and makes one only for a heading kramdown leaves without."""

    def __init__(self, md: Markdown, prefix: str, gfm: bool) -> None:
        super().__init__(md)
        self.prefix = prefix
        self.gfm = gfm

    def run(self, root: etree.Element) -> None:
        ids = HeadingIds(self.prefix)
        raw = raw_html_elements(self.md)
        # Document order; a heading's content is not searched for headings.
        stack: list[tuple[etree.Element, bool]] = [(root, not self.gfm)]
        while stack:
            element, converted = stack.pop()
            if element.tag in _HEADINGS:
                if "id" not in element.attrib and element not in raw:
                    text = _heading_text(self.md, element)
                    made = ids.converter(text) if converted else ids.gfm(text)
                    if made:
                        element.set("id", made)
                continue
            children = [
                # Footnotes are converted on their own, after the page.
                (child, converted or child in raw or _is_footnotes(child))
                for child in element
            ]
            stack.extend(reversed(children))


def _is_footnotes(element: etree.Element) -> bool:
    return element.tag == "div" and element.get("class") == "footnote"


def _heading_text(md: Markdown, heading: etree.Element) -> str:
    """A rendered heading's text as kramdown's parser has it (`raw_text`): text and code as
    written, entities as characters, typographic symbols gone; no footnote references."""
    parts: list[str] = []
    stack: list[tuple[etree.Element | str, bool]] = [(heading, False)]
    while stack:
        item, code = stack.pop()
        if isinstance(item, str):
            parts.append(_text_as_parsed(md, item, code))
            continue
        inner = code or item.tag == "code"
        pieces: list[tuple[etree.Element | str, bool]] = []
        if item.text:
            pieces.append((item.text, inner))
        for child in item:
            if not (child.tag == "sup" and (child.get("id") or "").startswith("fnref")):
                pieces.append((child, inner))
            if child.tail:
                pieces.append((child.tail, inner))
        stack.extend(reversed(pieces))
    return "".join(parts)


def _text_as_parsed(md: Markdown, text: str, code: bool) -> str:
    if code:
        return html.unescape(text)  # `code_escape` undone
    if isinstance(text, AtomicString):  # an autolink's address: no typographic symbols
        return text
    stash = md.htmlStash.rawHtmlBlocks

    def placeholder(match: re.Match[str]) -> str:
        number = int(match.group(2))
        if not match.group(1):
            return chr(number)  # a backslash escape (`\-`), unescaped at 0
        entry = stash[number] if number < len(stash) else ""
        # Inline raw HTML: an entity is its character; a tag or comment is no text.
        if isinstance(entry, str) and entry.startswith("&") and entry.endswith(";"):
            return html.unescape(entry)
        return ""

    return _INLINE_PLACEHOLDER.sub(placeholder, without_typographic_symbols(text))
