"""The extension reads each page into a PageModel with source lines."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.page.lines import Lines
from mkdocs_playbook.page.model import Heading, PageModel
from mkdocs_playbook.page.reader import CodeBlock, read_page
from mkdocs_playbook.page.tree import PageTree

MARKDOWN = """# Playbook

> [!TIP]
> Use the [runbook](RUNBOOK.md#triage).

## Containment Checklist {#containment}

- See [db](DATABASE.md) and <a href="raw.html" id="raw-link">raw</a>.
"""


def read(text: str) -> tuple[str, PageModel]:
    models: list[PageModel] = []
    html = markdown.markdown(
        text,
        extensions=[PlaybookExtension(on_page_model=models.append), "toc", "attr_list"],
        extension_configs={"toc": {"permalink": True}},
    )
    (model,) = models
    return html, model


def test_headings_ids_and_lines() -> None:
    _, model = read(MARKDOWN)
    assert model.headings == [
        Heading(1, "Playbook", "playbook"),
        Heading(2, "Containment Checklist", "containment"),
    ]
    assert [heading.line for heading in model.headings] == [1, 6]
    assert {"playbook", "containment", "raw-link"} <= model.ids


def test_links_are_tied_to_the_markdown_that_wrote_them() -> None:
    _, model = read(MARKDOWN)
    written = [link for link in model.links if link.written is not None]
    assert [(link.written, link.raw_html) for link in written] == [
        ("RUNBOOK.md#triage", False),
        ("DATABASE.md", False),
        ("raw.html", True),
    ]
    sources = [
        model.lines.link(link.written or "", link.rank, raw_html=link.raw_html) for link in written
    ]
    assert [(s.line, s.column) for s in sources if s] == [(4, 21), (8, 12), (8, 38)]
    permalinks = [link for link in model.links if link.href.startswith("#")]
    assert permalinks and all(link.written is None for link in permalinks)


def test_a_page_reads_its_source_only_when_a_line_is_asked_for() -> None:
    _, model = read(MARKDOWN)
    # The page's parse of its text is kept, and made only when a line is asked for.
    assert "_blocks" not in vars(model.lines.source)
    assert model.headings[1].line == 6
    assert "_blocks" in vars(model.lines.source)


def test_equal_destinations_are_told_apart_by_rank() -> None:
    _, model = read("[a](x.md)\n\ntext\n\n[b](x.md) and [c](x.md)\n")
    sources = [model.lines.link("x.md", link.rank, raw_html=False) for link in model.links]
    assert [
        (link.rank, s.line, s.column) for link, s in zip(model.links, sources, strict=True) if s
    ] == [
        (0, 1, 5),
        (1, 5, 5),
        (2, 5, 19),
    ]


def test_html_is_unchanged_when_no_widget_applies() -> None:
    html, _ = read("Plain *text*.")
    assert html == "<p>Plain <em>text</em>.</p>"


CODE = """Before any heading:

    indented

## Update {#update}

**Internal (Slack)**
```text
SEV-{#} | {Summary}
```

```python
print("alone")
```

Inline `code` is not a block.
"""


def test_code_blocks_are_found_with_what_holds_them_and_their_heading() -> None:
    found: list[tuple[list[CodeBlock], PageModel]] = []

    class Reader(Treeprocessor):
        def run(self, root: etree.Element) -> None:
            model = PageModel(Lines.of(CODE))
            found.append((read_page(PageTree(self.md, root), model, {}), model))

    md = markdown.Markdown(extensions=["attr_list", "pymdownx.superfences"])
    md.treeprocessors.register(Reader(md), "reader", 0)
    md.convert(CODE)
    ((blocks, model),) = found
    assert [(block.text, block.heading, block.holder.tag) for block in blocks] == [
        ("indented", "", "pre"),
        ("SEV-{#} | {Summary}", "update", "p"),
        ('print("alone")', "update", "p"),
    ]
    # The fence right under "**Internal (Slack)**" stands in that paragraph.
    assert "".join(blocks[1].holder.itertext()).startswith("Internal (Slack)")
    assert model.code_texts == ["indented\n", "SEV-{#} | {Summary}\n", 'print("alone")\n', "code"]
