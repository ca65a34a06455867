"""A Jekyll site with collections, built under both URL styles, against what real Jekyll 4.3.1
and Just the Docs rendered for it (tests/fixtures/jekyll-collections/jekyll-facts.json, written
by scripts/jekyll-facts): every link leads to the page Jekyll's leads to, raw HTML and full
URLs of the site included; the nav is Jekyll's, collections as sections after the pages; a
Jekyll URL no page has is a finding at its line; a collection without `output` is not built."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from test_jekyll_urls import _content, _followed

from support import ROOT, Build, built_pages, nav_tree, run_build

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-collections"
FACTS = json.loads((FIXTURE / "jekyll-facts.json").read_text(encoding="utf-8"))
FINDINGS = [
    "docs/index.md:20:13: link target /docs/nowhere.html: no such page or file",
    "docs/index.md:21:23: link target {{ site.url }}{{ site.baseurl }}/docs/missing.html: "
    "no such page or file",
    "docs/index.md:30:13: link target /docs/gone.html: no such page or file",
]
_LINK_RE = re.compile(r'<a href="([^"]*)"[^>]*>([^<]*)</a>')
_WARNING_RE = re.compile(r"^WARNING +- +playbook: (.*)$", re.MULTILINE)


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("jekyll-collections") / "project"
    shutil.copytree(FIXTURE, project, ignore=shutil.ignore_patterns("jekyll-facts.json"))
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + f"use_directory_urls: {str(request.param).lower()}\n",
        encoding="utf-8",
    )
    return run_build(project)


def _built_pages(site: Path) -> dict[str, Path]:
    return built_pages(site, FIXTURE / "docs")


def test_every_link_leads_to_the_page_jekylls_leads_to(built: Build) -> None:
    pages = _built_pages(built.site_dir)
    by_file = {path: src for src, path in pages.items()}
    assert set(pages) == {fact["page"] for fact in FACTS["links"]}
    links = {
        (src, html.unescape(text)): html.unescape(href)
        for src, page in pages.items()
        for href, text in _LINK_RE.findall(_content(page))
    }
    # Every link the fixture's Markdown writes has its fact.
    written = sum(
        text.count("](") + text.count("<a href")
        for text in (path.read_text(encoding="utf-8") for path in (FIXTURE / "docs").rglob("*.md"))
    )
    assert len(FACTS["links"]) == written
    for fact in FACTS["links"]:
        key = (fact["page"], fact["text"])
        href = links[key]
        if "external" in fact:
            assert href == fact["external"], key
            continue
        if fact["target"] is None and urlsplit(href).scheme:
            assert href == fact["href"], key  # a full URL of the site no page has, as written
            continue
        target, anchor = _followed(pages[fact["page"]], href)
        assert by_file.get(target) == fact["target"], (key, href)
        if fact["target"] is not None:
            assert anchor == fact["anchor"], (key, href)
            if anchor:
                assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), key


def _material_shape(nav: list[dict[str, Any]]) -> list[tuple[str, list[Any]]]:
    """What Material shows for Jekyll's nav: a collection's heading is a section; a page with
    children a section that is its own page (the section's link, no entry of its own)."""
    return [(entry["title"], _material_shape(entry.get("children", []))) for entry in nav]


def test_the_nav_is_jekylls_with_collections_after_the_pages(built: Build) -> None:
    expected = _material_shape(FACTS["nav"])
    assert [title for title, _ in expected] == ["Home", "Docs", "Runbooks", "Reference"]
    for page in _built_pages(built.site_dir).values():
        assert nav_tree(page.read_text(encoding="utf-8")) == expected, page


def test_a_jekyll_url_no_page_has_is_a_finding_at_its_line(built: Build) -> None:
    warnings = sorted(_WARNING_RE.findall(built.output))
    assert warnings == FINDINGS
    assert built.returncode != 0


def test_documents_are_where_jekyll_writes_them_and_unpublished_ones_nowhere(
    built: Build,
) -> None:
    site = built.site_dir
    pages = _built_pages(site)
    assert pages["_runbooks/restart.md"] == site / "runbooks" / "restart" / "index.html"
    assert pages["_runbooks/db/index.md"] == site / "runbooks" / "db" / "index" / "index.html"
    assert pages["_reference/api.md"] == site / "reference" / "api.html"
    assert "notes/private.md" not in pages and "_notes/private.md" not in pages
    # No front matter: Jekyll copies the file as it is, and renders no page of it.
    assert "_runbooks/plain.md" not in pages
    assert not any(part.startswith("_") for p in site.rglob("*") for part in p.parts[-3:])


def test_a_search_excluded_collection_is_not_indexed(built: Build) -> None:
    index = json.loads((built.site_dir / "search" / "search_index.json").read_text("utf-8"))
    locations = {document["location"].split("#")[0] for document in index["docs"]}
    assert any(location.startswith("runbooks/") for location in locations)
    assert not any(location.startswith("reference/") for location in locations)
