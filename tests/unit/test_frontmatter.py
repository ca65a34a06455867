from __future__ import annotations

import pytest

from mkdocs_playbook.jekyll.frontmatter import parse_front_matter


def test_reads_keys_with_their_file_lines() -> None:
    front_matter = parse_front_matter(
        "---\nlayout: default\ntitle: Playbook\nparent: Ops\nnav_order: 1\n---\n\n# Playbook\n"
    )
    assert front_matter.problem is None
    assert front_matter.data == {
        "layout": "default",
        "title": "Playbook",
        "parent": "Ops",
        "nav_order": 1,
    }
    assert front_matter.key_lines == {"layout": 2, "title": 3, "parent": 4, "nav_order": 5}


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("---\ntitle: A\nnav_order: [1\n---\n", 4, "malformed front matter: expected ','"),
        ("---\ntitle: A\n\tparent: B\n---\n", 3, "malformed front matter: found character"),
        ("---\ntitle: [A\n---\n", 3, "malformed front matter"),
        ("---\n- a\n- b\n---\n", 2, "expected a mapping of keys, got list"),
        ("---\njust text\n---\n", 2, "expected a mapping of keys, got str"),
        ("---\ntitle: 'open\n---\n", 3, "malformed front matter"),
    ],
)
def test_reports_bad_front_matter_with_line(text: str, line: int, reason: str) -> None:
    problem = parse_front_matter(text).problem
    assert problem is not None
    assert problem.line == line
    assert problem.message.startswith("malformed front matter")
    assert reason in problem.message


@pytest.mark.parametrize(
    "text",
    ["# No front matter\n", "", "---\n", "Some text\n---\nmore\n---\n", "\n---\ntitle: A\n---\n"],
)
def test_text_without_front_matter_is_empty(text: str) -> None:
    front_matter = parse_front_matter(text)
    assert front_matter.data == {}
    assert front_matter.problem is None


def test_empty_block_is_no_problem() -> None:
    front_matter = parse_front_matter("---\n\n---\n# Body\n")
    assert front_matter.data == {}
    assert front_matter.problem is None
    assert front_matter.body_start == len("---\n\n---\n")


def test_line_of_missing_key_is_the_opening_line() -> None:
    assert parse_front_matter("---\ntitle: A\n---\n").line_of("parent") == 1
