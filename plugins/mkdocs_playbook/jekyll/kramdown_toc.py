"""kramdown's tables of contents on Python-Markdown's `toc` (added when missing); an
extension of its own (`makeExtension`, option `toc_levels`: kramdown's, `2..3`, `1,2,3` or a
list).

- a heading with the class `no_toc` is left out of `md.toc` and `md.toc_tokens` (Material's
  table of contents) and out of the in-page one;
- the first list carrying `{:toc}` (noted by `kramdown_attributes`, added when missing)
  becomes kramdown's in-page table of contents (`ul#markdown-toc`, nested links, the levels
  of `toc_levels` or of the page's `{::options toc_levels="…" /}`).

Priorities:

- tree processor `kramdown_toc`, 4.9: after `toc` (5) filled `md.toc_tokens` and gave every
  heading its id; before `unescape` (0) and [the model reader, which runs last].
"""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from typing import Any, cast

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension, nest_toc_tokens
from markdown.treeprocessors import Treeprocessor

from .kramdown_attribute_blocks import append_after, append_text
from .kramdown_attribute_spans import HEADINGS
from .kramdown_attributes import KramdownAttributesExtension, add_missing, attributes_of
from .kramdown_settings import KramdownSettings, parse_toc_levels

_NO_TOC = re.compile(r"\bno_toc\b")


def makeExtension(**kwargs: Any) -> KramdownTocExtension:
    return KramdownTocExtension(**kwargs)


class KramdownTocExtension(Extension):
    """`no_toc` and kramdown's in-page table of contents."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "toc_levels": [
                KramdownSettings.toc_levels,
                "Heading levels the in-page `{:toc}` lists: `2..3`, `1,2,3` or a list",
            ],
        }
        super().__init__(**kwargs)
        levels = self.getConfig("toc_levels")
        self.toc_levels: frozenset[int] = (
            levels
            if isinstance(levels, frozenset)
            else parse_toc_levels(levels) or KramdownSettings.toc_levels
        )

    def extendMarkdown(self, md: Markdown) -> None:
        add_missing(
            md,
            [
                (attributes_of(md) is None, KramdownAttributesExtension),
                ("toc" not in md.treeprocessors, TocExtension),
            ],
        )
        md.treeprocessors.register(_TableOfContents(md, self.toc_levels), "kramdown_toc", 4.9)


def _hidden(md: Markdown, root: etree.Element) -> set[str | None]:
    """The ids of headings with the class `no_toc`, unless a heading without it has the id."""
    attributes = attributes_of(md)
    if attributes is None or (not attributes.constructs and "no_toc" not in attributes.source):
        return set()  # `no_toc` and `{:toc}` are written in the page, or nothing to do
    headings = [element for element in root.iter() if element.tag in HEADINGS]
    hidden = {h.get("id") for h in headings if _NO_TOC.search(h.get("class") or "")}
    hidden -= {h.get("id") for h in headings if not _NO_TOC.search(h.get("class") or "")}
    hidden.discard(None)
    return hidden


class _TableOfContents(Treeprocessor):
    """`no_toc` headings out of `md.toc_tokens`; the in-page table of contents."""

    def __init__(self, md: Markdown, levels: frozenset[int]) -> None:
        super().__init__(md)
        self.levels = levels

    def run(self, root: etree.Element) -> None:
        attributes = attributes_of(self.md)
        if attributes is None:
            return
        hidden = _hidden(self.md, root)
        if hidden:
            self._filter_tokens(hidden)
        if attributes.tocs:
            headings = [element for element in root.iter() if element.tag in HEADINGS]
            levels = attributes.toc_levels or self.levels
            self._in_page(root, attributes.tocs[0], headings, levels)

    def _filter_tokens(self, hidden: set[str | None]) -> None:
        tokens = getattr(self.md, "toc_tokens", None)
        if not tokens:
            return
        flat = [token for token in _flatten_tokens(tokens) if token.get("id") not in hidden]
        nested = nest_toc_tokens(cast(Any, flat))
        self.md.toc_tokens = nested  # type: ignore[attr-defined]
        toc = self.md.treeprocessors["toc"] if "toc" in self.md.treeprocessors else None
        if toc is not None and hasattr(toc, "build_toc_div"):
            # As `toc` itself makes `md.toc`: the same HTML, through the postprocessors.
            div = toc.build_toc_div(nested)
            text = self.md.serializer(div)
            for postprocessor in self.md.postprocessors:
                text = postprocessor.run(text)
            self.md.toc = text  # type: ignore[attr-defined]

    def _in_page(
        self,
        root: etree.Element,
        target: etree.Element,
        headings: list[etree.Element],
        levels: frozenset[int],
    ) -> None:
        """kramdown's `generate_toc_tree`: each heading under the last one of a lower level."""
        entries = [
            heading
            for heading in headings
            if heading.get("id")
            and int(heading.tag[1]) in levels
            and not _NO_TOC.search(heading.get("class") or "")
        ]
        if not entries:  # kramdown then writes nothing where the list was
            for parent in root.iter():
                if any(child is target for child in parent):
                    parent.remove(target)
                    break
            return
        prefix = target.get("id") or "markdown-toc"
        target.set("id", prefix)
        for child in list(target):
            target.remove(child)
        target.text = "\n"
        toc = self.md.treeprocessors["toc"] if "toc" in self.md.treeprocessors else None
        permalink = getattr(toc, "permalink_class", "headerlink")
        stack: list[tuple[int, etree.Element]] = []
        for heading in entries:
            level = int(heading.tag[1])
            item = etree.Element("li")
            link = _toc_link(heading, permalink)
            link.set("href", f"#{heading.get('id')}")
            link.set("id", f"{prefix}-{heading.get('id')}")
            item.append(link)
            item.tail = "\n"
            while stack and stack[-1][0] >= level:
                stack.pop()
            if stack:
                holder = stack[-1][1]
                sublist = holder.find(target.tag)
                if sublist is None:
                    sublist = etree.SubElement(holder, target.tag)
                    sublist.text = "\n"
                sublist.append(item)
            else:
                target.append(item)
            stack.append((level, item))


def _flatten_tokens(tokens: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for token in tokens:
        children = token.get("children", [])
        yield token
        yield from _flatten_tokens(children)


def _toc_link(heading: etree.Element, permalink: str) -> etree.Element:
    """An `<a>` holding the heading's content as kramdown's table of contents shows it:
    links unwrapped, footnote references and the permalink left out."""
    link = etree.Element("a")
    link.text = heading.text
    for child in heading:
        if child.tag == "a" and permalink in (child.get("class") or "").split():
            append_text(link, child.tail)
            continue
        link.append(copy.deepcopy(child))
    _unwrap_links(link)
    return link


def _unwrap_links(element: etree.Element) -> None:
    for child in list(element):
        _unwrap_links(child)
    index = 0
    while index < len(element):
        child = element[index]
        is_link = child.tag == "a"
        is_note = child.tag == "sup" and (child.get("id") or "").startswith("fnref")
        if not (is_link or is_note):
            index += 1
            continue
        element.remove(child)
        inner = list(child) if is_link else []
        text = (child.text or "") if is_link else ""
        for offset, grandchild in enumerate(inner):
            element.insert(index + offset, grandchild)
        before = element[index - 1] if index > 0 else None
        append_after(element, before, text)
        last = inner[-1] if inner else before
        append_after(element, last, child.tail)
        index += len(inner)
