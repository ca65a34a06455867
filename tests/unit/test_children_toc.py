"""The table of contents of child pages as elements: Just the Docs' markup, with links to the
children's Markdown files (MkDocs makes them URLs)."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from mkdocs_playbook.jekyll.children_toc import append_children_toc
from mkdocs_playbook.jekyll.navigation import ChildLink


def test_links_lead_to_the_childrens_files_from_the_page() -> None:
    root = etree.Element("div")
    children = [
        ChildLink("guides/install.md", "Install", "Get the tools."),
        ChildLink("other/a b.md", "A & B", None),
    ]
    append_children_toc(root, "guides/index.md", children)
    html = etree.tostring(root, encoding="unicode")
    assert html == (
        '<div><div class="playbook-children" data-search-exclude="">'
        '<hr /><h2 class="text-delta">Table of contents</h2><ul>'
        '<li><a href="install.md">Install</a> - Get the tools.</li>'
        '<li><a href="../other/a%20b.md">A &amp; B</a></li>'
        "</ul></div></div>"
    )


def test_a_page_at_the_top_links_into_folders() -> None:
    root = etree.Element("div")
    append_children_toc(root, "index.md", [ChildLink("guides/index.md", "Guides", None)])
    assert root.find(".//a").get("href") == "guides/index.md"  # type: ignore[union-attr]


def test_no_children_no_table() -> None:
    root = etree.Element("div")
    append_children_toc(root, "index.md", [])
    assert len(root) == 0
