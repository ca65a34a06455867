"""What Jekyll 4.3.1 publishes of a site's Markdown files, and which of GitHub Pages' plugins
change it. Titles are those jekyll-titles-from-headings 0.5.3's `TITLE_REGEX` matched in Ruby
3.1 on this machine; the rest follows each plugin's code as Debian packages it."""

from __future__ import annotations

from typing import Any

import pytest

from mkdocs_playbook.jekyll.frontmatter import parse_front_matter
from mkdocs_playbook.jekyll.publishing import (
    GITHUB_PAGES_PLUGINS,
    OPTIONAL_FRONT_MATTER,
    README_INDEX,
    REDIRECT_FROM,
    TITLES_FROM_HEADINGS,
    Placement,
    Rules,
    SourceFile,
    has_yaml_header,
    heading_title,
    place,
    rules_for,
)
from mkdocs_playbook.jekyll.site_config import SiteConfig, parse_site_config

GITHUB_PAGES = Rules("Gemfile has github-pages", frozenset(GITHUB_PAGES_PLUGINS))
JEKYLL = Rules()


@pytest.mark.parametrize(
    ("config", "setting", "gemfile", "why", "plugins"),
    [
        ({}, "auto", "", "", set()),
        (
            {},
            "auto",
            "gem 'github-pages', group: :jekyll_plugins\n",
            "Gemfile has github-pages",
            set(GITHUB_PAGES_PLUGINS),
        ),
        (
            {},
            "auto",
            'gem("github-pages", "~> 228")\n',
            "Gemfile has github-pages",
            set(GITHUB_PAGES_PLUGINS),
        ),
        ({}, "auto", "# gem 'github-pages'\ngem 'jekyll', '~> 4.3'\n", "", set()),
        (
            {"remote_theme": "just-the-docs/just-the-docs"},
            "auto",
            "",
            "_config.yml has remote_theme",
            set(GITHUB_PAGES_PLUGINS),
        ),
        ({"remote_theme": "x/y"}, False, "gem 'github-pages'", "", set()),
        ({}, True, "", "plugins.playbook.github_pages: true", set(GITHUB_PAGES_PLUGINS)),
        # A site built from its own Gemfile runs the plugins it lists.
        (
            {"plugins": ["jekyll-readme-index", "jekyll-redirect-from", "jekyll-seo-tag"]},
            "auto",
            "",
            "",
            {README_INDEX, REDIRECT_FROM},
        ),
        ({"gems": ["jekyll-optional-front-matter"]}, "auto", "", "", {OPTIONAL_FRONT_MATTER}),
        # Each plugin's own switch, and Jekyll's `require_front_matter`.
        (
            {
                "remote_theme": "x/y",
                "titles_from_headings": {"enabled": False},
                "require_front_matter": True,
            },
            "auto",
            "",
            "_config.yml has remote_theme",
            set(GITHUB_PAGES_PLUGINS) - {TITLES_FROM_HEADINGS, OPTIONAL_FRONT_MATTER},
        ),
    ],
)
def test_rules_follow_the_gemfile_the_config_and_the_setting(
    config: dict[str, Any], setting: bool | str, gemfile: str, why: str, plugins: set[str]
) -> None:
    rules = rules_for(config, setting, gemfile)
    assert rules.github_pages == why
    assert rules.plugins == plugins


def test_the_log_line_names_the_rules_and_why() -> None:
    assert rules_for({}, "auto", "").describe() == (
        "Jekyll publishing rules: Jekyll's own, not GitHub Pages': Markdown without front "
        "matter is a plain file"
    )
    with_redirects = rules_for({"plugins": ["jekyll-redirect-from"]}, "auto", "gem 'github-pages'")
    assert with_redirects.describe() == (
        "Jekyll publishing rules: GitHub Pages (Gemfile has github-pages): optional front "
        "matter, readme index, titles from headings, relative links, default layout, "
        "redirect-from"
    )


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        (b"---\n", True),
        (b"---  \r\n", True),
        (b"---", False),  # the whole file: no line break after the dashes
        (b"\xef\xbb\xbf---\n", False),  # read as bytes, the byte order mark comes first
        (b"--- title: A\n", False),
        (b"----\n", False),
        (b"# Title\n", False),
        (b"", False),
    ],
)
def test_yaml_header_is_the_first_line_as_read(first_line: bytes, expected: bool) -> None:
    assert has_yaml_header(first_line) is expected


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("# Release notes\n\nx", "Release notes"),
        ("\n\n## Two ##\n", "Two ##"),
        ("#### Four\n", None),
        ("Title\n=====\n", "Title"),
        ("Para first\n\n# H", None),
        ("\n===\n", ""),
        ("#\n\nFoo\n", "Foo"),
        ("", None),
        ("   Setext\n---  \nx", "Setext"),
        ("a\n\n===\n", None),
        # Markup goes (markdownify, strip_html), and footnote marks.
        ("# A **bold** [link](x.md) &amp; co[^1]\n", "A bold link & co"),
        ("#### Four\n----\n", "Four"),
    ],
)
def test_title_is_the_heading_the_text_starts_with(body: str, title: str | None) -> None:
    assert heading_title(body) == title


def _source(path: str, text: str) -> SourceFile:
    front_matter = parse_front_matter(text)
    header = has_yaml_header(text.encode("utf-8").split(b"\n")[0] + b"\n")
    return SourceFile(path, header, front_matter, text[front_matter.body_start :])


def _placed(
    files: dict[str, str],
    rules: Rules,
    others: tuple[str, ...] = (),
    site: SiteConfig | None = None,
) -> dict[str, Placement]:
    sources = [_source(path, text) for path, text in files.items()]
    return place(sources, others, site or parse_site_config("title: A\n"), rules)


def test_without_front_matter_a_file_is_copied_not_rendered() -> None:
    placed = _placed({"notes.md": "# Notes\n", "page.md": "---\n---\n# Page\n"}, JEKYLL)
    assert (placed["notes.md"].page, placed["notes.md"].copied) == (False, True)
    assert "it has no front matter" in placed["notes.md"].reason
    assert placed["page.md"].page


@pytest.mark.parametrize(
    ("value", "published"),
    [("false", False), ("", False), ("~", False), ("0", True), ("'false'", True), ("true", True)],
)
def test_published_follows_rubys_truth(value: str, published: bool) -> None:
    placed = _placed({"draft.md": f"---\npublished: {value}\n---\n# Draft\n"}, JEKYLL)
    assert placed["draft.md"].page is published
    assert placed["draft.md"].copied is False


def test_optional_front_matter_leaves_listed_names_plain_unless_included() -> None:
    files = {"notes.md": "# Notes\n", "LICENSE.md": "MIT\n", "docs/CONTRIBUTING.md": "Help\n"}
    placed = _placed(files, GITHUB_PAGES)
    assert placed["notes.md"].page
    assert not placed["LICENSE.md"].page
    assert not placed["docs/CONTRIBUTING.md"].page
    site = parse_site_config("include:\n  - CONTRIBUTING.md\n")
    assert _placed(files, GITHUB_PAGES, site=site)["docs/CONTRIBUTING.md"].page


def test_a_readme_is_its_folders_index_only_where_the_folder_has_none() -> None:
    files = {
        "guide/README.md": "# Guide\n",
        "api/readme.md": "# API\n",
        "ops/README.md": "# Ops\n",
        "ops/index.md": "---\ntitle: Ops\n---\n",
        "site/README.md": "# Site\n",
        "with/README.md": "---\ntitle: With\n---\n",
        # A real site's home page, `permalink: /`, beside its README: Jekyll 4.3.1 with
        # jekyll-readme-index 0.3.0 wrote the page at / and left the README a file.
        "README.md": "# Readme\n",
        "home.md": "---\ntitle: Home\npermalink: /\n---\nHome\n",
        "guide/steps.md": "---\ntitle: Steps\npermalink: /guide/steps/\n---\n",
    }
    placed = _placed(files, GITHUB_PAGES, others=("site/index.html",))
    assert not placed["README.md"].page
    assert placed["guide/README.md"].folder_index
    assert placed["api/readme.md"].folder_index
    assert not placed["ops/README.md"].page  # ops/index.md is the index
    assert not placed["site/README.md"].page  # so is site/index.html
    # One with front matter is a page at its own URL (`with_frontmatter` is off by default).
    assert placed["with/README.md"].page and not placed["with/README.md"].folder_index
    # Without the plugin, a README without front matter is a plain file like any other.
    assert not _placed(files, JEKYLL)["guide/README.md"].page


def test_titles_from_headings_only_for_pages_without_a_title() -> None:
    files = {
        "a.md": "---\ntitle: Own\n---\n# Heading\n",
        "b.md": "---\ntitle:\n---\n# From heading\n",
        "c.md": "# No front matter\n",
    }
    placed = _placed(files, GITHUB_PAGES)
    assert [placed[name].title for name in files] == [None, "From heading", "No front matter"]
    assert [p.title for p in _placed(files, JEKYLL).values()] == [None, None, None]
