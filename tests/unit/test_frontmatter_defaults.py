"""`_config.yml`'s front matter defaults matched against pages as Jekyll 4.3.1 matches them
(`jekyll/frontmatter_defaults.py`): scope paths, globs, types, precedence and deep merges."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_playbook.jekyll.frontmatter_defaults import PAGES, FrontMatterDefaults
from mkdocs_playbook.jekyll.site_config import parse_site_config


def _defaults(text: str, source_dir: str = "", collections_dir: str = "") -> FrontMatterDefaults:
    site = parse_site_config(text)
    assert not site.warnings, site.warnings
    return FrontMatterDefaults(site.defaults, source_dir, collections_dir)


def _sets(*sets: dict[str, Any]) -> str:
    return yaml.safe_dump({"defaults": list(sets)})


@pytest.mark.parametrize(
    ("scope", "path", "applies"),
    [
        ({}, "guide/intro.md", True),
        ({"path": ""}, "guide/intro.md", True),
        ({"path": None}, "guide/intro.md", True),
        ({"path": "guide"}, "guide/intro.md", True),
        # Jekyll's `start_with?`: a prefix of characters, not of folders.
        ({"path": "guide"}, "guidebook/intro.md", True),
        ({"path": "guide"}, "guide.md", True),
        ({"path": "guide/"}, "guide.md", False),
        ({"path": "guide/intro.md"}, "guide/intro.md", True),
        ({"path": "guide/intro.md"}, "guide/other.md", False),
        ({"path": "other"}, "guide/intro.md", False),
        ({"type": "pages"}, "guide/intro.md", True),
        ({"type": "page"}, "guide/intro.md", True),  # the old name
        ({"type": "recipes"}, "guide/intro.md", False),
        ({"path": "guide", "type": "posts"}, "guide/intro.md", False),
    ],
)
def test_a_scope_applies_to_a_page_as_jekylls_does(
    scope: dict[str, Any], path: str, applies: bool
) -> None:
    defaults = _defaults(_sets({"scope": scope, "values": {"x": 1}}))
    assert defaults.values(path, PAGES) == ({"x": 1} if applies else {})


def test_a_scope_path_starting_with_a_slash_matches_nothing_and_is_reported() -> None:
    site = parse_site_config(_sets({"scope": {"path": "/guide"}, "values": {"x": 1}}))
    assert [w.line for w in site.warnings] == [3]
    assert "starts with `/`" in site.warnings[0].message
    assert FrontMatterDefaults(site.defaults).values("guide/intro.md", PAGES) == {}


@pytest.mark.parametrize(("kind", "expected"), [("recipes", "recipe"), ("posts", "post")])
def test_a_type_scope_takes_a_collections_label(kind: str, expected: str) -> None:
    defaults = _defaults(
        _sets(
            {"scope": {"type": "recipes"}, "values": {"kind": "recipe"}},
            {"scope": {"type": "post"}, "values": {"kind": "post"}},
            {"scope": {"type": "pages"}, "values": {"kind": "page"}},
        )
    )
    assert defaults.values("_x/soup.md", kind) == {"kind": expected}
    assert defaults.values("soup.md", PAGES) == {"kind": "page"}


def test_a_longer_path_wins_wherever_it_is_written() -> None:
    sets = [
        {"scope": {"path": "guide/advanced"}, "values": {"product": "Pro"}},
        {"scope": {"path": "guide"}, "values": {"product": "Acme", "parent": "Guide"}},
    ]
    for order in (sets, sets[::-1]):
        defaults = _defaults(_sets(*order))
        # The shorter set fills only what the longer leaves unset.
        expected = {"product": "Pro", "parent": "Guide"}
        assert defaults.values("guide/advanced/tuning.md", PAGES) == expected
        assert defaults.values("guide/intro.md", PAGES) == {"product": "Acme", "parent": "Guide"}


def test_of_two_sets_as_specific_the_later_wins_unless_only_the_earlier_has_a_type() -> None:
    later = _defaults(
        _sets(
            {"scope": {"path": ""}, "values": {"e": 1}}, {"scope": {"path": ""}, "values": {"e": 2}}
        )
    )
    assert later.values("a.md", PAGES) == {"e": 2}
    typed = _defaults(
        _sets(
            {"scope": {"path": "", "type": "pages"}, "values": {"e": 1}},
            {"scope": {"path": ""}, "values": {"e": 2}},
        )
    )
    assert typed.values("a.md", PAGES) == {"e": 1}


def test_mappings_merge_deeply_and_the_pages_own_keys_win() -> None:
    defaults = _defaults(
        _sets(
            {"scope": {"path": ""}, "values": {"support": {"level": "basic", "hours": "office"}}},
            {"scope": {"path": "guide"}, "values": {"support": {"level": "gold"}, "x": 1}},
        )
    )
    merged = defaults.applied({"support": {"hours": "nights"}, "x": 2}, "guide/a.md", PAGES)
    assert merged == {"support": {"level": "gold", "hours": "nights"}, "x": 2}


def test_a_set_without_scope_applies_everywhere() -> None:
    defaults = _defaults(_sets({"values": {"x": 1}}))
    assert defaults.values("any/where.md", "recipes") == {"x": 1}


def test_a_glob_matches_the_entries_found_under_the_source(tmp_path: Path) -> None:
    for name in ("notes/a-draft.md", "notes/a.md", "notes/.b-draft.md", "docs/x/y.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("---\n---\n", encoding="utf-8")
    defaults = _defaults(
        _sets(
            {"scope": {"path": "notes/*-draft.md"}, "values": {"nav_exclude": True}},
            {"scope": {"path": "do*"}, "values": {"docs": True}},
        ),
        str(tmp_path),
    )
    assert defaults.values("notes/a-draft.md", PAGES) == {"nav_exclude": True}
    assert defaults.values("notes/a.md", PAGES) == {}
    # `Dir.glob`'s `*` takes no name that starts with a dot.
    assert defaults.values("notes/.b-draft.md", PAGES) == {}
    # An entry found is a prefix of the page's path: `docs` takes all it holds.
    assert defaults.values("docs/x/y.md", PAGES) == {"docs": True}


def test_a_collections_folder_is_stripped_from_the_scope_path() -> None:
    defaults = _defaults(
        _sets({"scope": {"path": "stuff/_recipes"}, "values": {"x": 1}}),
        collections_dir="stuff",
    )
    assert defaults.values("_recipes/soup.md", "recipes") == {"x": 1}


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("defaults: {path: guide}\n", 1),
        ("defaults:\n  - scope: guide\n    values: {x: 1}\n", 2),
        ("defaults:\n  - scope: {path: guide}\n    values: [x]\n", 3),
        ("defaults:\n  - scope: {path: [guide]}\n    values: {x: 1}\n", 2),
        ("defaults:\n  - scope: {type: 7}\n    values: {x: 1}\n", 2),
        ("defaults:\n  - 7\n", 2),
    ],
)
def test_a_malformed_set_is_one_warning_at_its_line_and_skipped(text: str, line: int) -> None:
    site = parse_site_config(text + "  - values: {kept: true}\n" if "\n  -" in text else text)
    assert [warning.line for warning in site.warnings] == [line]
    assert all(entry.values == {"kept": True} for entry in site.defaults)
