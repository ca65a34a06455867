"""`site.html_pages` as Jekyll 4.3.1 lists it: the pages whose output is HTML (not `.txt`
pages), in `site.pages`' order, so a page looping over it (`| sort: "nav_order"`, nils first)
prints what Jekyll prints. Expected output rendered by `jekyll build` of
tests/fixtures/liquid/site (see test_liquid_engine)."""

from __future__ import annotations

from test_liquid_engine import FIXTURE, SITE, fixture_site, utc  # noqa: F401

from mkdocs_playbook.jekyll.frontmatter import parse_front_matter
from mkdocs_playbook.jekyll.rewrite import PageInput


def test_html_pages_lists_the_pages_jekyll_renders_to_html(utc: None) -> None:  # noqa: F811
    text = (SITE / "html_pages.txt").read_text("utf-8")
    body = text[parse_front_matter(text).body_start :]
    result = fixture_site().apply(body, PageInput("html_pages.txt", {}, 0, "html_pages.txt"))
    assert result.problems == []
    expected = (FIXTURE / "expected" / "html_pages.txt").read_text("utf-8")
    assert result.text.splitlines() == expected.splitlines()
