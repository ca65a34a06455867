"""Where a compact definition list's items start, so each is read as an item of one list.

Python-Markdown's `def_list` reads everything after a definition's first line, up to the end
of the block, as that definition's body when the next line is not indented. In a list written
without blank lines (`Term`, `: Definition`, `Term`, `: Definition`, ...) the next term and all
that follows become the body, which is parsed again as a definition list inside the first:
each pair nests one level deeper, and 500 pairs exhaust Python's recursion limit. Cutting the
block before each term that follows a definition gives the list one `<dt>`/`<dd>` per pair, as
with blank lines between them (and as authors mean it).
"""

from __future__ import annotations

import re

_DEFINITION_RE = re.compile(r"[ ]{0,3}:[ ]{1,3}")
"""A definition's first line, as `def_list` reads it."""


def item_starts(lines: list[str], tab_length: int = 4) -> list[int]:
    """Indexes of the lines of one block that start an item after a definition: a run of
    lines neither blank nor indented that directly follows a definition and is directly
    followed by one (the run is the item's terms). One pass."""
    starts: list[int] = []
    after_definition = False
    terms: int | None = None
    indent = " " * tab_length
    for index, line in enumerate(lines):
        if _DEFINITION_RE.match(line):
            if terms is not None:
                starts.append(terms)
            after_definition, terms = True, None
        elif not line.strip() or line.startswith(indent):
            terms = None  # the definition's body goes on
        elif after_definition and terms is None:
            terms = index
    return starts
