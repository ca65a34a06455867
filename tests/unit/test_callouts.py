"""Just the Docs callouts as Material admonitions (`jekyll/callouts.py`)."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import material
import pytest

from mkdocs_playbook.jekyll.callouts import MATERIAL_TYPES, register_callouts
from mkdocs_playbook.jekyll.kramdown import KramdownSettings, register_kramdown
from mkdocs_playbook.jekyll.site_config import CALLOUT_COLORS, Callout, CalloutsLevel
from mkdocs_playbook.static import ASSETS_DIR

Problems = list[tuple[int, int, str]]


def render(
    text: str, callouts: dict[str, Callout], level: CalloutsLevel | None = None
) -> tuple[str, Problems]:
    md = markdown.Markdown(extensions=["attr_list", "admonition"])
    problems: Problems = []

    def report(line: int, column: int, message: str) -> None:
        problems.append((line, column, message))

    register_kramdown(md, KramdownSettings(), report)
    register_callouts(md, callouts, report, level=level)
    return md.convert(text), problems


@pytest.mark.parametrize("color", CALLOUT_COLORS)
def test_each_colour_gets_its_material_type(color: str) -> None:
    html, problems = render("{: .c }\nText\n", {"c": Callout("c", color, "Title")})
    kind = MATERIAL_TYPES[color]
    own = " playbook-callout--grey-lt" if color == "grey-lt" else ""
    assert html == (
        f'<div class="admonition {kind} playbook-callout{own}">'
        '<p class="admonition-title">Title</p><p>Text</p></div>'
    )
    assert problems == []


def test_colours_look_different_from_one_another() -> None:
    looks = {(MATERIAL_TYPES[c], c == "grey-lt") for c in CALLOUT_COLORS}
    assert len(looks) == len(CALLOUT_COLORS)


def test_material_styles_every_type_used_and_jtd_css_the_rest() -> None:
    stylesheets = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    css = "".join(path.read_text(encoding="utf-8") for path in stylesheets.glob("main.*.css"))
    for kind in set(MATERIAL_TYPES.values()):
        assert f".md-typeset .admonition.{kind}" in css, kind
    assert ".playbook-callout--grey-lt" in (ASSETS_DIR / "jtd.css").read_text(encoding="utf-8")


def test_an_unknown_colour_is_shown_as_dark_grey() -> None:
    html, _ = render("{: .c }\nText\n", {"c": Callout("c", "pink")})
    assert html.startswith('<div class="admonition quote playbook-callout">')


@pytest.mark.parametrize(
    ("level", "classes"),
    [
        (None, "playbook-callout"),
        ("quiet", "playbook-callout playbook-callout--quiet"),
        ("loud", "playbook-callout playbook-callout--loud"),
    ],
)
def test_callouts_level_is_a_modifier(level: CalloutsLevel | None, classes: str) -> None:
    html, _ = render("{: .c }\nText\n", {"c": Callout("c", "blue")}, level)
    assert html.startswith(f'<div class="admonition note {classes}">')


def test_a_block_quote_callout_keeps_its_paragraphs_id_and_other_classes() -> None:
    html, _ = render(
        "{: .warning #careful .fs-5 }\n> One\n>\n> Two\n",
        {"warning": Callout("warning", "red", "W")},
    )
    assert re.sub(r"\s+", " ", html) == (
        '<div class="admonition danger playbook-callout fs-5" id="careful"> '
        '<p class="admonition-title">W</p><p>One</p> <p>Two</p> </div>'
    )


def test_title_form_takes_the_first_paragraph_as_title() -> None:
    callouts = {"note": Callout("note", "purple", "Note")}
    html, _ = render("{: .note-title }\n> My *own* title\n>\n> Body\n", callouts)
    assert '<p class="admonition-title">My <em>own</em> title</p>' in html
    assert "Note<" not in html
    html, _ = render("{: .note-title }\nA paragraph\n", callouts)
    assert html == '<div class="admonition example playbook-callout"><p>A paragraph</p></div>'


def test_a_class_set_without_kramdown_is_a_callout_too() -> None:
    html, problems = render("Text\n{.note}\n", {"note": Callout("note", "purple")})
    assert html.startswith('<div class="admonition example')
    html, problems = render("Text\n{.note}\n", {})
    assert html == '<p class="note">Text</p>'
    assert [(line, column) for line, column, _ in problems] == [(0, 0)]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Intro\n\n{: .warning }\nText\n", [(3, 1)]),
        ("Intro\n\nText\n{: .fs-5 .note }\n", [(4, 1)]),
        ("{: .thing-title }\n> T\n>\n> body\n", [(1, 1)]),
        ("{: .thing-title }\nA paragraph\n", []),
        ("{: .tip }\nText\n", []),
        ("{: .code-example }\nText\n", []),
    ],
)
def test_only_classes_that_can_only_be_callouts_are_reported_undefined(
    text: str, reported: list[tuple[int, int]]
) -> None:
    html, problems = render(text, {"other": Callout("other", "blue")})
    assert [(line, column) for line, column, _ in problems] == reported
    assert "admonition" not in html
    for *_, message in problems:
        assert "is not defined under `callouts:` in _config.yml" in message
