"""kramdown's line numbers on code blocks (`syntax_highlighter_opts: block: line_numbers: true`
in `_config.yml`), as Rouge prints them: a table, the numbers in a gutter cell beside the code.
Just the Docs documents the option with its `fix_linenos.html` include (`theme_includes`).

An extension of its own (`makeExtension`): a postprocessor, after raw HTML is put back (30),
numbers each code block of the page's HTML; Liquid's `markdownify` numbers its own the same
way (`number_code_blocks`). A block numbered once is marked and not numbered again, so the
code a page captured through `markdownify` is not numbered twice.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

_OPENING_RE = re.compile(
    r"<pre(?P<attributes>[^<>]*)>(?P<lead>(?:<span></span>)?)<code(?P<code>[^<>]*)>"
)
"""A code block's opening as Python-Markdown and its highlighters write it."""
_CLOSING = "</code></pre>"
_NUMBERED = "data-line-numbers"


def number_code_blocks(html: str) -> str:
    """`html` with each code block in Rouge's table of line numbers and code. One pass: the
    next closing is looked for again only once an opening has passed it."""
    if "<pre" not in html:
        return html
    parts: list[str] = []
    position = 0
    closing = -1
    while (start := html.find("<pre", position)) >= 0:
        if closing < start:
            closing = html.find(_CLOSING, start)
            if closing < 0:
                break
        opening = _OPENING_RE.match(html, start)
        if opening is None or opening.end() > closing or _NUMBERED in opening["attributes"]:
            parts.append(html[position : start + 4])
            position = start + 4
            continue
        parts.append(html[position:start])
        parts.append(_numbered(opening, html[opening.end() : closing]))
        position = closing + len(_CLOSING)
        closing = -1
    parts.append(html[position:])
    return "".join(parts)


# Inline, as the UI classes' utilities are (`ui_classes`): only pages that number code pay for
# them. The table is held to the page's width (the code scrolls in its own cell, as code
# does on a phone), and each number sits on its line's height, as Material sets code.
_TABLE = "width:100%;table-layout:fixed;margin:1em 0"
_CELL = "padding:0;vertical-align:top"
_GUTTER = f"{_CELL};width:3.5em;background:var(--md-code-bg-color)"
_NUMBERS = (
    "margin:0;padding:.7720588235em .6em;font-size:.85em;line-height:1.4;text-align:right;"
    "color:var(--md-default-fg-color--light)"
)


def _numbered(opening: re.Match[str], body: str) -> str:
    lines = body.count("\n") + (0 if body.endswith("\n") else 1)
    numbers = "".join(f"{number}\n" for number in range(1, lines + 1))
    attributes = opening["attributes"]
    margin = "" if "style=" in attributes else ' style="margin:0"'
    block = (
        f"<pre{attributes}{margin} {_NUMBERED}>{opening['lead']}"
        f"<code{opening['code']}>{body}{_CLOSING}"
    )
    return (
        f'<table class="rouge-table" style="{_TABLE}"><tbody><tr>'
        f'<td class="rouge-gutter gl" style="{_GUTTER}">'
        f'<pre class="lineno" style="{_NUMBERS}">{numbers}</pre></td>'
        f'<td class="rouge-code" style="{_CELL}">{block}</td></tr></tbody></table>'
    )


def makeExtension(**kwargs: Any) -> KramdownLineNumbersExtension:
    return KramdownLineNumbersExtension(**kwargs)


class KramdownLineNumbersExtension(Extension):
    """Code blocks with Rouge's line numbers beside them."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.postprocessors.register(_LineNumbers(md), "kramdown_line_numbers", 25)


class _LineNumbers(Postprocessor):
    def run(self, text: str) -> str:
        return number_code_blocks(text)
