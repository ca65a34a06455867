"""kramdown's syntax on Python-Markdown, rendered as Jekyll (kramdown 2.4.0, GFM input) renders it.

One entry point, `register_kramdown(md, settings, report)`, adds to a `Markdown` instance:

- attribute lists: a block IAL `{: .class #id key="value" }` on its own line directly above or
  below a block (paragraph, heading, list, block quote, table, code block, rule, raw HTML)
  applies to it; a span IAL applies to the `*emphasis*`, `[link](…)`, `` `code` `` or raw
  HTML element (`<span>…</span>`, `<img …>`) it directly follows; `{:name: …}` defines
  what `{: name }` applies. As in Python-Markdown's
  `attr_list`, an IAL at the end of a heading, list item, table cell or term applies to it.
- `{: .no_toc }` keeps a heading out of `md.toc_tokens` (Material's table of contents) and
  out of the in-page one; the first list carrying `{:toc}` becomes kramdown's in-page table of
  contents (`ul#markdown-toc`, nested links, `settings.toc_levels`), and the first carrying
  `{:footnotes}` is where the footnotes go;
- `{::comment}…{:/comment}` and `{::options … /}` are dropped; `{::nomarkdown}…{:/nomarkdown}`
  passes its HTML through;
- definition lists, footnotes (indented bodies of several paragraphs too) and abbreviations,
  with Python-Markdown's `def_list`, `footnotes` and `abbr`, added when missing; footnotes are
  numbered in the order they are referenced and unreferenced ones left out, as kramdown does;
- for a Jekyll site (`settings.heading_ids`), the ids Jekyll's kramdown gives headings
  (`kramdown_ids`), so links written for that site find them.

Nothing inside code is touched. Code regions are `page.source.Source`'s (markdown-it's);
where Python-Markdown reads as text what markdown-it reads as code, an attribute list there
still applies: attribute lists in code are masked too, and wherever one lands in code it is
restored as written (`Construct.in_code`). What cannot be
applied or rendered is given to `report(line, column, message)`, 1-based in the text as given
to the extension, and left out rather than printed; unknown definition names, attribute list
parts, footnote references and unclosed tags are reported too. Raw HTML keeps any attribute
list text written inside it, as kramdown does.

How (see `kramdown_syntax`): the text is scanned once, as written, and each construct hidden
behind a marker of the same length; the markers carry the construct's position through every
later stage, and the processors below attach what they stand for. Every pass over page
content is linear: `str.find` loops, no regular expression with nested or adjacent
quantifiers, and every element visited once.

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
- block processor `kramdown_footnote_end`, 17.5: just before `footnote` (17), which would
  read a line that is not indented as part of the definition above it; kramdown does not.
- block processor `kramdown_abbr_lines`, 16.5: just before `abbr` (16), which takes one
  definition of a block per run.
- tree processor `kramdown_span_ial`, 16: after `inline` (20) made the spans and
  `footnote-reorder` (19); before `footnote-duplicate` (15), `attr_list` (8), `abbr` (7) and
  `toc` (5), so headings carry their classes and ids when `toc` reads them.
- tree processor `kramdown_footnotes`, 14: after `footnote-duplicate` (15).
- preprocessor `kramdown_raw_html`, 19, and tree processor `kramdown_heading_ids`, 6 (a
  Jekyll site's only): the first notes md_in_html's elements once `html_block` (20) made
  them; the second gives headings their ids after `attr_list` (8) and the attribute lists
  gave explicit ones, before `toc` (5), which keeps an id it finds. Not toc's `slugify`: it
  is handed the heading's text flattened (code and typographic dashes alike, white space
  collapsed), and toc's `unique()` makes repeats `_1`, where kramdown counts them by id as
  `-1` and ids headings inside HTML and footnotes by another rule.
- tree processor `kramdown_toc`, 4.9: after `toc` (5) filled `md.toc_tokens` and gave every
  heading its id; before `unescape` (0) and [the model reader, which runs last].
"""

from __future__ import annotations

import copy
import html
import itertools
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, cast

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions.abbr import AbbrExtension
from markdown.extensions.attr_list import AttrListExtension, sanitize_name
from markdown.extensions.def_list import DefListExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.md_in_html import MarkdownInHtmlExtension
from markdown.extensions.toc import TocExtension, nest_toc_tokens
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, HTML_PLACEHOLDER_RE, STX, AtomicString

from ..page.source import Source
from ..page.unsafe_attributes import unsafe_attribute, unsafe_message
from .kramdown_ids import HeadingIds, without_typographic_symbols
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

Report = Callable[[int, int, str], None]
"""Receives a problem: 1-based line and column in the text given to the extension, message."""

SPECIAL_REFERENCES = frozenset({"toc", "footnotes"})
"""Names an attribute list may give without a definition: kramdown's HTML converter reads
them (`{:toc}` and `{:footnotes}` on a list)."""

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Where Python-Markdown's attr_list reads an attribute list at the end of the text.
_ENDS_WITH_ATTRIBUTES = _HEADINGS | {"dt", "td", "th", "li"}
_CODE = frozenset({"code", "pre", "kbd", "samp"})
_NO_TOC = re.compile(r"\bno_toc\b")
_FOOTNOTE_START = re.compile(r"[ ]{0,3}\[\^[^\]\n]+\]:")
# Raw HTML (`wzxhzdk:N`) and backslash escapes (`N`, the character's code) in inline text.
_INLINE_PLACEHOLDER = re.compile(STX + r"(wzxhzdk:)?(\d+)" + ETX)


@dataclass(frozen=True)
class KramdownSettings:
    """kramdown's options that change what a page shows (`kramdown:` in `_config.yml`)."""

    toc_levels: frozenset[int] = frozenset(range(1, 7))
    """Heading levels the in-page `{:toc}` lists; Jekyll's default is all six."""
    heading_ids: bool = False
    """Headings get the ids Jekyll's kramdown gives them (`kramdown_ids`), so links written
    for the Jekyll site find them; False: Python-Markdown's `toc` makes them."""
    gfm: bool = True
    """kramdown's `input` is GFM (Jekyll's default): GitHub's ids for the Markdown's headings."""
    auto_id_prefix: str = ""
    hard_wrap: bool = False
    """GFM input: every line break in a paragraph is a `<br />` (`hard_wrap: true`)."""

    @classmethod
    def from_site(cls, data: Any, *, heading_ids: bool = False) -> KramdownSettings:
        """From a site's `kramdown:` settings: `toc_levels` as `2..3`, `1,2,3` or a list;
        `auto_ids`, `input` and `auto_id_prefix` when `heading_ids` (a Jekyll site)."""
        options = data.get("kramdown") if isinstance(data, Mapping) else None
        options = options if isinstance(options, Mapping) else {}
        parsed = _levels(options.get("toc_levels"))
        prefix = options.get("auto_id_prefix")
        return cls(
            toc_levels=parsed or cls.toc_levels,
            # `auto_ids: false`: Jekyll gives no ids, but the site's table of contents needs
            # them; Python-Markdown's stay.
            heading_ids=heading_ids and options.get("auto_ids", True) is not False,
            gfm=str(options.get("input", "GFM")).lower() == "gfm",
            auto_id_prefix=prefix if isinstance(prefix, str) else "",
            hard_wrap=options.get("hard_wrap") is True,
        )


def _levels(value: Any) -> frozenset[int]:
    """kramdown's `toc_levels` option parser, for the forms a YAML file can hold."""
    if isinstance(value, (list, tuple)):
        return frozenset(int(item) for item in value if isinstance(item, int))
    if isinstance(value, int) and not isinstance(value, bool):
        return frozenset({value})
    if isinstance(value, str):
        low, dots, high = value.partition("..")
        if dots and low.isdigit() and high.isdigit():
            return frozenset(range(int(low), int(high) + 1))
        parts = value.split(",")
        if all(part.strip().isdigit() for part in parts):
            return frozenset(int(part) for part in parts)
    return frozenset()


def register_kramdown(
    md: Markdown, settings: KramdownSettings, report: Report, *, unsafe_attributes: bool = False
) -> None:
    """Make `md` read kramdown's syntax, reporting what it cannot render to `report`; unless
    `unsafe_attributes`, attribute lists give no script (`page.unsafe_attributes`)."""
    _add_missing_extensions(md)
    page = _Page(settings, report, unsafe_attributes=unsafe_attributes)
    md.preprocessors.register(_Mask(md, page), "kramdown_mask", 34.5)
    md.preprocessors.register(_Expand(md, page), "kramdown_expand", 29)
    md.parser.blockprocessors.register(_BlockAttributes(md.parser, page), "kramdown_block_ial", 110)
    md.parser.blockprocessors.register(_FootnoteEnd(md.parser), "kramdown_footnote_end", 17.5)
    md.parser.blockprocessors.register(_AbbreviationLines(md.parser), "kramdown_abbr_lines", 16.5)
    md.treeprocessors.register(_SpanAttributes(md, page), _SPAN_NAME, 16)
    md.treeprocessors.register(_Footnotes(md, page), "kramdown_footnotes", 14)
    if settings.heading_ids:
        md.preprocessors.register(_RawHtmlElements(md, page), "kramdown_raw_html", 19)
        md.treeprocessors.register(_HeadingIds(md, page), "kramdown_heading_ids", 6)
    md.treeprocessors.register(_TableOfContents(md, page), "kramdown_toc", 4.9)


_SPAN_NAME = "kramdown_span_ial"


def attribute_origin(md: Markdown, element: etree.Element, name: str) -> tuple[int, int] | None:
    """Line and column of the attribute list that gave `element` the class `name`, in the
    page `md` converted last; None when no kramdown attribute list did."""
    if _SPAN_NAME not in md.treeprocessors:
        return None
    processor = md.treeprocessors[_SPAN_NAME]
    if not isinstance(processor, _SpanAttributes):
        return None
    construct = processor.page.origins.get(element, {}).get(name)
    return (construct.line, construct.column) if construct else None


def _add_missing_extensions(md: Markdown) -> None:
    """kramdown reads header ids, makes ids for every heading, reads Markdown inside HTML
    marked `markdown="1"`, and has definition lists, footnotes and abbreviations: add the
    Python-Markdown extensions for them that `md` lacks.
    An extension the site configures is left as configured (it may come after this one and
    replace what is added here, which is then unused)."""
    missing: list[Any] = []
    if "attr_list" not in md.treeprocessors:
        missing.append(AttrListExtension())
    if "toc" not in md.treeprocessors:
        missing.append(TocExtension())
    if "markdown_block" not in md.parser.blockprocessors:
        # Just the Docs' examples (`<div class="code-example" markdown="1">`) need it.
        missing.append(MarkdownInHtmlExtension())
    if "deflist" not in md.parser.blockprocessors:
        missing.append(DefListExtension())
    if "abbr" not in md.parser.blockprocessors:
        missing.append(AbbrExtension())
    if "footnote" not in md.parser.blockprocessors:
        # kramdown numbers footnotes in the order they are referenced.
        missing.append(FootnoteExtension(USE_DEFINITION_ORDER=False))
    if missing:
        md.registerExtensions(missing, {})


class _Page:
    """What one conversion found: the constructs, definitions, and where each went."""

    def __init__(
        self, settings: KramdownSettings, report: Report, *, unsafe_attributes: bool = False
    ) -> None:
        self.settings = settings
        self.report = report
        self.unsafe_attributes = unsafe_attributes
        self.reset()

    def reset(self) -> None:
        self.toc_levels = self.settings.toc_levels
        """`settings.toc_levels`, unless the page sets `{::options toc_levels="…" /}`."""
        self.source = ""
        self.masked = ""
        """The text with its constructs masked, as the Liquid rewrite gets it."""
        self.constructs: list[Construct] = []
        self.definitions: dict[str, list[Attributes]] = {}
        self.tocs: list[etree.Element] = []
        self.footnote_lists: list[etree.Element] = []
        self.origins: dict[etree.Element, dict[str, Construct]] = {}
        self.placeholders: set[str] = set()
        """Where `{::nomarkdown}` HTML went."""
        self.raw_html_elements: set[etree.Element] = set()
        """Elements of raw HTML with `markdown="1"` (md_in_html's), with all inside them."""

    def mask_added(self, text: str) -> str:
        """`text` with the attribute lists and extensions that Liquid brought in (an
        include's `{: .tip }`) masked too: Jekyll runs kramdown on Liquid's output. Their
        problems are not reported: their lines are not the page's."""
        added = [
            construct
            for construct in scan(Source(text)).constructs
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
        stashed = _stash_index(md, element)
        if stashed is not None:
            self._assign_to_stash(md, stashed, construct, resolved)
            return
        _apply(element, resolved)
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

    def _resolved(self, construct: Construct) -> _Resolved:
        junk = junk_message(construct)
        if junk and construct.in_code:  # outside code, the scan reported it
            self.problem(construct, junk)
        resolved = _Resolved()
        self._resolve(construct, construct.attributes, resolved, frozenset())
        return resolved

    def _assign_to_stash(
        self, md: Markdown, index: int, construct: Construct, resolved: _Resolved
    ) -> None:
        if not _assign_to_stash(md, index, resolved):
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
        self, construct: Construct, attributes: Attributes, into: _Resolved, seen: frozenset[str]
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
class _Resolved:
    classes: list[str] = field(default_factory=list)
    id: str | None = None
    pairs: list[tuple[str, str]] = field(default_factory=list)
    special: set[str] = field(default_factory=set)


class _Mask(Preprocessor):
    """Finds kramdown's constructs in the page as written and hides them behind markers."""

    def __init__(self, md: Markdown, page: _Page) -> None:
        super().__init__(md)
        self.page = page

    def run(self, lines: list[str]) -> list[str]:
        page = self.page
        page.reset()
        text = "\n".join(lines)
        page.source = text
        if "{:" not in text:
            return lines
        if MARK in text:  # a page cannot write our marker itself
            text = text.replace(MARK, "\ufffd")
        found = scan(Source(text))
        for problem in found.problems:
            page.report(problem.line, problem.column, problem.message)
        page.constructs = found.constructs[:MAX_CONSTRUCTS]
        for construct in page.constructs:
            if construct.kind == "ald" and not construct.in_code:
                page.define(construct)
            for key, value in construct.attributes.pairs if construct.kind == "options" else ():
                # The one option that changes what a page shows and is ours to honour.
                if key == "toc_levels" and _levels(value):
                    page.toc_levels = _levels(value)
        page.masked = mask(text, page.constructs)
        return page.masked.split("\n")


class _Expand(Preprocessor):
    """Drops comments and options, stores nomarkdown HTML, shortens the remaining markers."""

    def __init__(self, md: Markdown, page: _Page) -> None:
        super().__init__(md)
        self.page = page

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "{:" in text and text != self.page.masked:
            text = self.page.mask_added(text)
        if not self.page.constructs:
            return lines
        return expand(text, self.page.constructs, self._store).split("\n")

    def _store(self, html: str) -> str:
        placeholder = self.md.htmlStash.store(html)
        self.page.placeholders.add(placeholder)
        return placeholder


class _BlockAttributes(BlockProcessor):
    """Attribute lists and definitions that stand on lines of their own.

    kramdown (`parse_block_extensions`): an attribute list on the line directly below a block
    applies to it, and so does one below that; one that does not (after a blank line, at the
    start of a container, or below a definition) applies to the next block, even past blank
    lines, except at the very start of a container, where the blank line takes it.
    """

    def __init__(self, parser: Any, page: _Page) -> None:
        super().__init__(parser)
        self.page = page

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
        construct = self.page.construct(stripped, 0)
        return construct if construct and construct.kind in ("ial", "ald") else None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        page, md = self.page, self.parser.md
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
                    page.define(construct)
                # A definition ends the block above; a pending list applies to it, and is lost.
                for lost in pending:
                    self._lost(lost, "is followed by a definition, which it then applies to")
                pending, target = [], None
            elif target is not None:
                page.assign(md, target, construct)
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
            _append_text(parent, holder.text)
            if not made and parent.tag == "li":
                return [parent]
        return made

    def _attach_all(self, pending: list[Construct], target: etree.Element | None) -> None:
        for construct in pending:
            if target is None:
                self._lost(construct, "precedes text that made no element of its own")
            else:
                self.page.assign(self.parser.md, target, construct)

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
        self.page.problem(
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

    def __init__(self, md: Markdown, page: _Page) -> None:
        super().__init__(md)
        self.page = page
        self._closed_by: dict[etree.Element, dict[int, int]] = {}
        """Per element, which stash entry's start tag each end tag in its text closes."""

    def run(self, root: etree.Element) -> None:
        page = self.page
        if not page.constructs:
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
                and (child.text or "").strip() in (page.placeholders)
            ):
                # Alone in its paragraph (inside a block quote a line break follows it), so
                # the HTML replaces the paragraph, as `raw_html` does for raw HTML blocks.
                child.text = (child.text or "").strip()
            if child.tail and MARK in child.tail:
                child.tail = self._tail(child, parent)
            for key, value in child.attrib.items():
                if MARK in value:
                    child.set(key, self._restored(value, escape=False))
        self._place_footnotes(root)

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
            yield offset, self.page.construct(text, offset)
            offset = text.find(MARK, offset + MARKER_LENGTH)

    def _element_text(self, element: etree.Element, parent: etree.Element | None) -> None:
        text = element.text
        if not text or MARK not in text:
            return
        if element.tag in _CODE or isinstance(text, AtomicString):
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
                self.page.assign_to_raw_html(self.md, raw, construct)
                continue
            if target is None and len(element) == 0:
                target = self._trailing_target(element, before, after)
                trailing = trailing or target is not None
            if target is None:
                self._unattached(construct)
            else:
                self.page.assign(self.md, target, construct)
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
                self.page.assign_to_raw_html(self.md, raw, construct)
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
                self.page.assign(self.md, target, construct)
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
        tag = _tag(entry) if isinstance(entry, str) else None
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
                tag = _tag(entry) if isinstance(entry, str) else None
                if tag is None or tag.complete:
                    continue
                if not tag.closing:
                    open_tags.setdefault(tag.name, []).append(index)
                elif open_tags.get(tag.name):
                    closes[index] = open_tags[tag.name].pop()
        return closes

    def _unattached(self, construct: Construct) -> None:
        self.page.problem(
            construct,
            f"kramdown attribute list `{construct.text}` follows text, not an element: "
            "write it directly after `*emphasis*`, a `[link](…)`, `` `code` `` or an HTML "
            "element, or on a line of its own directly above or below a block; left out",
        )

    def _place_footnotes(self, root: etree.Element) -> None:
        """kramdown's `{:footnotes}`: the footnotes go where that list is."""
        if not self.page.footnote_lists:
            return
        target = self.page.footnote_lists[0]
        footnotes = next((div for div in root.iter("div") if div.get("class") == "footnote"), None)
        parents = {child: parent for parent in root.iter() for child in parent}
        if footnotes is None or target not in parents or footnotes not in parents:
            return
        parents[footnotes].remove(footnotes)
        holder = parents[target]
        footnotes.tail = target.tail
        holder[list(holder).index(target)] = footnotes


def _only_markers(text: str) -> bool:
    """Whether `text` holds nothing but white space and markers."""
    position = 0
    while (offset := text.find(MARK, position)) >= 0:
        if text[position:offset].strip():
            return False
        position = offset + MARKER_LENGTH
    return not text[position:].strip()


def _stash_index(md: Markdown, element: etree.Element) -> int | None:
    """The stash entry a `<p>` holding only a raw HTML placeholder stands for."""
    if element.tag != "p" or len(element) or not element.text:
        return None
    match = HTML_PLACEHOLDER_RE.fullmatch(element.text.strip())
    if match is None or int(match.group(1)) >= len(md.htmlStash.rawHtmlBlocks):
        return None
    return int(match.group(1))


def _apply(element: etree.Element, resolved: _Resolved) -> None:
    """Resolved attributes onto `element`: classes after its own, then id, then the pairs."""
    if resolved.classes:
        element.set("class", " ".join(filter(None, [element.get("class"), *resolved.classes])))
    if resolved.id is not None:
        element.set("id", resolved.id)
    for key, value in resolved.pairs:
        element.set(key, value)


def _assign_to_stash(md: Markdown, index: int, resolved: _Resolved) -> bool:
    """Apply attributes to the first element of stashed raw HTML (a code block's `<div>` or
    `<pre>`, a `<div>`); False when the HTML does not start with an element."""
    entry = md.htmlStash.rawHtmlBlocks[index]
    if isinstance(entry, etree.Element):
        _apply(entry, resolved)
        return True
    edited = _with_attributes(entry, resolved)
    if edited is None:
        return False
    md.htmlStash.rawHtmlBlocks[index] = edited
    return True


def _with_attributes(markup: str, resolved: _Resolved) -> str | None:
    """`markup` with its first start tag given the attributes; None when it has none."""
    start = len(markup) - len(markup.lstrip())
    if markup[start : start + 1] != "<" or not markup[start + 1 : start + 2].isalpha():
        return None
    end = _tag_end(markup, start)
    if end < 0:
        return None
    reader = _FirstTag()
    reader.feed(markup[start : end + 1])
    reader.close()
    if reader.tag is None:
        return None
    attributes = dict(reader.attributes)
    if resolved.classes:
        attributes["class"] = " ".join(filter(None, [attributes.get("class"), *resolved.classes]))
    if resolved.id is not None:
        attributes["id"] = resolved.id
    attributes.update(resolved.pairs)
    written = "".join(
        f" {name}" if value is None else f' {name}="{html.escape(value)}"'
        for name, value in attributes.items()
    )
    closing = "/>" if markup[end - 1] == "/" else ">"
    return f"{markup[:start]}<{reader.tag}{written}{closing}{markup[end + 1 :]}"


@dataclass(frozen=True)
class _Tag:
    name: str
    closing: bool
    complete: bool
    """A void element (`<br>`) or a self-closing tag (`<x />`): an element on its own."""


_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
    | {"param", "source", "track", "wbr"}
)


def _tag(markup: str) -> _Tag | None:
    """The one tag that inline raw HTML `markup` is; None for a comment or an entity."""
    if markup.startswith("</") and markup.endswith(">"):
        name = markup[2:-1].strip().lower()
        return _Tag(name, closing=True, complete=False) if name.isalnum() else None
    if not markup.startswith("<") or not markup[1:2].isalpha():
        return None
    reader = _FirstTag()
    reader.feed(markup)
    reader.close()
    if reader.tag is None:
        return None
    complete = reader.tag in _VOID or markup.endswith("/>")
    return _Tag(reader.tag, closing=False, complete=complete)


def _tag_end(markup: str, start: int) -> int:
    """Offset of the `>` ending the tag at `start`, outside quoted values; -1 if none."""
    quote = ""
    for index in range(start, len(markup)):
        char = markup[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in ("'", '"'):
            quote = char
        elif char == ">":
            return index
    return -1


class _FirstTag(HTMLParser):
    """The name and attributes of the one start tag it is fed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tag: str | None = None
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.tag is None:
            self.tag, self.attributes = tag, attrs

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


class _FootnoteEnd(BlockProcessor):
    """kramdown's footnote definition is its first line and the indented lines after it: a
    line that is not indented starts a block of its own (Python-Markdown would continue the
    footnote with it)."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return "footnote" in self.parser.blockprocessors and _ends_early(block)

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        # Every definition that follows directly is cut off now, in one pass: cutting one
        # per run would copy and test the rest of the block again for each.
        lines = blocks.pop(0).split("\n")
        pieces: list[str] = []
        start = 0
        for index in range(1, len(lines)):
            if _starts_block(lines[index]):
                pieces.append("\n".join(lines[start:index]))
                start = index
                if not _FOOTNOTE_START.match(lines[index]):
                    break
        pieces.append("\n".join(lines[start:]))
        blocks[:0] = pieces


class _AbbreviationLines(BlockProcessor):
    """A block of abbreviation definitions is cut into one block per definition, in one
    pass: `abbr` takes one per run and puts the rest back, copied, for every processor
    before it to test again (1,000 definitions in a row took seconds)."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return "abbr" in self.parser.blockprocessors and "\n*[" in block

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        lines = blocks[0].split("\n")
        starts = [index for index, line in enumerate(lines) if index and line.startswith("*[")]
        if len(starts) < 2:
            return False  # at most one after the first line: `abbr` splits it once
        blocks.pop(0)
        bounds = [0, *starts, len(lines)]
        blocks[:0] = ["\n".join(lines[start:end]) for start, end in itertools.pairwise(bounds)]
        return True


def _ends_early(block: str) -> bool:
    """Whether `block` opens with a footnote definition that a line not indented ends."""
    if not _FOOTNOTE_START.match(block):
        return False
    end = block.find("\n")
    while end >= 0:
        start, end = end + 1, block.find("\n", end + 1)
        if _starts_block(block[start : end if end >= 0 else len(block)]):
            return True
    return False


def _starts_block(line: str) -> bool:
    """A line neither blank nor indented: it ends a footnote definition, in kramdown."""
    return bool(line.strip()) and not line.startswith(("    ", "\t"))


class _Footnotes(Treeprocessor):
    """kramdown leaves out a footnote nothing references, and warns; a reference to a
    footnote that is not defined stays text, as in kramdown, and is reported."""

    def __init__(self, md: Markdown, page: _Page) -> None:
        super().__init__(md)
        self.page = page

    def run(self, root: etree.Element) -> None:
        source = self.page.source
        if "[^" not in source or "footnote" not in self.md.parser.blockprocessors:
            return
        extension = getattr(self.md.parser.blockprocessors["footnote"], "footnotes", None)
        if not isinstance(extension, FootnoteExtension):
            return
        text = Source(source)
        written = _footnote_marks(text)
        referenced = set(extension.footnote_order)
        unused = [name for name in extension.footnotes if name not in referenced]
        for name in unused:
            line, column = _located(text, written, f"[^{name}]:")
            self.page.report(
                line,
                column,
                f"footnote `[^{name}]` is never referenced; kramdown leaves it out",
            )
        if unused and not extension.getConfig("USE_DEFINITION_ORDER"):
            self._drop(root, extension, set(unused))
        for name in self._undefined(root, extension):
            line, column = _located(text, written, f"[^{name}]")
            self.page.report(
                line,
                column,
                f"footnote reference `[^{name}]` has no definition (`[^{name}]: …`); "
                "shown as written",
            )

    def _drop(self, root: etree.Element, extension: FootnoteExtension, unused: set[str]) -> None:
        ids = {extension.makeFootnoteId(name) for name in unused}
        for div in list(root):
            if div.tag != "div" or div.get("class") != "footnote":
                continue
            for listing in div.iter("ol"):
                # Kept in one pass: removing each costs a search of the list.
                listing[:] = [li for li in listing if li.get("id") not in ids]
            # With nothing left to show, no rule and empty list either.
            if not any(len(listing) for listing in div.iter("ol")):
                root.remove(div)
            break

    def _undefined(self, root: etree.Element, extension: FootnoteExtension) -> list[str]:
        names: dict[str, None] = {}
        for element in root.iter():
            texts = (element.tail,) if element.tag in _CODE else (element.text, element.tail)
            for text in texts:
                if not text or "[^" not in text or isinstance(text, AtomicString):
                    continue
                start = text.find("[^")
                while start >= 0:
                    end = text.find("]", start + 2)
                    if end < 0:
                        break
                    name = text[start + 2 : end]
                    if name and "[" not in name and name not in extension.footnotes:
                        names.setdefault(name)
                    start = text.find("[^", end)
        return list(names)


def _footnote_marks(source: Source) -> dict[str, int]:
    """The offset of the first `[^name]` and `[^name]:` outside code, by what is written:
    one pass, not a search of the page per footnote."""
    text = source.text
    found: dict[str, int] = {}
    close = -1
    start = text.find("[^")
    while start >= 0:
        if close < start + 2:
            close = text.find("]", start + 2)
            if close < 0:
                break
        if not source.in_code(start):
            found.setdefault(text[start : close + 1], start)
            if text.startswith(":", close + 1):
                found.setdefault(text[start : close + 2], start)
        start = text.find("[^", start + 1)
    return found


def _located(source: Source, marks: dict[str, int], written: str) -> tuple[int, int]:
    """Line and column of the first `written` outside code (`_footnote_marks`); the first
    line if none."""
    offset = marks.get(written)
    return source.line_col(offset) if offset is not None else (1, 1)


class _RawHtmlElements(Preprocessor):
    """Notes the elements md_in_html made of raw HTML (`html_block`, 20, stashed them), whose
    headings kramdown's GFM parser does not reach."""

    def __init__(self, md: Markdown, page: _Page) -> None:
        super().__init__(md)
        self.page = page

    def run(self, lines: list[str]) -> list[str]:
        for entry in self.md.htmlStash.rawHtmlBlocks:
            if isinstance(entry, etree.Element):
                self.page.raw_html_elements.update(entry.iter())
        return lines


class _HeadingIds(Treeprocessor):
    """Each heading without an id gets the one Jekyll's kramdown gives it (`kramdown_ids`):
    after `attr_list` (8) and the attribute lists gave theirs; before `toc` (5), which keeps
    an id it finds and makes one only for a heading kramdown leaves without."""

    def __init__(self, md: Markdown, page: _Page) -> None:
        super().__init__(md)
        self.page = page

    def run(self, root: etree.Element) -> None:
        settings = self.page.settings
        ids = HeadingIds(settings.auto_id_prefix)
        raw = self.page.raw_html_elements
        # Document order; a heading's content is not searched for headings.
        stack: list[tuple[etree.Element, bool]] = [(root, not settings.gfm)]
        while stack:
            element, converted = stack.pop()
            if element.tag in _HEADINGS:
                if "id" not in element.attrib and element not in raw:
                    text = _heading_text(self.md, element)
                    made = ids.converter(text) if converted else ids.gfm(text)
                    if made:
                        element.set("id", made)
                continue
            children = [
                # Footnotes are converted on their own, after the page.
                (child, converted or child in raw or _is_footnotes(child))
                for child in element
            ]
            stack.extend(reversed(children))


def _is_footnotes(element: etree.Element) -> bool:
    return element.tag == "div" and element.get("class") == "footnote"


def _heading_text(md: Markdown, heading: etree.Element) -> str:
    """A rendered heading's text as kramdown's parser has it (`raw_text`): text and code as
    written, entities as characters, typographic symbols gone; no footnote references."""
    parts: list[str] = []
    stack: list[tuple[etree.Element | str, bool]] = [(heading, False)]
    while stack:
        item, code = stack.pop()
        if isinstance(item, str):
            parts.append(_text_as_parsed(md, item, code))
            continue
        inner = code or item.tag == "code"
        pieces: list[tuple[etree.Element | str, bool]] = []
        if item.text:
            pieces.append((item.text, inner))
        for child in item:
            if not (child.tag == "sup" and (child.get("id") or "").startswith("fnref")):
                pieces.append((child, inner))
            if child.tail:
                pieces.append((child.tail, inner))
        stack.extend(reversed(pieces))
    return "".join(parts)


def _text_as_parsed(md: Markdown, text: str, code: bool) -> str:
    if code:
        return html.unescape(text)  # `code_escape` undone
    if isinstance(text, AtomicString):  # an autolink's address: no typographic symbols
        return text
    stash = md.htmlStash.rawHtmlBlocks

    def placeholder(match: re.Match[str]) -> str:
        number = int(match.group(2))
        if not match.group(1):
            return chr(number)  # a backslash escape (`\-`), unescaped at 0
        entry = stash[number] if number < len(stash) else ""
        # Inline raw HTML: an entity is its character; a tag or comment is no text.
        if isinstance(entry, str) and entry.startswith("&") and entry.endswith(";"):
            return html.unescape(entry)
        return ""

    return _INLINE_PLACEHOLDER.sub(placeholder, without_typographic_symbols(text))


class _TableOfContents(Treeprocessor):
    """`no_toc` headings out of `md.toc_tokens`; the in-page table of contents."""

    def __init__(self, md: Markdown, page: _Page) -> None:
        super().__init__(md)
        self.page = page

    def run(self, root: etree.Element) -> None:
        if not self.page.constructs and "no_toc" not in self.page.source:
            return  # `no_toc` and `{:toc}` are written in the page, or nothing to do
        headings = [element for element in root.iter() if element.tag in _HEADINGS]
        hidden = {h.get("id") for h in headings if _NO_TOC.search(h.get("class") or "")}
        hidden -= {h.get("id") for h in headings if not _NO_TOC.search(h.get("class") or "")}
        hidden.discard(None)
        if hidden:
            self._filter_tokens(hidden)
        if self.page.tocs:
            self._in_page(root, self.page.tocs[0], headings)

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
        self, root: etree.Element, target: etree.Element, headings: list[etree.Element]
    ) -> None:
        """kramdown's `generate_toc_tree`: each heading under the last one of a lower level."""
        levels = self.page.toc_levels
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
            _append_text(link, child.tail)
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
        _append_after(element, before, text)
        last = inner[-1] if inner else before
        _append_after(element, last, child.tail)
        index += len(inner)


def _append_after(parent: etree.Element, previous: etree.Element | None, text: str | None) -> None:
    if not text:
        return
    if previous is None:
        parent.text = (parent.text or "") + text
    else:
        previous.tail = (previous.tail or "") + text


def _append_text(element: etree.Element, text: str | None) -> None:
    _append_after(element, element[-1] if len(element) else None, text)
