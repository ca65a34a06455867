"""pymdownx.superfences' fence reader, putting the blocks back in linear time.

Once it has found a page's fenced blocks, superfences replaces each block's lines by its
placeholder with a new list per block (`reassemble`: `lines[:start] + [block] + lines[end:]`),
in time proportional to the blocks times the lines: 12,000 fences took 3 s there alone, and a
480 KB page of them built in 5.8 times an ordinary page's processor time
(`tests/build/test_adversarial_gfm.py`). Here the same lines are built in one pass.
pymdown-extensions 13.1; each class keeps what it puts in a block's place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markdown import Markdown
from markdown import util as md_util
from markdown.preprocessors import Preprocessor
from pymdownx.superfences import (
    EOT,
    SOH,
    SuperFencesBlockPreprocessor,
    SuperFencesRawBlockPreprocessor,
)


def _reassembled(
    lines: list[str], stack: list[tuple[str, int, int]], placed: Callable[[str], str]
) -> list[str]:
    # The stack holds the blocks as they were found: in order, none inside another.
    out: list[str] = []
    at = 0
    for fenced, start, end in stack:
        out.extend(lines[at:start])
        out.append(placed(fenced))
        at = end
    out.extend(lines[at:])
    stack.clear()
    return out


class _Fences(SuperFencesBlockPreprocessor):  # type: ignore[misc]
    def reassemble(self, lines: list[str]) -> list[str]:
        return _reassembled(lines, self.stack, lambda fenced: fenced)


class _RawFences(SuperFencesRawBlockPreprocessor):  # type: ignore[misc]
    def reassemble(self, lines: list[str]) -> list[str]:
        return _reassembled(
            lines, self.stack, lambda fenced: fenced.replace(md_util.STX, SOH, 1)[:-1] + EOT
        )


_LINEAR: dict[type[Any], type[Preprocessor]] = {
    SuperFencesBlockPreprocessor: _Fences,
    SuperFencesRawBlockPreprocessor: _RawFences,
}


def linear_superfences(md: Markdown) -> None:
    """Make `md`'s superfences readers, if it has them, put blocks back in linear time: at the
    start of a conversion, so that a superfences registered after the extension is covered."""
    for name in ("fenced_code_block", "fenced_raw_block"):
        if name in md.preprocessors:
            reader = md.preprocessors[name]
            linear = _LINEAR.get(type(reader))
            if linear is not None:
                # The same reader, with its settings; only `reassemble` differs.
                reader.__class__ = linear
