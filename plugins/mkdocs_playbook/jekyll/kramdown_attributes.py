"""kramdown's attribute lists and extensions on Python-Markdown, as Jekyll's kramdown 2.4.0
applies them; an extension of its own (`makeExtension`), built on Python-Markdown's
`attr_list` (added when missing).

- a block IAL `{: .class #id key="value" }` on its own line directly above or below a block
  (paragraph, heading, list, block quote, table, code block, rule, raw HTML) applies to it;
  a span IAL applies to the `*emphasis*`, `[link](…)`, `` `code` `` or raw HTML element
  (`<span>…</span>`, `<img …>`) it directly follows; `{:name: …}` defines what `{: name }`
  applies. As in Python-Markdown's `attr_list`, an IAL at the end of a heading, list item,
  table cell or term applies to it.
- `{:toc}` and `{:footnotes}` on a list are noted (`tocs`, `footnote_lists`) for
  `kramdown_toc` and `kramdown_footnotes`; `{::options toc_levels="…" /}` too (`toc_levels`).
- `{::comment}…{:/comment}` and `{::options … /}` are dropped; `{::nomarkdown}…{:/nomarkdown}`
  passes its HTML through.

Nothing inside code is touched. Code regions are `page.source.Source`'s (markdown-it's);
where Python-Markdown reads as text what markdown-it reads as code, an attribute list there
still applies: attribute lists in code are masked too, and wherever one lands in code it is
restored as written (`Construct.in_code`). What cannot be applied or rendered is given to the
`report` option, `(line, column, message)`, 1-based in the text as given to the extension, and
left out rather than printed; unknown definition names, attribute list parts and unclosed
tags are reported too. Raw HTML keeps any attribute list text written inside it, as kramdown
does.

How (see `kramdown_syntax`): the text is scanned once, as written, and each construct hidden
behind a marker of the same length; the markers carry the construct's position through every
later stage, and the processors below attach what they stand for. This masks the whole text
rather than extending `attr_list`'s processors: a block IAL above its block, a definition,
a span IAL after an element and the line of each problem are kramdown's, not `attr_list`'s,
and the markers keep their offsets through the playbook's text rewrites. Every pass over page
content is linear: `str.find` loops, no regular expression with nested or adjacent
quantifiers, and every element visited once.

What one conversion found lives on the extension, cleared in `reset()` (which the first
preprocessor also calls, as Python-Markdown does not between conversions).

Priorities, beside Python-Markdown's built-ins and the playbook extension's own ([brackets]):

- preprocessor `kramdown_mask`, 34.5: after [source capture, 35], so the source map keeps the
  page as written; before [text rewrites, 34], which then keep their offsets (markers are as
  long as what they hide) and see no Liquid inside a comment.
- preprocessor `kramdown_expand`, 29: after `normalize_whitespace` (30), which would strip the
  stash placeholders of nomarkdown HTML; before fenced code (25), [nesting cap, 24] and
  `html_block` (20).
- block processor `kramdown_block_ial`, 110, and tree processor `kramdown_span_ial`, 16: see
  `kramdown_attribute_blocks` and `kramdown_attribute_spans`.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListExtension, sanitize_name
from markdown.preprocessors import Preprocessor

from ..page.source import Source
from ..page.unsafe_attributes import unsafe_attribute, unsafe_message
from .kramdown_attribute_blocks import register_block_attributes
from .kramdown_attribute_spans import SPAN_NAME, register_span_attributes
from .kramdown_raw_html import assign_to_stash, stash_index
from .kramdown_settings import parse_toc_levels
from .kramdown_syntax import (
    MARK,
    MAX_CONSTRUCTS,
    Attributes,
    Construct,
    expand,
    junk_message,
    marker_index,
    mask,
    scan,
)

log = logging.getLogger("mkdocs.plugins.playbook")

Report = Callable[[int, int, str], None]
"""Receives a problem: 1-based line and column in the text given to the extension, message."""


def log_problem(line: int, column: int, message: str) -> None:
    """The report of an extension listed on its own: a warning naming the line."""
    log.warning("line %d, column %d: %s", line, column, message)


SPECIAL_REFERENCES = frozenset({"toc", "footnotes"})
"""Names an attribute list may give without a definition: kramdown's HTML converter reads
them (`{:toc}` and `{:footnotes}` on a list)."""


def add_missing(md: Markdown, extensions: list[tuple[bool, Callable[[], Extension]]]) -> None:
    """Register each extension whose test says `md` lacks it, in one call, as
    `register_kramdown` does for the whole of kramdown; one the site configures is left as
    configured."""
    missing = [make() for lacking, make in extensions if lacking]
    if missing:
        md.registerExtensions(missing, {})


def makeExtension(**kwargs: Any) -> KramdownAttributesExtension:
    return KramdownAttributesExtension(**kwargs)


def attributes_of(md: Markdown) -> KramdownAttributesExtension | None:
    """The attribute lists extension whose processors `md` runs, if any (`kramdown_toc` and
    `kramdown_footnotes` read what it found)."""
    processor = md.treeprocessors[SPAN_NAME] if SPAN_NAME in md.treeprocessors else None
    extension = getattr(processor, "extension", None)
    return extension if isinstance(extension, KramdownAttributesExtension) else None


def attribute_origin(md: Markdown, element: etree.Element, name: str) -> tuple[int, int] | None:
    """Line and column of the attribute list that gave `element` the class `name`, in the
    page `md` converted last; None when no kramdown attribute list did."""
    extension = attributes_of(md)
    construct = extension.origins.get(element, {}).get(name) if extension else None
    return (construct.line, construct.column) if construct else None


class KramdownAttributesExtension(Extension):
    """kramdown's attribute lists and extensions; what one conversion found, and where each
    went, cleared in `reset()`."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "report": [log_problem, "Receives each problem: (line, column, message)"],
            "parse": [Source, "Gives a text's parse: the page's own, where one is kept"],
            "unsafe_attributes": [
                False,
                "Let attribute lists give script (`page.unsafe_attributes`)",
            ],
        }
        super().__init__(**kwargs)
        self.report: Report = self.getConfig("report")
        self.parse: Callable[[str], Source] = self.getConfig("parse")
        self.unsafe_attributes: bool = self.getConfig("unsafe_attributes")
        self.reset()

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        add_missing(md, [("attr_list" not in md.treeprocessors, AttrListExtension)])
        md.preprocessors.register(_Mask(md, self), "kramdown_mask", 34.5)
        md.preprocessors.register(_Expand(md, self), "kramdown_expand", 29)
        register_block_attributes(md, self)
        register_span_attributes(md, self)

    def reset(self) -> None:
        self.toc_levels: frozenset[int] = frozenset()
        """What the page sets with `{::options toc_levels="…" /}`; empty when it does not."""
        self.source = ""
        """The text as given to the extension."""
        self.masked = ""
        """The text with its constructs masked, as the Liquid rewrite gets it."""
        self.constructs: list[Construct] = []
        self.definitions: dict[str, list[Attributes]] = {}
        self.tocs: list[etree.Element] = []
        """The list `{:toc}` makes kramdown's table of contents of (the first only)."""
        self.footnote_lists: list[etree.Element] = []
        """The list `{:footnotes}` puts the footnotes in place of (the first only)."""
        self.origins: dict[etree.Element, dict[str, Construct]] = {}
        self.placeholders: set[str] = set()
        """Where `{::nomarkdown}` HTML went."""

    def mask_added(self, text: str) -> str:
        """`text` with the attribute lists and extensions that Liquid brought in (an
        include's `{: .tip }`) masked too: Jekyll runs kramdown on Liquid's output. Their
        problems are not reported: their lines are not the page's."""
        added = [
            construct
            for construct in scan(self.parse(text)).constructs
            if construct.kind in ("ial", "ald")
        ][: MAX_CONSTRUCTS - len(self.constructs)]
        if not added:
            return text
        text = mask(text, added, len(self.constructs))
        self.constructs.extend(added)
        for construct in added:
            if not construct.in_code and construct.kind == "ald":
                self.define(construct)
        return text

    def construct(self, text: str, offset: int) -> Construct | None:
        index = marker_index(text, offset)
        if index is None or index >= len(self.constructs):
            return None
        return self.constructs[index]

    def problem(self, construct: Construct, message: str) -> None:
        self.report(construct.line, construct.column, message)

    def define(self, construct: Construct) -> None:
        """Note the definition `{:name: … }` that `construct` is."""
        self.definitions.setdefault(construct.name, []).append(construct.attributes)

    def assign(self, md: Markdown, element: etree.Element, construct: Construct) -> None:
        """Apply the attribute list `construct` to `element` (or to the raw HTML it holds)."""
        if construct.kind != "ial":
            return
        resolved = self._resolved(construct)
        stashed = stash_index(md, element)
        if stashed is not None:
            self._assign_to_stash(md, stashed, construct, resolved)
            return
        resolved.apply_to(element)
        if resolved.classes:
            origins = self.origins.setdefault(element, {})
            for name in resolved.classes:
                origins.setdefault(name, construct)
        if "toc" in resolved.special:
            self._special(element, construct, self.tocs, "a table of contents", "* TOC")
        if "footnotes" in resolved.special:
            self._special(
                element, construct, self.footnote_lists, "the footnotes' place", "* Footnotes"
            )

    def assign_to_raw_html(self, md: Markdown, index: int, construct: Construct) -> None:
        """Apply the attribute list `construct` to the raw HTML of stash entry `index`."""
        if construct.kind == "ial":
            self._assign_to_stash(md, index, construct, self._resolved(construct))

    def _resolved(self, construct: Construct) -> Resolved:
        junk = junk_message(construct)
        if junk and construct.in_code:  # outside code, the scan reported it
            self.problem(construct, junk)
        resolved = Resolved()
        self._resolve(construct, construct.attributes, resolved, frozenset())
        return resolved

    def _assign_to_stash(
        self, md: Markdown, index: int, construct: Construct, resolved: Resolved
    ) -> None:
        if not assign_to_stash(md, index, resolved):
            self.problem(
                construct,
                f"kramdown attribute list `{construct.text}` follows raw HTML that is not "
                "an element; left out",
            )

    def _special(
        self,
        element: etree.Element,
        construct: Construct,
        found: list[etree.Element],
        what: str,
        item: str,
    ) -> None:
        written = f"`{construct.text}`"
        if element.tag not in ("ul", "ol"):
            self.problem(
                construct,
                f"{written} makes {what} of a list (`{item}` on the line above), "
                f"not of a <{element.tag}>; left out",
            )
        elif found:
            self.problem(
                construct, f"only the first {written} of a page makes {what}; this list stays"
            )
        else:
            found.append(element)

    def _resolve(
        self, construct: Construct, attributes: Attributes, into: Resolved, seen: frozenset[str]
    ) -> None:
        """kramdown's `update_attr_with_ial`: named definitions first, then the list's own."""
        for name in attributes.refs:
            definitions = self.definitions.get(name)
            if definitions is None and name not in SPECIAL_REFERENCES:
                self.problem(
                    construct,
                    f"`{name}` in kramdown attribute list `{construct.text}` names no "
                    f"definition (`{{:{name}: …}}`) on this page; a class needs a dot "
                    f"(`.{name}`)",
                )
            if name in SPECIAL_REFERENCES:
                into.special.add(name)
            if definitions is not None and name not in seen:
                for definition in definitions:
                    self._resolve(construct, definition, into, seen | {name})
        into.classes.extend(attributes.classes)
        if attributes.id is not None:
            into.id = attributes.id
        for key, value in attributes.pairs:
            if key == "class":
                into.classes.extend(value.split())
            elif key == "id":
                into.id = value
            else:
                name = sanitize_name(key)
                why = None if self.unsafe_attributes else unsafe_attribute(name, value)
                if why is None:
                    into.pairs.append((name, value))
                else:
                    self.problem(construct, unsafe_message(construct.text, why))


@dataclass
class Resolved:
    """An attribute list with the definitions it names applied, in kramdown's order."""

    classes: list[str] = field(default_factory=list)
    id: str | None = None
    pairs: list[tuple[str, str]] = field(default_factory=list)
    special: set[str] = field(default_factory=set)

    def apply_to(self, element: etree.Element) -> None:
        """Onto `element`: classes after its own, then id, then the pairs."""
        if self.classes:
            element.set("class", " ".join(filter(None, [element.get("class"), *self.classes])))
        if self.id is not None:
            element.set("id", self.id)
        for key, value in self.pairs:
            element.set(key, value)


class _Mask(Preprocessor):
    """Finds kramdown's constructs in the page as written and hides them behind markers."""

    def __init__(self, md: Markdown, extension: KramdownAttributesExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        extension = self.extension
        extension.reset()
        text = "\n".join(lines)
        extension.source = text
        if "{:" not in text:
            return lines
        if MARK in text:  # a page cannot write our marker itself
            text = text.replace(MARK, "\ufffd")
        found = scan(extension.parse(text))
        for problem in found.problems:
            extension.report(problem.line, problem.column, problem.message)
        extension.constructs = found.constructs[:MAX_CONSTRUCTS]
        for construct in extension.constructs:
            if construct.kind == "ald" and not construct.in_code:
                extension.define(construct)
            for key, value in construct.attributes.pairs if construct.kind == "options" else ():
                # The one option that changes what a page shows and is ours to honour.
                if key == "toc_levels" and parse_toc_levels(value):
                    extension.toc_levels = parse_toc_levels(value)
        extension.masked = mask(text, extension.constructs)
        return extension.masked.split("\n")


class _Expand(Preprocessor):
    """Drops comments and options, stores nomarkdown HTML, shortens the remaining markers."""

    def __init__(self, md: Markdown, extension: KramdownAttributesExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "{:" in text and text != self.extension.masked:
            text = self.extension.mask_added(text)
        if not self.extension.constructs:
            return lines
        return expand(text, self.extension.constructs, self._store).split("\n")

    def _store(self, html: str) -> str:
        placeholder = self.md.htmlStash.store(html)
        self.extension.placeholders.add(placeholder)
        return placeholder
