"""The source reader finds a link whose destination holds spaces, as kramdown and
Python-Markdown render it (markdown-it alone, being CommonMark, finds none there), so a
finding about it names its line and column instead of "added by an extension or widget"."""

from __future__ import annotations

from mkdocs_playbook.page.source import Source

PAGE = """# Tests

Intro.

Siehe [Mocking mit ECATT](Testdatenverwaltung in ECATT-Containern) dort,
und ![das Bild](Bild mit Namen.png) von [Seite](Seite (Entwurf)) und [t](ziel "Titel").
"""


def test_destinations_with_spaces_are_links_at_their_place() -> None:
    links = [(link.href, link.line, link.column, link.kind) for link in Source(PAGE).links]
    assert links == [
        ("Testdatenverwaltung%20in%20ECATT-Containern", 5, 27, "link"),
        ("Bild%20mit%20Namen.png", 6, 17, "image"),
        ("Seite%20(Entwurf)", 6, 49, "link"),
        ("ziel", 6, 74, "link"),
    ]
    # What CommonMark reads alike stays as it read it: its own `<...>` form, a destination
    # never closed (no link, as in kramdown), an empty one.
    for text, expected in [
        ("[a](<b c>)\n", [("b%20c", 1, 6)]),
        ("[a](b c\n", []),
        ("[a]( )\n", [("", 1, 5)]),
    ]:
        assert [(link.href, link.line, link.column) for link in Source(text).links] == expected
