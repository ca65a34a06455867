"""`{Placeholder}` tokens in communication templates: the one parser of them.

A placeholder is a name in single braces: a letter first (or `#` alone), then letters,
digits, spaces and `_ . / ' -`, at most 60 characters. `${VAR}`, `{{ x }}` and JSON such as
`{"a": 1}` are not placeholders. Names match case-insensitively once trimmed, so `{Time}` and
`{time}` are one value; spaces inside the braces are kept in `raw` for the linter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLACEHOLDER_RE = re.compile(
    r"(?<![{$\w])\{(?P<raw>[ \t]*(?:#|[^\W\d_][\w .'/-]{0,59}?)[ \t]*)\}(?!\})"
)


@dataclass(frozen=True)
class Placeholder:
    name: str
    """As written, without the braces and surrounding spaces."""
    raw: str
    """As written between the braces."""
    start: int
    """Offset of `{` in the text."""
    end: int
    """Offset just after `}`."""

    @property
    def key(self) -> str:
        """What equal placeholders share: the trimmed name, case-folded."""
        return self.name.casefold()


def find_placeholders(text: str) -> list[Placeholder]:
    """Placeholders in `text`, in order."""
    return [
        Placeholder(match.group("raw").strip(), match.group("raw"), match.start(), match.end())
        for match in _PLACEHOLDER_RE.finditer(text)
    ]
