"""kramdown's GFM reading, construct by construct: tests/fixtures/kramdown-gfm/NAME.md is one
small page, NAME.kramdown.html what Jekyll 4.3.1 (kramdown 2.4.0, kramdown-parser-gfm 1.1.0,
Jekyll's default options: GFM input, `hard_wrap: false`, auto ids, smart quotes, typographic
symbols) made of it, written by `scripts/kramdown-html`.

Each page is converted as a Jekyll site converts it, with the playbook extension reading the
`_config.yml` beside the fixtures: once with only `- playbook` configured (MkDocs' default
`markdown_extensions`), once with this repository's mkdocs.yml's (superfences and Pygments).
Ours and kramdown's are compared as trees (`test_kramdown_reference.shape`), which
set aside only what each converter adds on its own and no reader sees as content:

- white space between elements, and runs of white space in text (HTML shows them as one);
- code highlighting markup: kramdown's rouge `<span>`s and wrapper `<div>`s, and the
  `language-*` / `highlighter-rouge` classes; a code block's content and language are
  compared on their own (`code_blocks`), exactly, since there white space is content,
  but for a line break ending the block, which shows nothing, and for the language where
  Pygments highlights (its colours show it; no class names it);
- Material's permalink anchors and button classes.

Where ours differs on purpose, `DIFFERENCES` holds the HTML we give, with the reason: the test
asserts it exactly, so it fails when the behaviour changes either way.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.config.defaults import MkDocsConfig
from test_kramdown_fixtures import site_markdown_extensions
from test_kramdown_reference import shape

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.jekyll.liquid_filters import markdownify
from mkdocs_playbook.page.model import PageModel

FIXTURES = Path(__file__).parent.parent / "fixtures" / "kramdown-gfm"

# superfences takes a fence's own indentation (1 to 3 spaces) off its lines, as CommonMark
# and GitHub do; kramdown's GFM parser keeps it in the code.
_FENCE_INDENT_KEPT = "kramdown keeps the fence's own indentation in the code; GitHub does not"

DIFFERENCES: dict[str, tuple[str, str]] = {
    "fence-in-list-item-indented": (
        "<ul>\n<li>Deploy:\n<pre><code>make deploy</code></pre></li>\n"
        "<li>Verify:\n<pre><code>make verify</code></pre></li>\n</ul>",
        _FENCE_INDENT_KEPT,
    ),
    "fence-opening-indented": (
        "<p>Indented fence:</p>\n<pre><code>three spaces\n  five</code></pre>",
        _FENCE_INDENT_KEPT,
    ),
    "html-block-markdown-1-on-cell": (
        "<table>\n<tr>\n<td><em>Declare</em> the incident</td>\n\n<td>lead</td>\n</tr>\n"
        "</table>\n<p>After the table.</p>",
        'kramdown reads a cell\'s `markdown="1"` content as blocks and, with no end tag on a '
        "line of its own, takes the rest of the page into the cell; we read it as a span",
    ),
}
"""Fixture name: (our HTML, why it differs from kramdown's)."""


def default_extensions() -> list[str]:
    """MkDocs' own `markdown_extensions`, when mkdocs.yml names none."""
    config = MkDocsConfig()
    config.load_dict({"site_name": "x"})
    errors, _ = config.validate()
    assert not errors
    return list(config.markdown_extensions)


def convert(
    text: str, site: str = "plugin-only", config: Path = FIXTURES / "_config.yml"
) -> tuple[str, list[PageModel]]:
    """`text` as a Jekyll site renders it, and the page's model: with only `- playbook`
    configured (MkDocs' default extensions), or with this repository's mkdocs.yml's
    (`site`: pymdownx.superfences highlighting with Pygments, admonitions, ...)."""
    models: list[PageModel] = []
    extension = PlaybookExtension(
        jekyll_config=str(config),
        docs_dir=str(FIXTURES),
        on_page_model=models.append,
    )
    names, settings = (
        (default_extensions(), {}) if site == "plugin-only" else site_markdown_extensions()
    )
    md = markdown.Markdown(extensions=[*names, extension], extension_configs=settings)
    return md.convert(text), models


def render(source: Path, site: str = "plugin-only") -> tuple[str, list[str]]:
    """`source` as a Jekyll site renders it (`convert`), and the problems reported."""
    html, models = convert(source.read_text(encoding="utf-8"), site)
    return html, [problem.message for model in models for problem in model.problems]


class _CodeBlocks(HTMLParser):
    """Each `<pre>`'s text as written, and the language its classes name."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._languages: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = " ".join(value or "" for name, value in attrs if name == "class").split()
        languages = [name.removeprefix("language-") for name in classes]
        self._languages.extend(
            name for name, full in zip(languages, classes, strict=True) if name != full
        )
        if tag == "pre":
            self._depth += 1
            if self._depth == 1:
                self.blocks.append(("", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre" and self._depth:
            self._depth -= 1
            if not self._depth:
                text, _ = self.blocks[-1]
                # The language named last before the block ended: its wrapper's or its code's.
                language = self._languages[-1] if self._languages else ""
                # A last line break in `<pre>` shows nothing: one converter writes it.
                text = text.removesuffix("\n")
                self.blocks[-1] = (text, "" if language == "plaintext" else language)
        if tag in ("pre", "code") and not self._depth:
            self._languages.clear()

    def handle_data(self, data: str) -> None:
        if self._depth:
            text, language = self.blocks[-1]
            self.blocks[-1] = (text + data, language)


def code_blocks(html: str, site: str = "plugin-only") -> list[tuple[str, str]]:
    """Each code block's text and language; its text alone where the site highlights with
    Pygments, which shows the language in its colours and names it in no class."""
    parser = _CodeBlocks()
    parser.feed(html)
    parser.close()
    if site == "plugin-only":
        return parser.blocks
    return [(text, "") for text, _ in parser.blocks]


def outline(html: str) -> list[Any]:
    """`shape(html)` with each code block's content left out: `code_blocks` compares it."""
    return [_outlined(node) for node in shape(html)]


def _outlined(node: Any) -> Any:
    if isinstance(node, str):
        return node
    tag, attributes, children = node
    if tag == "pre":
        return (tag, attributes, ())
    return (tag, attributes, tuple(_outlined(child) for child in children))


def fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("*.md"))


@pytest.mark.parametrize("site", ["plugin-only", "site"])
@pytest.mark.parametrize("source", fixtures(), ids=lambda p: p.stem)
def test_reads_markdown_as_kramdown(source: Path, site: str) -> None:
    html, problems = render(source, site)
    assert problems == []
    expected = source.with_suffix(".kramdown.html").read_text(encoding="utf-8")
    difference = DIFFERENCES.get(source.stem)
    if difference is not None:
        ours, _ = difference
        differs = (outline(html), code_blocks(html, site)) != (
            outline(expected),
            code_blocks(expected, site),
        )
        assert differs
        assert outline(html) == outline(ours)
        assert code_blocks(html, site) == code_blocks(ours, site)
        return
    assert outline(html) == outline(expected)
    assert code_blocks(html, site) == code_blocks(expected, site)


def test_every_fixture_has_kramdown_html() -> None:
    sources = {p.stem for p in FIXTURES.glob("*.md")}
    rendered = {p.name.removesuffix(".kramdown.html") for p in FIXTURES.glob("*.kramdown.html")}
    assert sources and sources == rendered
    assert set(DIFFERENCES) <= sources


def test_code_comparison_sees_white_space_and_language() -> None:
    ours = '<pre><code class="language-bash"> a\n</code></pre>'
    theirs = (
        '<div class="language-bash highlighter-rouge"><div class="highlight">'
        '<pre class="highlight"><code><span class="nb"> a</span>\n</code></pre></div></div>'
    )
    assert code_blocks(ours) == code_blocks(theirs) == [(" a", "bash")]
    assert code_blocks(ours.replace(" a", "a")) != code_blocks(theirs)
    assert code_blocks(ours.replace("bash", "yaml")) != code_blocks(theirs)


def test_a_checklist_right_after_a_paragraph_is_a_checklist() -> None:
    _, models = convert("Before the release:\n- [ ] tests pass\n- [x] notes written\n")
    [model] = models
    [checklist] = model.checklists
    assert [item.text for item in checklist.items] == ["tests pass", "notes written"]


TEMPLATE = """## Update

1. Post this:
   ```text
   We're on it -- "{Summary}" since {Time}...
     ```
"""


@pytest.mark.parametrize("site", ["plugin-only", "site"])
def test_a_template_in_a_list_item_keeps_its_text_and_fields(site: str) -> None:
    html, models = convert(TEMPLATE, site)
    [model] = models
    [form] = model.template_forms
    # Typography stays out of code: the text a responder copies is as written.
    assert form.text.rstrip("\n") == 'We\'re on it -- "{Summary}" since {Time}...'
    assert [field.key for field in form.fields] == ["summary", "time"]
    assert "&rsquo;" not in html and "&ndash;" not in html


def test_kramdown_input_reads_only_what_both_parsers_share(tmp_path: Path) -> None:
    # As kramdown 2.4.0 renders it with `input: kramdown`: no GFM lists, strikethrough or
    # backtick fences; the same link destinations, quotes and symbols.
    config = tmp_path / "_config.yml"
    config.write_text("kramdown:\n  input: kramdown\n", encoding="utf-8")
    text = 'Steps:\n* a\n\nA ~~strike~~ and a [l](u?q="x") -- site\'s.\n'
    html, _ = convert(text, config=config)
    assert html == (
        "<p>Steps:\n* a</p>\n"
        '<p>A ~~strike~~ and a <a href="u?q=&quot;x&quot;">l</a> &ndash; site&rsquo;s.</p>'
    )


def test_hard_wrap_makes_every_line_break_a_break(tmp_path: Path) -> None:
    # As kramdown 2.4.0 renders it with `input: GFM, hard_wrap: true`.
    config = tmp_path / "_config.yml"
    config.write_text("kramdown:\n  hard_wrap: true\n", encoding="utf-8")
    assert convert("a line\nthe next\n", config=config)[0] == "<p>a line<br />\nthe next</p>"
    assert convert("a line\nthe next\n")[0] == "<p>a line\nthe next</p>"


# Liquid's `markdownify` reads as the page does (kramdown_gfm, kramdown's heading ids and raw
# HTML rules), but for what only the page's conversion adds: the list re-indentation that puts
# fences and lazy lines in list items (page/lists, the plugin's extension). A table whose code
# span ran across rows came out a table where kramdown prints a paragraph: it had
# Python-Markdown's. The fixtures the page reads otherwise on purpose (DIFFERENCES) are left out.
MARKDOWNIFY_APART = {
    "fence-closed-by-longer-fence",
    "fence-closing-indented-in-list-item",
    "fence-in-list-item",
    "fence-in-list-item-blank-then-unindented",
    "fence-in-list-item-then-text",
    "list-item-lazy-heading-and-fence",
    "list-item-then-attribute-list",
    "list-kind-changes",
}


@pytest.mark.parametrize(
    "source",
    [f for f in fixtures() if f.stem not in MARKDOWNIFY_APART | DIFFERENCES.keys()],
    ids=lambda p: p.stem,
)
def test_markdownify_reads_markdown_as_kramdown(source: Path) -> None:
    html = markdownify(source.read_text(encoding="utf-8"))
    expected = source.with_suffix(".kramdown.html").read_text(encoding="utf-8")
    assert outline(html) == outline(expected)
    assert code_blocks(html) == code_blocks(expected)


def test_markdownify_apart_lists_only_fixtures_it_reads_otherwise() -> None:
    stems = {source.stem for source in fixtures()}
    assert stems >= MARKDOWNIFY_APART
    for stem in sorted(MARKDOWNIFY_APART):
        source = FIXTURES / f"{stem}.md"
        html = markdownify(source.read_text(encoding="utf-8"))
        expected = source.with_suffix(".kramdown.html").read_text(encoding="utf-8")
        assert (outline(html), code_blocks(html)) != (outline(expected), code_blocks(expected))
