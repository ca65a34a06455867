from __future__ import annotations

import pytest

from mkdocs_playbook.widgets.placeholders import (
    PlaceholderUse,
    find_placeholders,
    mistyped_placeholders,
    uses_in,
)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (":rotating_light: SEV-{#} | {Summary}", ["#", "Summary"]),
        (
            "Start: {UTC Timestamp}\nTracker: {Incident doc link}",
            ["UTC Timestamp", "Incident doc link"],
        ),
        ("by {time}. Track: {status page or shared doc}.", ["time", "status page or shared doc"]),
        ("{ Summary } and {Customer's name} {x_y} {é}", ["Summary", "Customer's name", "x_y", "é"]),
        ('${VAR} {{ site.title }} {{x}} {"a": 1} {1abc} {} { } {a}}', []),
        ("fn() { return x; } {#} {##}", ["#"]),
        ("{" + "a" * 60 + "} {" + "a" * 61 + "}", ["a" * 60]),
    ],
)
def test_names(text: str, names: list[str]) -> None:
    assert [p.name for p in find_placeholders(text)] == names


def test_offsets_raw_and_key() -> None:
    (placeholder,) = find_placeholders("at { Time } now")
    assert (placeholder.start, placeholder.end) == (3, 11)
    assert placeholder.raw == " Time "
    assert placeholder.key == "time"


def test_find_placeholders_within_a_range_keeps_offsets_of_the_whole_text() -> None:
    text = "{A} `{B}` {C}"
    found = find_placeholders(text, 4, 9)
    assert [(p.name, p.start, p.end) for p in found] == [("B", 5, 8)]


@pytest.mark.parametrize(
    ("text", "raw", "name", "clean"),
    [
        ("{Summary}", "{Summary}", "Summary", True),
        ("{ Summary}", "{ Summary}", "Summary", False),
        ("{UTC  Timestamp }", "{UTC  Timestamp }", "UTC Timestamp", False),
    ],
)
def test_a_use_keeps_its_spelling_and_its_clean_name(
    text: str, raw: str, name: str, clean: bool
) -> None:
    (placeholder,) = find_placeholders(text)
    use = PlaceholderUse.of(placeholder)
    assert (use.raw, use.name, use.clean) == (raw, name, clean)


def _use(text: str) -> PlaceholderUse:
    (placeholder,) = find_placeholders(text)
    return PlaceholderUse.of(placeholder)


def test_padded_spelling_of_a_placeholder_the_site_spells_cleanly_is_mistyped() -> None:
    uses = [
        ("docs/a.md", _use("{Summary}")),
        ("docs/b.md", _use("{ Summary}")),
        ("docs/b.md", _use("{UTC  Timestamp}")),
        ("docs/a.md", _use("{UTC Timestamp}")),
    ]
    found = mistyped_placeholders(uses)
    assert [(m.page, m.use.raw, m.intended, m.example) for m in found] == [
        ("docs/b.md", "{ Summary}", "{Summary}", "docs/a.md"),
        ("docs/b.md", "{UTC  Timestamp}", "{UTC Timestamp}", "docs/a.md"),
    ]
    message = found[0].message("docs/a.md:48")
    assert "`{ Summary}` looks mistyped" in message
    assert "`{Summary}` (e.g. docs/a.md:48)" in message


def test_a_page_spells_its_code_placeholders_once_each() -> None:
    assert uses_in(["SEV-{#} | {Summary}", "{Summary} at { Time}"]) == {
        _use("{#}"),
        _use("{Summary}"),
        _use("{ Time}"),
    }


@pytest.mark.parametrize(
    "uses",
    [
        [("docs/a.md", _use("{ Summary}"))],  # nobody spells it cleanly: may be code
        [("docs/a.md", _use("{Time}")), ("docs/b.md", _use("{time}"))],  # one value
        [("docs/a.md", _use("{Summary}")), ("docs/a.md", _use("{Summary}"))],
    ],
)
def test_nothing_mistyped(uses: list[tuple[str, PlaceholderUse]]) -> None:
    assert mistyped_placeholders(uses) == []
