"""Python-Markdown's element tree of one page, as the page model reads and the widgets edit it.

The model is read from the tree the page is rendered from, not from its finished HTML: no
second parse of the page. Raw HTML (blocks, inline tags, superfences' code) is not in the
tree but in Python-Markdown's stash, with a placeholder where it stands; `stashed` gives each
placeholder's HTML, and only snippets that can hold a link or an id are parsed, on their own.
Widgets put their markup in the stash too, so Python-Markdown restores it with the rest.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

from markdown import Markdown, serializers, util
from markdown.serializers import to_html_string

_TAG_RE = re.compile(r"<[^<>]*>")
_SPACE_RE = re.compile(r"\s+")
_LINK_ATTRIBUTES = {
    "a": "href",
    "img": "src",
    "link": "href",
    "script": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "area": "href",
}
"""Elements whose attribute the browser follows or loads."""
# The serialiser's own escaping, so content we move keeps exactly the HTML it would have had.
_escape_cdata: Callable[[str], str] = getattr(serializers, "_escape_cdata")  # noqa: B009
_CANDIDATE_RE = re.compile(r"\b(?:href|src|id|name)\s*=", re.IGNORECASE)


def _none(element: etree.Element) -> bool:
    return False


def collapse(text: str) -> str:
    """Text as a reader sees it: white space collapsed, ends trimmed."""
    return _SPACE_RE.sub(" ", text).strip()


class PageTree:
    """The tree under `root` and the stash of the Markdown instance that built it."""

    def __init__(self, md: Markdown, root: etree.Element) -> None:
        self.md = md
        self.root = root
        self._parents: dict[etree.Element, etree.Element] | None = None

    def iter(self) -> Iterator[etree.Element]:
        """Every element in document order (a stack, not recursion: raw HTML nests deep)."""
        pending = [self.root]
        while pending:
            element = pending.pop()
            yield element
            pending.extend(reversed(element))

    def parent(self, element: etree.Element) -> etree.Element | None:
        if self._parents is None:
            # ElementTree's own iterator (a stack in C, as deep as the tree): order is no matter.
            self._parents = {child: parent for parent in self.root.iter() for child in parent}
        return self._parents.get(element)

    def ancestors(self, element: etree.Element) -> Iterator[etree.Element]:
        node = self.parent(element)
        while node is not None:
            yield node
            node = self.parent(node)

    def stashed(self, text: str | None) -> Iterator[str]:
        """The raw HTML of every stash placeholder in `text`, in order (nested ones too)."""
        if not text or util.STX not in text:
            return
        blocks = self.md.htmlStash.rawHtmlBlocks
        for match in util.HTML_PLACEHOLDER_RE.finditer(text):
            index = int(match.group(1))
            if index < len(blocks):
                raw = str(blocks[index])
                yield raw
                yield from self.stashed(raw)

    def text(self, element: etree.Element, *, skip: Callable[[etree.Element], bool] = _none) -> str:
        """The text a reader sees in `element`, less descendants for which `skip` is true."""
        parts: list[str] = []
        pending: list[etree.Element | str] = [element]
        while pending:
            node = pending.pop()
            if isinstance(node, str):
                parts.append(node)
                continue
            # Tail, children and text go on the stack in reverse, so they come off in order.
            if node is not element and node.tail:
                pending.append(node.tail)
            if node is not element and skip(node):
                continue
            pending.extend(reversed(node))
            if node.text:
                pending.append(node.text)
        return collapse(self.readable("".join(parts)))

    def readable(self, text: str) -> str:
        """`text` with placeholders replaced by the text their HTML shows."""
        if util.STX not in text:
            return text
        text = text.replace(util.AMP_SUBSTITUTE, "&")

        def shown(match: re.Match[str]) -> str:
            index = int(match.group(1))
            blocks = self.md.htmlStash.rawHtmlBlocks
            if index >= len(blocks):
                return ""
            return html.unescape(_TAG_RE.sub("", self.readable(str(blocks[index]))))

        return util.HTML_PLACEHOLDER_RE.sub(shown, text)

    def code_text(self, raw: str) -> str | None:
        """The text of stashed raw HTML that is a highlighted code block, else None."""
        if not raw.lstrip().startswith(("<pre", '<div class="highlight"')):
            return None
        return html.unescape(_TAG_RE.sub("", self.readable(raw)))

    def inner_html(
        self, element: etree.Element, *, skip: Callable[[etree.Element], bool] = _none
    ) -> str:
        """The HTML of `element`'s content, less child elements for which `skip` is true.

        Placeholders stay: Python-Markdown restores them once the page is serialised.
        """
        parts = [_escape_cdata(element.text or "")]
        for child in element:
            if skip(child):
                parts.append(_escape_cdata(child.tail or ""))
            else:
                parts.append(to_html_string(child))
        return "".join(parts)

    def block(self, markup: str) -> etree.Element:
        """A paragraph holding only a placeholder for `markup`: Python-Markdown writes `markup`
        in its place when it writes the page."""
        block = etree.Element("p")
        block.text = self.md.htmlStash.store(markup.strip())
        return block

    def replace(self, element: etree.Element, markup: str) -> None:
        """Put `markup` where `element` stands."""
        parent = self.parent(element)
        if parent is None:
            return
        block = self.block(markup)
        block.tail = element.tail
        index = list(parent).index(element)
        parent[index] = block
        if self._parents is not None:
            self._parents[block] = parent

    def insert_after(self, element: etree.Element, markup: str) -> None:
        """Put `markup` right after `element`."""
        parent = self.parent(element)
        if parent is None:
            return
        block = self.block(markup)
        block.tail = element.tail
        element.tail = "\n"
        parent.insert(list(parent).index(element) + 1, block)
        if self._parents is not None:
            self._parents[block] = parent


def link_attribute(element: etree.Element) -> str | None:
    """The attribute of `element` a browser follows or loads (`href`, `src`), if it has it."""
    name = _LINK_ATTRIBUTES.get(element.tag)
    return name if name is not None and element.get(name) is not None else None


def link_value(element: etree.Element, attribute: str) -> str:
    """The value of `element`'s `attribute` as the browser reads it: Python-Markdown's e-mail
    autolinks write each character of the address as an entity behind the placeholder of its
    `&`, which only the serialiser turns back."""
    value = element.get(attribute) or ""
    if util.AMP_SUBSTITUTE not in value:
        return value
    return html.unescape(value.replace(util.AMP_SUBSTITUTE, "&"))


def may_hold_links(raw: str) -> bool:
    """Whether raw HTML can hold a link or an id: the only snippets worth parsing."""
    return bool(_CANDIDATE_RE.search(raw))


class RawHtml(HTMLParser):
    """The links and ids of one snippet of raw HTML, in order."""

    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        """`(tag, value)` of each followed attribute."""
        self.ids: list[str] = []
        self.feed(raw)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if values.get("id"):
            self.ids.append(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.append(values["name"])
        name = _LINK_ATTRIBUTES.get(tag)
        if name is not None and name in values:
            self.links.append((tag, values[name]))
