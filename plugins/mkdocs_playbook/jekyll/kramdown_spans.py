"""kramdown's GFM spans where Python-Markdown reads them otherwise:

- `~~strike~~` is `<del>` (pymdownx.tilde, its subscript `~x~` off: kramdown has none);
- a backslash at the end of a line is a hard line break (`<br />`), as two spaces are;
- a link destination is cut at white space before a quote only: in
  `[a](https://x/?q="Crash+Type")` and `[a](u("x"))` the quotes are part of the URL; a
  title needs white space before it (`[a](url "title")`);
- the end tag of an element that has no content (`</br>`, `</hr>`) is text, as every end tag
  kramdown finds no element open for (a heading `Considerations </br>` has the id
  `considerations-br`);
- a reference whose label holds a code span or an escape (``[call `new`]``) finds its
  definition: kramdown matches the label as written, Python-Markdown after its code spans
  became placeholders;
- a code span ends at the first run of as many backticks as opened it, and keeps its white
  space: one backtick keeps all of it (`` `: ` `` is ": "), two or more take one space off
  each end; a lone backtick with white space (or the text's start) before it and white space
  after it is text (kramdown 2.4's `parse_codespan`). Python-Markdown strips all of it, and
  pairs runs of different lengths.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any, cast

from markdown import Markdown, util
from markdown.inlinepatterns import (
    BACKTICK_RE,
    IMAGE_LINK_RE,
    IMAGE_REFERENCE_RE,
    LINK_RE,
    REFERENCE_RE,
    BacktickInlineProcessor,
    ImageInlineProcessor,
    ImageReferenceInlineProcessor,
    InlineProcessor,
    LinkInlineProcessor,
    ReferenceInlineProcessor,
    ShortImageReferenceInlineProcessor,
    ShortReferenceInlineProcessor,
    SubstituteTagInlineProcessor,
)
from pymdownx.tilde import DeleteSubExtension

from ..page.destinations import SPACE, DestinationMarks

# A backslash, then the line's end: ahead of `escape` (180), which leaves it as written.
_BACKSLASH_BREAK = r"\\\n"
# kramdown's HTML_ELEMENTS_WITHOUT_BODY (`parser/html.rb`): an end tag of one closes nothing.
_VOID_END_TAG = (
    r"</(?i:area|base|br|col|command|embed|hr|img|input|keygen|link|meta|param|source|track"
    r"|wbr)\s*>"
)


class _VoidEndTag(InlineProcessor):
    """`</br>` and its kind as text: ahead of `html` (90), which would pass them as a tag."""

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[str, int, int]:
        return m.group(), m.start(), m.end()


def register_spans(md: Markdown) -> None:
    """Make `md` read GFM's strikethrough and backslash line breaks as kramdown does."""
    if not any(isinstance(extension, DeleteSubExtension) for extension in md.registeredExtensions):
        md.registerExtensions([DeleteSubExtension(subscript=False)], {})
    md.inlinePatterns.register(
        SubstituteTagInlineProcessor(_BACKSLASH_BREAK, "br"), "kramdown_backslash_break", 185
    )
    md.inlinePatterns.register(_VoidEndTag(_VOID_END_TAG, md), "kramdown_void_end_tag", 90.5)


def register_code_spans(md: Markdown) -> None:
    """Make `md` read code spans as kramdown does (either input), under the name and
    priority of Python-Markdown's reader."""
    md.inlinePatterns.register(_CodeSpan(BACKTICK_RE), "backtick", 190)


class _CodeSpan(BacktickInlineProcessor):
    """Python-Markdown's code span reader (its escaped backslashes kept), reading spans as
    kramdown 2.4's `parse_codespan` does: the span ends at the first run of as many backticks
    (or the start of a longer one), else its backticks are text; one backtick keeps the
    span's white space, more take one space off each end; a lone backtick after white space
    (or the text's start) and before white space is text."""

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | str | None, int | None, int | None]:
        if m.group(1):
            return super().handleMatch(m, data)
        begin = m.start(0)
        ticks = begin
        while ticks < len(data) and data[ticks] == "`":
            ticks += 1
        delimiter = data[begin:ticks]
        if delimiter == "`" and (begin == 0 or data[begin - 1].isspace()):
            if data[ticks : ticks + 1].isspace():
                return None, begin, ticks
        close = data.find(delimiter, ticks)
        if close < 0:
            return None, begin, ticks
        text = data[ticks:close]
        if len(delimiter) > 1:
            text = text[1:] if text.startswith(" ") else text
            text = text[:-1] if text.endswith(" ") else text
        code = etree.Element(self.tag)
        code.text = util.AtomicString(util.code_escape(text))
        return code, begin, close + len(delimiter)


def register_links(md: Markdown) -> None:
    """Make `md` read link and image destinations as kramdown does (either input)."""
    # Under the names and priorities of the processors they replace.
    md.inlinePatterns.register(_Link(LINK_RE, md), "link", 160)
    md.inlinePatterns.register(_Image(IMAGE_LINK_RE, md), "image_link", 150)
    md.inlinePatterns.register(_Reference(REFERENCE_RE, md), "reference", 170)
    md.inlinePatterns.register(_ImageReference(IMAGE_REFERENCE_RE, md), "image_reference", 140)
    md.inlinePatterns.register(_ShortReference(REFERENCE_RE, md), "short_reference", 130)
    md.inlinePatterns.register(_ShortImageReference(IMAGE_REFERENCE_RE, md), "short_image_ref", 125)


class _Destination:
    """`getLink` with kramdown's rule: the destination runs to the `)` that balances the
    opening one, or to white space before a quote, where the title starts; the title ends
    at its quote before the closing `)`."""

    _marks: DestinationMarks | None = None

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
        base: Any = super()
        if data[index : index + 1] != "(":
            return "", None, index, False  # `[text]` alone: not an inline link
        start = index + 1
        while start < len(data) and data[start] in SPACE:
            start += 1
        if data[start : start + 1] == "<":
            return cast(tuple[str, str | None, int, bool], base.getLink(data, index))
        shift = None if self._marks is None else self._marks.shift_for(data, index)
        if self._marks is None or shift is None:
            self._marks, shift = DestinationMarks.of(data), 0
        marks = self._marks
        close = marks.closing.get(index + shift, len(marks.text)) - shift
        stop = marks.stops[index + 1 + shift] - shift
        if close < stop:
            return base.unescape(data[index + 1 : close]).strip(), None, close + 1, True
        if stop >= len(data):
            return "", None, index, False
        # A title: kramdown leaves the whole as text unless it closes before a `)`.
        quote = data[stop + 1]
        last = marks.closers[quote][stop + 2 + shift] - shift
        if last >= len(data):
            return "", None, index, False
        after = last + 1
        while data[after] != ")":
            after += 1
        href = base.unescape(data[index + 1 : stop]).strip()
        title = base.RE_TITLE_CLEAN.sub(" ", base.unescape(data[stop + 2 : last]))
        return href, title, after + 1, True


class _Link(_Destination, LinkInlineProcessor):
    pass


class _Image(_Destination, ImageInlineProcessor):
    pass


# An escaped character as `escape` (180) leaves it until the end: STX, its code point, ETX.
_ESCAPED = re.compile(f"{util.STX}([0-9]+){util.ETX}")


class _WrittenLabel(ReferenceInlineProcessor):
    """A reference label as the author wrote it: the code spans and escapes that ran before
    (`backtick` 190, `escape` 180) put back, so ``[a `b`]`` finds ``[a `b`]: url``."""

    def evalId(self, data: str, index: int, text: str) -> tuple[str | None, int, bool]:
        found, end, handled = super().evalId(data, index, text)
        if found is None or not handled:
            return found, end, handled
        label = self.NEWLINE_CLEANUP_RE.sub(" ", found)
        if label in self.md.references or util.STX not in label:
            return found, end, handled
        return self._written(found).lower(), end, handled

    def _written(self, label: str) -> str:
        inline = self.md.treeprocessors["inline"]
        stash = getattr(inline, "stashed_nodes", {})

        def placeholder(match: re.Match[str]) -> str:
            value = stash.get(match.group(1))
            if isinstance(value, str):
                return value
            if value is None:
                return match.group(0)
            content = "".join(value.itertext())
            # One backtick: the form a label with a code span is nearly always written in.
            return f"`{content}`" if value.tag == "code" else content

        label = util.INLINE_PLACEHOLDER_RE.sub(placeholder, label)
        return _ESCAPED.sub(lambda m: "\\" + chr(int(m.group(1))), label)


class _Reference(_WrittenLabel):
    pass


class _ImageReference(_WrittenLabel, ImageReferenceInlineProcessor):
    pass


class _ShortReference(_WrittenLabel, ShortReferenceInlineProcessor):
    pass


class _ShortImageReference(_WrittenLabel, ShortImageReferenceInlineProcessor):
    pass
