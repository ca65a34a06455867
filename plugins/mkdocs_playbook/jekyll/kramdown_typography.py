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

from markdown import Markdown
from markdown.extensions.smarty import SmartyExtension, SubstituteTextPattern

_LAST = 4.0
"""Below every built-in inline pattern."""


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
        # kramdown reads a quote from the character before it: after white space, one that
        # no word (nor its pair) follows opens (`'aider: ' if` gets a left quote twice), where
        # smarty closes.
        lsquo, ldquo = (
            self.substitutions["left-single-quote"],
            self.substitutions["left-double-quote"],
        )
        for index, (pattern, quote) in enumerate(
            ((r"(?<=\s)'(?![\w'])", lsquo), (r'(?<=\s)"(?![\w"])', ldquo))
        ):
            opening = SubstituteTextPattern(pattern, (quote,), md)
            self.inlinePatterns.register(opening, f"kramdown-quotes-{index}", 31 - index / 10)
        super().educateQuotes(md)

    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.deregister("smarty")
        patterns = list(self.inlinePatterns)
        for index, pattern in enumerate(patterns):
            # In smarty's order (its registry iterates highest priority first).
            md.inlinePatterns.register(
                pattern, f"kramdown_typography_{index}", _LAST - index / (len(patterns) + 1)
            )


def register_typography(md: Markdown) -> None:
    """Add kramdown's symbols and quotes to `md`, unless the site configures `smarty`."""
    if "smarty" in md.treeprocessors:
        return  # the site's own settings stand
    md.registerExtensions([_Typography(smart_angled_quotes=True)], {})
