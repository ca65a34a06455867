"""The site's own layouts around a page's content inside the theme's page
(`jekyll.content_layouts`, `jekyll.own_layouts.InTheme`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_playbook.jekyll.content_layouts import around_content
from mkdocs_playbook.jekyll.own_layouts import InTheme, Layout, own_layout
from mkdocs_playbook.jekyll.rewrite import PageInput, Rewrites


@pytest.fixture
def source(tmp_path: Path) -> str:
    files = {
        "_layouts/home.html": "---\nlayout: default\n---\n{{ content }}\n<p>Extra</p>",
        "_layouts/page.html": "---\nlayout: default\n---\n{{ content }}",
        "_layouts/framed.html": "---\nlayout: noted\n---\n<div>{{ content }}</div>",
        "_layouts/noted.html": "---\nlayout: page\n---\n{{ content }}<p>Note</p>",
        "_layouts/about.html": "<html>the site's copy of a page, under a theme's name</html>",
        "_layouts/minimal.html": "---\nlayout: home\n---\n<html>a copy of the theme's</html>",
        # Indented after a blank line: code, were it Markdown.
        "_includes/list.html": "<ul>\n\n    {%- for p in include.items -%}\n"
        "        <li>{{ p }}</li>\n    {%- endfor -%}\n</ul>",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return str(tmp_path)


def test_a_sites_layout_of_a_themes_name_wins_over_the_themes(source: str) -> None:
    home = own_layout(source, "home")
    assert home == InTheme((Layout("_layouts/home.html", "{{ content }}\n<p>Extra</p>"),))


def test_site_layouts_are_followed_out_to_the_themes_page(source: str) -> None:
    framed = own_layout(source, "framed")
    assert isinstance(framed, InTheme)
    assert [layout.shown for layout in framed.layouts] == [
        "_layouts/framed.html",
        "_layouts/noted.html",
    ]


def test_a_layout_that_prints_the_content_alone_is_not_rendered(source: str) -> None:
    """abap-leitfaden's `page.html`, which GitHub Pages gives every page: no Liquid to run."""
    assert own_layout(source, "page") is None


@pytest.mark.parametrize("name", ["about", "minimal", "post"])
def test_the_themes_page_stays_the_themes(source: str, name: str) -> None:
    """A site's copy of the page under a theme's name, the theme's page layouts (a site's
    copy of them too) and a theme layout the site has not: Material's page alone."""
    assert own_layout(source, name) is None


def _site(source: str) -> Rewrites:
    return Rewrites({}, docs_dir=source, jekyll_source=source)


def _page(*layouts: Layout) -> PageInput:
    return PageInput("guide.md", {"title": "Guide", "items": ["a", "b"]}, layouts=layouts)


def test_layouts_print_around_the_content_innermost_first(source: str) -> None:
    page = _page(
        Layout("_layouts/inner.html", "<div>{{ content }}</div>"),
        Layout("_layouts/outer.html", "{{ content }}\n<p>{{ page.title }}</p>"),
    )
    around = around_content(_site(source), page)
    assert (around.before, around.after, around.problems) == ("<div>", "</div>\n<p>Guide</p>", [])


def test_an_include_in_a_layout_is_html_its_indented_lines_no_code(source: str) -> None:
    layout = Layout("_layouts/home.html", "{{ content }}{% include list.html items=page.items %}")
    around = around_content(_site(source), _page(layout))
    assert (around.after, around.problems) == ("<ul><li>a</li><li>b</li></ul>", [])


def test_a_layout_problem_names_the_layouts_line(source: str) -> None:
    layout = Layout("_layouts/home.html", "{{ content }}\n<p>{% include missing.html %}</p>")
    (problem,) = around_content(_site(source), _page(layout)).problems
    assert problem.line == 0
    assert problem.message.startswith("_layouts/home.html:2:4: `{% include missing.html %}`")


@pytest.mark.parametrize("template", ["<p>no content</p>", "{{ content }}{{ content }}"])
def test_a_layout_that_does_not_print_the_content_once_is_left_out(
    source: str, template: str
) -> None:
    around = around_content(_site(source), _page(Layout("_layouts/x.html", template)))
    assert (around.before, around.after) == ("", "")
    (problem,) = around.problems
    assert "layout _layouts/x.html" in problem.message
    assert "the page's content" in problem.message
