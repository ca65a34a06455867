"""`{Placeholder}` tokens: what counts as one, where it stands, which spellings look mistyped."""

from __future__ import annotations

import pytest

from playbook.placeholders import PlaceholderUse, find_placeholders, mistyped_placeholders

FOUND = [
    ("SEV-{#} | {Summary}", [("{#}", "#", 4), ("{Summary}", "Summary", 10)]),
    ("Start: {UTC Timestamp}", [("{UTC Timestamp}", "UTC Timestamp", 7)]),
    ("at {time}.", [("{time}", "time", 3)]),
    ("{YYYY-MM-DD}/{db_name}", [("{YYYY-MM-DD}", "YYYY-MM-DD", 0), ("{db_name}", "db_name", 13)]),
    ("Update { Summary}", [("{ Summary}", "Summary", 7)]),
    ("{UTC  Timestamp }", [("{UTC  Timestamp }", "UTC Timestamp", 0)]),
    (
        "{status page or shared doc}",
        [("{status page or shared doc}", "status page or shared doc", 0)],
    ),
    # Not placeholders: Liquid, shell, Jinja comments, JSON, awk, empty braces.
    ("{{ site.title }}", []),
    ("echo ${HOME} ${ HOME }", []),
    ("{# note #}", []),
    ('{"a": 1}', []),
    ("awk '{ print $1 }'", []),
    ("{}", []),
    ("{ }", []),
    ("fn() { return; }", []),
    ("\\{Escaped}", []),
    ("{Summary", []),
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[case[0] for case in FOUND])
def test_find_placeholders(text: str, expected: list[tuple[str, str, int]]) -> None:
    found = find_placeholders(text)
    assert [(p.raw, p.name, p.start) for p in found] == expected
    for placeholder in found:
        assert text[placeholder.start : placeholder.end] == placeholder.raw


def test_find_placeholders_within_a_range_keeps_offsets_of_the_whole_text() -> None:
    text = "{A} `{B}` {C}"
    found = find_placeholders(text, 4, 9)
    assert [(p.raw, p.start, p.end) for p in found] == [("{B}", 5, 8)]


@pytest.mark.parametrize(
    ("raw", "canonical", "padded"),
    [("{Summary}", "{Summary}", False), ("{ Summary}", "{Summary}", True)],
)
def test_canonical_spelling(raw: str, canonical: str, padded: bool) -> None:
    (placeholder,) = find_placeholders(raw)
    assert placeholder.canonical == canonical
    assert placeholder.is_padded is padded


def _use(raw: str, line: int) -> PlaceholderUse:
    (placeholder,) = find_placeholders(raw)
    return PlaceholderUse(placeholder.raw, placeholder.name, line, 5)


def test_padded_spelling_of_a_placeholder_the_site_spells_cleanly_is_mistyped() -> None:
    uses = [
        ("docs/a.md", _use("{Summary}", 48)),
        ("docs/b.md", _use("{ Summary}", 7)),
        ("docs/b.md", _use("{UTC  Timestamp}", 9)),
        ("docs/a.md", _use("{UTC Timestamp}", 49)),
    ]
    found = mistyped_placeholders(uses)
    assert [(m.page, m.use.line, m.intended, m.seen_at) for m in found] == [
        ("docs/b.md", 7, "{Summary}", "docs/a.md:48"),
        ("docs/b.md", 9, "{UTC Timestamp}", "docs/a.md:49"),
    ]
    assert "`{ Summary}` looks mistyped" in found[0].message
    assert "`{Summary}`" in found[0].message


@pytest.mark.parametrize(
    "uses",
    [
        [("docs/a.md", _use("{ Summary}", 1))],  # nobody spells it cleanly: may be code
        [("docs/a.md", _use("{Time}", 1)), ("docs/b.md", _use("{time}", 2))],  # case is kept
        [("docs/a.md", _use("{Summary}", 1)), ("docs/a.md", _use("{Summary}", 2))],
    ],
)
def test_nothing_mistyped(uses: list[tuple[str, PlaceholderUse]]) -> None:
    assert mistyped_placeholders(uses) == []
