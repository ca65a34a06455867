"""What Python-Markdown's inline pass would take quadratic time over is found, and only that."""

from __future__ import annotations

import markdown
import pytest
from test_kramdown_gfm import convert

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.page.inline_limits import (
    MAX_ABBREVIATIONS,
    MAX_EMPHASIS_RUN,
    MAX_ESCAPES,
    bracket_budget,
    slow_runs,
)
from mkdocs_playbook.page.model import PageModel

ESCAPED = frozenset("\\`*_{}[]()>#+-.!")


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("See [a](b.md) and [c][d], [e].\n\n" * 2000, []),
        # Half-open intervals leave brackets open, but cost little.
        ("Values in [0, 1) and [2, 3).\n\n" * 2000, []),
        ("[" * 300, ["unclosed"]),
        ("x" * 100_000 + "\n\n" + "[" * 10, []),
        ("[" * 10 + "x" * 100_000, ["unclosed"]),
        ("\\*" * MAX_ESCAPES, []),
        ("\\*" * (MAX_ESCAPES + 1), ["escapes"]),
        (("\\*" * MAX_ESCAPES + "\n\n") * 5, []),
        # `\a` is no escape to Python-Markdown.
        ("\\a" * (2 * MAX_ESCAPES), []),
        ("*[A]: x\n" * MAX_ABBREVIATIONS, []),
        ("*[A]: x\n" * (MAX_ABBREVIATIONS + 1), ["abbreviation"]),
        ("x *[A]: x\n" * (2 * MAX_ABBREVIATIONS), []),
        ("*" * 2000 + "x" + "*" * 2000, ["emphasis"]),
        ("_" * (MAX_EMPHASIS_RUN + 1) + "x", ["emphasis"]),
        ("_" * MAX_EMPHASIS_RUN + "x", []),
        # A thematic break, indented or not.
        ("*" * 2000 + "\n\n   " + "_" * 2000 + "  \n", []),
    ],
)
def test_runs_beyond_the_limits_are_found(text: str, kinds: list[str]) -> None:
    problems = slow_runs(text, ESCAPED).problems
    assert [
        next(k for k in ("unclosed", "escapes", "abbreviation", "emphasis") if k in message)
        for _, message in problems
    ] == kinds


def test_the_bracket_budget_grows_with_the_page() -> None:
    assert bracket_budget(100_000) > 2 * 100_000


def _convert(text: str) -> tuple[str, PageModel]:
    models: list[PageModel] = []
    html = markdown.Markdown(
        extensions=[PlaybookExtension(on_page_model=models.append), "pymdownx.superfences"]
    ).convert(text)
    return html, models[0]


def test_brackets_in_code_are_left_alone() -> None:
    code = "[" * 30_000
    html, model = _convert(f"# Page\n\n`{code}`\n\n    {code}\n\n```\n{code}\n```\n")
    assert not model.problems
    assert html.count(code) == 3


def test_what_is_written_as_text_shows_as_written() -> None:
    html, model = _convert("# Page\n\nA [link](x.md)\n\n" + "[" * 5_000 + " *end*\n")
    [problem] = model.problems
    assert problem.line == 5
    assert '<a href="x.md">link</a>' in html
    assert "&#91;" * 5_000 + " <em>end</em>" in html


def test_emphasis_nested_thousands_deep_is_text() -> None:
    run = "*" * 2000
    html, model = _convert(f"# Page\n\n{run}word{run} and *this*\n")
    [problem] = model.problems
    assert problem.line == 3
    assert f"{run}word{run} and <em>this</em>" in html


@pytest.mark.parametrize(
    ("text", "breaks", "kinds"),
    [
        # A backslash at a line's end is a match only where it is a break (kramdown's GFM);
        # the last line's ends the paragraph, and is text.
        ("a\\\n" * (MAX_ESCAPES + 2), False, []),
        ("a\\\n" * (MAX_ESCAPES + 2), True, ["escapes"]),
        ("a\\\n" * (MAX_ESCAPES + 1), True, []),
    ],
)
def test_line_breaks_beyond_the_limit_are_found(text: str, breaks: bool, kinds: list[str]) -> None:
    problems = slow_runs(text, ESCAPED, breaks=breaks).problems
    assert ["escapes" for _, message in problems if "backslash escapes" in message] == kinds


def test_line_breaks_beyond_the_limit_stay_breaks_and_marks_are_one_match_a_stretch() -> None:
    # What is written without the inline pass is a break still, and the page says where; the
    # typographic marks of a paragraph are taken a stretch at a time, as they read.
    text = "# Page\n\n" + "a\\\n" * (MAX_ESCAPES + 2) + "\n" + "'x' -- " * 600 + "\n"
    html, models = convert(text)
    assert html.count("a<br />") == MAX_ESCAPES + 1
    assert "\u2018x\u2019 \u2013 " * 600 in html.replace("&lsquo;", "\u2018").replace(
        "&rsquo;", "\u2019"
    ).replace("&ndash;", "\u2013")
    assert [(problem.line, problem.message.split(" ", 2)[1]) for problem in models[0].problems] == [
        (3, "backslash")
    ]
