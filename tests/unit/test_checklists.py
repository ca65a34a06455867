"""Checklist recognition and stable ids, read from pages rendered by the real extension.

Golden pairs in tests/fixtures/checklists: NAME.md reads into the model in NAME.json.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import markdown
import pytest

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.page.model import Checklist, ChecklistItem, PageModel

FIXTURES = Path(__file__).parent.parent / "fixtures" / "checklists"
HEADINGS = ["checklist", "rulebook"]


def read(text: str, headings: list[str] = HEADINGS) -> tuple[PageModel, str]:
    models: list[PageModel] = []
    extension = PlaybookExtension(checklist_headings=headings, on_page_model=models.append)
    extension.page_id = "ops/page.md"
    html = markdown.markdown(
        text, extensions=[extension, "attr_list", "md_in_html", "admonition", "toc"]
    )
    return models[0], html


def _item(item: ChecklistItem) -> dict[str, Any]:
    entry: dict[str, Any] = {"text": item.text, "line": item.line, "checked": item.checked}
    if item.children:
        entry["children"] = [_item(child) for child in item.children]
    return entry


def summary(model: PageModel, html: str) -> dict[str, Any]:
    return {
        "checklists": [
            {"heading": c.heading, "line": c.line, "items": [_item(i) for i in c.items]}
            for c in model.checklists
        ],
        "problems": [[p.line, p.message] for p in model.problems],
        "boxes": html.count('type="checkbox"'),
        "disabled_boxes": html.count(" disabled>"),
    }


@pytest.mark.parametrize("source", sorted(FIXTURES.glob("*.md")), ids=lambda p: p.stem)
def test_checklist_fixture(source: Path) -> None:
    model, html = read(source.read_text(encoding="utf-8"))
    expected = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
    assert summary(model, html) == expected


def keys(text: str) -> dict[str, str]:
    """Item text -> id, over every item of every checklist on the page."""
    model, _ = read(text)
    found: dict[str, str] = {}

    def walk(items: tuple[ChecklistItem, ...]) -> None:
        for item in items:
            name = item.text
            while name in found:
                name += "'"
            found[name] = item.key
            walk(item.children)

    for checklist in model.checklists:
        walk(checklist.items)
    return found


BASE = "## Checklist\n\n- [ ] Page the owner\n- [ ] Freeze deploys\n- [ ] Open the record\n"


@pytest.mark.parametrize(
    ("edited", "same", "changed"),
    [
        # Reordered: every tick follows its item.
        (
            "## Checklist\n\n- [ ] Open the record\n- [ ] Page the owner\n- [ ] Freeze deploys\n",
            ["Page the owner", "Freeze deploys", "Open the record"],
            [],
        ),
        # An item inserted, another deleted: the rest keep their ids.
        (
            "## Checklist\n\n- [ ] New first step\n- [ ] Page the owner\n- [ ] Open the record\n",
            ["Page the owner", "Open the record"],
            [],
        ),
        # One item's text edited: only it changes.
        (
            "## Checklist\n\n- [ ] Page the owner\n- [ ] Freeze all deploys\n"
            "- [ ] Open the record\n",
            ["Page the owner", "Open the record"],
            ["Freeze deploys"],
        ),
        # Spacing, case and markup are not edits of the step.
        (
            "## Checklist\n\n- [ ] page  the **owner**\n- [x] Freeze deploys\n"
            "- [ ] Open the record\n",
            ["Freeze deploys", "Open the record"],
            [],
        ),
    ],
    ids=["reordered", "inserted-deleted", "edited", "normalised"],
)
def test_item_ids_follow_text_not_position(
    edited: str, same: list[str], changed: list[str]
) -> None:
    before, after = keys(BASE), keys(edited)
    for text in same:
        assert before[text] in after.values(), text
    for text in changed:
        assert before[text] not in after.values(), text
    if "page  the" in edited:
        assert after["page the owner"] == before["Page the owner"]


def test_equal_items_stay_distinct() -> None:
    found = keys("## Checklist\n\n- [ ] Check logs\n- [ ] Restart\n- [ ] Check logs\n")
    assert len(set(found.values())) == 3


def test_ids_depend_on_the_heading_and_the_parent() -> None:
    first = keys("## Checklist A\n\n- [ ] Step\n  - [ ] Timeline\n- [ ] Other\n  - [ ] Timeline\n")
    second = keys("## Checklist B\n\n- [ ] Step\n")
    assert first["Timeline"] != first["Timeline'"]
    assert first["Step"] != second["Step"]


def test_checklist_heading_without_a_list_is_a_problem_at_its_line() -> None:
    model, _ = read("# Page\n\nIntro.\n\n## Rollback Checklist\n\nNo steps yet.\n\n## Next\n")
    assert [(p.line, p.message) for p in model.problems] == [
        (
            5,
            "checklist heading 'Rollback Checklist' has no list under it: write its steps as a "
            "list, or add {.no-checklist} to the heading",
        )
    ]


def test_each_box_is_inside_its_label_and_every_rendered_id_is_in_the_model() -> None:
    model, html = read(BASE)
    steps = re.findall(
        r"<li data-playbook-item=\"[0-9a-f]{12}\"[^>]*>\n<label><input [^>]*> ", html
    )
    assert len(steps) == html.count('type="checkbox"') > 0
    # The ids a link may name; those of the cloned controls (in <template>s) are suffixes.
    content = html.split('<div class="playbook-controls"', 1)[0]
    assert set(re.findall(r'id="([^"]+)"', content)) <= model.ids


def test_unconfigured_headings_make_no_checklists() -> None:
    model, html = read("## Rulebook\n\n- step\n", headings=[])
    assert model.checklists == [] and "checkbox" not in html


def test_checklist_carries_its_heading_and_its_line() -> None:
    model, _ = read(BASE)
    assert isinstance(model.checklists[0], Checklist)
    assert model.checklists[0].heading == "Checklist"
    assert model.checklists[0].line == 1
