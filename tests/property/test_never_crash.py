"""Random and adversarial Markdown never crashes or hangs any reader of the page."""

from __future__ import annotations

import itertools

import markdown
from hypothesis import given
from hypothesis import strategies as st
from markdown_input import markdown_text, pages, runs_text

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.jekyll.frontmatter import parse_front_matter
from mkdocs_playbook.jekyll.liquid import substitute
from mkdocs_playbook.page.lint import find_mojibake
from mkdocs_playbook.page.model import PageModel
from mkdocs_playbook.page.source import Source
from mkdocs_playbook.widgets.placeholders import find_placeholders

SITE_EXTENSIONS = [
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tasklist",
]


@given(pages)
def test_front_matter_never_raises_and_reports_a_line_inside_the_block(text: str) -> None:
    front_matter = parse_front_matter(text)
    if front_matter.problem:
        assert 2 <= front_matter.problem.line <= text.count("\n") + 1
        assert front_matter.data == {}
    assert 0 <= front_matter.body_start <= len(text)


@given(markdown_text)
def test_source_text_code_regions_are_sorted_and_disjoint(text: str) -> None:
    source = Source(text)
    intervals = source.code_intervals
    for (start, end), (next_start, _) in itertools.pairwise(intervals):
        assert start <= end <= next_start
    for offset in range(0, len(text), max(1, len(text) // 20)):
        line, column = source.line_col(offset)
        assert (text.split("\n")[line - 1] + "\n")[column - 1] == text[offset]


@given(markdown_text, st.dictionaries(st.sampled_from(["site.title", "page.x"]), st.text()))
def test_liquid_never_raises_and_reports_offsets_inside_the_text(
    text: str, variables: dict[str, str]
) -> None:
    result, problems, _ = substitute(Source(text), variables)
    assert isinstance(result, str)
    assert all(0 <= problem.offset <= len(text) for problem in problems)


@given(markdown_text)
def test_source_map_never_raises_and_lines_stay_in_the_text(text: str) -> None:
    source = Source(text)
    last_line = text.count("\n") + 1
    assert all(1 <= link.line <= last_line for link in source.links)


@given(markdown_text)
def test_lints_and_placeholders_never_raise(text: str) -> None:
    for damage in find_mojibake(Source(text)):
        assert damage.line >= 1 and damage.column >= 1
    for placeholder in find_placeholders(text):
        assert text[placeholder.start : placeholder.end] == "{" + placeholder.raw + "}"


@given(markdown_text | runs_text)
def test_the_whole_extension_never_raises_and_lines_stay_in_the_page(text: str) -> None:
    models: list[PageModel] = []
    html = markdown.markdown(
        text,
        extensions=[PlaybookExtension(on_page_model=models.append), *SITE_EXTENSIONS],
        extension_configs={"toc": {"permalink": True}},
    )
    assert isinstance(html, str)
    # Python-Markdown skips every processor for a blank page: no model then.
    assert len(models) == (1 if text.strip() else 0)
    last_line = text.count("\n") + 1
    for model in models:
        assert all(0 <= heading.line <= last_line for heading in model.headings)
        assert all(0 <= problem.line <= last_line for problem in model.problems)
        for link in model.links:
            if link.written is not None:
                source = model.lines.link(link.written, link.rank, raw_html=link.raw_html)
                assert source is None or (1 <= source.line <= last_line and source.column >= 0)
        for group in model.duplicates:
            assert group.describe().startswith(f"'{group.text}'")
