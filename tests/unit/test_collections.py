"""Jekyll collections as Jekyll 4.3.1 reads them (`jekyll.collections`), Just the Docs'
collection sections in the nav, and full URLs of the site itself (`jekyll.urls`)."""

from __future__ import annotations

import pytest

from mkdocs_playbook.jekyll.collections import (
    Collections,
    Document,
    document_title,
    ordered,
    read_collections,
    with_title,
)
from mkdocs_playbook.jekyll.frontmatter import FrontMatter, parse_front_matter
from mkdocs_playbook.jekyll.navigation import CollectionNav, NavSource, build_nav
from mkdocs_playbook.jekyll.site_config import SiteConfig, parse_site_config
from mkdocs_playbook.jekyll.urls import JekyllUrls, relative_url


def _collections(config: str) -> tuple[Collections, SiteConfig]:
    site = parse_site_config(config)
    return read_collections(site), site


@pytest.mark.parametrize(
    ("config", "labels", "outputs"),
    [
        (
            "collections: [runbooks, notes]\n",
            ["runbooks", "notes", "posts"],
            [False, False, True],
        ),
        (
            "collections:\n  runbooks:\n    output: true\n  notes:\n    output: false\n",
            ["runbooks", "notes", "posts"],
            [True, False, True],
        ),
        ("collections:\n  posts:\n    output: false\n", ["posts"], [True]),
        ("title: none\n", ["posts"], [True]),
    ],
    ids=["list", "mapping", "posts-always-output", "only-posts"],
)
def test_collections_are_read_in_list_and_mapping_form(
    config: str, labels: list[str], outputs: list[bool]
) -> None:
    collections, _ = _collections(config)
    assert [c.label for c in collections.collections] == labels
    assert [c.output for c in collections.collections] == outputs


@pytest.mark.parametrize(
    ("config", "path", "front_matter", "url"),
    [
        # Jekyll's default style, `date`: the output extension.
        ("", "_runbooks/restart.md", "", "/runbooks/restart.html"),
        ("permalink: pretty\n", "_runbooks/db/failover.md", "", "/runbooks/db/failover/"),
        ("permalink: none\n", "_runbooks/db/index.md", "", "/runbooks/db/index.html"),
        ("permalink: /:title/\n", "_runbooks/restart.md", "", "/runbooks/restart/"),
        (
            "",
            "_runbooks/a.md",
            "permalink: /guides/:name:output_ext\n",
            "/guides/a.html",
        ),
        ("", "_runbooks/Two Words.md", "permalink: /:slug/\n", "/two-words/"),
        ("", "_runbooks/Two Words.md", "permalink: /:title/\n", "/Two-Words/"),
        (
            "",
            "_runbooks/x.md",
            "categories: [Ops, Db]\npermalink: /:categories/:name\n",
            "/ops/db/x",
        ),
        # As Jekyll 4.3.1 wrote it: /hardware/storage-arrays/array-v1/array-v1.html.
        (
            "",
            "_runbooks/Array-v1.md",
            'categories: [Storage Arrays, "Array V1!"]\n'
            "permalink: /:collection/:slugified_categories/:name\n",
            "/runbooks/storage-arrays/array-v1/array-v1",
        ),
    ],
    ids=[
        "date",
        "pretty",
        "none-index",
        "own-style",
        "front-matter",
        "slug",
        "title",
        "categories",
        "slugified-categories",
    ],
)
def test_a_documents_url_is_jekylls(config: str, path: str, front_matter: str, url: str) -> None:
    collections, site = _collections(config + "collections:\n  runbooks:\n    output: true\n")
    document = collections.document(path, site)
    assert document is not None
    data = parse_front_matter(f"---\n{front_matter}---\n").data if front_matter else {}
    assert collections.url(document, data) == url


def test_the_collections_permalink_and_folder_are_its_own() -> None:
    collections, site = _collections(
        "collections_dir: my\ncollections:\n  runbooks:\n    output: true\n"
        "    permalink: /:collection/:path/\n"
    )
    assert collections.document("_runbooks/a.md", site) is None
    document = collections.document("my/_runbooks/sub/a.md", site)
    assert document is not None
    assert collections.url(document, {}) == "/runbooks/sub/a/"


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("_runbooks/a.md", True),
        ("_runbooks/_a.md", False),
        ("_runbooks/_sub/a.md", False),
        ("_runbooks/sub/.a.md", False),
        ("_runbooks/a.md~", False),
        ("_runbooks/skipped.md", False),
        ("_runbooks/_kept.md", True),
    ],
)
def test_jekylls_entry_filter_applies_in_a_collection(path: str, kept: bool) -> None:
    collections, site = _collections(
        "exclude: [_runbooks/skipped.md]\ninclude: [_kept.md]\ncollections: [runbooks]\n"
    )
    assert (collections.document(path, site) is not None) is kept


def test_documents_are_ordered_by_path_or_by_sort_by() -> None:
    collections, _ = _collections("collections:\n  r:\n    sort_by: order\n  s: {}\n")
    by_key, by_path, _ = collections.collections
    names = ["_r/c.md", "_r/a.md", "_r/b.md", "_r/d.md"]
    orders = [{"order": 1}, {}, {"order": 2}, {"order": 1}]
    documents = [(Document(by_key, n), o) for n, o in zip(names, orders, strict=True)]
    assert [d.path for d in ordered(documents, by_key)] == [
        "_r/c.md",
        "_r/d.md",
        "_r/b.md",
        "_r/a.md",
    ]
    assert [d.path for d in ordered(documents, by_path)] == sorted(names)


def test_a_document_without_a_title_gets_jekylls() -> None:
    collections, site = _collections("collections: [runbooks]\n")
    document = collections.document("_runbooks/db/fail-over.steps.md", site)
    assert document is not None
    assert document_title(document) == "Fail Over.steps"
    assert with_title(FrontMatter(), document).data == {"title": "Fail Over.steps"}
    titled = FrontMatter(data={"title": "Own"})
    assert with_title(titled, document) is titled


def test_just_the_docs_collections_are_read_in_order() -> None:
    collections, _ = _collections(
        "just_the_docs:\n  collections:\n    b:\n      name: Bee\n      nav_fold: true\n"
        "    a:\n      name: Ay\n      nav_exclude: true\n      search_exclude: true\n"
    )
    b, a = collections.nav
    assert (b.label, b.name, b.nav_fold, b.nav_exclude) == ("b", "Bee", True, False)
    assert (a.label, a.nav_exclude, a.search_exclude) == ("a", True, True)
    assert collections.nav_of("a") is a


def _source(uri: str, title: str, **data: object) -> NavSource:
    return NavSource(uri, title, FrontMatter(data={"title": title, **data}))


def test_collections_are_sections_after_the_pages_and_external_links() -> None:
    pages = [_source("index.md", "Home")]
    tests = CollectionNav("Tests", [_source("_t/b.md", "B"), _source("_t/a.md", "A")])
    hidden = CollectionNav("Hidden", [_source("_h/x.md", "X")], exclude=True)
    nav, problems = build_nav(pages, collections=[tests, hidden])
    assert problems == []
    assert nav == [{"Home": "index.md"}, {"Tests": [{"A": "_t/a.md"}, {"B": "_t/b.md"}]}]


@pytest.mark.parametrize(
    "pages",
    [[], [_source("index.md", "Home", nav_exclude=True)]],
    ids=["no-pages", "excluded-pages"],
)
def test_a_single_collection_without_top_pages_has_no_heading(pages: list[NavSource]) -> None:
    tests = CollectionNav("Tests", [_source("_t/a.md", "A")])
    nav, _ = build_nav(pages, collections=[tests])
    assert nav == [{"A": "_t/a.md"}]


def test_titles_are_a_namespace_per_collection() -> None:
    pages = [_source("index.md", "Home")]
    tests = CollectionNav("Tests", [_source("_t/a.md", "A", parent="Home")])
    nav, problems = build_nav(pages, collections=[tests])
    # Its parent is in no collection: left out, as Just the Docs leaves it. Just the Docs still
    # prints the collection's bare heading; Material would make an empty section a link to ".".
    assert nav == [{"Home": "index.md"}]
    assert [p.path for p in problems] == ["_t/a.md"]


@pytest.mark.parametrize(
    ("href", "target"),
    [
        ("https://example.org/ops/docs/b.html#x", ("docs/b.md", "#x")),
        ("http://EXAMPLE.org/ops/docs/b.html", ("docs/b.md", "")),
        ("https://example.org/ops/", ("index.md", "")),
        ("https://example.org/ops/docs/none.html", (None, "")),
        ("https://example.org/other/docs/b.html", None),
        ("https://elsewhere.org/ops/docs/b.html", None),
        ("ftp://example.org/ops/docs/b.html", None),
    ],
)
def test_a_full_url_of_the_site_names_its_page(
    href: str, target: tuple[str | None, str] | None
) -> None:
    urls = JekyllUrls({"index.md": "/", "docs/b.md": "/docs/b.html"}, "/ops", ("example.org/ops",))
    found = urls.target(href, "index.md")
    assert (None if found is None else (found.src_uri, found.suffix)) == target


@pytest.mark.parametrize(
    ("to", "start", "relative"),
    [
        ("docs/b/", "./", "docs/b/"),
        ("./", "docs/b/", "../../"),
        ("docs/b.html", "docs/a.html", "b.html"),
        ("index.html", "docs/a.html", "../index.html"),
        ("docs/b/", "docs/b/", "./"),
    ],
)
def test_a_built_pages_url_relative_to_another(to: str, start: str, relative: str) -> None:
    assert relative_url(to, start) == relative


def test_raw_html_gets_the_built_pages_url() -> None:
    urls = JekyllUrls(
        {"index.md": "/", "docs/b.md": "/docs/b.html"},
        page_urls={"index.md": "./", "docs/b.md": "docs/b/"},
    )
    target = urls.target("/docs/b.html#x", "index.md")
    assert target is not None
    assert urls.built_href(target, "index.md") == "docs/b/#x"
    assert urls.built_href(target, "unknown.md") is None
