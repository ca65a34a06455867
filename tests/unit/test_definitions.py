"""A compact definition list (no blank lines) is one list of terms and definitions."""

from __future__ import annotations

import re

import markdown
import pytest

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.page.definitions import item_starts


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("T1\n: D1\nT2\n: D2", [2]),
        ("T1\n: D1\n    more\nT2\nT2b\n: D2\n: D2b", [3]),
        # Lines after the last definition that no definition follows are its lazy body.
        ("T1\n: D1\nlazy\nlines", []),
        ("T1\nT1b\n: D1\n: D1b", []),
        ("a paragraph\nwith: a colon", []),
        # Indented lines break a run of terms: what comes before them is the body.
        ("T1\n: D1\nlazy\n    indented\nT2\n: D2", [4]),
    ],
)
def test_items_start_at_the_terms_after_a_definition(text: str, starts: list[int]) -> None:
    assert item_starts(text.split("\n")) == starts


def _convert(text: str, *extensions: str) -> str:
    md = markdown.Markdown(extensions=[PlaybookExtension(), *extensions])
    return md.convert(text)


@pytest.mark.parametrize("extensions", [(), ("def_list",)])
def test_five_hundred_compact_pairs_render_as_one_list(extensions: tuple[str, ...]) -> None:
    text = "".join(f"Term {k}\n: Definition {k}\n" for k in range(500))
    html = _convert(text, *extensions)
    assert html.count("<dl>") == 1
    pairs = re.findall(r"<dt>Term (\d+)</dt>\n<dd>Definition (\d+)</dd>", html)
    assert pairs == [(str(k), str(k)) for k in range(500)]


def test_a_compact_list_renders_as_with_blank_lines() -> None:
    compact = "T1\n: D1\nT2\nT2b\n: D2\n    more\n: D2b\nlazy\n"
    spaced = "T1\n: D1\n\nT2\nT2b\n: D2\n    more\n: D2b\nlazy\n"
    assert _convert(compact) == _convert(spaced)
