"""kramdown's attribute lists on lines of their own (block IALs) and their definitions
(`{:name: …}`), for `kramdown_attributes`.

Priority: block processor `kramdown_block_ial`, 110: before every other (admonition and
details 105, empty 100, code 80, ..., [alert, 21], quote 20, paragraph 10), so it splits
attribute list lines off a block before a table, list or code block takes them as content.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING, Any

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor

from .kramdown_syntax import MARK, MARKER_LENGTH, Construct

if TYPE_CHECKING:  # which registers this module's processor
    from .kramdown_attributes import KramdownAttributesExtension


def register_block_attributes(md: Markdown, extension: KramdownAttributesExtension) -> None:
    md.parser.blockprocessors.register(
        _BlockAttributes(md.parser, extension), "kramdown_block_ial", 110
    )


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
