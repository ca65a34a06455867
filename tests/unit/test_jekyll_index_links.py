"""A link to a folder's `index`, written without `.html`: a Jekyll server (GitHub Pages,
`jekyll serve`) answers `/x/index` with `/x/index.html`, the folder's index page."""

from __future__ import annotations

import pytest

from mkdocs_playbook.jekyll.urls import JekyllUrls

SITE = JekyllUrls(
    {
        "index.markdown": "/",
        "test_explorer.markdown": "/test_explorer.html",
        "docs/maintain/index.md": "/docs/maintain/",
        "docs/maintain/backup.md": "/docs/maintain/backup.html",
        "docs/guide.md": "/docs/guide/",
    },
    baseurl="/ruby-lsp",
)


@pytest.mark.parametrize(
    ("from_src", "href", "target"),
    [
        # As ruby-lsp's test_explorer page links its home page's sections.
        ("test_explorer.markdown", "index#code-lens", "index.markdown#code-lens"),
        ("docs/maintain/backup.md", "index", "docs/maintain/index.md"),
        ("docs/maintain/backup.md", "../../index#top", "index.markdown#top"),
        ("docs/guide.md", "/ruby-lsp/docs/maintain/index", "docs/maintain/index.md"),
        ("docs/guide.md", "/ruby-lsp/index", "index.markdown"),
        # A page named `index` that is not its folder's index page is that page.
        ("docs/guide.md", "/ruby-lsp/docs/guide/index", "docs/guide.md"),
    ],
)
def test_an_index_link_without_extension_leads_to_the_folders_page(
    from_src: str, href: str, target: str
) -> None:
    found = SITE.target(href, from_src)
    assert found is not None and found.src_uri is not None
    assert found.src_uri + found.suffix == target


def test_a_folder_without_an_index_page_is_no_page() -> None:
    found = SITE.target("/ruby-lsp/docs/index", "docs/guide.md")
    assert found is not None and found.src_uri is None
