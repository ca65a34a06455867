"""Just the Docs' footer settings (`_config.yml`) as Material shows them, key by key."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from mkdocs_playbook.jekyll.layout_parts import FooterParts

JTD_FORMAT = "%b %e %Y at %I:%M %p"
"""Just the Docs' documented `last_edit_time_format`."""


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({}, FooterParts()),
        ({"footer_content": "© Team"}, FooterParts(copyright="© Team")),
        ({"footer_content": ""}, FooterParts()),
        ({"back_to_top": True, "back_to_top_text": "Up"}, FooterParts(back_to_top=True)),
        ({"back_to_top": False}, FooterParts()),
        # Both are needed, as footer.html asks for both.
        ({"last_edit_timestamp": True}, FooterParts()),
        ({"last_edit_time_format": "%Y"}, FooterParts()),
        (
            {"last_edit_timestamp": True, "last_edit_time_format": "%Y"},
            FooterParts(last_edit_format="%Y"),
        ),
    ],
)
def test_settings_read_as_just_the_docs_reads_them(
    data: dict[str, Any], expected: FooterParts
) -> None:
    assert FooterParts.from_site(data) == expected


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (datetime.datetime(2026, 3, 4, 15, 30), "Mar  4 2026 at 03:30 PM"),
        (datetime.date(2026, 3, 4), "Mar  4 2026 at 12:00 AM"),
        ("2026-03-04 15:30:00", "Mar  4 2026 at 03:30 PM"),
        ("2026-03-04T15:30:00+01:00", "Mar  4 2026 at 03:30 PM"),
        ("last spring", "last spring"),  # Liquid's `date` prints what it cannot read
    ],
)
def test_last_modified_date_is_formatted(value: Any, shown: str) -> None:
    parts = FooterParts(last_edit_format=JTD_FORMAT)
    assert parts.last_edit({"last_modified_date": value}) == shown


def test_no_date_without_the_setting_or_the_front_matter() -> None:
    assert FooterParts().last_edit({"last_modified_date": "2026-03-04"}) is None
    assert FooterParts(last_edit_format=JTD_FORMAT).last_edit({}) is None
