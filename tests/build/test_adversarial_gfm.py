"""kramdown's GFM reading (`jekyll.kramdown_gfm`) cannot stall a Jekyll site's build: pages
built of what each of its passes looks at (fences, paragraphs cut at list items and code,
table delimiter rows, link destinations) build within `RATIO` of the processor time of an
ordinary page of the same size, on a site with a `_config.yml` (where those passes run).

Before they were made linear, four of these took 7 to 290 times the ordinary page: a
paragraph cut one piece at a time (every block processor tested the rest again), and
smarty's second inline pass over a paragraph of 30,000 line breaks or table cells.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from test_adversarial import _timed_build, bounded_build, ordinary, repeated

SIZE = 100_000
_JEKYLL = {"_config.yml": "title: Ops\n"}
_FRONT_MATTER = "---\ntitle: Page\n---\n"
"""Without it Jekyll copies a Markdown file as it is, and so do we: these pages went unread."""

PATHOLOGICAL: dict[str, Callable[[], str]] = {
    # Openers never closed, each followed by indented would-be closers of another length.
    "fences-never-closed": lambda: repeated("````\n   ```\n> ```\n", SIZE),
    "quoted-fences": lambda: repeated("> > > > ```\n> > ```\n", SIZE),
    "closers-at-every-indent": lambda: repeated("```\n x\n   ```\n  ```\n", SIZE),
    # One paragraph, cut at every other line.
    "paragraph-of-list-items": lambda: repeated("text\n* a\n", SIZE),
    "paragraph-of-ordered-items": lambda: repeated("text\n1) a\n2. b\n", SIZE),
    "paragraph-of-fences": lambda: repeated("text\n```\nx\n```\n", SIZE),
    "delimiter-rows": lambda: repeated("a|b|c\n|-|\n|-|-|-|-|\n", SIZE),
    "delimiter-rows-one-block": lambda: "a|b\n" + repeated("|-|-|-|\n", SIZE, ""),
    "link-quotes": lambda: repeated('[a](x"y"z"\n', SIZE),
    "links-unclosed": lambda: repeated("[a](x (", SIZE),
    "link-titles-unclosed": lambda: repeated('[a](x "y" z ', SIZE),
    "strike-unclosed": lambda: repeated("~~a ~", SIZE),
    "backslash-breaks": lambda: repeated("a\\\n", SIZE),
    "quotes-and-dashes": lambda: repeated("'\"-- ... << >> ", SIZE),
    # Raw HTML whose elements ask for Markdown themselves (kramdown_raw_html, page.source):
    # many such blocks; such elements nested, never closed; raw blocks, each scanned for one
    # at the page's end, balanced and not.
    "raw-html-marked-cells": lambda: repeated(
        '<table><tr><td markdown="span">*a* [l](x.md)</td></tr></table>\n\n', SIZE
    ),
    "raw-html-marked-unclosed": lambda: repeated(
        '<td markdown="span">[a](b.md) ', SIZE, "<table>\n"
    ),
    "raw-html-before-marked": lambda: (
        repeated("<div>\nx\n</div>\n\n", SIZE) + '<div><p markdown="1">*a*</p></div>\n'
    ),
    "raw-html-unbalanced-before-marked": lambda: (
        repeated("<div><div>\nx\n</div>\n\n", SIZE) + '<div><p markdown="1">*a*</p></div>\n'
    ),
    # Lines of backticks inside raw HTML (kramdown_fences): closed blocks, blocks never
    # closed, and raw blocks each read on to a Markdown element at the page's end.
    # Fences under list items' text that a blank line and an unindented line unmake
    # (page.lists), and one that runs on over blank lines.
    "list-fences-unmade": lambda: repeated("- a\n```\n\nx\n", SIZE),
    "list-fence-blank-lines": lambda: repeated("\n  x\n", SIZE, "- a\n```\n"),
    "raw-html-fences": lambda: repeated("<div>\n```\n</div>\n\n", SIZE),
    "raw-html-unclosed-fences": lambda: repeated("<div>\n```\n", SIZE),
    "raw-html-before-markdown": lambda: (
        repeated("<div>\n", SIZE) + '<div markdown="1">\n```\nx\n```\n</div>\n'
    ),
}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> float:
    """Build time of an ordinary page of `SIZE` on a Jekyll site."""
    page = _FRONT_MATTER + ordinary(SIZE)
    return _timed_build(tmp_path_factory.mktemp("ordinary"), page, _JEKYLL)[0]


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_a_gfm_pathological_page_builds_about_as_fast_as_an_ordinary_one(
    name: str, baseline: float, tmp_path: Path
) -> None:
    text = PATHOLOGICAL[name]()
    assert abs(len(text) - SIZE) < SIZE // 10
    build = bounded_build(tmp_path, _FRONT_MATTER + text, _JEKYLL, baseline=baseline, label=name)
    assert build.html("index.html")  # converted, not copied


FENCES_SIZE = 480_000
"""Where a step quadratic in a page's fenced blocks shows through the build's fixed costs:
pymdownx.superfences put each block back with a new list of the page's lines
(`page.superfences`). Before that was linear, these pages built in 5.8 and 7.3 times an
ordinary page's processor time; now in 1.9 and 2.9. The second is one tight item of them, whose
paragraphs after code (`ParagraphsAfterCode`) must not become tails, which Python-Markdown's
inline pass looks up child by child."""

FENCES: dict[str, Callable[[], str]] = {
    "fences-in-items": lambda: repeated("- item\n  ```\n  x\n  ```\n  after\n", FENCES_SIZE),
    "fences-in-one-item": lambda: repeated(
        "  ```\n  x\n  ```\n  after\n", FENCES_SIZE, "# Page\n\n- item\n"
    ),
}


@pytest.mark.parametrize("name", sorted(FENCES))
def test_a_page_of_fences_builds_about_as_fast_as_an_ordinary_one(
    name: str, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    text = FENCES[name]()
    assert abs(len(text) - FENCES_SIZE) < FENCES_SIZE // 10
    page = _FRONT_MATTER + ordinary(FENCES_SIZE)
    baseline = _timed_build(tmp_path_factory.mktemp("ordinary-fences"), page, _JEKYLL)[0]
    build = bounded_build(tmp_path, _FRONT_MATTER + text, _JEKYLL, baseline=baseline, label=name)
    html = build.html("index.html")
    assert html.count("<pre") == text.count("```") // 2


_NUMBERED_SITE = {
    "_config.yml": (
        "title: Ops\nkramdown:\n  syntax_highlighter_opts:\n    block:\n      line_numbers: true\n"
    )
}
NUMBERED: dict[str, Callable[[], str]] = {
    # kramdown_line_numbers reads the page's HTML: raw `<pre>`s that are no code blocks, and
    # code block openings never closed, before one block at the end.
    "raw-pre-elements": lambda: repeated("<pre>x</pre>\n\n", SIZE) + "```\ncode\n```\n",
    "code-openings-unclosed": lambda: repeated("a <pre><code>x\n\n", SIZE) + "```\ncode\n```\n",
    "many-fences": lambda: repeated("```\na\nb\n```\n\n", SIZE),
    "code-openings-never-closed": lambda: repeated("a <pre><code>x\n\n", SIZE),
}


@pytest.mark.parametrize("name", sorted(NUMBERED))
def test_a_page_of_code_blocks_numbered_builds_about_as_fast_as_an_ordinary_one(
    name: str, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    """Against an ordinary page on the same site, whose code shows line numbers."""
    ordinary_page = _FRONT_MATTER + ordinary(SIZE)
    reference = _timed_build(tmp_path_factory.mktemp("numbered"), ordinary_page, _NUMBERED_SITE)
    text = NUMBERED[name]()
    page = _FRONT_MATTER + text
    build = bounded_build(tmp_path, page, _NUMBERED_SITE, baseline=reference[0], label=name)
    assert ('class="lineno"' in build.html("index.html")) == ("```" in text)
