"""kramdown's tables of contents on Python-Markdown's `toc` (added when missing); an
extension of its own (`makeExtension`, option `toc_levels`: kramdown's, `2..3`, `1,2,3` or a
list).

- a heading with the class `no_toc` is left out of `md.toc` and `md.toc_tokens` (Material's
  table of contents) and out of the in-page one;
- the first list carrying `{:toc}` (noted by `kramdown_attributes`, added when missing)
  becomes kramdown's in-page table of contents (`ul#markdown-toc`, nested links, the levels
  of `toc_levels` or of the page's `{::options toc_levels="…" /}`).

`toc`'s processor is replaced by name, as pymdownx replaces Python-Markdown's processors, with
a subclass that leaves `no_toc` headings out of the tokens before `toc` makes `md.toc` of
them; toc's own `[TOC]` marker lists every heading still. An extension listed after this one
that registers `toc` again gets the same replacement when a conversion starts.

Priorities:

- preprocessor `kramdown_toc_replaced`, 1: when a conversion starts, `toc` is the subclass.
- tree processor `toc`, 5: Python-Markdown's, replaced.
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
from markdown.extensions.toc import TocExtension, TocTreeprocessor, nest_toc_tokens
from markdown.preprocessors import Preprocessor
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
        leave_out_no_toc(md)
        md.preprocessors.register(_TocReplaced(md), "kramdown_toc_replaced", 1)
        md.treeprocessors.register(_TableOfContents(md, self.toc_levels), "kramdown_toc", 4.9)


class KramdownTocTreeprocessor(TocTreeprocessor):
    """Python-Markdown's `toc`, leaving headings with the class `no_toc` out of `md.toc` and
    `md.toc_tokens`; `[TOC]` lists them still."""

    _root: etree.Element | None = None
    _marker_div: etree.Element | None = None

    def run(self, doc: etree.Element) -> None:
        self._root, self._marker_div = doc, None
        try:
            super().run(doc)
        finally:
            self._root = self._marker_div = None

    def build_toc_div(self, toc_list: list[Any]) -> etree.Element:
        """The table of contents of `toc_list`, less the `no_toc` headings, which leave
        `toc_list` too (`toc` makes it `md.toc_tokens`)."""
        hidden = _hidden(self.md, self._root) if self._root is not None and toc_list else set()
        if not hidden:
            return super().build_toc_div(toc_list)
        self._marker_div = super().build_toc_div(toc_list)
        kept = [token for token in _flatten_tokens(toc_list) if token.get("id") not in hidden]
        toc_list[:] = nest_toc_tokens(cast(Any, kept))
        return super().build_toc_div(toc_list)

    def replace_marker(self, root: etree.Element, elem: etree.Element) -> None:
        # `[TOC]` lists every heading, as it did before `no_toc` headings left the tokens.
        super().replace_marker(root, elem if self._marker_div is None else self._marker_div)


def leave_out_no_toc(md: Markdown) -> None:
    """Replace the `toc` processor a `TocExtension` of `md` registered by one of the same
    class that leaves `no_toc` headings out; any other is kept as it is."""
    current = md.treeprocessors["toc"] if "toc" in md.treeprocessors else None
    if current is None or isinstance(current, KramdownTocTreeprocessor):
        return
    made_by = (
        extension
        for extension in reversed(md.registeredExtensions)
        if isinstance(extension, TocExtension) and type(current) is extension.TreeProcessorClass
    )
    extension = next(made_by, None)
    if extension is None:
        return
    replacement = _leaving_out_no_toc(extension.TreeProcessorClass)
    md.treeprocessors.register(replacement(md, extension.getConfigs()), "toc", 5)


def _leaving_out_no_toc(base: type[TocTreeprocessor]) -> type[KramdownTocTreeprocessor]:
    """`base` (Python-Markdown's or a subclass another extension made) that leaves `no_toc`
    headings out."""
    if base is TocTreeprocessor:
        return KramdownTocTreeprocessor
    return type(f"Kramdown{base.__name__}", (KramdownTocTreeprocessor, base), {})


class _TocReplaced(Preprocessor):
    """An extension listed after this one may have registered `toc` again: replaced now."""

    def run(self, lines: list[str]) -> list[str]:
        leave_out_no_toc(self.md)
        return lines


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
    """The in-page table of contents, in place of the list `{:toc}` marks."""

    def __init__(self, md: Markdown, levels: frozenset[int]) -> None:
        super().__init__(md)
        self.levels = levels

    def run(self, root: etree.Element) -> None:
        attributes = attributes_of(self.md)
        if attributes is None or not attributes.tocs:
            return
        headings = [element for element in root.iter() if element.tag in HEADINGS]
        levels = attributes.toc_levels or self.levels
        self._in_page(root, attributes.tocs[0], headings, levels)

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
