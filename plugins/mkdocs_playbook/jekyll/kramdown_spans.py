"""kramdown's GFM spans where Python-Markdown reads them otherwise:

- `~~strike~~` is `<del>` (pymdownx.tilde, its subscript `~x~` off: kramdown has none);
- a backslash at the end of a line is a hard line break (`<br />`), as two spaces are;
- a link destination is cut at white space only: in `[a](https://x/?q="Crash+Type")` the
  quotes are part of the URL; a title needs white space before it (`[a](url "title")`).
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.inlinepatterns import (
    IMAGE_LINK_RE,
    LINK_RE,
    ImageInlineProcessor,
    LinkInlineProcessor,
    SubstituteTagInlineProcessor,
)
from pymdownx.tilde import DeleteSubExtension

# A backslash, then the line's end: ahead of `escape` (180), which leaves it as written.
_BACKSLASH_BREAK = r"\\\n"


def register_spans(md: Markdown) -> None:
    """Make `md` read strikethrough, backslash line breaks and link destinations as kramdown."""
    if not any(isinstance(extension, DeleteSubExtension) for extension in md.registeredExtensions):
        md.registerExtensions([DeleteSubExtension(subscript=False)], {})
    md.inlinePatterns.register(
        SubstituteTagInlineProcessor(_BACKSLASH_BREAK, "br"), "kramdown_backslash_break", 185
    )
    # Under the names and priorities of the processors they replace.
    md.inlinePatterns.register(_Link(LINK_RE, md), "link", 160)
    md.inlinePatterns.register(_Image(IMAGE_LINK_RE, md), "image_link", 150)


def _spaced_title(written: str) -> bool:
    """Whether the text between a link's parentheses can hold a title: a quote after white
    space."""
    return any(written.find(f"{space}{quote}") >= 0 for space in " \t\n" for quote in "\"'")


class _Destination:
    """`getLink` with kramdown's rule: no title unless white space comes before it."""

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        base: Any = super()
        href, title, end, handled = base.getLink(data, index)
        if handled and title is not None:
            written = data[index + 1 : end - 1]  # between `(` and `)`
            if not _spaced_title(written):
                return base.unescape(written).strip(), None, end, handled
        return href, title, end, handled


class _Link(_Destination, LinkInlineProcessor):
    pass


class _Image(_Destination, ImageInlineProcessor):
    pass
