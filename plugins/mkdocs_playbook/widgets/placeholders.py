"""`{Placeholder}` tokens in communication templates: the one parser of them.

A placeholder is a name in single braces: a letter first (or `#` alone), then letters,
digits, spaces and `_ . / ' -`, at most 60 characters. `${VAR}`, `{{ x }}` and JSON such as
`{"a": 1}` are not placeholders. Names match case-insensitively once trimmed, so `{Time}` and
`{time}` are one value; spaces inside the braces are kept in `raw` for the linter, which
reports spellings padded with spaces (`{ Summary}`) where the site also writes `{Summary}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_PLACEHOLDER_RE = re.compile(
    r"(?<![{$\w])\{(?P<raw>[ \t]*(?:#|[^\W\d_][\w .'/-]{0,59}?)[ \t]*)\}(?!\})"
)


@dataclass(frozen=True, slots=True)
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


def find_placeholders(text: str, start: int = 0, end: int | None = None) -> list[Placeholder]:
    """Placeholders in `text` (or in `text[start:end]`, offsets still into `text`), in order."""
    return [
        Placeholder(match.group("raw").strip(), match.group("raw"), match.start(), match.end())
        for match in _PLACEHOLDER_RE.finditer(text, start, len(text) if end is None else end)
    ]


_SPACES_RE = re.compile(r"[ \t]+")


@dataclass(frozen=True, slots=True)
class PlaceholderUse:
    """A placeholder as a page's code spells it."""

    raw: str
    """As written, braces included: `{ Summary}`."""
    name: str
    """Trimmed, inner white space collapsed: `Summary`."""

    @classmethod
    def of(cls, placeholder: Placeholder) -> PlaceholderUse:
        name = _SPACES_RE.sub(" ", placeholder.name)
        return cls("{" + placeholder.raw + "}", name)

    @property
    def clean(self) -> bool:
        return self.raw == "{" + self.name + "}"


def uses_in(texts: Iterable[str]) -> set[PlaceholderUse]:
    """The spellings of placeholders in a page's code texts."""
    return {PlaceholderUse.of(found) for text in texts for found in find_placeholders(text)}


@dataclass(frozen=True, slots=True)
class Mistyped:
    """A placeholder spelled with stray white space where the site spells it cleanly."""

    page: str
    use: PlaceholderUse
    intended: str
    """The clean spelling, `{Summary}`."""
    example: str
    """A page that spells it cleanly."""

    def message(self, example_at: str) -> str:
        """Its message, naming `example_at` (`docs/x.md:12`) as a clean use."""
        return (
            f"placeholder `{self.use.raw}` looks mistyped: the site writes `{self.intended}` "
            f"(e.g. {example_at}); remove the spaces inside the braces"
        )


def mistyped_placeholders(uses: Iterable[tuple[str, PlaceholderUse]]) -> list[Mistyped]:
    """Padded or oddly spaced spellings of a placeholder that the site also spells cleanly.

    `uses` are `(page, use)` pairs from every page; a padded placeholder nobody spells
    cleanly (e.g. `{ print }` in awk) is left alone, as it may well be code. Case is not
    compared: `{Time}` and `{time}` are one value to the template forms.
    """
    listed = list(uses)
    clean: dict[str, str] = {}
    for page, use in listed:
        if use.clean:
            clean.setdefault(use.name, page)
    return [
        Mistyped(page, use, "{" + use.name + "}", clean[use.name])
        for page, use in listed
        if not use.clean and use.name in clean
    ]
