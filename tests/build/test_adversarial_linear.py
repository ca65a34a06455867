"""Pages and sites that once cost quadratic (or exponential) time, or crashed, build about as
fast as ordinary ones, render what they say, and have what was capped reported at its line.

Each is built with the real `mkdocs build` and judged, as in `test_adversarial`, by the
processor time of the build against an ordinary page of the same size (`RATIO`). Issue 28:
a compact definition list, unused footnotes, link destinations written otherwise, raw HTML
lines in a paragraph, `exclude` globs of many stars, Markdown inside deeply nested HTML, and
Python-Markdown's own quadratic inline patterns (unclosed `[`, backslash escapes,
abbreviation definitions).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from test_adversarial import _timed_build, bounded_build, repeated

from support import Build

SIZE = 120_000
"""The size at which the security review measured most of these (an ordinary page of it
builds in about a second)."""


def _numbered(piece: Callable[[int], str], size: int = SIZE) -> str:
    """`# Page`, then `piece(0)`, `piece(1)`, ... up to about `size` characters."""
    parts = ["# Page\n\n"]
    total = len(parts[0])
    count = 0
    while total < size:
        parts.append(piece(count))
        total += len(parts[-1])
        count += 1
    return "".join(parts)


@pytest.fixture
def baseline(ordinary_seconds: Callable[[int], float]) -> float:
    """Build time of an ordinary page of `SIZE`."""
    return ordinary_seconds(SIZE)


def _build(root: Path, text: str, baseline: float) -> Build:
    assert abs(len(text) - SIZE) < SIZE // 10
    build = bounded_build(root, text, baseline=baseline)
    return build


def test_a_compact_definition_list_renders_each_pair(baseline: float, tmp_path: Path) -> None:
    text = _numbered(lambda k: f"Term {k}\n: Definition {k}\n")
    pairs = text.count("\n: ")
    build = _build(tmp_path, text, baseline)
    html = build.html("index.html")
    # One list, a term and its definition per pair, none nested in another.
    assert html.count("<dl>") == 1
    assert re.findall(r"<dt>Term (\d+)</dt>\n<dd>Definition \1</dd>", html) == [
        str(k) for k in range(pairs)
    ]


def test_unused_footnotes_are_each_reported(baseline: float, tmp_path: Path) -> None:
    text = _numbered(lambda k: f"[^{k}]: Note {k}\n")
    notes = text.count("[^")
    build = _build(tmp_path, text, baseline)
    for k in (0, notes - 1):
        assert re.search(
            rf"docs/index\.md:{3 + k}:1: footnote `\[\^{k}\]` is never referenced", build.output
        )
    assert "Note 0" not in build.html("index.html")


def test_destinations_written_with_escapes_are_placed(baseline: float, tmp_path: Path) -> None:
    # markdown-it's href is `(`, written `\(`: no opening holds it as written. The target is
    # missing, so each paragraph's links are placed, for the finding's line.
    paragraph = "[a](\\()" * 500 + "\n\n"
    build = _build(tmp_path, "# Page\n\n" + paragraph * 34, baseline)
    assert build.html("index.html").count('<a href="(">a</a>') == 500 * 34
    for k in (0, 33):
        assert f"docs/index.md:{3 + 2 * k}: link target (: no such page" in build.output


def test_raw_html_lines_in_a_paragraph(baseline: float, tmp_path: Path) -> None:
    # Each line of the paragraph asked where the next empty line is, up to the closing tag.
    text = "# Page\n\nText\n" + "<canvas>\n" * ((SIZE - 25) // 9) + "\n</canvas>\n"
    build = _build(tmp_path, text, baseline)
    assert build.html("index.html").count("<canvas>") >= (SIZE - 25) // 9


def test_unclosed_brackets_are_text_and_reported(baseline: float, tmp_path: Path) -> None:
    text = "# Page\n\nSee [the list](index.md).\n\n" + repeated("[", SIZE - 35, "")
    build = _build(tmp_path, text, baseline)
    assert re.search(r"docs/index\.md:5: \d+ unclosed `\[`", build.output)
    html = build.html("index.html")
    assert '<a href="./">the list</a>' in html
    assert html.count("&#91;") == SIZE - 35


def test_backslash_escapes_are_text_and_reported(baseline: float, tmp_path: Path) -> None:
    build = _build(tmp_path, repeated("\\*", SIZE), baseline)
    assert re.search(r"docs/index\.md:3: \d+ backslash escapes in one paragraph", build.output)
    assert "*" * 1000 in build.html("index.html")


def test_abbreviations_beyond_the_limit_are_text(baseline: float, tmp_path: Path) -> None:
    usage = "\nAB1 and AB999 and AB1000.\n"
    text = _numbered(lambda k: f"*[AB{k}]: Abbreviation {k}\n", SIZE - len(usage)) + usage
    build = _build(tmp_path, text, baseline)
    # The 1,001st definition, on line 3 + 1,000, is the first written as text.
    assert re.search(r"docs/index\.md:1003: \d+ abbreviation definitions", build.output)
    html = build.html("index.html")
    assert '<abbr title="Abbreviation 999">AB999</abbr>' in html
    assert "*[AB1000]: Abbreviation 1000" in html
    assert '<abbr title="Abbreviation 1000">' not in html


def test_markdown_in_deeply_nested_html(baseline: float, tmp_path: Path) -> None:
    depth = (SIZE - 10) // 26
    text = "# Page\n\n" + '<div markdown="1">\n' * depth + "*x*\n" + "</div>\n" * depth
    build = _build(tmp_path, text, baseline)
    assert re.search(rf"docs/index\.md:103: HTML elements nested {depth} levels deep", build.output)
    html = build.html("index.html")
    assert "&lt;div markdown=" in html
    assert "<em>x</em>" in html


def test_an_exclude_glob_of_many_stars(tmp_path: Path) -> None:
    name = "a" * 41 + ".md"
    page = "# Page\n\n[A](" + name + ")\n"

    def site(pattern: str) -> dict[str, str]:
        # Its pages have no front matter: the plugin has Jekyll render them as pages.
        plugins = "plugins:\n  - jekyll-optional-front-matter\n"
        return {"_config.yml": f"exclude:\n  - '{pattern}'\n{plugins}", name: "# A\n"}

    (tmp_path / "plain").mkdir()
    (tmp_path / "stars").mkdir()
    plain, _ = _timed_build(tmp_path / "plain", page, site("b"))
    # A regular expression of `.*` runs backtracks through every way to place the stars.
    build = bounded_build(tmp_path / "stars", page, site("*a" * 11 + "*b"), baseline=plain)
    assert (build.site_dir / name.removesuffix(".md") / "index.html").exists()


def test_deeply_indented_tags_in_raw_html_inside_markdown_html(
    baseline: float, tmp_path: Path
) -> None:
    # kramdown_raw_html reads a block tag indented 4+ spaces inside raw HTML as a tag: the
    # indentation is measured once a line, not once a tag (60,000 spaces, then 12,000 elements).
    width, tags = 60_000, 12_000
    line = " " * width + "<div></div>" * tags
    # Front matter: on a Jekyll site, Markdown without it is a static file, not a page.
    text = "---\ntitle: Page\n---\n" + '<div markdown="1">\n\n<blockquote>\n' + line
    text += "\n</blockquote>\n\n"
    text += "After.\n\n</div>\n"
    text += "x" * (SIZE - len(text) - 1) + "\n"
    build = bounded_build(
        tmp_path, text, {"_config.yml": "title: Jekyll site\n"}, baseline=baseline
    )
    html = build.html("index.html")
    assert html.count("<div>") == tags + 1  # and the markdown="1" one around them
    assert "<p>After.</p>" in html
