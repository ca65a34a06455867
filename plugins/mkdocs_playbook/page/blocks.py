"""markdown-it's block parse of a Markdown text, made once for everything that reads it.

The code regions (`source`) and the source map (`sourcemap`) both need the block structure of
the same text; parsing it twice was a tenth of the plugin's build cost. Tables are on, as in
MkDocs sites; `source` corrects the one place where that changes what counts as code.
Inline tokens come back unparsed (empty `children`); the source map parses the few it reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark").enable("table").disable("inline")


@dataclass
class Blocks:
    """The block tokens of `text`, and the reference definitions they hold (`env`)."""

    text: str
    tokens: list[Token]
    env: dict[str, Any]

    @classmethod
    def parse(cls, text: str) -> Blocks:
        """A parse of its own, for text that is not a whole page (an admonition's body)."""
        env: dict[str, Any] = {}
        return cls(text, _PARSER.parse(text, env), env)


_last: Blocks | None = None


def parse_blocks(text: str) -> Blocks:
    """The block parse of `text`; the same object again when asked for the same text in a row.

    The plugin asks twice per page (code regions before rendering, the source map after) and
    the text is unchanged unless a site variable or repository link was rewritten between.
    Readers may fill in inline tokens' children; nothing else in the tokens may be changed.
    """
    global _last
    if _last is None or _last.text != text:
        _last = Blocks.parse(text)
    return _last
