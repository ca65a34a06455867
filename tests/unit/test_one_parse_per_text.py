"""One parse per text of a page (`page.positions`): the processors that read the page's text
(the unsafe-attribute guard, kramdown's scan, the Liquid pass, the page's lines) share it."""

from __future__ import annotations

from collections import Counter

import markdown
import pytest

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.jekyll.rewrite import PageInput
from mkdocs_playbook.page import source
from mkdocs_playbook.page.model import PageModel

# Liquid to render, a kramdown attribute list to look for, an attribute list that gives
# script, a footnote never referenced, and headings whose lines are asked for: each read by
# another processor, in the text as written.
PAGE = (
    "# {{ page.title }}\n\nWrite `{: .note }` under a paragraph.\n\n## Steps\n\n"
    'A paragraph\n{ onclick="alert(1)" }\n\nA note[^a].\n\n[^a]: Read.\n[^b]: Never read.\n'
)


def test_each_text_of_a_page_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: Counter[str] = Counter()
    read = source._read

    def counted(text: str, first_line: int) -> object:
        if first_line == 0:  # the text's own parse, not a body read again inside it
            parsed[text] += 1
        return read(text, first_line)

    monkeypatch.setattr(source, "_read", counted)
    models: list[PageModel] = []
    playbook = PlaybookExtension(on_page_model=models.append)
    md = markdown.Markdown(extensions=[playbook, "attr_list", "toc", "footnotes"])
    playbook.hand_over(PageInput("restart.md", {"title": "Restart"}, first_line=3))
    md.convert(PAGE)
    (model,) = models
    assert [heading.line for heading in model.headings] == [4, 8]
    assert sorted((problem.line, problem.message[:20]) for problem in model.problems) == [
        (11, '`{ onclick="alert(1)'),
        (16, "footnote `[^b]` is n"),
    ]
    assert parsed[PAGE] == 1
    assert all(count == 1 for count in parsed.values()), parsed
