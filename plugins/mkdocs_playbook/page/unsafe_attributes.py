"""What an attribute list may not give a page unless `unsafe_attributes` is true: script.

Attribute lists (kramdown's `{: … }`, Python-Markdown's `attr_list`) are content a site may
take from outside contributors, so they are checked: an event handler (`on…`), `srcdoc`,
and a URL that runs script or shows a document of its own (`javascript:`, `vbscript:`,
`data:` other than an image) are dropped, each reported at its line. `style` is kept: it
runs no script in any browser we support, and the site's Content-Security-Policy keeps
`url()` on the site. Raw HTML is the author's own and is never filtered (the README's
Security section says so). `SafeAttrLists` is `attr_list` with that check.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Markdown, util
from markdown.extensions.attr_list import AttrListTreeprocessor

from .source import Source

Report = Callable[[int, int, str], None]
"""Receives a problem: 1-based line and column in the text given to the extension, message."""

URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "cite", "background"}
)
"""Attributes a browser follows or loads as a URL (navigation, frames, objects, forms)."""
_SCRIPT_SCHEMES = frozenset({"javascript", "vbscript"})
# What a browser strips before it reads a URL's scheme (the URL standard): tabs and newlines
# anywhere, C0 controls and spaces at the ends.
_TABS_AND_NEWLINES = str.maketrans("", "", "\t\n\r")
_C0_AND_SPACE = "".join(chr(code) for code in range(0x21))
_BACKSLASH_ESCAPE = re.compile(util.STX + r"(\d+)" + util.ETX)
_SEARCHES_MISSED = 20
"""Attribute lists looked for in vain (a Liquid value inside) before the rest go unsought:
each miss reads to the end of the page."""
_ALLOWED = "; dropped (`unsafe_attributes: true` in the playbook settings allows it)"


def unsafe_scheme(url: str) -> str | None:
    """The scheme of `url` if it runs script or shows a document of its own (`javascript`,
    `vbscript`, `data` other than `data:image/`), read as a browser reads an attribute's
    value: entities decoded, tabs and newlines dropped, case ignored; else None."""
    text = html.unescape(url).translate(_TABS_AND_NEWLINES).strip(_C0_AND_SPACE)
    scheme, colon, rest = text.partition(":")
    scheme = scheme.lower()
    if not colon or scheme not in (*_SCRIPT_SCHEMES, "data"):
        return None
    if scheme == "data" and rest.lstrip(_C0_AND_SPACE).lower().startswith("image/"):
        return None  # an image: shown, never run as a page (an SVG in <img> runs no script)
    return scheme


def unsafe_attribute(name: str, value: str | None) -> str | None:
    """Why an attribute list may not give `name="value"`, as a finding says it; None when
    it may."""
    lowered = name.lower()
    if lowered.startswith("on"):
        return f"`{name}` is an event handler: it runs script"
    if lowered == "srcdoc":
        return "`srcdoc` is a document of its own: it runs script"
    scheme = unsafe_scheme(value) if value is not None and lowered in URL_ATTRIBUTES else None
    if scheme is not None:
        runs = "it can hold a page that runs script" if scheme == "data" else "it runs script"
        return f"`{name}` is a `{scheme}:` URL: {runs}"
    return None


def unsafe_message(written: str, why: str) -> str:
    """A finding's text for an attribute list (or tag) `written` that gave what `why` says."""
    return f"`{written}`: {why}{_ALLOWED}"


class SafeAttrLists(AttrListTreeprocessor):
    """Python-Markdown's `attr_list`, dropping what `unsafe_attribute` names, each reported
    at the line of its attribute list in `written` (the page's Markdown as given)."""

    def __init__(self, md: Markdown, report: Report, written: Source) -> None:
        super().__init__(md)
        self.report = report
        self.source = written
        self._searched = 0
        """Where the next attribute list is looked for: they are applied in page order."""
        self._missed = 0

    def assign_attrs(self, elem: etree.Element, attrs_string: str, *, strict: bool = False) -> str:
        before = dict(elem.attrib)
        remainder = super().assign_attrs(elem, attrs_string, strict=strict)
        dropped: list[str] = []
        for name, value in list(elem.attrib.items()):
            if before.get(name, "\0") == value:
                continue  # not given by this attribute list
            why = unsafe_attribute(name, None if value is None else self._served(value))
            if why is None:
                continue
            if name in before:
                elem.set(name, before[name])
            else:
                del elem.attrib[name]
            dropped.append(why)
        if dropped:
            written, line, column = self._written(self._served(attrs_string, as_written=True))
            for why in dropped:
                self.report(line, column, unsafe_message(written, why))
        return remainder

    def _served(self, text: str, *, as_written: bool = False) -> str:
        """`text` as the page will serve it: stashed entities and backslash escapes back
        (`as_written`: with their backslash)."""
        if util.STX not in text:
            return text
        blocks = self.md.htmlStash.rawHtmlBlocks

        def stashed(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return str(blocks[index]) if index < len(blocks) else ""

        text = util.HTML_PLACEHOLDER_RE.sub(stashed, text.replace(util.AMP_SUBSTITUTE, "&"))
        escape = "\\" if as_written else ""
        return _BACKSLASH_ESCAPE.sub(lambda match: escape + chr(int(match.group(1))), text)

    def _written(self, attributes: str) -> tuple[str, int, int]:
        """The attribute list `{attributes}` as written, with its line and column: the first
        outside code from the last one found; line 0 (the page) when the page does not show
        it as given (a Liquid value inside)."""
        text = self.source.text
        if self._missed >= _SEARCHES_MISSED:
            return "{" + attributes + "}", 0, 0
        offset = text.find(attributes, self._searched)
        while offset >= 0 and self.source.in_code(offset):
            offset = text.find(attributes, offset + 1)
        if offset < 0:
            self._missed += 1
            return "{" + attributes + "}", 0, 0
        self._searched = offset + len(attributes)
        start = text.rfind("{", 0, offset)
        return text[start : self._searched + 1], *self.source.line_col(start)


def guard_attr_lists(
    md: Markdown, report: Report, written: str, parse: Callable[[str], Source] = Source
) -> None:
    """Make `md`'s `attr_list` (whoever registered it) a `SafeAttrLists` for this conversion;
    `parse` gives the page's one parse of `written`."""
    if "attr_list" in md.treeprocessors:
        # attr_list's own priority: after inline (20), before toc (5).
        md.treeprocessors.register(SafeAttrLists(md, report, parse(written)), "attr_list", 8)
