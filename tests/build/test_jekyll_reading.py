"""A Jekyll site's files are read and published as Jekyll 4.3.1 reads and publishes them: its
own rules, and GitHub Pages' when a Gemfile names the github-pages gem. What Jekyll published
of the fixture (tests/fixtures/jekyll-reading, rendered by scripts/jekyll-publishing) is
committed beside it; both are built under both URL styles."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from mkdocs_playbook.jekyll.publishing import REDIRECTS_NOT_WRITTEN
from support import ROOT, Build, make_project, nav_tree, run_build

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-reading"
GEMFILE = 'source "https://rubygems.org"\ngem "github-pages", group: :jekyll_plugins\n'
RULES = {
    "jekyll": "Jekyll publishing rules: Jekyll's own, not GitHub Pages': Markdown without "
    "front matter is a plain file",
    "github-pages": "Jekyll publishing rules: GitHub Pages (Gemfile has github-pages): "
    "optional front matter, readme index, titles from headings, relative links, default layout",
}
_PLAIN = ", so Jekyll publishes it as a plain file: the link shows its Markdown, not a page"
_ADD_FRONT_MATTER = "start it with front matter (a line `---`, its keys, a line `---`)"
_LEFT_OUT = [
    "docs/index.md:18:11: link target draft.md: `published: false` in its front matter: "
    "Jekyll does not publish it; remove the link, or publish the page",
    "docs/index.md:19:14: link target excluded.md: Jekyll does not publish it: _config.yml's "
    "exclude: names it; remove the link",
    "docs/index.md:20:13: link target _private/secret.md: Jekyll does not publish it: the name "
    "'_private' starts with '_'; move it, or list it under _config.yml's include:",
]
# Links to what Jekyll does not make a page, each a finding at its line.
LINK_FINDINGS = {
    "jekyll": [
        f"docs/guide/setup.md:6:21: link target README.md: it has no front matter{_PLAIN}; "
        + _ADD_FRONT_MATTER,
        "docs/index.md:11:21: link target byte-order-mark.md: it starts with a byte order mark, "
        f"which hides its front matter from Jekyll{_PLAIN}; save it without the byte order mark",
        f"docs/index.md:13:19: link target release-notes.md: it has no front matter{_PLAIN}; "
        + _ADD_FRONT_MATTER,
        f"docs/index.md:14:19: link target later-heading.md: it has no front matter{_PLAIN}; "
        + _ADD_FRONT_MATTER,
        f"docs/index.md:15:11: link target guide/README.md: it has no front matter{_PLAIN}; "
        + _ADD_FRONT_MATTER,
        f"docs/index.md:17:18: link target CONTRIBUTING.md: it has no front matter{_PLAIN}; "
        + _ADD_FRONT_MATTER,
        *_LEFT_OUT,
    ],
    "github-pages": [
        "docs/index.md:17:18: link target CONTRIBUTING.md: GitHub Pages' optional-front-matter "
        f"plugin makes no page of a CONTRIBUTING file without front matter{_PLAIN}; "
        + _ADD_FRONT_MATTER,
        *_LEFT_OUT,
    ],
}
_WARNING_RE = re.compile(r"^WARNING +- +playbook: (.*)$", re.MULTILINE)
_TITLE_RE = re.compile(r"<title>(.*?) - Jekyll reading</title>")


@pytest.fixture(
    scope="module",
    params=[
        ("jekyll", True),
        ("jekyll", False),
        ("github-pages", True),
        ("github-pages", False),
    ],
    ids=lambda p: f"{p[0]}-{'directory' if p[1] else 'file'}-urls",
)
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, bool, Build]:
    rules, directory_urls = request.param
    project = tmp_path_factory.mktemp("jekyll-reading") / "project"
    shutil.copytree(FIXTURE, project)
    if rules == "github-pages":
        (project / "docs" / "Gemfile").write_text(GEMFILE, encoding="utf-8")
    config = project / "mkdocs.yml"
    setting = f"use_directory_urls: {str(directory_urls).lower()}\n"
    config.write_text(config.read_text(encoding="utf-8") + setting, encoding="utf-8")
    return rules, directory_urls, run_build(project, strict=False)


def _jekyll(rules: str) -> dict[str, Any]:
    name = "expected-jekyll.json" if rules == "jekyll" else "expected-github-pages.json"
    expected: dict[str, Any] = json.loads((FIXTURE / name).read_text(encoding="utf-8"))
    return expected


def _site_path(jekyll_url: str, directory_urls: bool) -> str:
    """Where MkDocs writes the page Jekyll writes at `jekyll_url`."""
    path = jekyll_url.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    if directory_urls:
        return path.removesuffix(".html") + "/index.html"
    return path


def test_the_log_names_the_rules_applied(built: tuple[str, bool, Build]) -> None:
    rules, _, build = built
    assert f"INFO    -  playbook: {RULES[rules]}\n" in build.output
    assert build.output.count("Jekyll publishing rules") == 1


def test_pages_are_those_jekyll_renders_at_its_urls(built: tuple[str, bool, Build]) -> None:
    rules, directory_urls, build = built
    expected = {_site_path(page["url"], directory_urls) for page in _jekyll(rules)["pages"]} | {
        "404.html"
    }
    built_pages = {
        path.relative_to(build.site_dir).as_posix() for path in build.site_dir.rglob("*.html")
    }
    assert built_pages == expected


def test_titles_are_those_jekyll_gives(built: tuple[str, bool, Build]) -> None:
    rules, directory_urls, build = built
    for page in _jekyll(rules)["pages"]:
        if page["title"] is None:
            continue  # MkDocs shows its first heading: the nav rule for these is Just the Docs'
        html = build.html(_site_path(page["url"], directory_urls))
        title = _TITLE_RE.search(html)
        assert title is not None and title.group(1) == page["title"], page["path"]


def test_markdown_jekyll_copies_is_copied_as_it_is(built: tuple[str, bool, Build]) -> None:
    rules, _, build = built
    jekyll = _jekyll(rules)
    pages = {page["path"] for page in jekyll["pages"]}
    # GitHub Pages' plugins keep the file they make a page as a plain copy too; we do not.
    plain = [path for path in jekyll["static_files"] if path not in pages]
    for path in plain:
        assert (build.site_dir / path).read_bytes() == (FIXTURE / "docs" / path).read_bytes()
    # ops/README.md too, which MkDocs drops beside ops/index.md, with a warning of its own.
    assert "conflicts with" not in build.output
    index = json.loads(build.html("search/search_index.json"))
    locations = {entry["location"].split("#")[0] for entry in index["docs"]}
    assert not [path for path in plain if any(path[:-3] in loc for loc in locations)]


def test_front_matter_closed_at_the_end_of_the_file_is_read(
    built: tuple[str, bool, Build],
) -> None:
    _, directory_urls, build = built
    html = build.html("binaries/index.html" if directory_urls else "binaries.html")
    assert "has_children" not in html
    content = html.split('class="md-content"', 1)[1]
    # Read as text, front matter would print as rules around its keys; the one rule left is
    # Just the Docs' before the table of contents of the page's children.
    assert content.count("<hr") == 1
    assert re.search(r"<hr />\s*<h2 class=\"text-delta\">Table of contents</h2>", content)
    # Its child stays under it, not at the top level.
    nav = dict(nav_tree(build.html("index.html")))
    assert "Linux" not in nav
    assert ("Linux", []) in nav["Binaries"]


def test_each_link_to_what_jekyll_does_not_make_a_page_is_a_finding(
    built: tuple[str, bool, Build],
) -> None:
    rules, _, build = built
    findings = [
        finding for finding in _WARNING_RE.findall(build.output) if "link target" in finding
    ]
    assert findings == LINK_FINDINGS[rules]
    # Once, at its line: MkDocs' own warning for the same link, without one, is not shown.
    assert "contains a link" not in build.output


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
@pytest.mark.parametrize("listed", [True, False], ids=["listed", "not-listed"])
def test_redirect_from_writes_redirects_only_where_its_plugin_is_listed(
    tmp_path: Path, directory_urls: bool, listed: bool
) -> None:
    plugins = "plugins:\n  - jekyll-redirect-from\n" if listed else ""
    project = make_project(
        tmp_path,
        {
            "_config.yml": f"title: Redirects\n{plugins}",
            "index.md": "---\ntitle: Home\n---\n# Home\n",
            "moved.md": "---\ntitle: Moved\nredirect_from:\n  - /old/\n---\n# Moved\n",
        },
        config=f"use_directory_urls: {str(directory_urls).lower()}\n",
    )
    build = run_build(project, strict=False)
    assert (build.site_dir / "old" / "index.html").is_file() is listed
    note = f"INFO    -  playbook: docs/moved.md:3: {REDIRECTS_NOT_WRITTEN}\n"
    assert (note in build.output) is not listed
    rules_line = re.search(r"Jekyll publishing rules: .*", build.output)
    assert rules_line is not None
    assert rules_line.group(0).endswith(": redirect-from") is listed
