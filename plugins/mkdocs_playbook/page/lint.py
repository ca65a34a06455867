"""Content lint: text damaged by a wrong encoding, and headings a page holds twice.

Mojibake is found in the Markdown as written (so the column is the author's), duplicate
headings in the page model (so they are judged on what readers get).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..findings import Finding
from .model import DuplicateHeadings, Heading
from .source import Source

# UTF-8 bytes read as Windows-1252 or Latin-1: a lead byte (Ã, Â, â, ï, ð) shown as its own
# character, followed by the continuation bytes' characters. The replacement character is
# what a decoder leaves where it gave up.
_MOJIBAKE_RE = re.compile(
    "\ufffd+"
    "|ï¿½"
    "|â€[\u0080-\u00bf\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022"
    "\u2026\u2030\u2039\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]"
    "|[ÂÃ][\u0080-\u00bf\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022"
    "\u2026\u2030\u2039\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]"
    "|ðŸ"
)
_MOJIBAKE_LEADS = "\ufffdïâÂÃð"
"""The characters each of those sequences starts with, all outside ASCII."""


@dataclass(frozen=True)
class Mojibake:
    """A damaged sequence at a 1-based line and column of the text."""

    text: str
    line: int
    column: int

    @property
    def message(self) -> str:
        # U+FFFD looks like nothing in a terminal: name it.
        shown = self.text.replace("\ufffd", "U+FFFD")
        return (
            f"mojibake `{shown}`: text was decoded with the wrong encoding; "
            "retype the intended character (e.g. an em dash)"
        )


def find_mojibake(source: Source) -> list[Mojibake]:
    """Every damaged sequence in the text, code included (a broken command is broken too)."""
    found: list[Mojibake] = []
    text = source.text
    # The expression costs every page 25 ns a character; most hold no character it starts at.
    if text.isascii() or not any(lead in text for lead in _MOJIBAKE_LEADS):
        return found
    for match in _MOJIBAKE_RE.finditer(text):
        line, column = source.line_col(match.start())
        found.append(Mojibake(match.group(0), line, column))
    return found


def duplicate_headings(headings: list[Heading]) -> list[DuplicateHeadings]:
    """Groups of headings that share their text (case aside), in order of first use."""
    groups: dict[str, list[Heading]] = {}
    for heading in headings:
        key = heading.text.casefold()
        if key:
            groups.setdefault(key, []).append(heading)
    return [DuplicateHeadings(tuple(group)) for group in groups.values() if len(group) > 1]


def repeated_checklist_headings(
    duplicates: list[DuplicateHeadings], checklist_headings: set[str]
) -> list[Finding]:
    """A problem for each repeated heading that has a checklist under it.

    Ticks are kept by heading text and rank: two sections of the same name would swap their
    ticks if they were reordered, in the middle of an incident.
    """
    problems: list[Finding] = []
    for group in duplicates:
        if group.text not in checklist_headings:
            continue
        for heading in group.headings[1:]:
            problems.append(
                Finding(
                    line=heading.line,
                    message=(
                        f"checklist heading {group.describe()} repeats on the page: their "
                        "ticks are told apart only by order, so reordering the sections would "
                        "swap them; give each heading its own text"
                    ),
                )
            )
    return problems
