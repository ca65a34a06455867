"""Just the Docs' UI classes on Material (`jekyll/ui_classes.py`, `assets/jtd.css`)."""

from __future__ import annotations

import gzip

import markdown
import pytest

from mkdocs_playbook.extension import JEKYLL_STYLESHEET, SCRIPTS, STYLESHEETS
from mkdocs_playbook.jekyll.ui_classes import UTILITY_STYLES, register_ui_classes
from mkdocs_playbook.static import ASSETS_DIR, served_files

ASSETS_GZIP_TARGET = 15 * 1024
"""bench's target for all our assets together (scripts/lib/bench/report.py)."""


def render(text: str) -> str:
    md = markdown.Markdown(extensions=["attr_list"])
    register_ui_classes(md)
    return md.convert(text)


@pytest.mark.parametrize(
    ("classes", "expected"),
    [
        (".btn", "btn md-button"),
        (".btn .btn-primary", "btn btn-primary md-button md-button--primary"),
        (".btn .btn-purple", "btn btn-purple md-button md-button--primary"),
        (".btn .btn-blue", "btn btn-blue md-button md-button--primary"),
        (".btn .btn-green", "btn btn-green md-button md-button--primary"),
        (".btn .btn-outline", "btn btn-outline md-button"),
        (".btn-blue", "btn-blue"),
        (".label .label-red", "label label-red"),
    ],
)
def test_buttons_become_materials(classes: str, expected: str) -> None:
    assert render(f"[Go](x){{ {classes} }}") == f'<p><a class="{expected}" href="x">Go</a></p>'


@pytest.mark.parametrize(
    ("name", "style"),
    [
        ("mr-2", "margin-right:.4rem"),
        ("m-0", "margin:0"),
        ("mx-auto", "margin-right:auto;margin-left:auto"),
        ("my-10", "margin-top:3.2rem;margin-bottom:3.2rem"),
        ("mxn-1", "margin-right:-.2rem;margin-left:-.2rem"),
        ("px-6", "padding-right:1.6rem;padding-left:1.6rem"),
        ("pt-4", "padding-top:.8rem"),
        ("text-grey-dk-000", "color:#959396"),
        ("text-grey-dk-250", "color:#302d36"),
        ("bg-red-300", "background-color:#dd2e2e"),
    ],
)
def test_spacing_and_colour_utilities_become_inline_styles(name: str, style: str) -> None:
    assert UTILITY_STYLES[name] == style
    assert render(f"Text\n{{: .{name} }}") == f'<p class="{name}" style="{style}">Text</p>'


def test_styles_join_what_an_attribute_list_wrote() -> None:
    html = render('Text\n{: .mr-2 .text-red-000 style="font-style: italic;" }')
    assert 'style="font-style: italic;margin-right:.4rem;color:#f77e7e"' in html


@pytest.mark.parametrize("name", ["mb-lg-4", "d-md-none", "fs-5", "label", "text-delta"])
def test_other_classes_are_left_to_the_stylesheet(name: str) -> None:
    assert render(f"Text\n{{: .{name} }}") == f'<p class="{name}">Text</p>'


def test_every_utility_just_the_docs_documents_is_covered() -> None:
    css = (ASSETS_DIR / "jtd.css").read_text(encoding="utf-8")
    for name in [f"fs-{n}" for n in range(1, 11)] + ["fw-300", "fw-400", "fw-500", "fw-700"]:
        assert f".{name} " in css
    for name in ["text-delta", "d-inline-block", "float-right", "label-yellow", "btn-green"]:
        assert f".{name}" in css
    for side in ("", "t", "r", "b", "l", "x", "y"):
        for size in range(11):
            assert f"m{side}-{size}" in UTILITY_STYLES and f"p{side}-{size}" in UTILITY_STYLES
    colours = [name for name in UTILITY_STYLES if name.startswith("text-")]
    assert len(colours) == 29


def test_all_our_assets_with_jtd_css_stay_within_the_weight_target() -> None:
    served = served_files(minify=True)
    sizes = {
        name: len(gzip.compress(served[name].encode(), 6, mtime=0))
        for name in [*STYLESHEETS, *SCRIPTS, JEKYLL_STYLESHEET]
    }
    assert sizes["jtd.css"] < 800
    assert sum(sizes.values()) < ASSETS_GZIP_TARGET, sizes
