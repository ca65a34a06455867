"""Front matter is found where Jekyll 4.3.1 finds it: each case's YAML and body are what
`Jekyll::Document::YAML_FRONT_MATTER_REGEXP` matched in Ruby 3.1 on this machine (the group
before the closing dashes, less its opening line, and `post_match`)."""

from __future__ import annotations

import pytest

from mkdocs_playbook.jekyll.frontmatter import find_block, parse_front_matter

# text -> (YAML, body) as Jekyll reads them; None: no front matter.
CASES: dict[str, tuple[str, str] | None] = {
    # Closed at the very end of the file, without a line break (a real parent page).
    "---\ntitle: B\nhas_children: true\n---": ("title: B\nhas_children: true\n", ""),
    "---\n---\n# E\n": ("", "# E\n"),
    "---\r\ntitle: W\r\n---\r\nx\r\n": ("title: W\r\n", "x\r\n"),
    # Closed with dots; the blank lines after the block are not the body.
    "---\ntitle: D\n...\n\n\n  text\n": ("title: D\n", "  text\n"),
    "--- \ntitle: A\n---  \n\nx": ("title: A\n", "x"),
    "---\ntitle: A\n---\n \t\n": ("title: A\n", ""),
    "---\ntitle: A\n----\nb: 1\n---\nbody": ("title: A\n----\nb: 1\n", "body"),
    "---\n\n\ntitle: A\n---\nx": ("\n\ntitle: A\n", "x"),
    "---\ntitle: A\n--- x\n...\nbody": ("title: A\n--- x\n", "body"),
    "---\ntitle: A\n": None,
    "----\ntitle: A\n---\n": None,
    "text\n---\ntitle: A\n---\n": None,
}


@pytest.mark.parametrize(("text", "expected"), CASES.items(), ids=[repr(t) for t in CASES])
def test_block_is_where_jekyll_finds_it(text: str, expected: tuple[str, str] | None) -> None:
    block = find_block(text)
    found = None if block is None else (block.yaml, text[block.body_start :])
    assert found == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("---\ntitle: Binaries\nhas_children: true\nnav_order: 5\n---", "Binaries"),
        ("---\r\ntitle: Windows lines\r\n---\r\n# Windows lines\r\n", "Windows lines"),
        ("\ufeff---\ntitle: Byte order mark\n---\nbody\n", "Byte order mark"),
        ("---\ntitle: Dotted\n...", "Dotted"),
    ],
)
def test_keys_are_read_from_every_block_jekyll_reads(text: str, title: str) -> None:
    front_matter = parse_front_matter(text)
    assert front_matter.problem is None
    assert front_matter.data["title"] == title


def test_empty_block_is_front_matter_without_keys() -> None:
    front_matter = parse_front_matter("---\n---\n# Empty front matter\n")
    assert front_matter.data == {}
    assert front_matter.body_start == len("---\n---\n")
