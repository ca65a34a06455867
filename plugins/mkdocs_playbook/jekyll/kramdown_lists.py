"""Lists as kramdown ends them: after a blank line, a list item of the other kind (a number
after bullets, a bullet after numbers) starts a new list. Python-Markdown's list processors
take a list of either kind before them as the one to continue (their `SIBLING_TAGS`), so
`- a` then `1. b` made one bulleted list. Bullets `-`, `*` and `+` still continue one another,
as in kramdown."""

from __future__ import annotations

from markdown import Markdown


def register_lists(md: Markdown) -> None:
    """Each of `md`'s list readers continues only a list of its own kind: the instance's
    `SIBLING_TAGS`, as Python-Markdown's `sane_lists` sets them (whose other change, list
    numbers kept, kramdown does not make)."""
    for name in ("olist", "ulist"):
        if name in md.parser.blockprocessors:
            processor = md.parser.blockprocessors[name]
            processor.SIBLING_TAGS = [processor.TAG]  # type: ignore[attr-defined]
