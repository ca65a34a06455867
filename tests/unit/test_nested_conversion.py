"""A conversion inside another page's conversion (as mkdocstrings renders docstrings with the
site's own extension instances) gets no page of its own and never takes the outer page's."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.jekyll.rewrite import PageInput
from mkdocs_playbook.page.model import PageModel

OUTER = """# Runbook

- [ ] Freeze deploys

::: reference

## After

See [the database](DATABASE.md).
"""

INNER = """## Reference heading

- [ ] Inner step

See [elsewhere](ELSEWHERE.md).
"""


class _Reference(BlockProcessor):
    """`::: reference` becomes `INNER`, converted with the same extension instances."""

    def __init__(self, parser: markdown.blockparser.BlockParser, extensions: list[Extension]):
        super().__init__(parser)
        self.extensions = extensions

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.startswith("::: ")

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        blocks.pop(0)
        html = markdown.Markdown(extensions=self.extensions).convert(INNER)
        placeholder = self.parser.md.htmlStash.store(html)
        etree.SubElement(parent, "p").text = placeholder


class _References(Extension):
    def __init__(self, extensions: list[Extension]) -> None:
        super().__init__()
        self.extensions = extensions

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.parser.blockprocessors.register(_Reference(md.parser, self.extensions), "ref", 100)


def test_a_nested_conversion_keeps_both_models_apart() -> None:
    models: list[PageModel] = []
    playbook = PlaybookExtension(on_page_model=models.append)
    shared: list[Extension] = [playbook]
    md = markdown.Markdown(extensions=[*shared, _References(shared), "toc"])
    playbook.hand_over(PageInput("runbook.md", {"title": "Runbook"}, first_line=3))
    html = md.convert(OUTER)
    assert "Reference heading" in html

    inner, outer = models  # the inner conversion finishes first
    assert outer.src_uri == "runbook.md"
    assert [heading.text for heading in outer.headings] == ["Runbook", "After"]
    assert [item.text for checklist in outer.checklists for item in checklist.items] == [
        "Freeze deploys"
    ]
    # The reference's link is in the page's HTML, where the page reads it as raw HTML.
    assert [(link.href, link.raw_html) for link in outer.links] == [
        ("ELSEWHERE.md", True),
        ("DATABASE.md", False),
    ]
    # At its line in the outer page's file, whose front matter took three.
    found = outer.lines.link("DATABASE.md", 0, raw_html=False)
    assert found is not None and found.line == 3 + 9

    assert inner.src_uri is None
    assert [heading.text for heading in inner.headings] == ["Reference heading"]
    assert [item.text for checklist in inner.checklists for item in checklist.items] == [
        "Inner step"
    ]


def test_the_page_handed_over_is_taken_once() -> None:
    models: list[PageModel] = []
    playbook = PlaybookExtension(on_page_model=models.append)
    md = markdown.Markdown(extensions=[playbook])
    playbook.hand_over(PageInput("a.md", {}))
    md.convert("# A\n")
    md.reset().convert("# B\n")  # nothing handed over: a conversion outside any page
    assert [model.src_uri for model in models] == ["a.md", None]
