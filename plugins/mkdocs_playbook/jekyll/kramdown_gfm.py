"""Markdown read as Jekyll's kramdown reads it with its defaults (GFM input, `hard_wrap:
false`, smart quotes, typographic symbols), where Python-Markdown reads it otherwise. Each
part is its own module; tests/fixtures/kramdown-gfm holds a page per construct, with the
HTML real kramdown makes of it.

Priorities, beside Python-Markdown's built-ins:

- preprocessor `kramdown_closing_fences`, 26: after [list re-indentation, 27], which moves
  list items' fences to their content column; before the fence reader (25).
- block processor `table`, 75: Python-Markdown's, replaced by kramdown's reading of tables
  (`kramdown_tables`).
- block processor `kramdown_math`, 75.2, and inline `kramdown_inline_math`, 186
  (`kramdown_math`).
- block processor `hashheader`, 70: Python-Markdown's, replaced by one that wants a space
  after the hashes (`kramdown_headings`).
- block processor `kramdown_paragraph_ends`, 10.5: just above `paragraph` (10), the last
  reader of a block, so only what nothing else took is cut.
- block processors `olist` and `ulist`: Python-Markdown's, each continuing only a list of its
  own kind (`kramdown_lists`).
- inline `backtick`, 190: Python-Markdown's, replaced by one with kramdown's white space rules
  (`kramdown_spans`).
- inline `kramdown_backslash_break`, 185: above `escape` (180); `link` and `image_link`
  replaced at their own priorities (160, 150).
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions.nl2br import Nl2BrExtension

from .kramdown_fences import register_fences
from .kramdown_headings import SpacedHashHeader
from .kramdown_lists import register_lists
from .kramdown_math import register_math
from .kramdown_paragraphs import ParagraphEnds, ParagraphsAfterCode
from .kramdown_spans import register_code_spans, register_links, register_spans
from .kramdown_tables import KramdownTable
from .kramdown_typography import register_typography

_KRAMDOWN_ESCAPED = "\\.*_+`<>()[]{}#!:|\"'$=-"
"""What a backslash escapes in kramdown 2.4 (`parser/kramdown/escaped_chars.rb`)."""


def register_gfm(md: Markdown, *, gfm: bool = True, hard_wrap: bool = False) -> None:
    """Make `md` read Markdown as Jekyll's kramdown does with Jekyll's options; unless `gfm`
    (a site's `kramdown: input: kramdown`), only what both of kramdown's parsers share:
    link destinations, smart quotes and typographic symbols. `hard_wrap` (GFM's option):
    every line break in a paragraph is a `<br />`, with Python-Markdown's `nl2br`."""
    register_links(md)
    register_code_spans(md)
    register_typography(md)
    # kramdown's `ESCAPED_CHARS` (both parsers): `\<question\>` is `<question>`, not a tag.
    md.ESCAPED_CHARS.extend(char for char in _KRAMDOWN_ESCAPED if char not in md.ESCAPED_CHARS)
    register_lists(md)
    if not gfm:
        return
    register_fences(md)
    register_spans(md)
    register_math(md)
    if hard_wrap and "nl" not in md.inlinePatterns:
        md.registerExtensions([Nl2BrExtension()], {})
    md.parser.blockprocessors.register(KramdownTable(md.parser), "table", 75)
    md.parser.blockprocessors.register(SpacedHashHeader(md.parser), "hashheader", 70)
    md.parser.blockprocessors.register(ParagraphEnds(md.parser), "kramdown_paragraph_ends", 10.5)
    md.parser.blockprocessors.register(
        ParagraphsAfterCode(md.parser), "kramdown_paragraphs_after_code", 10.2
    )
