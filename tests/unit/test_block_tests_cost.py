"""Our block processors' tests, run on every block of every page, answer an ordinary block
from its text alone: the registry lookup they also need is a Python call, made only for a
block whose text could be theirs."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
import pytest
from markdown.util import Registry

from mkdocs_playbook.extension import PlaybookExtension

ORDINARY = [
    "A paragraph\nof two lines, with a [link](x.md).",
    "- [ ] a task\n- [x] done",
    "| a | b |\n| - | - |\n| 1 | 2 |",
]
PROCESSORS = ["playbook_definition_items", "kramdown_abbr_lines", "kramdown_footnote_end"]


def _no_lookup(self: Registry, item: object) -> bool:
    raise AssertionError("an ordinary block cost a registry lookup")


@pytest.mark.parametrize("name", PROCESSORS)
@pytest.mark.parametrize("block", ORDINARY)
def test_an_ordinary_block_is_answered_from_its_text(
    name: str, block: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    md = markdown.Markdown(extensions=[PlaybookExtension()])
    processor = md.parser.blockprocessors[name]
    monkeypatch.setattr(Registry, "__contains__", _no_lookup)
    assert not processor.test(etree.Element("div"), block)


@pytest.mark.parametrize(
    ("name", "block"),
    [
        ("playbook_definition_items", "Term\n: its definition\nOther\n: its own"),
        ("kramdown_abbr_lines", "*[A]: first\n*[B]: second\n*[C]: third"),
        ("kramdown_footnote_end", "[^1]: A note\nNot indented: a paragraph of its own"),
    ],
)
def test_a_block_that_could_be_theirs_is_still_taken(name: str, block: str) -> None:
    md = markdown.Markdown(extensions=[PlaybookExtension()])
    assert md.parser.blockprocessors[name].test(etree.Element("div"), block)
