"""kramdown's readings that Python-Markdown lacks (`jekyll.kramdown_tables`, the quotes of
`jekyll.kramdown_typography`, `jekyll.kramdown_math`, `</br>` in `jekyll.kramdown_spans`,
fences closed on a quote's lazy lines in `jekyll.kramdown_fences`, quotes right under an
item's text in `jekyll.kramdown_paragraphs`, the `markdown` attribute dropped from raw HTML
in `jekyll.kramdown_raw_html`)
cannot stall a Jekyll site's build: pages built of what each looks at build within `RATIO` of
the processor time of an ordinary page of the same size, on a site with a `_config.yml` (where
they run)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from test_adversarial import _timed_build, bounded_build, ordinary, repeated
from test_adversarial_gfm import _FRONT_MATTER, _JEKYLL, SIZE

PATHOLOGICAL: dict[str, tuple[Callable[[], str], str]] = {
    # Tables: one block of rows; code spans and `<code>` elements opened and never closed
    # (each would have the rest of the block searched again); runs of backticks, longest first.
    "table-of-one-block": (lambda: repeated("| a | b |\n", SIZE), "<table>"),
    "table-unclosed-code-spans": (lambda: repeated("| `` a |\n", SIZE), "<table>"),
    "table-unclosed-code-elements": (lambda: repeated("<code>", SIZE, "|") + "|\n", "<table>"),
    "table-backtick-runs": (
        lambda: "|" + " ".join("`" * n for n in range(440, 0, -1)) + "|\n",
        "<table>",
    ),
    # Quotes after markup, read from the characters around each (short paragraphs: one long
    # paragraph of inline elements is slow in Python-Markdown's own inline pass, quotes or not).
    "quotes-after-markup": (
        lambda: repeated('"*a*" "[b](c)" "-" l\'"x"\n\n', SIZE),
        "&rdquo;",
    ),
    # Math: a block never closed before many blocks; escaped openers; blocks not alone.
    "math-block-unclosed": (lambda: "$$\n\n" + repeated("x\n\n", SIZE, ""), "<p>x</p>"),
    "math-escaped-openers": (lambda: repeated("\\$$ a ", SIZE), "$$ a"),
    "math-blocks-not-alone": (lambda: repeated("$$ a $$ b\n\n", SIZE), "\\(a\\) b"),
    # End tags of elements without content, read as text; one never closed before spaces.
    "void-end-tags": (lambda: repeated("a </br> </hr" + " " * 200, SIZE), "&lt;/br&gt;"),
    # Fences in quotes, each line after the quote's lazily in it; openers never closed.
    "quoted-fences-lazy-lines": (lambda: repeated("> ```\nx\n> ~~~~\n", SIZE), "<blockquote>"),
    # Quotes right under an item's text, each line after them lazily in the first.
    "quotes-under-item-text": (
        lambda: repeated("  > b\n  c\n", SIZE, "- a\n"),
        "<li>a<blockquote>",
    ),
    # Start tags with a `markdown` attribute, which kramdown drops from the tag (`jekyll.
    # kramdown_raw_html`), before long runs of spaces that each attribute read could retry.
    "markdown-attributes-then-spaces": (
        lambda: repeated('<div markdown="0"' + " " * 9_000 + ">\n\ny\n\n</div>\n\n", SIZE),
        "<div" + " " * 9_000 + ">",
    ),
}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> float:
    """Build time of an ordinary page of `SIZE` on a Jekyll site."""
    return _timed_build(
        tmp_path_factory.mktemp("ordinary"), _FRONT_MATTER + ordinary(SIZE), _JEKYLL
    )[0]


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_a_kramdown_pathological_page_builds_about_as_fast_as_an_ordinary_one(
    name: str, baseline: float, tmp_path: Path
) -> None:
    make, read = PATHOLOGICAL[name]
    text = make()
    assert abs(len(text) - SIZE) < SIZE // 10
    build = bounded_build(tmp_path, _FRONT_MATTER + text, _JEKYLL, baseline=baseline, label=name)
    assert read in build.html("index.html")  # the page was read as the case means
