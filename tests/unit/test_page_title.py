from __future__ import annotations

import pytest

from mkdocs_playbook.placement import _atx_h1


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("# Title", "Title"),
        ("# Title #", "Title"),
        ("#\tTitle  ##  ", "Title"),
        ("# Title#", "Title#"),  # a closing sequence needs a space before it
        ("# a   b", "a   b"),
        ("# a" + " " * 20_000 + "b", "a" + " " * 20_000 + "b"),
        ("#Title", None),
        ("## Title", None),
        ("# #", None),
        ("#", None),
        ("#" + " " * 20_000, None),
    ],
)
def test_the_first_level_one_heading_gives_a_page_without_title_its_name(
    line: str, title: str | None
) -> None:
    assert _atx_h1(line) == title
