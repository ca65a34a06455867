"""The extension reads each page into a PageModel with source lines."""

from __future__ import annotations

import markdown

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.page.model import Heading, PageModel

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
        Heading(1, "Playbook", "playbook", 1),
        Heading(2, "Containment Checklist", "containment", 6),
    ]
    assert {"playbook", "containment", "raw-link"} <= model.ids


def test_links_are_tied_to_the_markdown_that_wrote_them() -> None:
    _, model = read(MARKDOWN)
    links = [(link.href, link.line, link.column) for link in model.links if link.source_href]
    assert links == [("RUNBOOK.md#triage", 4, 21), ("DATABASE.md", 8, 12), ("raw.html", 8, 38)]
    permalinks = [link for link in model.links if link.href.startswith("#")]
    assert permalinks and all(link.line == 0 for link in permalinks)


def test_html_is_unchanged_when_no_widget_applies() -> None:
    html, _ = read("Plain *text*.")
    assert html == "<p>Plain <em>text</em>.</p>"
