"""A Jekyll site with posts (tests/fixtures/jekyll-posts), built under both URL styles: links
written to a post's Jekyll URL (jekyll-urls.json, from real Jekyll 4.3.1) lead to the built
post; `site.posts` lists them newest first; posts are searchable and kept out of Just the
Docs' nav; undated and future posts, which Jekyll skips, are not built, and a link to one is a
finding at its line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_jekyll_collections import _LINK_RE, _WARNING_RE
from test_jekyll_urls import _content, _followed

from support import ROOT, Build, built_title, run_build_with_url_style

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-posts"
URLS: dict[str, str] = json.loads((FIXTURE / "jekyll-urls.json").read_text(encoding="utf-8"))[
    "styles"
]["date"]


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("jekyll-posts") / "project"
    return run_build_with_url_style(FIXTURE, project, request.param, "jekyll-urls.json")


def _titles(site: Path) -> dict[str, Path]:
    return {built_title(path): path for path in site.rglob("*.html") if path.name != "404.html"}


def test_links_to_a_posts_jekyll_url_lead_to_the_post(built: Build) -> None:
    home = _titles(built.site_dir)["Home"]
    links = {text: href for href, text in _LINK_RE.findall(_content(home))}
    expected = {
        "Root-relative": ("First post", ""),
        "With the base URL": ("Folder category", "notes"),
        "Relative": ("Single digits", ""),
        "Own permalink": ("Own permalink", ""),
    }
    for text, (title, anchor) in expected.items():
        target, fragment = _followed(home, links[text])
        assert target.is_file(), (text, links[text])
        assert (built_title(target), fragment) == (title, anchor), text


def test_every_post_jekyll_publishes_is_built_and_no_other(built: Build) -> None:
    titles = _titles(built.site_dir)
    posts = {
        title
        for path in URLS
        for title in re.findall(r"^# (.+)$", (FIXTURE / "docs" / path).read_text("utf-8"), re.M)
    }
    assert posts <= set(titles)
    assert "Not dated" not in titles
    assert "Future" not in titles


def test_posts_are_searchable_and_not_in_the_nav(built: Build) -> None:
    index = (built.site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "The newest post." in index
    home = _titles(built.site_dir)["Home"].read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') :]
    assert "First post" not in nav[: nav.index("</nav>")]


def test_a_link_to_a_post_jekyll_skips_is_a_finding_at_its_line(built: Build) -> None:
    assert _WARNING_RE.findall(built.output) == [
        "docs/index.md:11:12: link target /2999/01/01/future.html: no such page or file"
    ]
    assert built.returncode != 0


def test_site_posts_lists_the_posts_newest_first(built: Build) -> None:
    latest = _titles(built.site_dir)["Latest"]
    content = _content(latest)
    links = _LINK_RE.findall(content)
    # Jekyll's own titles (`Two_words`, from the name), leading to the posts they name.
    assert [text for _, text in links] == ["Two_words", "First post", "Single digits"]
    assert [built_title(_followed(latest, href)[0]) for href, _ in links] == [
        "Two words",
        "First post",
        "Single digits",
    ]
    assert "Ops,DB" in content
