"""Footnotes numbered and linked as kramdown does: tests/fixtures/kramdown-footnotes/NAME.md,
with NAME.kramdown.html what kramdown 2.4.0 (Jekyll 4.3.1's options) made of it, written by
`scripts/kramdown-html`. The markup around them is each converter's own (kramdown's
`class="footnote"` and `role`s, Python-Markdown's `footnote-ref`); what a reader sees and
follows is compared: each reference's number, id and target, the order of the notes, and
each backlink's target and text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_kramdown_gfm import convert

FIXTURES = Path(__file__).parent.parent / "fixtures" / "kramdown-footnotes"


class _Footnotes(HTMLParser):
    """References (`sup` with an id: id, target, number), notes (`li` ids) and backlinks
    (target, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.references: list[tuple[str, str, str]] = []
        self.notes: list[str] = []
        self.backlinks: list[list[str]] = []
        self._sup: str | None = None
        self._link: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "sup" and attributes.get("id", "") and self._link is None:
            self._sup = attributes.get("id") or ""
        elif tag == "a" and self._sup is not None:
            self.references.append((self._sup, attributes.get("href") or "", ""))
        elif tag == "li" and (attributes.get("id") or "").startswith("fn:"):
            self.notes.append(attributes["id"] or "")
        elif tag == "a" and self.notes and not (attributes.get("href") or "").startswith("#fn:"):
            self._link = [attributes.get("href") or "", ""]
            self.backlinks.append(self._link)

    def handle_endtag(self, tag: str) -> None:
        if tag == "sup" and self._link is None:
            self._sup = None
        elif tag == "a":
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._sup is not None and self.references and self._link is None:
            ref, target, number = self.references[-1]
            self.references[-1] = (ref, target, number + data.strip())
        elif self._link is not None:
            self._link[1] += data.strip()


def _read(html: str) -> _Footnotes:
    reader = _Footnotes()
    reader.feed(html)
    return reader


@pytest.mark.parametrize("site", ["plugin-only", "site"])
@pytest.mark.parametrize("source", sorted(FIXTURES.glob("*.md")), ids=lambda p: p.stem)
def test_footnotes_are_numbered_and_linked_as_kramdown_does(source: Path, site: str) -> None:
    ours = _read(convert(source.read_text(encoding="utf-8"), site)[0])
    theirs = _read(source.with_suffix(".kramdown.html").read_text(encoding="utf-8"))
    assert theirs.references and theirs.notes
    assert ours.references == theirs.references
    assert ours.notes == theirs.notes
    assert ours.backlinks == theirs.backlinks
