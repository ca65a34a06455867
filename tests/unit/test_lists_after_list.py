"""A paragraph after a loose list, with item markers on its next lines (`page.lists`): the
list is over, so no blank line goes before them; one goes only inside a loose item."""

from __future__ import annotations

import pytest

from mkdocs_playbook.page.lists import nest_lists


@pytest.mark.parametrize(
    "text",
    [
        # A top-level paragraph: `1)` lines are more of it (kramdown's reading of `1)`).
        "1. one\n\nGilt hier:\n1) eins\n2) zwei",
        # The same inside an admonition's body: the body is no item.
        "!!! note\n    1. one\n\n    Gilt hier:\n    1) eins\n    2) zwei",
    ],
)
def test_a_paragraph_after_a_loose_list_is_not_cut(text: str) -> None:
    assert nest_lists(text.split("\n")) == text.split("\n")


def test_an_item_after_a_loose_items_paragraph_still_starts_an_item() -> None:
    lines = "1. one\n\n   more of one\n2. two".split("\n")
    assert nest_lists(lines) == ["1. one", "", "    more of one", "", "2. two"]
