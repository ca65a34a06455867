"""Pages in the site's own layouts inside Just the Docs' page (tests/fixtures/jekyll-site-layouts:
its `_layouts/home.html` over the theme's, printing `{{ content }}`, a line and an include that
lists every page; its `page.html`; `framed.html` in its `page`), built under both URL styles:
each page's main text is what Jekyll 4.3.1 with Just the Docs b28a655 printed (jekyll-main/,
scripts/jekyll-main), and the include's links lead to the built pages. abap-leitfaden's and
adt-leitfaden's home pages (0.36 and 0.73 similar) lost their list of every page."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_playbook.migration.pages import read_page
from support import (
    ROOT,
    Build,
    built_jekyll_fixture,
    built_page,
    jekyll_main,
    link_targets,
    main_texts,
    make_project,
    run_build,
)

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-site-layouts"
MAIN = jekyll_main(FIXTURE)


built = built_jekyll_fixture(FIXTURE)


@pytest.mark.parametrize("uri", sorted(MAIN))
def test_each_page_shows_what_jekyll_shows(built: Build, uri: str) -> None:
    ours, jekylls = main_texts(built.site_dir, uri, MAIN[uri])
    assert ours == jekylls


def test_the_layouts_include_links_to_every_page_in_a_clean_build(built: Build) -> None:
    assert built.returncode == 0, built.output
    home = built_page(built.site_dir, "index.md")
    links = read_page(home.read_text(encoding="utf-8"), "material").links
    pages = ["index.md", "notes.md", "plain.md", "guides/setup.md"]
    assert link_targets(home, links) == [built_page(built.site_dir, uri).resolve() for uri in pages]


def test_a_problem_in_a_site_layout_fails_a_strict_build_naming_its_line(tmp_path: Path) -> None:
    layout = "---\nlayout: default\n---\n{{ content }}\n<p>{% include missing.html %}</p>\n"
    pages = {
        "_config.yml": "title: Broken layout\n",
        "_layouts/home.html": layout,
        "index.md": "---\ntitle: Home\nlayout: home\n---\n# Home\n",
    }
    built = run_build(make_project(tmp_path, pages))
    assert built.returncode != 0
    assert "docs/index.md: _layouts/home.html:2:4: `{% include missing.html %}`" in built.output
