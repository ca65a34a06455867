"""A post's own `page.date` and `page.collection` in its Liquid, as Jekyll 4.3.1 prints them
(aider's 30 posts print `{{ page.date | date: "%B %d, %Y" }}` under `{% if page.date %}`;
only `site.posts` had them, so every post lost its date line). tests/fixtures/jekyll-posts'
first post, built under both URL styles; the expected line is what `jekyll build` printed."""

from __future__ import annotations

import pytest
from test_jekyll_posts import FIXTURE, _titles

from support import Build, run_build_with_url_style

EXPECTED = "<p>Posted March 05, 2024 in posts.</p>"


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("jekyll-posts") / "project"
    return run_build_with_url_style(FIXTURE, project, request.param, "jekyll-urls.json")


def test_a_post_prints_its_own_date_and_collection(built: Build) -> None:
    post = _titles(built.site_dir)["First post"].read_text(encoding="utf-8")
    assert EXPECTED in post
