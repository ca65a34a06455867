"""The phase for pages Jekyll writes without Markdown or without the theme: `.html` pages
with front matter (Liquid, no Markdown) and pages in a layout of the site's own."""

from __future__ import annotations

import os

from .findings import Findings
from .jekyll.own_layouts import with_built_links
from .jekyll.rewrite import PageInput, Rewrites
from .jekyll.site_config import SiteConfig
from .jekyll.urls import JekyllUrls
from .page.positions import Positions
from .records import PageRecord


def html_content(
    record: PageRecord, html: str, rewrites: Rewrites, urls: JekyllUrls | None, findings: Findings
) -> str:
    """An `.html` page's content as Jekyll renders it: Liquid, no Markdown; its links to
    pages given as the built pages'."""
    assert record.input is not None
    rendered = rewrites.apply_to_layout(html, record.input, "")
    positions = Positions(html, record.input.first_line)
    for problem in rendered.problems:
        line = positions.file_line(problem.line)
        findings.add(record.display_path, line, problem.message, problem.column)
    text = rendered.text
    return text if urls is None else with_built_links(text, urls, record.file.src_uri)


def in_own_layout(
    record: PageRecord,
    content: str,
    rewrites: Rewrites,
    urls: JekyllUrls | None,
    findings: Findings,
    site: SiteConfig,
    working_tree: str,
) -> str:
    """The page as Jekyll writes it: its content in the site's own layouts, Liquid and
    all; their problems named at the layout's lines."""
    assert record.layout is not None
    page = record.input or PageInput(record.file.src_uri, record.front_matter.data)
    for layout in record.layout.layouts:
        rendered = rewrites.apply_to_layout(layout.template, page, content)
        path = os.path.join(site.source_dir, layout.shown)
        shown = os.path.relpath(path, working_tree).replace(os.sep, "/")
        for problem in rendered.problems:
            findings.add(shown, problem.line, problem.message)
        content = rendered.text
    return content if urls is None else with_built_links(content, urls, record.file.src_uri)
