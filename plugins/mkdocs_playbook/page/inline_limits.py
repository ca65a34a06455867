"""Runs that Python-Markdown's inline pass takes quadratic time over, found before it runs.

- **Unclosed `[`**: the link and reference patterns scan from each `[` to the `]` that closes
  it, in Python, character by character: a `[` that is never closed costs the rest of its
  paragraph, and 30 KB of them took two minutes. A page whose unclosed brackets would have
  them scan more than `bracket_budget(len(page))` characters in all has them written as text,
  the costliest paragraphs first, until the rest fits.
- **Backslash escapes**: each is an inline match, and each match rebuilds the paragraph's
  text: a paragraph of more than `MAX_ESCAPES` has them written as text. Where a backslash
  at a line's end is a line break (kramdown's GFM parser), it is a match too, counted with
  them, and written as its `<br />`.
- **Runs of `*` or `_`**: emphasis nests by recursion, a level per pair of characters; a
  run longer than `MAX_EMPHASIS_RUN` (where thousands on both sides of a word exhaust
  Python's recursion limit) is written as text.
- **Abbreviation definitions**: `abbr` tries every definition at every word of the page, in
  one regular expression of alternatives; definitions beyond `MAX_ABBREVIATIONS` are written
  as text.

What is written as text is shown exactly as before (an unclosed `[` is text either way; an
escape shows the character it escapes), and the page says where, so `--strict` fails on it.
The limits are far beyond any page written by hand. Code is never touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass, field

MAX_ESCAPES = 1_000
"""Backslash escapes kept in one paragraph."""
MAX_ABBREVIATIONS = 1_000
"""Abbreviation definitions kept in one page."""
MAX_EMPHASIS_RUN = 500
"""Characters in one run of `*` or `_` read as emphasis markers."""
_BRACKET_BUDGET_FACTOR = 2
_BRACKET_BUDGET_FLOOR = 20_000


def bracket_budget(size: int) -> int:
    """Characters the link patterns may scan from unclosed `[` in a page of `size`: twice
    the page (each paragraph could open two brackets it never closes, at its start)."""
    return _BRACKET_BUDGET_FACTOR * size + _BRACKET_BUDGET_FLOOR


_MARKS_RE = re.compile(r"\\[\s\S]|[\[\]]")
_ABBREVIATION_RE = re.compile(r"\*\[", re.MULTILINE)
_EMPHASIS_RUN_RE = re.compile(rf"\*{{{MAX_EMPHASIS_RUN + 1},}}|_{{{MAX_EMPHASIS_RUN + 1},}}")
_EMPHASIS_RUN = ("*" * (MAX_EMPHASIS_RUN + 1), "_" * (MAX_EMPHASIS_RUN + 1))
"""The shortest runs `_EMPHASIS_RUN_RE` finds."""
_BLANK_TO_LINE_END_RE = re.compile(r"[ \t]*(?:\n|\Z)")


@dataclass
class SlowRuns:
    """What is to be written as text: each offset, with what it stands for (its replacement
    as HTML) and how many characters it covers."""

    replacements: dict[int, tuple[int, str]] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)
    """Offset of the first of each kind, and the message for it."""


def slow_runs(
    text: str,
    escaped_chars: Container[str],
    in_code: Callable[[int], bool] | None = None,
    *,
    breaks: bool = False,
) -> SlowRuns:
    """The runs of `text` beyond the limits; `in_code(offset)` says what is code (None:
    nothing is, for a first, cheaper look); `breaks`: a backslash at a line's end is a line
    break."""
    found = SlowRuns()
    code = in_code or (lambda offset: False)
    unclosed: list[tuple[int, list[int]]] = []  # (cost, offsets) per paragraph
    # Each limit is looked for only where a count made in C says it may be passed: an
    # ordinary page passes none, and a scan in Python of every mark cost it 0.1 ms.
    marks = _brackets_may_cost(text) or text.count("\\") > MAX_ESCAPES
    for start, end in _paragraphs(text) if marks else ():
        opened: list[int] = []
        escapes: list[int] = []
        for mark in _MARKS_RE.finditer(text, start, end):
            offset = mark.start()
            char = mark.group()
            if code(offset):
                continue
            if char == "[":
                opened.append(offset)
            elif char == "]":
                if opened:
                    opened.pop()
            elif char[1] in escaped_chars or (breaks and char[1] == "\n"):
                escapes.append(offset)
        if opened:
            unclosed.append((sum(end - offset for offset in opened), opened))
        if len(escapes) > MAX_ESCAPES:
            for offset in escapes:
                found.replacements[offset] = (2, _escaped_html(text[offset + 1]))
            found.problems.append(
                (
                    escapes[0],
                    f"{len(escapes)} backslash escapes in one paragraph, more than "
                    f"{MAX_ESCAPES}, would cost Python-Markdown quadratic time; they are "
                    "shown as the characters they escape, as text",
                )
            )
    _limit_brackets(text, unclosed, found)
    if text.count("*[") > MAX_ABBREVIATIONS:
        _limit_abbreviations(text, code, found)
    if _EMPHASIS_RUN[0] in text or _EMPHASIS_RUN[1] in text:
        _limit_emphasis(text, code, found)
    return found


def _brackets_may_cost(text: str) -> bool:
    """Whether unclosed `[` could pass the budget: each costs at most what is left of the
    text between blank lines it stands in (`\\n\\n` parts hold whole paragraphs)."""
    budget = bracket_budget(len(text))
    if text.count("[") * len(text) <= budget:
        return False
    return sum(part.count("[") * len(part) for part in text.split("\n\n")) > budget


def _limit_brackets(text: str, unclosed: list[tuple[int, list[int]]], found: SlowRuns) -> None:
    total = sum(cost for cost, _ in unclosed)
    budget = bracket_budget(len(text))
    if total <= budget:
        return
    written: list[int] = []
    for cost, offsets in sorted(unclosed, key=lambda entry: -entry[0]):
        if total <= budget:
            break
        total -= cost
        written.extend(offsets)
    for offset in written:
        found.replacements[offset] = (1, "&#91;")
    found.problems.append(
        (
            min(written),
            f"{len(written)} unclosed `[` would cost Python-Markdown quadratic time (each is "
            "scanned to the end of its paragraph); they are shown as text",
        )
    )


def _limit_abbreviations(text: str, code: Callable[[int], bool], found: SlowRuns) -> None:
    definitions = [
        match.start()
        for match in _ABBREVIATION_RE.finditer(text)
        if (match.start() == 0 or text[match.start() - 1] == "\n") and not code(match.start())
    ]
    if len(definitions) <= MAX_ABBREVIATIONS:
        return
    beyond = definitions[MAX_ABBREVIATIONS:]
    for offset in beyond:
        found.replacements[offset] = (1, "*")
    found.problems.append(
        (
            beyond[0],
            f"{len(definitions)} abbreviation definitions, more than {MAX_ABBREVIATIONS}, "
            "would cost Python-Markdown quadratic time; the rest are shown as text",
        )
    )


def _limit_emphasis(text: str, code: Callable[[int], bool], found: SlowRuns) -> None:
    runs = [
        run
        for run in _EMPHASIS_RUN_RE.finditer(text)
        if not code(run.start()) and not _whole_line(text, run.start(), run.end())
    ]
    for run in runs:
        found.replacements[run.start()] = (len(run.group()), run.group())
    if runs:
        found.problems.append(
            (
                runs[0].start(),
                f"a run of {len(runs[0].group())} `{runs[0].group()[0]}`, more than "
                f"{MAX_EMPHASIS_RUN}, would nest emphasis too deep for Python-Markdown; "
                "it is shown as text",
            )
        )


def _whole_line(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` is all its line holds but blanks (a thematic break, which
    may be indented three spaces)."""
    head = text[max(0, start - 4) : start]
    line_start = head.rfind("\n")
    if line_start < 0 and start > 3:
        return False
    if head[line_start + 1 :].strip(" "):
        return False
    return _BLANK_TO_LINE_END_RE.match(text, end) is not None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """`(start, end)` offsets of each run of lines that are not blank."""
    found: list[tuple[int, int]] = []
    start: int | None = None
    last = position = 0
    for line in text.split("\n"):
        end = position + len(line)
        if line.strip():
            if start is None:
                start = position
            last = end
        elif start is not None:
            found.append((start, last))
            start = None
        position = end + 1
    if start is not None:
        found.append((start, last))
    return found


def _html_text(char: str) -> str:
    return {"&": "&amp;", "<": "&lt;", ">": "&gt;"}.get(char, char)


def _escaped_html(char: str) -> str:
    """What a backslash before `char` shows: the character, or at a line's end a break."""
    return "<br />" if char == "\n" else _html_text(char)


def rewritten(text: str, runs: SlowRuns, store: Callable[[str], str]) -> str:
    """`text` with each replacement made, as HTML `store` keeps out of the inline pass."""
    parts: list[str] = []
    position = 0
    for offset in sorted(runs.replacements):
        length, replacement = runs.replacements[offset]
        parts.append(text[position:offset])
        parts.append(store(replacement))
        position = offset + length
    parts.append(text[position:])
    return "".join(parts)
