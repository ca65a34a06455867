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

from support import (
    ROOT,
    Build,
    built_pages,
    make_project,
    nav_labels,
    nav_tree,
    run_build,
    run_build_with_url_style,
)

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


def test_a_title_from_defaults_keeps_github_pages_from_taking_the_heading(
    tmp_path: Path,
) -> None:
    """jekyll-titles-from-headings reads `page.data["title"]`, defaults included (checked
    with Jekyll 4.3.1 and the plugin)."""
    config = "defaults:\n  - scope: {path: t}\n    values: {title: From defaults}\n"
    pages = {
        "_config.yml": config,
        "index.md": "---\n---\n# Other heading\n\nText.\n",
        "t/a.md": "---\n---\n# Heading title\n\nText.\n",
    }
    project = make_project(tmp_path, pages, plugin_options="      github_pages: true\n")
    build = run_build(project)
    assert build.returncode == 0, build.output
    labels = nav_labels(build.html("index.html"))
    assert "From defaults" in labels and "Heading title" not in labels, labels
    assert "Other heading" in labels, labels


def test_a_posts_published_comes_from_defaults_too(tmp_path: Path) -> None:
    """A document's defaults are merged into its data before Jekyll's publisher reads it."""
    config = "defaults:\n  - scope: {path: _posts/2020}\n    values: {published: false}\n"
    pages = {
        "_config.yml": config,
        "index.md": "---\ntitle: Home\n---\n# Home\n",
        "_posts/2020-01-01-held.md": "---\ntitle: Held\n---\nHeld back.\n",
        "_posts/2021-01-01-shown.md": "---\ntitle: Shown\n---\nShown.\n",
    }
    build = run_build(make_project(tmp_path, pages))
    assert build.returncode == 0, build.output
    written = {path.name for path in build.site_dir.rglob("*.html")}
    assert any("shown" in str(path) for path in build.site_dir.rglob("*.html")), written
    assert not any("held" in str(path) for path in build.site_dir.rglob("*.html")), written


def test_search_exclude_from_defaults_keeps_a_page_out_of_the_index(built: Build) -> None:
    index = json.loads((built.site_dir / "search" / "search_index.json").read_text("utf-8"))
    locations = {document["location"].split("#")[0] for document in index["docs"]}
    assert {"notes/meeting-draft/", "notes/meeting-draft.html"} & locations
    assert not {"notes/meeting/", "notes/meeting.html"} & locations


def test_the_theme_reads_keys_from_defaults_as_the_pages_own(built: Build) -> None:
    """Material reads `page.meta` (`description` for its meta tag), as jekyll-seo-tag reads
    `page.description` in Jekyll."""
    for page in (built.site_dir / "index.html", _pages(built)["guide/intro.md"]):
        text = page.read_text(encoding="utf-8")
        assert '<meta name="description" content="Runbooks for the Acme platform">' in text


def test_a_parents_table_of_contents_lists_children_given_by_defaults(built: Build) -> None:
    """Just the Docs prints it after the parent's content, in the nav's order."""
    pages = _pages(built)
    by_file = {path: src for src, path in pages.items()}
    content = _content(pages["guide.md"])
    children = [
        by_file.get(_followed(pages["guide.md"], html.unescape(href))[0])
        for href, _ in _LINK_RE.findall(content[content.index("Table of contents") :])
    ]
    assert children == ["guide/setup.md", "guide/intro.md", "guide/advanced/tuning.md"]


def test_a_layout_from_defaults_writes_the_page_in_the_sites_own_layout(tmp_path: Path) -> None:
    """As if the page had said `layout: bare`: its HTML is the layout's, at Jekyll's URL."""
    config = "defaults:\n  - scope: {path: old}\n    values: {layout: bare, note: kept}\n"
    layout = (
        "<!DOCTYPE html>\n<html><body><p>Bare: {{ page.note }}</p>{{ content }}</body></html>\n"
    )
    pages = {
        "_config.yml": config,
        "_layouts/bare.html": layout,
        "index.md": "---\ntitle: Home\n---\n# Home\n",
        "old/page.md": "---\ntitle: Old\n---\nMoved on.\n",
    }
    build = run_build(make_project(tmp_path, pages))
    assert build.returncode == 0, build.output
    written = (build.site_dir / "old" / "page.html").read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>\n<html><body><p>Bare: kept</p>"), written
