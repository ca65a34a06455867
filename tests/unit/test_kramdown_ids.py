"""Heading ids as Jekyll's kramdown gives them (`jekyll/kramdown_ids.py`, and its tree
processor in `jekyll/kramdown.py`), for a site with a Jekyll `_config.yml`.

Every expected id below is what Jekyll 4.3.1 (kramdown 2.4.0, kramdown-parser-gfm 1.1.0,
Debian 12) made of the same heading (`scripts/kramdown-html`); the fixture
tests/fixtures/kramdown/heading-ids.md is compared with its kramdown rendering as a whole.
These are the cases whose rendered text differs from kramdown's (typographic symbols, smart
quotes, footnote markup), so only their ids can be compared.
"""

from __future__ import annotations

import re

import markdown
import pytest
from test_kramdown_fixtures import site_markdown_extensions

from mkdocs_playbook.jekyll.kramdown import KramdownSettings, register_kramdown
from mkdocs_playbook.jekyll.kramdown_ids import HeadingIds, converter_id, gfm_id, is_word


def heading_ids(text: str, settings: KramdownSettings | None = None) -> list[str | None]:
    names, configs = site_markdown_extensions()
    md = markdown.Markdown(extensions=names, extension_configs=configs)
    register_kramdown(md, settings or KramdownSettings(heading_ids=True), lambda *_: None)
    html = md.convert(text)
    return [match.group(1) for match in re.finditer(r'<h[1-6](?: id="([^"]*)")?', html)]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # `--` and `---` outside code are dashes in kramdown, which the id then drops.
        ("Run `rollout --undo` -- then wait...", "run-rollout---undo--then-wait"),
        ("Em---dash and en--dash", "emdash-and-endash"),
        # Runs of hyphens: `---` first, then `--`; escaped ones stay hyphens.
        ("Drain \\-\\-force a----b a-----b a------b a-------b", "drain---force-a-b-ab-ab-a-b"),
        # `<< ` and ` >>` take their space with them (a no-break space in kramdown).
        ("\"Quoted\" and 'single' << >>", "quoted-and-single-"),
        ("Wait... what?", "wait-what"),
        # A footnote reference is no text, but the space before it is.
        ("Ends with a space before a note [^n]", "ends-with-a-space-before-a-note-"),
        ("Rates &amp; limits", "rates--limits"),
    ],
)
def test_heading_ids_are_kramdowns(heading: str, expected: str) -> None:
    assert heading_ids(f"## {heading}\n\n[^n]: Note.\n") == [expected]


def test_repeats_count_by_the_id_before_its_suffix() -> None:
    text = "## Hello\n\n## Hello\n\n## Hello 1\n\n## Hello\n"
    assert heading_ids(text) == ["hello", "hello-1", "hello-1", "hello-2"]


def test_a_heading_kramdown_gives_no_id_gets_tocs_and_still_counts() -> None:
    # kramdown: no id, then `-1`, `-2`. The site's table of contents needs an id, so
    # Python-Markdown's toc gives the first one its own.
    assert heading_ids("## 🚨\n\n## 🚨\n\n## 🚨\n") == ["_1", "-1", "-2"]


def test_headings_in_html_and_footnotes_get_the_html_converters_ids() -> None:
    text = (
        '## Same\n\nText.[^n]\n\n<div markdown="1">\n## Déjà vu!\n\n## Déjà vu!\n</div>\n\n'
        "[^n]: Note.\n\n    ## Same\n"
    )
    assert heading_ids(text) == ["same", "dj-vu", "dj-vu-1", "same"]


def test_sites_without_a_jekyll_config_keep_python_markdowns_ids() -> None:
    text = "## Hello\n\n## Hello\n\n## Déjà vu!\n"
    assert heading_ids(text, KramdownSettings()) == ["hello", "hello_1", "deja-vu"]


def test_auto_id_prefix_and_kramdown_input_are_honoured() -> None:
    text = "## Déjà vu!\n\n## Déjà vu!\n"
    prefixed = KramdownSettings.from_site({"kramdown": {"auto_id_prefix": "p-"}}, heading_ids=True)
    assert heading_ids(text, prefixed) == ["p-déjà-vu", "p-déjà-vu-1"]
    plain = KramdownSettings.from_site({"kramdown": {"input": "kramdown"}}, heading_ids=True)
    assert heading_ids(text, plain) == ["dj-vu", "dj-vu-1"]


@pytest.mark.parametrize(
    ("data", "heading_ids_on"),
    [
        ({}, True),
        ({"kramdown": {"auto_ids": False}}, False),
        ({"kramdown": {"auto_ids": True}}, True),
        ({"kramdown": "not a mapping"}, True),
    ],
)
def test_heading_ids_only_for_jekyll_sites_with_auto_ids(
    data: dict[str, object], heading_ids_on: bool
) -> None:
    assert KramdownSettings.from_site(data, heading_ids=True).heading_ids is heading_ids_on
    assert KramdownSettings.from_site(data).heading_ids is False


@pytest.mark.parametrize(
    ("text", "gfm", "converter"),
    [
        ("Hello, World!", "hello-world", "hello-world"),
        ("A  b\tc", "a--b-c", "a--bc"),
        ("Ünïcödé Straße", "ünïcödé-straße", "ncd-strae"),
        # Ruby lower-cases each character alone: no final sigma.
        ("\u0391\u03a3 \u03a3\u0391\u03a3", "\u03b1\u03c3-\u03c3\u03b1\u03c3", "section"),
        # Letter numbers, marks, connectors and alphabetic symbols are word characters; other
        # numbers and emoji are not.
        ("Ⅻ a\u0301 a‿b Ⓐ 🅰 ² ½ 🚨", "ⅻ-a\u0301-a‿b-ⓐ-🅰---", "a-ab-----"),
        ("123 Go", "123-go", "go"),
        ("", "", "section"),
    ],
)
def test_the_two_rules(text: str, gfm: str, converter: str) -> None:
    assert gfm_id(text) == gfm
    assert (converter_id(text) or "section") == converter


def test_word_characters_are_rubys() -> None:
    assert all(is_word(char) for char in "aZ_é\u0301٣Ⅻ‿Ⓐⓩ🅰")
    assert not any(is_word(char) for char in "-. \t²½🚨\u200d!")


def test_counts_are_kept_apart_per_rule() -> None:
    ids = HeadingIds()
    assert [ids.gfm("A"), ids.converter("A"), ids.gfm("A"), ids.converter("A")] == [
        "a",
        "a",
        "a-1",
        "a-1",
    ]
    assert [ids.converter("!"), ids.converter("?")] == ["section", "section-1"]


def test_a_long_heading_of_dashes_and_raw_html() -> None:
    heading = "a--" * 20_000 + "<b>x</b>" * 5_000
    assert heading_ids(f"## {heading}\n") == ["a" * 20_000 + "x" * 5_000]
