"""The layout GitHub Pages' jekyll-default-layout gives a page that names none
(`jekyll.publishing.default_layout`)."""

from __future__ import annotations

import pytest

from mkdocs_playbook.jekyll.publishing import DEFAULT_LAYOUT, Rules, default_layout

RUNS = Rules("remote_theme", frozenset({DEFAULT_LAYOUT}))


@pytest.mark.parametrize(
    ("rules", "path", "url", "kind", "layout"),
    [
        (RUNS, "index.md", "/", "page", "home"),
        (RUNS, "guide.md", "/guide.html", "page", "page"),
        (RUNS, "notes/index.md", "/notes/", "page", "page"),
        (RUNS, "_posts/2024-01-02-hello.md", "/2024/01/02/hello.html", "post", "post"),
        (RUNS, "_recipes/soup.md", "/recipes/soup.html", "recipes", None),
        (RUNS, "about.html", "/about.html", "page", None),
        (RUNS, "GUIDE.MARKDOWN", "/GUIDE.html", "page", "page"),
        (Rules(), "guide.md", "/guide.html", "page", None),
        (None, "guide.md", "/guide.html", "page", None),
    ],
)
def test_home_at_the_root_page_and_post_elsewhere_for_markdown(
    rules: Rules | None, path: str, url: str, kind: str, layout: str | None
) -> None:
    assert default_layout(rules, path, url, kind) == layout
