"""The page phase: a page's Markdown made ready for its conversion, and the `PageInput` the
plugin hands the extension for it (`PlaybookExtension.hand_over`)."""

from __future__ import annotations

from mkdocs.structure.pages import Page

from .findings import Findings
from .jekyll.collections import Collections, Document
from .jekyll.frontmatter import without_front_matter
from .jekyll.rewrite import PageInput
from .page.lint import find_mojibake
from .page.positions import Positions, body_first_line
from .records import PageRecord


def page_input(
    record: PageRecord,
    markdown: str,
    page: Page,
    findings: Findings,
    document: Document | None,
    collections: Collections,
) -> str | None:
    """Set `record.input` for the page MkDocs converts next; the Markdown to convert instead
    of `markdown` (the page's body, as MkDocs read it), or None to keep it. `document`: the
    page as a document of `collections`, whose own fields (a post's date) its Liquid reads."""
    body = None
    # Read from disk at each use (MkDocs keeps no copy): read once.
    content = page.file.content_string
    if record.front_matter.problem is not None:
        # MkDocs reads the block on its own: what we refused (a title aliased 10^7 times
        # took 42 s to print) the theme and other plugins must not see either. Where
        # MkDocs could not read it, it is the page's first text: Jekyll drops it; so do we.
        page.meta = {}
        if body_first_line(content, markdown) == 0:
            markdown = body = without_front_matter(markdown)
    elif record.front_matter.body_start and not body_first_line(content, markdown):
        # Front matter Jekyll reads and MkDocs' narrower rule does not (closed at the end
        # of the file, or empty): the page's keys, not its text.
        page.meta = dict(record.front_matter.data)
        markdown = body = without_front_matter(markdown)
    if record.front_matter.defaulted and record.front_matter.problem is None:
        # `_config.yml`'s defaults, as if the page had written them (Material reads
        # `description`, `title`, `hide` from `page.meta`).
        page.meta = {**page.meta, **record.front_matter.from_defaults}
    if (record.children or record.layouts_in_theme) and not markdown.strip():
        # Python-Markdown returns "" for white space without running a processor; Just the
        # Docs prints a parent's table of contents, and the site's layouts, whatever the
        # page holds.
        markdown = body = "<!-- child pages -->\n"
    positions = Positions.in_file(content, markdown)
    # Mojibake anywhere in the body, code included (a broken command is broken too).
    for damage in find_mojibake(positions.parse(markdown)):
        line = positions.file_line(damage.line)
        findings.add(record.display_path, line, damage.message, damage.column)
    meta = record.front_matter.data
    # A post's own `page.date`, as `site.posts` has it.
    if document is not None:
        meta = {**meta, **collections.liquid_fields(document, meta)}
    record.input = PageInput(
        page.file.src_uri,
        meta,
        positions.first_line,
        page.file.url,
        children=record.children,
        layouts=record.layouts_in_theme,
        positions=positions,
    )
    return body
