"""Liquid tags inside a Liquid block's body are Liquid's even on lines Markdown reads as code.

aider's docs/index.md loops over `site.html_pages` inside `<div class="toc">`; markdown-it ends
that HTML block at a blank line, so the loop body's indented `{% assign %}` and `{% if %}`
read as an indented code block, and were left as written in every iteration (484 literal
markers). kramdown reads the whole `<div>` as HTML, and Jekyll renders every tag. A tag in
code outside any Liquid block keeps the rule for code (another template language's).
Expected output: `jekyll build` (4.3.1) of the same text as a `.txt` page."""

from __future__ import annotations

import pytest
from test_liquid_engine import fixture_site

from mkdocs_playbook.jekyll.rewrite import PageInput

LOOP = (
    '<div class="toc">\n<ul>\n{% for s in page.steps %}\n  <li>\n\n'
    "      {% if forloop.first %}first{% endif %} {{ s }}\n"
    "      {% assign n = forloop.index %}\n  </li>\n{% endfor %}\n</ul>\n</div>\n"
)
JEKYLL = (
    '<div class="toc">\n<ul>\n\n  <li>\n\n      first a\n      \n  </li>\n\n'
    "  <li>\n\n       b\n      \n  </li>\n\n</ul>\n</div>\n"
)


def test_a_tag_in_code_outside_any_block_stays_as_written() -> None:
    code = "\n    {% if x %}code{% endif %}\n"
    result = fixture_site().apply(LOOP + code, PageInput("p.md", {"steps": ["a", "b"]}))
    assert result.text == JEKYLL + code


# `else`, `elsif` and `when` have no tags of their own (their block's tag reads them): they
# were left as written on such lines while their block's `endif` was rendered, so the `else`
# branch printed with a literal `{% else %}` before it. Expected: `jekyll build` (4.3.1).
BRANCHES = LOOP.replace(
    "{% if forloop.first %}first{% endif %} {{ s }}\n      {% assign n = forloop.index %}",
    "{% if forloop.first %}first{% else %}later{% endif %} {{ s }}\n"
    '      {% case s %}{% when "a" %}is a{% when "b" %}is b{% else %}other{% endcase %}\n'
    '      {% if s == "z" %}z{% elsif s == "b" %}elsif b{% endif %}',
)
JEKYLL_BRANCHES = JEKYLL.replace("first a\n      \n", "first a\n      is a\n      \n").replace(
    "       b\n      \n", "      later b\n      is b\n      elsif b\n"
)


@pytest.mark.parametrize(
    ("text", "expected"), [(LOOP, JEKYLL), (BRANCHES, JEKYLL_BRANCHES)], ids=["tags", "branches"]
)
def test_tags_in_a_block_body_render_where_markdown_reads_code(text: str, expected: str) -> None:
    assert BRANCHES != LOOP
    result = fixture_site().apply(text, PageInput("p.md", {"steps": ["a", "b"]}))
    assert (result.text, result.problems) == (expected, [])


def test_an_unset_name_with_liquid_s_default_renders_in_code() -> None:
    # An unknown name in code stays as written (another template language's, `{{ gha.unset }}`
    # below), unless Liquid's own `default:` says it may be unset: Jekyll prints the default.
    # Jekyll 4.3.1 wrote "a on main", "b on main" and "    x and " for these lines.
    text = LOOP.replace("{{ s }}", "{{ s }} on {{ repo.branch | default: 'main' }}")
    code = "\n    {{ other | default: 'x' }} and {{ gha.unset }}\n"
    result = fixture_site().apply(text + code, PageInput("p.md", {"steps": ["a", "b"]}))
    assert "first a on main" in result.text
    assert "       b on main" in result.text
    assert result.text.endswith("\n    x and {{ gha.unset }}\n")
