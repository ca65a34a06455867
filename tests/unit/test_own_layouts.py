"""Which layouts are the site's own, not Just the Docs' (`jekyll.own_layouts`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_playbook.jekyll.own_layouts import InTheme, Layout, OwnLayout, own_layout


@pytest.fixture
def source(tmp_path: Path) -> str:
    layouts = tmp_path / "_layouts"
    layouts.mkdir()
    files = {
        "forward.html": "<html>{{ page.target }}</html>",
        "inner.html": "---\nlayout: outer\n---\n<main>{{ content }}</main>",
        "outer.html": "<html>{{ content }}</html>",
        "wrapped.html": "---\nlayout: default\n---\n<div>{{ content }}</div>",
        "default.html": "<html>a site's override of the theme's</html>",
        "loop.html": "---\nlayout: loop\n---\nx",
    }
    for name, text in files.items():
        (layouts / name).write_text(text, encoding="utf-8")
    return str(tmp_path)


def test_a_layout_of_the_sites_own_is_read_with_those_it_sits_in(source: str) -> None:
    forward = own_layout(source, "forward")
    assert isinstance(forward, OwnLayout)
    assert [layout.shown for layout in forward.layouts] == ["_layouts/forward.html"]
    inner = own_layout(source, "inner")
    assert isinstance(inner, OwnLayout)
    assert [layout.template for layout in inner.layouts] == [
        "<main>{{ content }}</main>",
        "<html>{{ content }}</html>",
    ]


@pytest.mark.parametrize("name", [None, "", "default", "minimal", "missing", 3])
def test_just_the_docs_layouts_are_the_themes(source: str, name: object) -> None:
    assert own_layout(source, name) is None


def test_a_layout_in_the_themes_page_is_put_inside_it(source: str) -> None:
    assert own_layout(source, "wrapped") == InTheme(
        (Layout("_layouts/wrapped.html", "<div>{{ content }}</div>"),)
    )


def test_a_layout_in_itself_is_said(source: str) -> None:
    assert own_layout(source, "loop") == (
        "_layouts/loop.html sits in itself, or in more than 10 layouts"
    )


def test_layout_none_is_the_pages_html_alone(source: str) -> None:
    assert own_layout(source, "none") == OwnLayout(())
