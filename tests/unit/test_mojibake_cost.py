"""The mojibake lint costs a page that holds none of the characters a damaged sequence
starts with no scan: an ASCII page, or one whose only other characters are typed right."""

from __future__ import annotations

from typing import Any

import pytest

from mkdocs_playbook.page import lint
from mkdocs_playbook.page.lint import find_mojibake
from mkdocs_playbook.page.source import Source


class _NoScan:
    def finditer(self, text: str) -> Any:
        raise AssertionError("the page was scanned")


@pytest.mark.parametrize(
    "text", ["# Page\n\nPlain ASCII, `code`.\n", "# Café\n\nAn em dash — and “quotes”.\n"]
)
def test_a_page_without_a_damaged_sequence_lead_is_not_scanned(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lint, "_MOJIBAKE_RE", _NoScan())
    assert find_mojibake(Source(text)) == []


@pytest.mark.parametrize("damaged", ["â€”", "Ã©", "\ufffd", "ï¿½", "ðŸ"])
def test_every_damaged_sequence_is_still_found(damaged: str) -> None:
    found = find_mojibake(Source(f"# Page\n\nText {damaged} here.\n"))
    assert [(m.text, m.line, m.column) for m in found] == [(damaged, 3, 6)]
