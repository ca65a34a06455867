"""A long page and a long checklist cost work in proportion to their size.

Work is counted, not timed: every Python call made while the page is converted, and every
line our package executes (its loops included). Four times the content must cost at most
about four times the work; a quadratic step would cost sixteen. Wall-clock speed (a 10 MB
page, a 5,000-item checklist) is the benchmarks' to measure.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import markdown
import pytest
from test_never_crash import SITE_EXTENSIONS

from mkdocs_playbook.extension import WIDGETS, PlaybookExtension
from mkdocs_playbook.page.source import Source

_PACKAGE = str(Path(__file__).resolve().parents[2] / "plugins" / "mkdocs_playbook")
# Fixed costs (extension set-up, the page's first heading) make small pages relatively dearer,
# so the ratio sits just under 4; quadratic growth would put it near 16.
LINEAR_RATIO = 4.4


def checklist(items: int) -> str:
    steps = "".join(f"- [ ] Step {k}: see [runbook](RUNBOOK.md#step-{k})\n" for k in range(items))
    return "# Checklist\n\n## Steps\n\n" + steps


def long_page(sections: int) -> str:
    return "".join(
        f"## Section {k}\n\nText with [link](DB.md#s{k}), `code {k}` and {{Summary}}.\n\n"
        f"```\nrun {k}\n```\n\n| a | b |\n|---|---|\n| {k} | x |\n\n- item {k}\n\n"
        for k in range(sections)
    )


def work(text: str, convert: Callable[[str], object] | None = None) -> int:
    """Python calls anywhere plus lines executed in our package, converting `text` (with
    `convert`, else as a page of the site)."""
    count = 0

    def lines(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return lines

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return lines if frame.f_code.co_filename.startswith(_PACKAGE) else None

    if convert is None:
        convert = markdown.Markdown(extensions=[PlaybookExtension(), *SITE_EXTENSIONS]).convert
    sys.settrace(calls)
    try:
        convert(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize(("make", "size"), [(checklist, 150), (long_page, 40)])
def test_four_times_the_content_costs_about_four_times_the_work(
    make: Callable[[int], str], size: int
) -> None:
    small, large = work(make(size)), work(make(4 * size))
    assert small > 1000
    assert large / small <= LINEAR_RATIO, (small, large, large / small)


def _source_read(text: str) -> object:
    source = Source(text)
    return source.code_intervals, source.links


RAW_HTML = {
    # Opening tags that never close before a blank line: each looks ahead only over lines
    # the block takes anyway.
    "unclosed": lambda n: "<div>\n" * n + "</div>\n",
    "markdown-inside": lambda n: '<div markdown="1">\n[a](a.md)\n</div>\n```\nx\n```\n' * n,
    "one-line-elements": lambda n: '<p align="center">x</p>\nText [b](b.md)\n' * n,
    "closing-tags-only": lambda n: "</div>\n" * n,
}


@pytest.mark.parametrize("name", sorted(RAW_HTML))
def test_raw_html_costs_the_source_index_linear_work(name: str) -> None:
    make = RAW_HTML[name]
    small, large = work(make(200), _source_read), work(make(800), _source_read)
    assert small > 1000
    assert large / small <= LINEAR_RATIO, (small, large, large / small)


def test_the_counter_sees_quadratic_work() -> None:
    """The measure itself: a step that compares every heading with every other is caught.

    It does as little as a real rescan would (a few calls per pair), at 40 and 160 headings.
    """
    from mkdocs_playbook.page.tree import collapse

    class Rescan:
        def read(self, context: Any) -> None:
            for heading in context.model.headings:
                for other in context.model.headings:
                    _ = [collapse(heading.text) == collapse(other.text) for _ in range(4)]

        def render(self, context: Any) -> list[Any]:
            return []

    def rescanning() -> Callable[[str], object]:
        extension = PlaybookExtension(widgets=(*WIDGETS, Rescan))
        return markdown.Markdown(extensions=[extension, *SITE_EXTENSIONS]).convert

    small, large = work(long_page(40), rescanning()), work(long_page(160), rescanning())
    assert large / small > LINEAR_RATIO
