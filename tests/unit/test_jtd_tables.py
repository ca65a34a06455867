"""Just the Docs' "Table of contents" of child pages, page by page, against what real Jekyll
4.3.1 with Just the Docs rendered for tests/fixtures/jtd-parts (scripts/jekyll-parts)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mkdocs_playbook.jekyll.frontmatter import parse_front_matter
from mkdocs_playbook.jekyll.navigation import ChildLink, NavSource, site_nav
from navfixtures import entries
from support import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "jtd-parts"
RENDERED: dict[str, Any] = json.loads((FIXTURE / "jekyll-parts.json").read_text(encoding="utf-8"))


def fixture_sources() -> list[NavSource]:
    pages = []
    for path in sorted((FIXTURE / "docs").rglob("*.md")):
        front_matter = parse_front_matter(path.read_text(encoding="utf-8"))
        title = front_matter.data.get("title")
        label = str(title) if title is not None else path.stem.capitalize()
        pages.append(NavSource(path.relative_to(FIXTURE / "docs").as_posix(), label, front_matter))
    return pages


NAV = site_nav(fixture_sources())


@pytest.mark.parametrize("uri", sorted(RENDERED["pages"]))
def test_table_of_contents_is_what_just_the_docs_prints(uri: str) -> None:
    toc = RENDERED["pages"][uri]["toc"]
    expected = (
        [ChildLink(e["page"], e["title"], e["summary"]) for e in toc["entries"]] if toc else None
    )
    assert NAV.tables.get(uri) == expected


def test_the_fixture_covers_each_rule() -> None:
    tables = {uri: page["toc"] for uri, page in RENDERED["pages"].items() if page["toc"]}
    guides = [entry["page"] for entry in tables["guides/index.md"]["entries"]]
    assert "guides/hidden.md" in guides  # nav_exclude: listed in the table all the same
    assert "guides/stub.md" not in guides  # no title
    assert tables["reverse/index.md"]["entries"][0]["page"] == "reverse/r3.md"  # desc
    assert "notoc/index.md" not in tables  # has_toc: false
    assert "nokids/index.md" not in tables  # has_children: false
    assert tables["guides/index.md"]["entries"][0]["summary"]


def test_untitled_pages_stay_out_of_the_nav_as_in_just_the_docs() -> None:
    assert NAV.spec is not None
    uris = {source.src_uri for source in fixture_sources()}
    assert entries(NAV.spec, uris) == RENDERED["nav"]
    reported = sorted(p.path for p in NAV.problems if p.message.startswith("no title"))
    assert reported == ["guides/stub.md", "moved.md"]
