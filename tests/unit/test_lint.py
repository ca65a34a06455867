"""Content lint: mojibake with line and column, and headings a page holds twice."""

from __future__ import annotations

import pytest

from mkdocs_playbook.page.lines import Lines
from mkdocs_playbook.page.lint import duplicate_headings, find_mojibake, repeated_checklist_headings
from mkdocs_playbook.page.model import Heading
from mkdocs_playbook.page.source import Source

MOJIBAKE = [
    ("Incident Update ï¿½ {Summary}", [("ï¿½", 1, 17)]),
    ("Rollback â€” now", [("â€”", 1, 10)]),
    ("line one\nCafÃ© open", [("Ã©", 2, 4)]),
    ("say â€œhiâ€\x9d", [("â€œ", 1, 5), ("â€\x9d", 1, 10)]),
    ("a\ufffdb", [("\ufffd", 1, 2)]),
    ("Â\u00a0gap", [("Â\u00a0", 1, 1)]),
    ("ðŸš¨ alert", [("ðŸ", 1, 1)]),
    ("```\nrm â€“rf\n```", [("â€“", 2, 4)]),
]
CLEAN = [
    "Incident Update — {Summary}",
    "Café, naïve, São Paulo, Ångström, Ärger",
    "🚨 ✅ “quotes” \u2013 dashes …",
    "Ã alone, Â alone, â alone",
]


@pytest.mark.parametrize(("text", "expected"), MOJIBAKE, ids=[case[0] for case in MOJIBAKE])
def test_mojibake_is_found_where_it_stands(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert [(m.text, m.line, m.column) for m in find_mojibake(Source(text))] == expected


@pytest.mark.parametrize("text", CLEAN)
def test_correct_text_is_not_mojibake(text: str) -> None:
    assert find_mojibake(Source(text)) == []


def test_mojibake_message_names_the_damage_and_the_fix() -> None:
    (damage,) = find_mojibake(Source("a\ufffdb"))
    assert "mojibake `U+FFFD`" in damage.message
    assert "wrong encoding" in damage.message


def test_headings_that_share_their_text_form_a_group() -> None:
    headings = [
        Heading(1, "Playbook", "playbook"),
        Heading(2, "Recovery", "recovery"),
        Heading(2, "Escalation", "escalation"),
        Heading(3, "recovery", "recovery_1"),
    ]
    (group,) = duplicate_headings(headings)
    assert group.headings == (headings[1], headings[3])
    assert group.ids == {"recovery", "recovery_1"}


@pytest.mark.parametrize(
    "headings",
    [
        [],
        [Heading(2, "Recovery", "recovery"), Heading(2, "Recovery steps", "steps")],
        [Heading(2, "", None), Heading(2, "", None)],
    ],
)
def test_distinct_headings_pass(headings: list[Heading]) -> None:
    assert duplicate_headings(headings) == []


def test_a_repeated_heading_is_reported_only_when_a_checklist_stands_under_it() -> None:
    lines = Lines.of("## Added\n\ntext\n\n## Added\n\n- [ ] step\n", first_line=3)
    headings = [
        Heading(2, "Added", "added", lines.register("heading", "Added")),
        Heading(2, "Added", "added_1", lines.register("heading", "Added")),
    ]
    groups = duplicate_headings(headings)
    assert repeated_checklist_headings(groups, set()) == []
    (problem,) = repeated_checklist_headings(groups, {"Added"})
    assert problem.line == 8
    assert "checklist heading 'Added' (lines 4 and 8) repeats on the page" in problem.message
