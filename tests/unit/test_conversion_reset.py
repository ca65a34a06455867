"""A Markdown instance's conversion state is cleared by `Markdown.reset()`, as Python-Markdown's
footnotes and abbr clear theirs: nothing of one document is left for the next."""

from __future__ import annotations

import markdown

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.jekyll.rewrite import PageInput
from mkdocs_playbook.page.model import PageModel

# A link whose destination is noted, and a problem found before the tree exists.
PAGE = '[a](a.md)\n\nA paragraph\n{: onclick="alert(1)" }\n'


def _state(md: markdown.Markdown) -> dict[str, object]:
    """What the instance keeps of its conversion, as the extension's processors share it."""
    conversion = md.preprocessors["playbook_source"].conversion  # type: ignore[attr-defined]
    return {
        "written": conversion.positions.written,
        "page": conversion.page,
        "problems": list(conversion.problems),
        "links": dict(conversion.links),
    }


def test_reset_clears_what_a_conversion_left() -> None:
    models: list[PageModel] = []
    playbook = PlaybookExtension(on_page_model=models.append)
    md = markdown.Markdown(extensions=[playbook, "attr_list"])
    playbook.hand_over(PageInput("a.md", {}, first_line=2))
    md.convert(PAGE)
    left = _state(md)
    assert left["page"] is not None and left["problems"] and left["links"]

    md.reset()
    assert _state(md) == {"written": "", "page": None, "problems": [], "links": {}}


def test_a_second_conversion_without_reset_starts_afresh_too() -> None:
    models: list[PageModel] = []
    playbook = PlaybookExtension(on_page_model=models.append)
    md = markdown.Markdown(extensions=[playbook, "attr_list"])
    playbook.hand_over(PageInput("a.md", {}))
    md.convert(PAGE)
    md.convert("# B\n")  # no reset(): the page's problems and links are not the next text's
    assert [model.src_uri for model in models] == ["a.md", None]
    assert models[1].problems == [] and models[1].links == []
