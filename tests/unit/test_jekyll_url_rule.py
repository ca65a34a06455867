"""Jekyll 4.3's URL of a page, and the page a link written for Jekyll's URLs leads to."""

from __future__ import annotations

import markdown
import pytest

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.jekyll.rewrite import PageInput
from mkdocs_playbook.jekyll.urls import JekyllUrls, Target, page_url
from mkdocs_playbook.page.model import PageModel


@pytest.mark.parametrize(
    ("path", "permalink", "style", "url"),
    [
        # The default style (`date`), and the other named styles that keep the extension.
        ("docs/maintain/backup.md", None, None, "/docs/maintain/backup.html"),
        ("docs/maintain/backup.md", None, "date", "/docs/maintain/backup.html"),
        ("docs/maintain/backup.md", None, "ordinal", "/docs/maintain/backup.html"),
        ("docs/maintain/backup.md", None, "none", "/docs/maintain/backup.html"),
        ("backup.markdown", None, None, "/backup.html"),
        ("docs/maintain/backup.md", None, "pretty", "/docs/maintain/backup/"),
        # A template of the site's own: pages end as it ends.
        ("docs/maintain/backup.md", None, "/:path/:basename/", "/docs/maintain/backup/"),
        ("docs/maintain/backup.md", None, "/:categories/:title/", "/docs/maintain/backup/"),
        ("docs/a.md", None, "/:year/:title:output_ext", "/docs/a.html"),
        ("docs/a.md", None, "/:categories/:title", "/docs/a"),
        ("docs/a.md", None, "/:categories/:title.html", "/docs/a"),
        # Index pages are their folder, whatever the style.
        ("index.md", None, None, "/"),
        ("docs/maintain/index.md", None, None, "/docs/maintain/"),
        ("docs/maintain/index.md", None, "pretty", "/docs/maintain/"),
        ("docs/maintain/index.md", None, "/:categories/:title", "/docs/maintain/"),
        # Front matter `permalink` wins, its placeholders filled in, then sanitized.
        ("docs/config.md", "/config-reference/", None, "/config-reference/"),
        ("docs/config.md", "/config-reference/", "pretty", "/config-reference/"),
        ("docs/config.md", "docs/settings", None, "/docs/settings"),
        ("docs/config.md", "/:path/settings/", None, "/docs/settings/"),
        ("docs/config.md", "/:path/:basename:output_ext", "pretty", "/docs/config.html"),
        ("docs/config.md", "//a//b/", None, "/a/b/"),
        ("docs/config.md", "/../up/./here/", None, "/up/here/"),
        ("docs/config.md", 42, None, "/docs/config.html"),
        # Placeholder values are escaped as URL path segments.
        ("docs/my page.md", None, None, "/docs/my%20page.html"),
        ("docs/café.md", None, "pretty", "/docs/caf%C3%A9/"),
    ],
)
def test_page_url_is_jekylls(path: str, permalink: object, style: object, url: str) -> None:
    assert page_url(path, permalink, style) == url


SITE = JekyllUrls(
    {
        "index.md": "/",
        "docs/before-you-deploy.md": "/docs/before-you-deploy.html",
        "docs/before-you-deploy/operational-considerations.md": (
            "/docs/before-you-deploy/operational-considerations.html"
        ),
        "docs/maintain/index.md": "/docs/maintain/",
        "docs/maintain/backup.md": "/docs/maintain/backup.html",
        "docs/config.md": "/config-reference/",
        "docs/guide.md": "/docs/guide/",
        "docs/bare.md": "/docs/bare",
        "docs/my page.md": "/docs/my%20page.html",
    },
    baseurl="/handbook",
)
DEPLOY = "docs/before-you-deploy.md"


@pytest.mark.parametrize(
    ("from_src", "href", "target"),
    [
        # Relative to the page's Jekyll URL, not to its Markdown file.
        (DEPLOY, "before-you-deploy/operational-considerations.html", "operational-considerations"),
        (DEPLOY, "maintain/backup.html#restore", "docs/maintain/backup.md#restore"),
        (DEPLOY, "../index.html", "index.md"),
        (DEPLOY, "../", "index.md"),
        (DEPLOY, "guide/", "docs/guide.md"),
        (DEPLOY, "../config-reference/?x=1#options", "docs/config.md?x=1#options"),
        ("docs/guide.md", "../before-you-deploy.html", "docs/before-you-deploy.md"),
        ("docs/maintain/backup.md", "./", "docs/maintain/index.md"),
        ("docs/maintain/index.md", "backup", "docs/maintain/backup.md"),
        # Root-relative, with or without the base URL in front.
        (DEPLOY, "/docs/maintain/backup.html", "docs/maintain/backup.md"),
        (DEPLOY, "/handbook/docs/maintain/backup.html", "docs/maintain/backup.md"),
        (DEPLOY, "/handbook/", "index.md"),
        (DEPLOY, "/handbook", "index.md"),
        (DEPLOY, "/handbook/index.html", "index.md"),
        (DEPLOY, "/handbook/docs/maintain/index.html#tasks", "docs/maintain/index.md#tasks"),
        (DEPLOY, "/handbook/docs/maintain", "docs/maintain/index.md"),
        (DEPLOY, "/docs/guide/index.html", "docs/guide.md"),
        (DEPLOY, "/docs/guide", "docs/guide.md"),
        (DEPLOY, "/docs/bare.html", "docs/bare.md"),
        (DEPLOY, "/docs/my%20page.html", "docs/my page.md"),
        (DEPLOY, "/docs/my page.html", "docs/my page.md"),
        # `{{ site.baseurl }}//x/` with a base URL: a static host merges the slashes.
        (DEPLOY, "/handbook//docs/maintain/backup.html", "docs/maintain/backup.md"),
        (DEPLOY, "/handbook//docs//guide/", "docs/guide.md"),
        # Jekyll URLs no page has.
        (DEPLOY, "nope.html", None),
        (DEPLOY, "/handbook/docs/nope/", None),
        # Not Jekyll URLs: left as they are.
        (DEPLOY, "maintain/backup.md", "-"),
        (DEPLOY, "/assets/runbook.pdf", "-"),
        (DEPLOY, "diagram.png", "-"),
        (DEPLOY, "https://example.com/page.html", "-"),
        (DEPLOY, "mailto:ops@example.com", "-"),
        (DEPLOY, "#checks", "-"),
        (DEPLOY, "//example.com/page.html", "-"),
        (DEPLOY, "no-such-folder/", "-"),
        ("not-a-page.md", "backup.html", "-"),
    ],
)
def test_a_jekyll_link_leads_to_its_page(from_src: str, href: str, target: str | None) -> None:
    found = SITE.target(href, from_src)
    if target == "-":
        assert found is None
    elif target is None:
        assert found is not None and found.src_uri is None
    else:
        expected = {
            "operational-considerations": "docs/before-you-deploy/operational-considerations.md"
        }.get(target, target)
        assert found is not None and found.src_uri + found.suffix == expected


def test_the_link_is_the_markdown_file_relative_to_the_linking_page() -> None:
    found = SITE.target("/handbook/docs/maintain/backup.html?tab=1#restore", DEPLOY)
    assert found == Target("docs/maintain/backup.md", "?tab=1#restore")
    assert found.href(DEPLOY) == "maintain/backup.md?tab=1#restore"
    assert found.href("docs/guide.md") == "maintain/backup.md?tab=1#restore"
    assert found.href("index.md") == "docs/maintain/backup.md?tab=1#restore"


def test_a_protocol_relative_link_to_a_site_path_is_told_apart() -> None:
    found = SITE.target("//docs/maintain/backup.html#restore", DEPLOY)
    assert found == Target("docs/maintain/backup.md", "#restore", protocol_relative=True)


def _convert(text: str, **options: object) -> tuple[str, PageModel]:
    models: list[PageModel] = []
    extension = PlaybookExtension(on_page_model=models.append, **options)
    md = markdown.Markdown(extensions=[extension])
    extension.hand_over(PageInput(DEPLOY, {}))
    return md.convert(text), models[0]


def test_the_extension_gives_jekyll_links_as_markdown_files_and_notes_them_as_written() -> None:
    html, model = _convert(
        "[a](maintain/backup.html#restore) [b](nope.html) `[c](maintain/backup.html)`\n\n"
        "    [d](maintain/backup.html)\n",
        jekyll_urls=dict(SITE.urls),
    )
    assert '<a href="maintain/backup.md#restore">a</a>' in html
    assert '<a href="nope.html">b</a>' in html
    assert "<code>[c](maintain/backup.html)</code>" in html
    assert "[d](maintain/backup.html)" in html
    # The link check reads each link as written: a failing one is reported at its line.
    assert [link.written for link in model.links] == ["maintain/backup.html#restore", "nope.html"]
    # A site that is not Jekyll's (no `_config.yml`, so no Jekyll URLs) keeps its links.
    plain, model = _convert("[a](maintain/backup.html) [b](//docs/maintain/backup.html)\n")
    assert '<a href="maintain/backup.html">a</a>' in plain
    assert '<a href="//docs/maintain/backup.html">b</a>' in plain
    assert model.problems == []


def test_a_protocol_relative_link_is_a_finding_at_its_line() -> None:
    html, model = _convert(
        "Intro.\n\nSee [backup](//docs/maintain/backup.html#restore).\n",
        jekyll_urls=dict(SITE.urls),
    )
    assert '<a href="maintain/backup.md#restore">backup</a>' in html
    assert [(problem.line, problem.column) for problem in model.problems] == [(3, 14)]
    assert "//docs/maintain/backup.html#restore" in model.problems[0].message
