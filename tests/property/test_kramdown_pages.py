"""kramdown's syntax, Just the Docs callouts and UI classes on random and adversarial pages:
nothing crashes, no marker leaks, every report points into the page, and four times the
content costs about four times the work (counted as in test_linear, not timed)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_input import FRAGMENTS, junk
from test_linear import LINEAR_RATIO
from test_never_crash import SITE_EXTENSIONS

from mkdocs_playbook.jekyll.callouts import register_callouts
from mkdocs_playbook.jekyll.kramdown import KramdownSettings, register_kramdown
from mkdocs_playbook.jekyll.kramdown_syntax import FILL, MARK
from mkdocs_playbook.jekyll.site_config import Callout
from mkdocs_playbook.jekyll.ui_classes import register_ui_classes

_PACKAGE = str(Path(__file__).resolve().parents[2] / "plugins" / "mkdocs_playbook")
CALLOUTS = {"note": Callout("note", "purple", "Note"), "warning": Callout("warning", "red")}

KRAMDOWN_FRAGMENTS = [
    "{: .note }",
    "{: .warning-title }",
    "{:toc}",
    "1. TOC",
    "* TOC",
    "{: .no_toc }",
    '{: #id .a.b key="v" }',
    "{:ref: .c}",
    "{: ref }",
    "*em*{: .x}",
    "[l](x){: .btn .btn-blue .mr-2 }",
    "{::comment}",
    "{:/comment}",
    "{:/}",
    "{::nomarkdown}",
    "{:/nomarkdown}",
    "<b>raw</b>",
    '{::options toc_levels="2" /}',
    "{::foo}",
    "{:",
    "{: ",
    "}",
    "\\{: .x }",
    "term",
    ": definition",
    "[^1]",
    "[^1]: note",
    "    indented note body",
    "*[HTML]: Hyper Text",
    "HTML",
    "> {: .note }",
    "> > quote",
]

page_lines = st.lists(
    st.one_of(st.sampled_from(KRAMDOWN_FRAGMENTS), st.sampled_from(FRAGMENTS), junk),
    max_size=40,
).map("\n".join)


def converter() -> tuple[markdown.Markdown, list[tuple[int, int, str]]]:
    md = markdown.Markdown(extensions=SITE_EXTENSIONS)
    problems: list[tuple[int, int, str]] = []

    def report(line: int, column: int, message: str) -> None:
        problems.append((line, column, message))

    register_kramdown(md, KramdownSettings(), report)
    register_callouts(md, CALLOUTS, report)
    register_ui_classes(md)
    return md, problems


@given(page_lines)
def test_random_kramdown_pages_render_without_leaks(text: str) -> None:
    md, problems = converter()
    html = md.convert(text)
    assert MARK not in html and FILL not in html
    line_count = text.count("\n") + 1
    for line, column, message in problems:
        assert message
        # 0: a class that no kramdown attribute list set (attr_list's `{.note}`).
        assert (line, column) == (0, 0) or (1 <= line <= line_count and column >= 1)


def mixed_page(sections: int) -> str:
    """Every construct, `sections` times."""
    return "{:box: .boxed}\n\n# Title\n{: .no_toc }\n\n1. TOC\n{:toc}\n\n" + "".join(
        f"## Section {k}\n{{: #s{k} }}\n\n{{: .note }}\nNote {k} with *em*{{: .e}} and "
        f"[a button](x){{: .btn .mr-2 }}[^n{k}].\n\n{{: box }}\n> Quote {k}\n\n"
        f"{{::comment}}\nhidden {k}\n{{:/comment}}\n\nInline {{::nomarkdown}}<b>{k}</b>"
        f"{{:/nomarkdown}} text {{: .stray }} here.\n\nterm {k}\n: definition\n\n"
        f"[^n{k}]:\n    Footnote {k}.\n\n"
        for k in range(sections)
    )


def openers(count: int) -> str:
    return "{:" * count + "\n\n" + ("{: " + " " * 50) * count + "\n"


def unclosed_comments(count: int) -> str:
    return "{::comment} x " * count + "\n\n" + "{:/} " * count + "\n"


def spaced_lists(count: int) -> str:
    return "".join(f"Para {k}\n{{: {' ' * 200}.c{k} {' ' * 200}}}\n\n" for k in range(count))


def work(text: str) -> int:
    """Python calls anywhere plus lines executed in our package, converting `text`."""
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

    md, _ = converter()
    sys.settrace(calls)
    try:
        md.convert(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize(
    ("make", "size"),
    [(mixed_page, 30), (openers, 2_000), (unclosed_comments, 500), (spaced_lists, 200)],
    ids=["every-construct", "openers", "unclosed-comments", "spaced-lists"],
)
def test_four_times_the_kramdown_costs_about_four_times_the_work(
    make: Callable[[int], str], size: int
) -> None:
    small, large = work(make(size)), work(make(4 * size))
    assert small > 1000
    assert large / small <= LINEAR_RATIO, (small, large, large / small)
