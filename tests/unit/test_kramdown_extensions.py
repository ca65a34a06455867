"""Each kramdown feature is an extension of its own: listed alone by name in
`markdown.Markdown(extensions=[...])`, with nothing else, it brings the Python-Markdown
extensions it builds on and renders its syntax as kramdown does."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as etree
from typing import Any

import markdown
import pytest
from markdown.extensions.toc import TocExtension, TocTreeprocessor

from mkdocs_playbook.jekyll.kramdown_attributes import attribute_origin, attributes_of
from mkdocs_playbook.jekyll.kramdown_raw_html import raw_html_elements

Problems = list[tuple[int, int, str]]
PACKAGE = "mkdocs_playbook.jekyll"


def alone(name: str, **config: Any) -> markdown.Markdown:
    """A Markdown instance with only the extension `name` (by its module, as a site lists it)."""
    module = f"{PACKAGE}.{name}"
    return markdown.Markdown(extensions=[module], extension_configs={module: config})


def test_attribute_lists_alone_apply_definitions_and_report_what_they_cannot() -> None:
    problems: Problems = []
    md = alone("kramdown_attributes", report=lambda *problem: problems.append(problem))
    html = md.convert(
        "{:tip: .note}\n\nSaid\n{: tip #said }\n\nText {: .lost } here\n\n# Header {#own}\n"
    )
    # A header id (`{#own}`) is Python-Markdown's `attr_list`'s, which it brings.
    assert html == (
        '<p class="note" id="said">Said</p>\n<p>Text  here</p>\n<h1 id="own">Header</h1>'
    )
    assert [(line, column) for line, column, _ in problems] == [(6, 6)]


def test_attribute_lists_alone_keep_what_one_page_found_until_reset() -> None:
    md = alone("kramdown_attributes")
    md.convert("Said\n{: .note }\n")
    extension = attributes_of(md)
    assert extension is not None
    (said,) = extension.origins
    assert attribute_origin(md, said, "note") == (2, 1)
    md.reset()
    assert extension.origins == {}
    assert attribute_origin(md, said, "note") is None


def test_attribute_lists_alone_warn_in_the_log_by_default(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.playbook"):
        alone("kramdown_attributes").convert("Text {: .lost } here\n")
    assert [record.getMessage()[:20] for record in caplog.records] == ["line 1, column 6: kr"]


def test_footnotes_alone_end_number_place_and_leave_out_as_kramdown_does() -> None:
    problems: Problems = []
    md = alone("kramdown_footnotes", report=lambda *problem: problems.append(problem))
    html = md.convert(
        "Second[^b] first[^a]\n\n* here\n{:footnotes}\n\nAfter\n\n"
        "[^a]: A\n[^b]: B\nnot indented\n[^c]: never referenced\n"
    )
    # Numbered in the order referenced; in place of the `{:footnotes}` list.
    assert html.index('href="#fn:b">1<') < html.index('href="#fn:a">2<')
    assert html.index('class="footnote"') < html.index("<p>After</p>")
    assert "<p>not indented</p>" in html
    assert "never referenced" not in html
    assert [(line, column) for line, column, _ in problems] == [(11, 1)]


def test_abbreviations_alone_read_every_definition_of_a_block() -> None:
    html = alone("kramdown_abbreviations").convert("*[A]: one\n*[B]: two\n*[C]: three\n\nA B C\n")
    assert html == (
        '<p><abbr title="one">A</abbr> <abbr title="two">B</abbr> <abbr title="three">C</abbr></p>'
    )


def test_raw_html_alone_reads_markdown_in_html_and_notes_its_elements() -> None:
    md = alone("kramdown_raw_html")
    html = md.convert('<div markdown="1">\n<h2>Raw</h2>\n\n# Inside\n</div>\n\n# Outside\n')
    assert html == "<div>\n<h2>Raw</h2>\n<h1>Inside</h1>\n</div>\n<h1>Outside</h1>"
    assert sorted(element.tag for element in raw_html_elements(md)) == ["div", "h2"]
    md.reset()
    assert raw_html_elements(md) == set()


def test_ids_alone_are_kramdowns_for_the_markdown_and_inside_html() -> None:
    """GFM's rule for the Markdown's headings, the converter's inside HTML marked
    `markdown="1"`; none for a heading written as HTML."""
    md = alone("kramdown_ids", auto_id_prefix="p-")
    html = md.convert(
        '# Hello\n\n# Hello\n\n<div markdown="1">\n<h2>Raw</h2>\n\n# Déjà vu\n</div>\n'
    )
    headings = etree.fromstring(f"<r>{html}</r>").iter()
    ids = [(h.tag, h.get("id")) for h in headings if h.tag in ("h1", "h2")]
    assert ids == [("h1", "p-hello"), ("h1", "p-hello-1"), ("h2", None), ("h1", "p-dj-vu")]


def toc_of(md: markdown.Markdown) -> tuple[str, list[dict[str, Any]]]:
    """`md.toc` and `md.toc_tokens`, which `toc` sets on the instance."""
    return vars(md)["toc"], vars(md)["toc_tokens"]


TOC_PAGE = "# Title\n\n* x\n{:toc}\n\n## Hidden\n{: .no_toc }\n\n## Shown\n\n### Deep\n"


@pytest.mark.parametrize(
    ("config", "listed"),
    [({}, ["title", "shown", "deep"]), ({"toc_levels": "2..2"}, ["shown"])],
)
def test_toc_alone_lists_headings_as_kramdown_does(
    config: dict[str, Any], listed: list[str]
) -> None:
    md = alone("kramdown_toc", **config)
    html = md.convert(TOC_PAGE)
    in_page = etree.fromstring(html[html.index('<ul id="markdown-toc">') :].split("\n<h2")[0])
    assert [link.get("href") for link in in_page.iter("a")] == [f"#{id}" for id in listed]
    toc, tokens = toc_of(md)
    assert "#hidden" not in toc
    assert [token["id"] for token in tokens] == ["title"]
    assert [token["id"] for token in tokens[0]["children"]] == ["shown"]


def test_toc_leaves_no_toc_headings_out_when_toc_is_listed_after_it() -> None:
    """`toc` registered again (listed after) still leaves `no_toc` headings out."""
    md = markdown.Markdown(
        extensions=[f"{PACKAGE}.kramdown_toc", "toc"], extension_configs={"toc": {"title": "T"}}
    )
    md.convert(TOC_PAGE)
    toc, _ = toc_of(md)
    assert "#hidden" not in toc
    assert '<span class="toctitle">T</span>' in toc


def test_toc_keeps_the_toc_processor_another_extension_made_and_leaves_no_toc_out() -> None:
    """A `TocExtension` subclass with its own processor keeps it, `no_toc` left out besides."""
    ran: list[bool] = []

    class Counted(TocTreeprocessor):
        def run(self, doc: etree.Element) -> None:
            super().run(doc)
            ran.append(True)

    class CountedToc(TocExtension):
        TreeProcessorClass = Counted

    md = markdown.Markdown(extensions=[CountedToc(), f"{PACKAGE}.kramdown_toc"])
    md.convert(TOC_PAGE)
    assert ran == [True]
    toc, _ = toc_of(md)
    assert "#shown" in toc
    assert "#hidden" not in toc
