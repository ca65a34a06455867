"""`{Placeholder}` tokens in template text, and placeholders that look mistyped across a site.

This is the one parser of placeholders: the template forms read their fields with
`find_placeholders`, the linter compares every spelling used in the site's code.

A placeholder is a brace pair around a name of words (`{Summary}`, `{UTC Timestamp}`,
`{YYYY-MM-DD}`) or `{#}`. Liquid (`{{ x }}`), shell (`${X}`), Jinja comments (`{# x #}`) and
code (`{ "a": 1 }`, `{ print $1 }`) are not placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = r"[A-Za-z0-9][\w.\-/]*"
_PLACEHOLDER_RE = re.compile(
    r"(?<![{$\\])\{(?P<inner>[ \t]*(?:#|[A-Za-z]"
    + r"[\w.\-/]*(?:[ \t]+"
    + _WORD
    + r")*)[ \t]*)\}(?!\})"
)
_SPACE_RE = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class Placeholder:
    """One `{Name}` token: where it stands in the text and the name it stands for."""

    start: int
    """Offset of `{` in the text."""
    end: int
    """Offset just after `}`."""
    raw: str
    """As written, braces included: `{ Summary}`."""
    name: str
    """White space trimmed and collapsed: `Summary`."""

    @property
    def canonical(self) -> str:
        """How the placeholder is spelled without stray white space: `{Summary}`."""
        return "{" + self.name + "}"

    @property
    def is_padded(self) -> bool:
        """True when the braces hold white space a form field name would not."""
        return self.raw != self.canonical


def find_placeholders(text: str, start: int = 0, end: int | None = None) -> list[Placeholder]:
    """Placeholders in `text[start:end]`, in order, with offsets into `text`."""
    found: list[Placeholder] = []
    for match in _PLACEHOLDER_RE.finditer(text, start, len(text) if end is None else end):
        name = _SPACE_RE.sub(" ", match.group("inner")).strip()
        found.append(Placeholder(match.start(), match.end(), match.group(0), name))
    return found


@dataclass(frozen=True)
class PlaceholderUse:
    """A placeholder written in a page's code, with its 1-based line and column in the page."""

    raw: str
    name: str
    line: int
    column: int


@dataclass(frozen=True)
class Mistyped:
    """A placeholder spelled with stray white space where the site spells it cleanly."""

    page: str
    use: PlaceholderUse
    intended: str
    """The clean spelling, `{Summary}`."""
    seen_at: str
    """`page:line` of one clean use."""

    @property
    def message(self) -> str:
        return (
            f"placeholder `{self.use.raw}` looks mistyped: the site writes `{self.intended}` "
            f"(e.g. {self.seen_at}); remove the spaces inside the braces"
        )


def mistyped_placeholders(uses: Iterable[tuple[str, PlaceholderUse]]) -> list[Mistyped]:
    """Padded or oddly spaced spellings of a placeholder that the site also spells cleanly.

    `uses` are `(page, use)` pairs from every page; a padded placeholder nobody spells
    cleanly (e.g. `{ print }` in awk) is left alone, as it may well be code.
    """
    listed = list(uses)
    clean: dict[str, str] = {}
    for page, use in listed:
        if use.raw == "{" + use.name + "}":
            clean.setdefault(use.name, f"{page}:{use.line}")
    return [
        Mistyped(page, use, "{" + use.name + "}", clean[use.name])
        for page, use in listed
        if use.raw != "{" + use.name + "}" and use.name in clean
    ]
