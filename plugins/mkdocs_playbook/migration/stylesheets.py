"""The callout titles a Just the Docs stylesheet prints.

Just the Docs writes the title of each callout of `_config.yml` into its CSS
(`_includes/css/callouts.scss.liquid`), compiled as
`p.note::before, blockquote.note::before { ...; content: "Note"; ... }`: the reader sees the
title, the page's HTML has no text for it. Rules whose selectors are all of that form
(`p.NAME` or `blockquote.NAME`, then `::before` or `:before`) and whose `content` is one
string are read; nothing else. The stylesheet is split at its braces, so reading it is linear
however it is written.
"""

from __future__ import annotations

import re

_SELECTOR = re.compile(r"\s*(?:p|blockquote)\.(-?[_a-zA-Z][\w-]*)::?before\s*")
_CONTENT = re.compile(r"""(?:^|;)\s*content\s*:\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*(?:;|$)""")


def callout_titles(css: str) -> dict[str, str]:
    """The `::before` titles of `p.NAME` and `blockquote.NAME`, by NAME, in the order the
    stylesheet gives them last (a later rule replaces an earlier one's title)."""
    titles: dict[str, str] = {}
    # Text and braces alternate; `prelude { body }` with no brace inside is a rule.
    pieces = re.split(r"([{}])", _without_comments(css))
    for index in range(0, len(pieces) - 3, 2):
        if pieces[index + 1] != "{" or pieces[index + 3] != "}":
            continue
        selectors = [_SELECTOR.fullmatch(s) for s in pieces[index].split(",")]
        content = _CONTENT.search(pieces[index + 2])
        if content is None or not all(selectors):
            continue
        for selector in selectors:
            if selector is not None:
                titles.pop(selector[1], None)
                titles[selector[1]] = content[1] if content[1] is not None else content[2]
    return titles


def _without_comments(css: str) -> str:
    parts: list[str] = []
    position = 0
    while (start := css.find("/*", position)) >= 0:
        parts.append(css[position:start])
        end = css.find("*/", start + 2)
        if end < 0:
            return "".join(parts)
        position = end + 2
    parts.append(css[position:])
    return "".join(parts)
