"""Just the Docs' layout parts in a built site, under both URL styles, against what real
Jekyll 4.3.1 with Just the Docs printed for the same pages (tests/fixtures/jtd-parts,
scripts/jekyll-parts): each parent page's "Table of contents" of child pages, no H1 where
Just the Docs shows none, the footer's settings, and untitled pages out of the nav."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from support import ROOT, Build, nav_labels, run_build

FIXTURE = ROOT / "tests" / "fixtures" / "jtd-parts"
RENDERED: dict[str, Any] = json.loads((FIXTURE / "jekyll-parts.json").read_text(encoding="utf-8"))
PAGES: dict[str, Any] = RENDERED["pages"]
_WARNING_RE = re.compile(r"^WARNING +- +(.*)$", re.MULTILINE)


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("jtd-parts") / "project"
    shutil.copytree(FIXTURE / "docs", project / "docs")
    # The Jekyll source is docs/, as GitHub Pages publishes it.
    shutil.copy(FIXTURE / "_config.yml", project / "docs" / "_config.yml")
    (project / "mkdocs.yml").write_text(
        "site_name: Layout parts\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n  - playbook\n"
        f"use_directory_urls: {str(request.param).lower()}\n",
        encoding="utf-8",
    )
    # Not strict: the untitled pages are reported, which strict makes an error.
    return run_build(project, strict=False)


def _dest(built: Build, uri: str) -> str:
    """The built file of the page at docs path `uri`."""
    stem = uri.removesuffix(".md")
    directory_urls = (built.site_dir / "leaf" / "index.html").exists()
    if not directory_urls or posixpath.basename(stem) == "index":
        return stem + ".html"
    return stem + "/index.html"


class _Article(HTMLParser):
    """The built page's article: its H1s and its table of contents of child pages."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.h1 = 0
        self.toc_depth: int | None = None
        self.heading: list[str] | None = None
        self.entries: list[dict[str, str]] = []
        self.in_link = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("hr", "br", "img", "input", "meta", "link"):
            return
        self.depth += 1
        classes = (attributes.get("class") or "").split()
        if tag == "h1":
            self.h1 += 1
        if tag == "div" and "playbook-children" in classes:
            self.toc_depth = self.depth
            assert "data-search-exclude" in attributes
        elif self.toc_depth is not None and tag == "h2":
            assert "text-delta" in classes
            self.heading = []
        elif self.toc_depth is not None and tag == "a":
            self.entries.append({"href": attributes.get("href") or "", "title": "", "rest": ""})
            self.in_link = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("hr", "br", "img", "input", "meta", "link"):
            return
        if self.toc_depth == self.depth:
            self.toc_depth = None
        self.depth -= 1
        self.in_link = False if tag == "a" else self.in_link

    def handle_data(self, data: str) -> None:
        if self.toc_depth is None:
            return
        if self.heading is not None and not self.entries:
            self.heading.append(data)
        elif self.entries:
            self.entries[-1]["title" if self.in_link else "rest"] += data


def _article(built: Build, uri: str) -> _Article:
    html = built.html(_dest(built, uri))
    start, end = html.index("<article"), html.index("</article>")
    reader = _Article()
    reader.feed(html[start:end])
    return reader


@pytest.mark.parametrize("uri", sorted(PAGES))
def test_table_of_contents_is_what_just_the_docs_prints(built: Build, uri: str) -> None:
    toc = PAGES[uri]["toc"]
    article = _article(built, uri)
    if toc is None:
        assert article.heading is None and not article.entries
        return
    assert toc["level"] == 2
    assert " ".join("".join(article.heading or []).split()) == toc["heading"]
    page_file = _dest(built, uri)
    ours = []
    for entry in article.entries:
        # The link leads to the child's built page, from this page, in either URL style.
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_file), entry["href"]))
        target = unquote(target) + ("/index.html" if entry["href"].endswith("/") else "")
        assert (built.site_dir / target).is_file(), entry["href"]
        child = next(e for e in toc["entries"] if _dest(built, e["page"]) == target)
        summary = " ".join(entry["rest"].split()).removeprefix("- ") or None
        ours.append({"title": entry["title"], "page": child["page"], "summary": summary})
    assert ours == toc["entries"]


@pytest.mark.parametrize("uri", sorted(PAGES))
def test_no_h1_is_added_where_just_the_docs_shows_none(built: Build, uri: str) -> None:
    assert _article(built, uri).h1 == PAGES[uri]["h1"]


def test_the_title_stays_in_the_head_and_the_nav(built: Build) -> None:
    html = built.html("index.html")
    assert "<title>Home - Layout parts</title>" in html
    assert "Home" in nav_labels(html)


def test_search_leaves_the_table_of_contents_out(built: Build) -> None:
    index = (built.site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Get the tools onto your machine" not in index  # a summary, shown only in a table
    assert "Table of contents" not in index


def test_footer_settings_show_as_material_shows_them(built: Build) -> None:
    expected = PAGES["index.md"]
    html = built.html("index.html")
    copyright_ = re.search(r'<div class="md-copyright__highlight">(.*?)</div>', html, re.DOTALL)
    assert copyright_ is not None
    assert (
        " ".join(copyright_.group(1).replace("&copy;", "©").split()) == (expected["footer_content"])
    )
    assert 'class="md-top md-icon"' in html  # back_to_top: Material's button
    updated = re.search(r'<aside class="md-source-file">(.*?)</aside>', html, re.DOTALL)
    assert updated is not None
    text = " ".join(re.sub(r"<[^>]+>", " ", updated.group(1)).split())
    assert text == expected["last_modified"]
    # A page without last_modified_date shows none, as in Just the Docs.
    assert PAGES["leaf.md"]["last_modified"] is None
    assert 'class="md-source-file"' not in built.html(_dest(built, "leaf.md"))


def test_untitled_pages_are_built_linkable_out_of_the_nav_and_reported(built: Build) -> None:
    for uri in ("moved.md", "guides/stub.md"):
        assert (built.site_dir / _dest(built, uri)).is_file()
    labels = nav_labels(built.html("index.html"))
    assert "Stub" not in labels and "Moved" not in labels
    # The only warnings of the build: no link (the tables' included) fails MkDocs' or our check.
    warnings = _WARNING_RE.findall(built.output)
    assert sorted(w.split(": ")[:2] for w in warnings) == [
        ["playbook", "docs/guides/stub.md:1"],
        ["playbook", "docs/moved.md:1"],
    ], built.output
    assert all("no title: Just the Docs leaves the page out" in w for w in warnings)


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_parent_page_with_no_text_still_lists_its_children(
    tmp_path: Path, directory_urls: bool
) -> None:
    """Python-Markdown returns nothing for a page of white space without running its
    processors; Just the Docs' layout prints the table whatever the page holds."""
    project = _project(tmp_path, directory_urls)
    parent = project / "docs" / "guides" / "index.md"
    text = parent.read_text(encoding="utf-8")
    parent.write_text(text[: text.index("---", 3) + 4] + "\n", encoding="utf-8")
    build = run_build(project, strict=False)
    article = _article(build, "guides/index.md")
    assert [entry["title"] for entry in article.entries] == [
        entry["title"] for entry in PAGES["guides/index.md"]["toc"]["entries"]
    ]


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize(
    ("layout", "prints"),
    [
        # A fork of the theme whose own page layout prints no table (Jekyll prints what the
        # layout says: here the content alone).
        ("<main>{{ content }}</main>\n", False),
        # Its own copy that still prints it, as every version of the theme's does.
        (
            "<main>{{ content }}\n{% if page.has_toc != false %}"
            "{% include components/children_nav.html %}{% endif %}</main>\n",
            True,
        ),
    ],
    ids=["fork-without-table", "copy-with-table"],
)
def test_a_site_own_page_layout_decides_whether_the_table_is_printed(
    tmp_path: Path, directory_urls: bool, layout: str, prints: bool
) -> None:
    project = _project(tmp_path, directory_urls)
    (project / "docs" / "_layouts").mkdir()
    (project / "docs" / "_layouts" / "default.html").write_text(layout, encoding="utf-8")
    build = run_build(project, strict=False)
    article = _article(build, "guides/index.md")
    expected = [entry["title"] for entry in PAGES["guides/index.md"]["toc"]["entries"]]
    assert expected
    assert [entry["title"] for entry in article.entries] == (expected if prints else [])
    assert (article.heading is not None) is prints


def _project(tmp_path: Path, directory_urls: bool) -> Path:
    """The fixture's pages and _config.yml as a project of its own, to change and build."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE / "docs", project / "docs")
    shutil.copy(FIXTURE / "_config.yml", project / "docs" / "_config.yml")
    (project / "mkdocs.yml").write_text(
        "site_name: Layout parts\ntheme:\n  name: material\n  font: false\n"
        f"plugins:\n  - search\n  - playbook\nuse_directory_urls: {str(directory_urls).lower()}\n",
        encoding="utf-8",
    )
    return project
