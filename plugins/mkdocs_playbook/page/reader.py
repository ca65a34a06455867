"""Reads a page's element tree, once, into the parts of its `PageModel` every page has:
headings, ids, links and the text of its code (for the placeholder lint), and finds its code
blocks on the way.

Widgets read their own parts (checklists, severity matrices, template forms) from the same
tree afterwards; the template forms start from the code blocks found here.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from markdown import util

from .model import Heading, Link, PageModel
from .tree import PageTree, RawHtml, link_attribute, link_value, may_hold_links

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def heading_text(tree: PageTree, element: etree.Element) -> str:
    """A heading's text without the permalink (`¶`) that the toc extension appends."""
    return tree.text(element, skip=lambda child: "headerlink" in (child.get("class") or ""))


@dataclass(frozen=True)
class CodeBlock:
    """A code block of the page."""

    holder: etree.Element
    """The element that stands for it in the tree: its `<pre>`, or the element whose text
    holds the stash placeholder of a highlighted block (a paragraph, mostly)."""
    text: str
    """Its code, without the final line break."""
    heading: str
    """Id of the heading it stands under, "" when none."""


def read_page(
    tree: PageTree,
    model: PageModel,
    written: Mapping[etree.Element, str],
    raw_written: Mapping[str, str] = MappingProxyType({}),
) -> list[CodeBlock]:
    """Fill `model` with the headings, ids, links and code of `tree`, in document order, and
    return the page's code blocks.

    `written` holds each link element's destination as the Markdown wrote it (recorded before
    MkDocs rewrote `.md` paths); elements missing from it were added later and have no source.
    `raw_written` holds, by the URL given it, a raw HTML link written otherwise.

    Python-Markdown leaves indented code in the tree as `<pre><code>`; superfences puts its
    highlighted blocks in the stash, with a placeholder where they stand: alone in a
    paragraph, or at the end of the paragraph they follow without a blank line.
    """
    ranks: Counter[tuple[str, bool]] = Counter()
    blocks: list[CodeBlock] = []
    heading = ""

    def add_link(href: str, tag: str, source: str | None, raw_html: bool) -> None:
        rank = 0
        if source is not None:
            rank = ranks[(source, raw_html)]
            ranks[(source, raw_html)] += 1
        model.links.append(Link(href, tag, source, raw_html, rank))

    def read_stashed(text: str, holder: etree.Element | None) -> None:
        for raw in tree.stashed(text):
            code_text = tree.code_text(raw)
            if code_text is not None:
                model.code_texts.append(code_text)
                if holder is not None:
                    blocks.append(CodeBlock(holder, code_text.removesuffix("\n"), heading))
            elif may_hold_links(raw):
                snippet = RawHtml(raw)
                model.ids.update(snippet.ids)
                for tag, value in snippet.links:
                    add_link(value, tag, raw_written.get(value, value), True)

    # Document order, each element before its children and its tail after them. A tail only
    # matters when it holds a stash placeholder, so only those go on the stack (with the
    # parent that holds them).
    stx = util.STX
    root = tree.root
    pending: list[etree.Element | tuple[etree.Element, etree.Element | None]] = [root]
    if root.tail and stx in root.tail:
        pending.insert(0, (root, None))
    while pending:
        node = pending.pop()
        if isinstance(node, tuple):
            element, parent = node
            read_stashed(element.tail or "", parent)
            continue
        element = node
        _read_element(tree, element, model, written, add_link)
        tag = element.tag
        if tag in HEADINGS:
            heading = element.get("id") or ""
        elif tag == "pre":
            code = next((child for child in element if child.tag == "code"), None)
            if code is not None:
                text = tree.readable("".join(code.itertext()))
                blocks.append(CodeBlock(element, text.removesuffix("\n"), heading))
        own = element.text
        if own and stx in own:
            read_stashed(own, element)
        for child in reversed(element):
            tail = child.tail
            if tail and stx in tail:
                pending.append((child, element))
            pending.append(child)
    return blocks


def _read_element(
    tree: PageTree,
    element: etree.Element,
    model: PageModel,
    written: Mapping[etree.Element, str],
    add_link: Callable[[str, str, str | None, bool], None],
) -> None:
    identifier = element.get("id")
    if identifier:
        model.ids.add(identifier)
    if element.tag in HEADINGS:
        text = heading_text(tree, element)
        model.headings.append(
            Heading(int(element.tag[1]), text, identifier, model.lines.register("heading", text))
        )
    attribute = link_attribute(element)
    if attribute is not None:
        add_link(link_value(element, attribute), element.tag, written.get(element), False)
    if element.tag == "a" and element.get("name"):
        model.ids.add(element.get("name") or "")
    if element.tag == "code":
        model.code_texts.append(tree.readable("".join(element.itertext())))
