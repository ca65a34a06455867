"""kramdown's syntax on a Markdown instance configured as the site is (`jekyll/kramdown.py`):
positions, tables of contents, extensions it adds, and adversarial pages."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
import pytest
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from test_kramdown_fixtures import site_markdown_extensions

from mkdocs_playbook.jekyll.kramdown import (
    KramdownSettings,
    attribute_origin,
    register_kramdown,
)
from mkdocs_playbook.jekyll.kramdown_syntax import FILL, MARK

Problems = list[tuple[int, int, str]]


def site_markdown(extensions: list[str] | None = None) -> tuple[markdown.Markdown, Problems]:
    names, settings = site_markdown_extensions()
    names = names if extensions is None else extensions
    md = markdown.Markdown(
        extensions=names, extension_configs={k: v for k, v in settings.items() if k in names}
    )
    problems: Problems = []
    register_kramdown(md, KramdownSettings(), lambda *problem: problems.append(problem))
    return md, problems


def convert(text: str) -> tuple[str, Problems]:
    md, problems = site_markdown()
    html = md.convert(text)
    assert MARK not in html and FILL not in html
    return html, problems


def test_positions_are_in_the_text_as_given_even_after_other_rewrites() -> None:
    """A text rewrite between (the playbook's Liquid pass, at 34) keeps every column."""

    class Lengthen(Preprocessor):
        def run(self, lines: list[str]) -> list[str]:
            return [line.replace("{{ x }}", "a much longer value than before") for line in lines]

    md, problems = site_markdown()
    md.preprocessors.register(Lengthen(md), "rewrite", 34)
    html = md.convert("Text {{ x }} then {: .lost } here\n\tTab {: .also }\n")
    assert "a much longer value" in html
    assert [(line, column) for line, column, _ in problems] == [(1, 19), (2, 6)]


def test_the_same_instance_converts_pages_alike() -> None:
    md, problems = site_markdown()
    page = "# T\n{: .no_toc }\n\n* TOC\n{:toc}\n\n## A\n\nx {: .y }\n"
    first = md.convert(page)
    md.reset()
    assert md.convert(page) == first
    assert len(problems) == 2


def test_no_toc_headings_leave_materials_table_of_contents() -> None:
    md, _ = site_markdown()
    md.convert("# Title\n{: .no_toc }\n\n## Kept\n\n## Gone\n{: .no_toc }\n\n### Under\n")
    assert [t["id"] for t in md.toc_tokens] == ["kept"]  # type: ignore[attr-defined]
    assert [c["id"] for c in md.toc_tokens[0]["children"]] == ["under"]  # type: ignore[attr-defined]
    toc_html = md.toc  # type: ignore[attr-defined]
    assert 'href="#kept"' in toc_html and "#gone" not in toc_html and "#title" not in toc_html


def test_attribute_origin_names_where_a_class_was_written() -> None:
    md, _ = site_markdown()
    seen: list[etree.Element] = []

    class Keep(Treeprocessor):
        def run(self, root: etree.Element) -> None:
            seen.extend(root.iter("p"))

    md.treeprocessors.register(Keep(md), "keep", 1)
    md.convert("Intro\n\n{: .first }\nPara\n{: .second }\n")
    intro, para = seen
    assert attribute_origin(md, para, "first") == (3, 1)
    assert attribute_origin(md, para, "second") == (5, 1)
    assert attribute_origin(md, para, "third") is None
    assert attribute_origin(md, intro, "first") is None
    assert attribute_origin(markdown.Markdown(), para, "first") is None


@pytest.mark.parametrize(
    ("data", "levels"),
    [
        ({}, {1, 2, 3, 4, 5, 6}),
        ({"kramdown": {"toc_levels": "2..3"}}, {2, 3}),
        ({"kramdown": {"toc_levels": "1,3"}}, {1, 3}),
        ({"kramdown": {"toc_levels": [2, 4]}}, {2, 4}),
        ({"kramdown": {"toc_levels": 2}}, {2}),
        ({"kramdown": {"toc_levels": "nonsense"}}, {1, 2, 3, 4, 5, 6}),
        ({"kramdown": "not a mapping"}, {1, 2, 3, 4, 5, 6}),
    ],
)
def test_settings_from_the_sites_kramdown_options(
    data: dict[str, object], levels: set[int]
) -> None:
    assert KramdownSettings.from_site(data).toc_levels == levels


def test_missing_extensions_are_added_as_kramdown_needs_them() -> None:
    md, problems = site_markdown(["tables"])
    html = md.convert(
        "# Head {#own}\n\nTerm\n: Definition\n\nNote[^1] on HTML.\n\n*[HTML]: Hyper Text\n\n"
        "[^1]: Body.\n"
    )
    assert '<h1 id="own">' in html
    assert "<dl>" in html and '<abbr title="Hyper Text">HTML</abbr>' in html
    assert 'class="footnote-ref"' in html
    assert problems == []


def test_a_sites_own_footnotes_settings_are_kept() -> None:
    md = markdown.Markdown(extensions=["footnotes"])  # numbered by definition, its default
    problems: Problems = []
    register_kramdown(md, KramdownSettings(), lambda *problem: problems.append(problem))
    html = md.convert("B[^b] A[^a]\n\n[^a]: a\n[^b]: b\n[^c]: never used\n")
    assert 'href="#fn:b">2<' in html and 'id="fn:c"' in html
    assert [message for *_, message in problems] == [
        "footnote `[^c]` is never referenced; kramdown leaves it out"
    ]


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Para\n{:r: .x}\nNext\n{: r }\n", '<p>Para</p>\n<p class="x">Next</p>'),
        ("Note[^1]\n\n[^1]: n\n{:r: .x}\n\n{: r }\nPara\n", '<p class="x">Para</p>'),
        ("{: .lost }\n{:r: .x}\nPara\n", "<p>Para</p>"),
    ],
)
def test_a_definition_line_ends_the_block_above_it(text: str, html: str) -> None:
    rendered, problems = convert(text)
    assert html in rendered
    assert [message.split("` ")[1][:12] for *_, message in problems] == (
        ["is followed "] if "lost" in text else []
    )


def test_a_definition_naming_itself_applies_once() -> None:
    html, problems = convert("{:loop: loop .looped}\n\nPara\n{: loop }\n")
    assert '<p class="looped">Para</p>' in html
    assert problems == []


def test_attribute_lists_apply_where_only_markdown_it_reads_code() -> None:
    # markdown-it runs the HTML block on past `</div>`, so the fence after it swallows the
    # rest up to the last fence: code to `Source`, text to Python-Markdown, which renders.
    page = (
        '<div markdown="1">\nA\n</div>\n```\ncode {: .kept }\n```\n\n{:def: .defined}\n\n'
        "Para\n{: def bad=1 }\n\n```\nend {: .kept2 }\n```\n"
    )
    html, problems = convert(page)
    assert '<p class="defined">Para</p>' in html
    assert "code {: .kept }" in html and "end {: .kept2 }" in html
    assert [(line, column) for line, column, _ in problems] == [(11, 1)]
    assert "`bad=1`" in problems[0][2]


# Adversarial pages: the result is asserted; that each costs time in proportion to its size is
# tests/property/test_kramdown_linear.py's to show.


def test_long_run_of_spaces_inside_an_attribute_list() -> None:
    html, problems = convert("Para\n{: " + " " * 100_000 + ".x" + " " * 100_000 + "}\n")
    assert html == '<p class="x">Para</p>'
    assert problems == []


def test_long_run_of_spaces_after_an_unclosed_opener() -> None:
    html, problems = convert("{: " + " " * 100_000 + "x\n\npara {:" + " " * 100_000 + "\n")
    assert html.startswith("<p>{:") and "<p>para {:" in html
    assert [(line, column) for line, column, _ in problems] == [(1, 1)]


def test_a_hundred_thousand_openers_on_one_line() -> None:
    html, problems = convert("{:" * 100_000 + "\n")
    assert html.count("{:") == 100_000
    assert len(problems) == 1 and "not closed" in problems[0][2]


def test_a_hundred_thousand_openers_closed_at_the_end() -> None:
    html, problems = convert("Para\n{: " + "{: " * 100_000 + ".x }\n")
    assert html == '<p class="x">Para</p>'
    assert len(problems) == 1 and "(and 99997 more)" in problems[0][2]


def test_unclosed_comments_are_each_reported_and_the_text_kept() -> None:
    html, problems = convert("{::comment} text " * 20_000 + "\n")
    assert html.count("text") == 20_000 and "{::comment}" not in html
    assert len(problems) == 20_000
    assert problems[1][:2] == (1, 1 + len("{::comment} text "))


def test_an_unclosed_comment_before_a_long_page() -> None:
    page = "{::comment}\n\n" + "Para {: .x } and *em*{: .y}.\n\n" * 5_000
    html, problems = convert(page)
    assert html.count('<em class="y">em</em>') == 5_000
    assert len(problems) == 1 + 5_000  # the comment, and each `{: .x }` after text


def test_many_span_lists_in_one_paragraph() -> None:
    # 5,000: Python-Markdown's own inline pass is quadratic in the spans of one paragraph.
    html, problems = convert("*a*{: .x} " * 5_000 + "\n")
    assert html.count('<em class="x">a</em>') == 5_000
    assert problems == []


def test_many_attribute_lists_after_nested_raw_html() -> None:
    # Each end tag finds its start tag in one pass over the paragraph, not a search back.
    html, problems = convert("<span>" * 2_000 + "x" + "</span>{: .s }" * 2_000 + "\n")
    assert html.count('<span class="s">') == 2_000
    assert problems == []


def test_many_stop_tags_and_no_start() -> None:
    html, problems = convert("{:/} " * 20_000 + "\n")
    assert "{:/}" not in html and len(problems) == 20_000


def test_attribute_lists_deep_in_block_quotes() -> None:
    html, problems = convert("> " * 40 + "para\n" + "> " * 40 + "{: .deep }\n")
    assert '<p class="deep">para</p>' in html
    assert problems == []


def test_our_marker_characters_written_in_a_page_are_not_ours() -> None:
    html, problems = convert(f"Text {MARK}{chr(0x100000)}{chr(0x100000)} and *a*{{: .x}}\n")
    assert '<em class="x">a</em>' in html and "\ufffd" in html
    assert problems == []
