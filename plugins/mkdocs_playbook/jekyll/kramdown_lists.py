"""Lists as kramdown reads them, where Python-Markdown's list readers read them otherwise:

- After a blank line, a list item of the other kind (a number after bullets, a bullet after
  numbers) starts a new list. Python-Markdown's readers take a list of either kind before them
  as the one to continue (their `SIBLING_TAGS`), so `- a` then `1. b` made one bulleted list.
  Bullets `-`, `*` and `+` still continue one another, as in kramdown.
- Without a blank line, an item of the other kind (`- a` then `1. b`) opens a list inside the
  item above, up to the next item of the list's own kind; Python-Markdown read it as the
  list's next item.
- The lines that go on an item's first block are read without the indentation that puts them
  in the item. Python-Markdown keeps it in the item's text, where it is harmless in a
  paragraph but ends a block quote: `- > a` then `  > b` printed `&gt; b` inside the quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown import Markdown

from ..page.lists import dedented


def register_lists(md: Markdown) -> None:
    """Each of `md`'s list readers continues only a list of its own kind (the instance's
    `SIBLING_TAGS`, as Python-Markdown's `sane_lists` sets them; its other change, list
    numbers kept, kramdown does not make), nests items of the other kind (told by the other
    reader's own pattern, `RE`), and reads an item's lines without their indent."""
    blocks = md.parser.blockprocessors
    if "olist" not in blocks or "ulist" not in blocks:
        return
    numbered, bulleted = blocks["olist"], blocks["ulist"]
    for processor, other in ((numbered, bulleted), (bulleted, numbered)):
        processor.SIBLING_TAGS = [processor.TAG]  # type: ignore[attr-defined]
        processor.get_items = _as_kramdown(  # type: ignore[attr-defined]
            processor.get_items,  # type: ignore[attr-defined]
            processor.RE,  # type: ignore[attr-defined]
            other.RE,  # type: ignore[attr-defined]
            processor.tab_length,
        )


def _as_kramdown(
    items_of: Callable[[str], list[str]],
    own: re.Pattern[str],
    other: re.Pattern[str],
    tab_length: int,
) -> Callable[[str], list[str]]:
    """`items_of` with runs of the `other` kind nested (`_nest_other_kind`), and the lines
    after each item's first taken back by up to a tab's width. An item that is itself
    indented (a nested list, parsed inside the item before it) keeps its lines as they are."""
    tab = " " * tab_length

    def get_items(block: str) -> list[str]:
        items = items_of("\n".join(_nest_other_kind(block.split("\n"), own, other, tab)))
        return [
            item
            if item.startswith(tab)
            else "\n".join(dedented(line, tab_length) for line in item.split("\n"))
            for item in items
        ]

    return get_items


def _nest_other_kind(
    lines: list[str], own: re.Pattern[str], other: re.Pattern[str], tab: str
) -> list[str]:
    """`lines` with each run of items of the `other` kind (and their lines), from one such item
    to the next item of the `own` kind, indented by `tab`: items nested in the item above,
    for Python-Markdown's reader. The first line opens the list and is left as it is."""
    nested = False
    out = lines[:1]
    for line in lines[1:]:
        if own.match(line):
            nested = False
        elif other.match(line):
            nested = True
        out.append(tab + line if nested else line)
    return out
