"""A Jekyll site whose pages take front matter from `_config.yml`'s `defaults:`, built under
both URL styles, against what real Jekyll 4.3.1 and Just the Docs rendered for it
(tests/fixtures/jekyll-defaults/jekyll-facts.json, written by scripts/jekyll-facts): what each
page's Liquid prints of `page.*`, the nav (parents, orders and `nav_exclude` from defaults),
and a permalink from defaults; a malformed `defaults:` is a finding at its line."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from test_jekyll_collections import _material_shape
from test_jekyll_urls import _LINK_RE, _WARNING_RE, _content, _followed

from support import ROOT, Build, built_pages, nav_tree, run_build, run_build_with_url_style

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-defaults"
FACTS = json.loads((FIXTURE / "jekyll-facts.json").read_text(encoding="utf-8"))
_VALUES_RE = re.compile(r"<p>(Values:.*?)</p>", re.DOTALL)


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("jekyll-defaults") / "project"
    return run_build_with_url_style(FIXTURE, project, request.param, "jekyll-facts.json")


def _pages(built: Build) -> dict[str, Path]:
    return built_pages(built.site_dir, FIXTURE / "docs")


def test_liquid_prints_the_values_defaults_give_as_jekyll_does(built: Build) -> None:
    assert built.returncode == 0, built.output
    pages = _pages(built)
    printed = {
        src: [" ".join(html.unescape(text).split()) for text in _VALUES_RE.findall(_content(page))]
        for src, page in pages.items()
    }
    assert {src: texts for src, texts in printed.items() if texts} == FACTS["texts"]


def test_the_nav_is_jekylls_with_parents_orders_and_exclusions_from_defaults(
    built: Build,
) -> None:
    expected = _material_shape(FACTS["nav"])
    assert ("Guide", [("Setup", []), ("Intro", []), ("Tuning", [])]) in expected
    pages = _pages(built)
    # Left out of the nav by a glob's `nav_exclude`, but built; `published` from defaults
    # does not hold a page back (Jekyll reads it from the page's own front matter only).
    assert "notes/meeting-draft.md" in pages and "wip/plan.md" in pages
    for page in pages.values():
        assert nav_tree(page.read_text(encoding="utf-8")) == expected, page


def test_a_permalink_from_defaults_places_the_page_and_links_lead_to_it(built: Build) -> None:
    pages = _pages(built)
    site = built.site_dir
    assert pages["legacy/old.md"] in (site / "moved" / "index.html", site / "moved.html")
    by_file = {path: src for src, path in pages.items()}
    links = {
        (src, html.unescape(text)): html.unescape(href)
        for src, page in pages.items()
        for href, text in _LINK_RE.findall(_content(page))
    }
    for fact in FACTS["links"]:
        target, _ = _followed(pages[fact["page"]], links[(fact["page"], fact["text"])])
        assert by_file.get(target) == fact["target"], fact


@pytest.mark.parametrize(
    ("defaults", "line", "message"),
    [
        ("defaults: {path: guide}\n", 1, "`defaults` should be a list of sets"),
        ("defaults:\n  - scope: guide\n    values: {product: Acme}\n", 2, "should be a mapping"),
        ("defaults:\n  - scope: {path: guide}\n    values: [product]\n", 3, "mapping of `values`"),
        ("defaults:\n  - scope: {path: [guide]}\n    values: {x: 1}\n", 2, "should be a string"),
        ("defaults:\n  - scope: {type: 7}\n    values: {x: 1}\n", 2, "should be a string"),
        ("defaults:\n  - just a string\n", 2, "mapping of `values`"),
    ],
)
def test_a_malformed_defaults_entry_is_one_finding_at_its_line(
    tmp_path: Path, defaults: str, line: int, message: str
) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project, ignore=shutil.ignore_patterns("jekyll-facts.json"))
    config = project / "docs" / "_config.yml"
    text = config.read_text(encoding="utf-8")
    kept = text[: text.index("defaults:")]
    config.write_text(kept + defaults, encoding="utf-8")
    line += kept.count("\n")
    result = run_build(project)
    assert "Traceback" not in result.output
    findings = [w for w in _WARNING_RE.findall(result.output) if "_config.yml" in w]
    assert len(findings) == 1, result.output
    assert findings[0].startswith(f"docs/_config.yml:{line}: "), findings
    assert message in findings[0]
    assert result.returncode != 0
