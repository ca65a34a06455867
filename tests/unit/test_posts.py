"""Jekyll's posts (`jekyll.posts`, `jekyll.collections`): which files are posts, and each
post's URL under every `permalink` style, against what real Jekyll 4.3.1 made of
tests/fixtures/jekyll-posts (jekyll-urls.json)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from mkdocs_playbook.jekyll.collections import collection_navs, document_title, read_collections
from mkdocs_playbook.jekyll.frontmatter import FrontMatter, parse_front_matter
from mkdocs_playbook.jekyll.navigation import NavSource
from mkdocs_playbook.jekyll.site_config import parse_site_config
from support import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-posts"
STYLES: dict[str, dict[str, str]] = json.loads(
    (FIXTURE / "jekyll-urls.json").read_text(encoding="utf-8")
)["styles"]
SOURCES = sorted(
    path.relative_to(FIXTURE / "docs").as_posix() for path in (FIXTURE / "docs").rglob("*.md")
)
# The build these facts were made by: before the one future post.
BUILT = datetime(2026, 12, 5, tzinfo=UTC)


def _posts(style: str) -> dict[str, str]:
    """Each post Jekyll publishes under `style`, with its URL, as we read the fixture."""
    site = parse_site_config(f'permalink: "{style}"\n')
    collections = replace(read_collections(site), now=BUILT)
    urls = {}
    for path in SOURCES:
        document = collections.document(path, site)
        if document is None:
            continue
        text = (FIXTURE / "docs" / path).read_text(encoding="utf-8")
        data = parse_front_matter(text).data
        if collections.published(document, data):
            urls[path] = collections.url(document, data)
    return urls


@pytest.mark.parametrize("style", list(STYLES))
def test_every_post_is_where_jekyll_writes_it(style: str) -> None:
    assert _posts(style) == STYLES[style]


@pytest.mark.parametrize(
    ("path", "post"),
    [
        ("_posts/2024-03-05-first-post.md", True),
        ("ops/_posts/2022-07-04-folder-category.md", True),
        ("_posts/sub/2021-12-31-in-subfolder.md", True),
        ("_posts/not-dated.md", False),
        ("_posts/2024-13-40-impossible.md", False),
        ("_drafts/2024-03-05-draft.md", False),
        ("_hidden/_posts/2024-03-05-x.md", False),
        ("_posts/_2024-03-05-x.md", False),
        ("posts/2024-03-05-x.md", False),
    ],
)
def test_a_post_is_a_dated_file_in_a_posts_folder_jekyll_reads(path: str, post: bool) -> None:
    site = parse_site_config("")
    assert (read_collections(site).document(path, site) is not None) is post


def test_a_future_post_is_published_only_with_future_true() -> None:
    path = "_posts/2999-01-01-future.md"
    for config, published in (("", False), ("future: true\n", True)):
        site = parse_site_config(config)
        collections = read_collections(site)
        document = collections.document(path, site)
        assert document is not None
        assert collections.published(document, {}) is published


def test_posts_are_always_an_output_collection_with_the_styles_template() -> None:
    site = parse_site_config("collections:\n  posts:\n    output: false\n")
    (posts,) = read_collections(site).collections
    assert posts.output
    assert posts.permalink == "/:categories/:year/:month/:day/:title:output_ext"
    site = parse_site_config("permalink: pretty\ncollections:\n  posts:\n    permalink: /p/:slug\n")
    (posts,) = read_collections(site).collections
    assert posts.permalink == "/p/:slug"


def test_a_post_without_a_title_gets_its_name_without_the_date() -> None:
    site = parse_site_config("")
    document = read_collections(site).document("_posts/2020-07-07-no-front-matter.md", site)
    assert document is not None
    assert document_title(document) == "No Front Matter"


def test_a_date_with_an_offset_is_shown_in_the_sites_timezone() -> None:
    site = parse_site_config("timezone: America/New_York\n")
    collections = read_collections(site)
    document = collections.document("_posts/2020-01-01-x.md", site)
    assert document is not None
    data = {"date": "2020-01-02 03:00:00 +0000", "permalink": "/:year/:month/:day/:hour/"}
    assert collections.url(document, data) == "/2020/01/01/22/"


@pytest.mark.parametrize(("listed", "sections"), [(True, ["Blog"]), (False, [])])
def test_posts_are_in_the_nav_only_when_just_the_docs_lists_them(
    listed: bool, sections: list[str]
) -> None:
    config = "just_the_docs:\n  collections:\n    posts:\n      name: Blog\n" if listed else ""
    site = parse_site_config(config)
    collections = read_collections(site)
    path = "_posts/2024-03-05-first-post.md"
    document = collections.document(path, site)
    assert document is not None
    navs = collection_navs(collections, {path: document}, [NavSource(path, "A", FrontMatter())])
    assert [(nav.name, [s.src_uri for s in nav.sources]) for nav in navs] == [
        (name, [path]) for name in sections
    ]


@pytest.mark.parametrize(
    ("front_matter", "published"),
    [({}, True), ({"published": False}, False), ({"published": None}, False)],
)
def test_a_post_published_false_is_left_out(
    front_matter: dict[str, object], published: bool
) -> None:
    site = parse_site_config("")
    collections = read_collections(site)
    document = collections.document("_posts/2020-01-01-x.md", site)
    assert document is not None
    assert collections.published(document, front_matter) is published
