"""The inline limits cost an ordinary page only counts made in C: no paragraph is scanned
mark by mark unless a count says a limit may be passed; and the bound that skips the scan
never misses unclosed brackets that pass the budget."""

from __future__ import annotations

import itertools

import pytest

from mkdocs_playbook.page import inline_limits
from mkdocs_playbook.page.inline_limits import slow_runs

ESCAPED = frozenset("\\`*_{}[]()>#+-.!")

ORDINARY = "\n".join(
    [
        "# Page",
        "",
        "- [ ] a task with a [link](other.md#part) and `code`",
        "- [x] done \\* escaped",
        "",
        "> [!NOTE]",
        "> **bold** and _emphasis_ and *[HTML]: not a definition here",
        "",
        *[f"- [Page {n}](p{n}.md#anchor): words words words" for n in range(20)],
    ]
)


def _no_scan(text: str) -> list[tuple[int, int]]:
    raise AssertionError("an ordinary page was scanned mark by mark")


def test_an_ordinary_page_is_not_scanned_mark_by_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inline_limits, "_paragraphs", _no_scan)
    assert slow_runs(ORDINARY, ESCAPED).problems == []


def _unclosed_cost(text: str) -> int:
    """What the scan charges unclosed `[`, worked out apart: per paragraph (lines not
    blank), each `[` no `]` closes costs the rest of its paragraph."""
    total = 0
    position = 0
    paragraph: list[tuple[int, str]] = []
    for line in [*text.split("\n"), ""]:
        if line.strip():
            paragraph.append((position, line))
        elif paragraph:
            end = paragraph[-1][0] + len(paragraph[-1][1])
            opened: list[int] = []
            for start, content in paragraph:
                skip = False
                for index, char in enumerate(content):
                    if skip:
                        skip = False
                    elif char == "\\":
                        skip = True
                    elif char == "[":
                        opened.append(start + index)
                    elif char == "]" and opened:
                        opened.pop()
            total += sum(end - offset for offset in opened)
            paragraph = []
        position += len(line) + 1
    return total


def _small_budget(size: int) -> int:
    return size // 2 + 3


PIECES = ["[", "]", "\\[", "a", " ", "\n", "\n\n", " \n", "[a]"]


def test_the_bound_never_misses_brackets_past_the_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(inline_limits, "bracket_budget", _small_budget)
    for parts in itertools.product(PIECES, repeat=4):
        text = "".join(parts)
        if _unclosed_cost(text) > _small_budget(len(text)):
            assert inline_limits._brackets_may_cost(text), text
