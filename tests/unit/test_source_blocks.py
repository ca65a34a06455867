from __future__ import annotations

from mkdocs_playbook.page.source import Source, SourceLink

MARKDOWN = """# Title

Intro with [a link](RUNBOOK.md#triage) and ![img](i.png).

## Steps

- [ ] First **step**
- Second step
    - Nested `code` item

| Severity | Description |
| --- | --- |
| SEV-1 | Down |

```
{Summary}
```

<a href="raw.md">raw</a>

[ref]: DATABASE.md#backups
Text with [ref] and <https://example.com/x>.
"""


def test_blocks_are_found_by_their_text() -> None:
    source = Source(MARKDOWN)
    assert source.take("heading", "Title") == 1
    assert source.take("heading", "Steps") == 5
    assert source.take("heading", "Steps") == 0  # each block is claimed once
    assert source.take("list_item", "[ ] First step") == 7
    assert source.take_prefix("list_item", "Second step Nested code item") == 8
    assert source.take("list_item", "Nested code item") == 9
    assert source.take("table", "Severity | Description") == 11
    assert source.take("code", "{Summary}") == 15
    assert source.take("heading", "Missing") == 0


def test_links_carry_line_and_column() -> None:
    links = Source(MARKDOWN).links
    assert links == [
        SourceLink("RUNBOOK.md#triage", 3, 21, "link"),
        SourceLink("i.png", 3, 51, "image"),
        SourceLink("raw.md", 19, 10, "html"),
        # A reference link is reported where its destination is written: the definition.
        SourceLink("DATABASE.md#backups", 21, 8, "link"),
        SourceLink("https://example.com/x", 22, 22, "link"),
    ]


def test_equal_texts_map_in_document_order() -> None:
    source = Source("- step\n- other\n- step\n")
    assert [source.take("list_item", "step") for _ in range(3)] == [1, 3, 0]


def test_links_in_an_admonition_body_after_a_blank_line_keep_their_lines() -> None:
    # markdown-it reads the indented second paragraph as code; Python-Markdown as Markdown.
    markdown = (
        '!!! warning "Careful"\n'
        "    First [one](A.md#x).\n"
        "\n"
        "    Second [two](B.md#y).\n"
        "\n"
        "    - [three](C.md)\n"
        "\n"
        "Plain.\n"
        "\n"
        "    [code](D.md) in a real code block\n"
    )
    source = Source(markdown)
    assert source.links == [
        SourceLink("A.md#x", 2, 17, "link"),
        SourceLink("B.md#y", 4, 18, "link"),
        SourceLink("C.md", 6, 15, "link"),
    ]
    assert source.take("list_item", "three") == 6
    assert source.take("code", "[code](D.md) in a real code block") == 10


def test_text_read_late_keeps_escapes_and_references() -> None:
    # Inline text is parsed only where it is read: escaped characters must survive as text,
    # and a reference defined anywhere must still resolve (in a table cell, too).
    markdown = (
        "## Step \\*one\\* & `two`\n"
        "\n"
        "- Tick \\[x\\] when [done][ref]\n"
        "\n"
        "| Role \\| name | Link |\n"
        "| --- | --- |\n"
        "| Lead | [runbook][ref] |\n"
        "\n"
        "[ref]: RUNBOOK.md#lead\n"
    )
    source = Source(markdown)
    assert source.take("heading", "Step *one* & two") == 1
    assert source.take("list_item", "Tick [x] when done") == 3
    assert source.take("table", "Role | name | Link") == 5
    assert [(link.href, link.line) for link in source.links] == [
        ("RUNBOOK.md#lead", 9),
        ("RUNBOOK.md#lead", 9),
    ]


def test_links_inside_raw_html_elements_that_ask_for_markdown_keep_their_places() -> None:
    # kramdown reads `<td markdown="span">` inside a raw table as Markdown; a raw cell's
    # Markdown-looking link is text, in kramdown and here.
    markdown = (
        "<table>\n"
        "<tr>\n"
        '<td markdown="span">See [the runbook](RUNBOOK.md) and [gone](gone.md)</td>\n'
        "<td>[not a link](raw.md)</td>\n"
        '<td markdown="0">[nor this](off.md)</td>\n'
        "</tr>\n"
        '<tr><td>x</td><TD MARKDOWN="block">\n'
        "[below](DATABASE.md#backups)\n"
        "</TD></tr>\n"
        "</table>\n"
    )
    assert Source(markdown).links == [
        SourceLink("RUNBOOK.md", 3, 39, "link"),
        SourceLink("gone.md", 3, 62, "link"),
        SourceLink("DATABASE.md#backups", 8, 9, "link"),
    ]
