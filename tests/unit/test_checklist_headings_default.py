"""Which headings make checklists when the site sets no `checklist_headings`: the whole word
"checklist" (or "checklists"), and a heading of that kind with no list under it is prose, not
a finding; a site's own patterns, or the `{.checklist}` class, still insist on their list.

abap-leitfaden's German prose headings ("Entwicklungs-Checkliste: ...") gave five "has no list
under it" findings on a site that never asked for checklists, failing `--strict`."""

from __future__ import annotations

import markdown

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.page.model import PageModel


def read(text: str, **options: object) -> PageModel:
    models: list[PageModel] = []
    extension = PlaybookExtension(on_page_model=models.append, **options)
    markdown.markdown(text, extensions=[extension, "attr_list", "toc"])
    return models[0]


PAGE = """# Page

## Entwicklungs-Checkliste: Sicherheit

Prosa.

## Entwicklungs-Checkliste

- eins

## Checklisten

- eins

## Rollback Checklist

- Drain

## Checklists

- Drain

## Pre-deploy-checklist

- Drain
"""


def test_the_default_pattern_takes_the_whole_word() -> None:
    model = read(PAGE)
    # German compounds ("Checkliste") are other words; the word alone, plural or
    # hyphen-joined makes a checklist as before.
    headings = [checklist.heading for checklist in model.checklists]
    assert headings == ["Rollback Checklist", "Checklists", "Pre-deploy-checklist"]
    assert model.problems == []


EMPTY = "# Page\n\n## About this checklist\n\nWhy we keep one.\n\n## Next\n"


def test_only_a_heading_the_site_or_the_class_promised_must_have_its_list() -> None:
    assert read(EMPTY).problems == []
    promised = [
        read(EMPTY, checklist_headings=["checklist"]),
        # A site's own pattern is its own regular expression: it may take compounds.
        read("## Entwicklungs-Checkliste\n\nProsa.\n", checklist_headings=["checkliste?"]),
        read("## Rollback {.checklist}\n\nNo steps yet.\n"),
    ]
    for model in promised:
        (problem,) = model.problems
        assert "has no list under it" in problem.message
