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
- block processor `kramdown_block_ial`, 110: before every other (admonition and details 105,
  empty 100, code 80, ..., [alert, 21], quote 20, paragraph 10), so it splits attribute list
  lines off a block before a table, list or code block takes them as content.
- tree processor `kramdown_span_ial`, 16: after `inline` (20) made the spans and
  `footnote-reorder` (19); before `footnote-duplicate` (15), `attr_list` (8), `abbr` (7) and
  `toc` (5), so headings carry their classes and ids when `toc` reads them.
"""

from __future__ import annotations

import html
import logging
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListExtension, sanitize_name
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, HTML_PLACEHOLDER_RE, STX, AtomicString

from ..page.source import Source
from ..page.unsafe_attributes import unsafe_attribute, unsafe_message
from .kramdown_raw_html import assign_to_stash, stash_index, tag_of
from .kramdown_settings import parse_toc_levels
from .kramdown_syntax import (
    MARK,
    MARKER_LENGTH,
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

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CODE = frozenset({"code", "pre", "kbd", "samp"})
# Where Python-Markdown's attr_list reads an attribute list at the end of the text.
_ENDS_WITH_ATTRIBUTES = HEADINGS | {"dt", "td", "th", "li"}
_SPAN_NAME = "kramdown_span_ial"


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
    if _SPAN_NAME not in md.treeprocessors:
        return None
    processor = md.treeprocessors[_SPAN_NAME]
    return processor.extension if isinstance(processor, _SpanAttributes) else None


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
            "unsafe_attributes": [
                False,
                "Let attribute lists give script (`page.unsafe_attributes`)",
            ],
        }
        super().__init__(**kwargs)
        self.report: Report = self.getConfig("report")
        self.unsafe_attributes: bool = self.getConfig("unsafe_attributes")
        self.reset()

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        add_missing(md, [("attr_list" not in md.treeprocessors, AttrListExtension)])
        md.preprocessors.register(_Mask(md, self), "kramdown_mask", 34.5)
        md.preprocessors.register(_Expand(md, self), "kramdown_expand", 29)
        md.parser.blockprocessors.register(
            _BlockAttributes(md.parser, self), "kramdown_block_ial", 110
        )
        md.treeprocessors.register(_SpanAttributes(md, self), _SPAN_NAME, 16)

    def reset(self) -> None:
        self.toc_levels: frozenset[int] = frozenset()
        """What the page sets with `{::options toc_levels="…" /}`; empty when it does not."""
        self.source = ""
        """The text as given to the extension."""
        self.constructs: list[Construct] = []
        self.definitions: dict[str, list[Attributes]] = {}
        self.tocs: list[etree.Element] = []
        """The list `{:toc}` makes kramdown's table of contents of (the first only)."""
        self.footnote_lists: list[etree.Element] = []
        """The list `{:footnotes}` puts the footnotes in place of (the first only)."""
        self.origins: dict[etree.Element, dict[str, Construct]] = {}
        self.placeholders: set[str] = set()
        """Where `{::nomarkdown}` HTML went."""

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
        found = scan(Source(text))
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
        return mask(text, extension.constructs).split("\n")


class _Expand(Preprocessor):
    """Drops comments and options, stores nomarkdown HTML, shortens the remaining markers."""

    def __init__(self, md: Markdown, extension: KramdownAttributesExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if not self.extension.constructs:
            return lines
        return expand("\n".join(lines), self.extension.constructs, self._store).split("\n")

    def _store(self, html: str) -> str:
        placeholder = self.md.htmlStash.store(html)
        self.extension.placeholders.add(placeholder)
        return placeholder


class _BlockAttributes(BlockProcessor):
    """Attribute lists and definitions that stand on lines of their own.

    kramdown (`parse_block_extensions`): an attribute list on the line directly below a block
    applies to it, and so does one below that; one that does not (after a blank line, at the
    start of a container, or below a definition) applies to the next block, even past blank
    lines, except at the very start of a container, where the blank line takes it.
    """

    def __init__(self, parser: Any, extension: KramdownAttributesExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        if MARK not in block:
            return False
        lines = block.split("\n")
        first_item = _first_item(lines)
        return any(
            self._standalone(line, 0 <= first_item < index) for index, line in enumerate(lines)
        )

    def _standalone(self, line: str, in_list: bool) -> Construct | None:
        """The attribute list or definition that `line` holds alone, if it does; `in_list`:
        the line comes after the first line of a list item."""
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        # Under a list item, an indented line belongs to the item: it is read in there.
        if indent > 3 or (in_list and indent > 0) or not stripped.startswith(MARK):
            return None
        if stripped[MARKER_LENGTH:].strip():
            return None
        construct = self.extension.construct(stripped, 0)
        return construct if construct and construct.kind in ("ial", "ald") else None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        extension, md = self.extension, self.parser.md
        lines = blocks.pop(0).split("\n")
        first_item = _first_item(lines)
        had_content = len(parent) > 0 or bool((parent.text or "").strip())
        content: list[str] = []
        pending: list[Construct] = []
        target: etree.Element | None = None
        first = True
        after_marker = False
        for index, line in enumerate(lines):
            # Lines above the list's first item are not in it (`  {: .x }` under raw HTML).
            construct = self._standalone(line, 0 <= first_item < index)
            if construct is None:
                if content or line.strip():  # a block may start with an empty line
                    content.append(line)
                    first = False
                continue
            if content:
                produced = self._parse(parent, content, after_marker)
                self._attach_all(pending, produced[0] if produced else None)
                pending, content = [], []
                target = produced[-1] if produced else None
                if target is None and construct.kind == "ial":
                    self._lost(construct, "follows text that made no element of its own")
                    after_marker = True
                    continue
            elif first and construct.follows_text:
                target = parent[-1] if len(parent) else None
            first = False
            after_marker = True
            if construct.kind == "ald":
                if construct.in_code:  # markdown-it read it as code; Python-Markdown did not
                    extension.define(construct)
                # A definition ends the block above; a pending list applies to it, and is lost.
                for lost in pending:
                    self._lost(lost, "is followed by a definition, which it then applies to")
                pending, target = [], None
            elif target is not None:
                extension.assign(md, target, construct)
            else:
                pending.append(construct)
        if content:
            produced = self._parse(parent, content, after_marker)
            self._attach_all(pending, produced[0] if produced else None)
            pending = []
        if pending:
            self._attach_to_next(parent, blocks, pending, had_content)

    def _parse(
        self, parent: etree.Element, content: list[str], after_marker: bool
    ) -> list[etree.Element]:
        """Parse `content` into `parent`; the elements it made, or `[parent]` when the text
        went into the parent itself (a tight list item).

        kramdown ends a block at an attribute list line, and never continues a block quote
        past a blank line; Python-Markdown would add a block quote (or, after an attribute
        list line, a list) to the one before it. So such content is parsed on its own.
        """
        text = "\n".join(content)
        if not (after_marker or text.lstrip(" ").startswith(">")):
            before = len(parent), parent.text
            self.parser.parseBlocks(parent, [text])
            made = list(parent[before[0] :])
            if not made and parent.tag == "li" and parent.text != before[1]:
                return [parent]
            return made
        holder = etree.Element(parent.tag)
        self.parser.parseBlocks(holder, [text])
        made = list(holder)
        for child in made:
            holder.remove(child)
            parent.append(child)
        if holder.text and holder.text.strip():
            append_text(parent, holder.text)
            if not made and parent.tag == "li":
                return [parent]
        return made

    def _attach_all(self, pending: list[Construct], target: etree.Element | None) -> None:
        for construct in pending:
            if target is None:
                self._lost(construct, "precedes text that made no element of its own")
            else:
                self.extension.assign(self.parser.md, target, construct)

    def _attach_to_next(
        self, parent: etree.Element, blocks: list[str], pending: list[Construct], had_content: bool
    ) -> None:
        if not pending[-1].precedes_text and not had_content:
            for construct in pending:
                self._lost(
                    construct,
                    "stands at the start of its block with a blank line after it, "
                    "where kramdown applies it to nothing",
                )
            return
        if not blocks:
            for construct in pending:
                self._lost(construct, "has no block after it to apply to")
            return
        produced = self._parse(parent, [blocks.pop(0)], True)
        if not produced:
            for construct in pending:
                self._lost(construct, "has no block after it to apply to")
            return
        self._attach_all(pending, produced[0])

    def _lost(self, construct: Construct, why: str) -> None:
        self.extension.problem(
            construct,
            f"kramdown attribute list `{construct.text}` {why}; put it on the line directly "
            "above or below the block it is for; left out",
        )


def _first_item(lines: list[str]) -> int:
    """The index of the first line that is not a marker when it starts a list item (`- `,
    `1. `); -1 when it does not."""
    for index, line in enumerate(lines):
        stripped = line.lstrip(" ")
        if stripped.startswith(MARK):
            continue
        if len(line) - len(stripped) > 3:
            return -1
        if stripped[:1] in ("*", "+", "-") and stripped[1:2] in ("", " ", "\t"):
            return index
        digits = len(stripped) - len(stripped.lstrip("0123456789"))
        starts = (
            0 < digits <= 9
            and stripped[digits : digits + 1] in (".", ")")
            and stripped[digits + 1 : digits + 2] in ("", " ", "\t")
        )
        return index if starts else -1
    return -1


class _SpanAttributes(Treeprocessor):
    """Attribute lists inside the text: after a span, at the start of a list item, at the end
    of a heading, item, cell or term; markers left in code and raw HTML become the text they
    hid again; any other is reported and left out."""

    def __init__(self, md: Markdown, extension: KramdownAttributesExtension) -> None:
        super().__init__(md)
        self.extension = extension
        self._closed_by: dict[etree.Element, dict[int, int]] = {}
        """Per element, which stash entry's start tag each end tag in its text closes."""

    def run(self, root: etree.Element) -> None:
        extension = self.extension
        if not extension.constructs:
            return
        self._restore_stash()
        self._closed_by = {}
        pairs = [(parent, child) for parent in root.iter() for child in parent]
        self._element_text(root, None)
        for parent, child in pairs:
            self._element_text(child, parent)
            if (
                child.tag == "p"
                and len(child) == 0
                and (child.text or "").strip() in (extension.placeholders)
            ):
                # Alone in its paragraph (inside a block quote a line break follows it), so
                # the HTML replaces the paragraph, as `raw_html` does for raw HTML blocks.
                child.text = (child.text or "").strip()
            if child.tail and MARK in child.tail:
                child.tail = self._tail(child, parent)
            for key, value in child.attrib.items():
                if MARK in value:
                    child.set(key, self._restored(value, escape=False))

    def _restore_stash(self) -> None:
        """Raw HTML (and code Python-Markdown stashed) keeps what was written inside it."""
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, entry in enumerate(stash):
            if isinstance(entry, str) and MARK in entry:
                stash[index] = self._restored(entry, escape=True)

    def _restored(self, text: str, *, escape: bool) -> str:
        parts: list[str] = []
        position = 0
        for offset, construct in self._markers(text):
            original = construct.text if construct else ""
            parts.append(text[position:offset])
            parts.append(html.escape(original, quote=False) if escape else original)
            position = offset + MARKER_LENGTH
        parts.append(text[position:])
        return "".join(parts)

    def _markers(self, text: str) -> Iterator[tuple[int, Construct | None]]:
        offset = text.find(MARK)
        while offset >= 0:
            yield offset, self.extension.construct(text, offset)
            offset = text.find(MARK, offset + MARKER_LENGTH)

    def _element_text(self, element: etree.Element, parent: etree.Element | None) -> None:
        text = element.text
        if not text or MARK not in text:
            return
        if element.tag in CODE or isinstance(text, AtomicString):
            element.text = AtomicString(self._restored(text, escape=False))
            return
        kept: list[str] = []
        position = 0
        leading = trailing = False
        for offset, construct in list(self._markers(text)):
            kept.append(text[position:offset])
            position = offset + MARKER_LENGTH
            if construct is None or construct.kind != "ial":
                continue
            before, after = "".join(kept), text[position:]
            target = self._leading_target(element, parent, before)
            leading = leading or target is not None
            raw = None if target is not None else self._raw_html(element, before)
            if raw is not None:
                self.extension.assign_to_raw_html(self.md, raw, construct)
                continue
            if target is None and len(element) == 0:
                target = self._trailing_target(element, before, after)
                trailing = trailing or target is not None
            if target is None:
                self._unattached(construct)
            else:
                self.extension.assign(self.md, target, construct)
        kept.append(text[position:])
        result = "".join(kept)
        # The space that set the list apart goes with it (as attr_list strips it).
        if leading:
            result = result.lstrip()
        if trailing:
            result = result.rstrip()
        element.text = result

    def _leading_target(
        self, element: etree.Element, parent: etree.Element | None, before: str
    ) -> etree.Element | None:
        """kramdown's list item IAL: first in the item's text, it applies to the item."""
        if before.strip():
            return None
        if element.tag == "li":
            return element
        if (
            element.tag == "p"
            and parent is not None
            and parent.tag == "li"
            and parent[0] is element
            and not (parent.text or "").strip()
        ):
            return parent
        return None

    def _trailing_target(
        self, element: etree.Element, before: str, after: str
    ) -> etree.Element | None:
        """Last in the text of a heading, item, cell or term, after a space (attr_list's
        rule), or on a line of its own at the end of any block's text."""
        if not _only_markers(after):
            return None
        if element.tag in _ENDS_WITH_ATTRIBUTES and before[-1:].isspace():
            return element
        if self.md.is_block_level(element.tag) and before.rstrip(" ").endswith("\n"):
            return element
        return None

    def _tail(self, element: etree.Element, parent: etree.Element) -> str:
        tail = element.tail or ""
        kept: list[str] = []
        position = 0
        for offset, construct in self._markers(tail):
            kept.append(tail[position:offset])
            position = offset + MARKER_LENGTH
            if construct is None or construct.kind != "ial":
                continue
            before, after = "".join(kept), tail[position:]
            target: etree.Element | None = None
            raw = self._raw_html(parent, before) if before else None
            if raw is not None:
                self.extension.assign_to_raw_html(self.md, raw, construct)
                continue
            if not before and not self.md.is_block_level(element.tag):
                target = element  # directly after the span
            elif (
                parent[-1] is element
                and parent.tag in _ENDS_WITH_ATTRIBUTES
                and _only_markers(after)
                and before[-1:].isspace()
            ):
                target = parent
            if target is None:
                self._unattached(construct)
            else:
                self.extension.assign(self.md, target, construct)
                if target is parent:
                    kept = ["".join(kept).rstrip()]
        kept.append(tail[position:])
        return "".join(kept)

    def _raw_html(self, level: etree.Element, before: str) -> int | None:
        """The stash entry of the raw HTML element that `before` (text of `level`) ends
        with, as kramdown applies a span attribute list to it: a void or self-closing tag
        (`<img …>`), or the start tag that the end tag there (`</span>`) closes."""
        if not before.endswith(ETX):
            return None
        match = HTML_PLACEHOLDER_RE.fullmatch(before, max(before.rfind(STX), 0))
        stash = self.md.htmlStash.rawHtmlBlocks
        if match is None or int(match.group(1)) >= len(stash):
            return None
        index = int(match.group(1))
        entry = stash[index]
        tag = tag_of(entry) if isinstance(entry, str) else None
        if tag is None:
            return None
        if tag.closing:
            if level not in self._closed_by:
                self._closed_by[level] = self._pair_tags(level)
            return self._closed_by[level].get(index)
        return index if tag.complete else None

    def _pair_tags(self, level: etree.Element) -> dict[int, int]:
        """Which start tag each end tag closes in the text of `level` and its children's
        tails: one pass, a stack per tag name."""
        stash = self.md.htmlStash.rawHtmlBlocks
        open_tags: dict[str, list[int]] = {}
        closes: dict[int, int] = {}
        texts = [level.text or "", *(child.tail or "" for child in level)]
        for text in texts:
            for match in HTML_PLACEHOLDER_RE.finditer(text):
                index = int(match.group(1))
                entry = stash[index] if index < len(stash) else None
                tag = tag_of(entry) if isinstance(entry, str) else None
                if tag is None or tag.complete:
                    continue
                if not tag.closing:
                    open_tags.setdefault(tag.name, []).append(index)
                elif open_tags.get(tag.name):
                    closes[index] = open_tags[tag.name].pop()
        return closes

    def _unattached(self, construct: Construct) -> None:
        self.extension.problem(
            construct,
            f"kramdown attribute list `{construct.text}` follows text, not an element: "
            "write it directly after `*emphasis*`, a `[link](…)`, `` `code` `` or an HTML "
            "element, or on a line of its own directly above or below a block; left out",
        )


def _only_markers(text: str) -> bool:
    """Whether `text` holds nothing but white space and markers."""
    position = 0
    while (offset := text.find(MARK, position)) >= 0:
        if text[position:offset].strip():
            return False
        position = offset + MARKER_LENGTH
    return not text[position:].strip()


def append_after(parent: etree.Element, previous: etree.Element | None, text: str | None) -> None:
    """Add `text` where it shows after `previous` (its tail), or first in `parent`."""
    if not text:
        return
    if previous is None:
        parent.text = (parent.text or "") + text
    else:
        previous.tail = (previous.tail or "") + text


def append_text(element: etree.Element, text: str | None) -> None:
    """Add `text` at the end of `element`'s content."""
    append_after(element, element[-1] if len(element) else None, text)
