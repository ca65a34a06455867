"""What `mkdocs serve` may keep between builds: only conversions that read nothing but their
page, and only the logging of the conversion itself."""

from __future__ import annotations

import logging
import threading

import pytest

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.serve_cache import _Recorder, keepable, reads_only_its_page


@pytest.mark.parametrize(
    ("extensions", "kept"),
    [
        ([], True),
        (["toc", "tables", "attr_list", "md_in_html", "admonition"], True),
        (["markdown.extensions.footnotes", "pymdownx.superfences", "pymdownx.tasklist"], True),
        (["material.extensions.emoji", PlaybookExtension()], True),
        # Each reads files beside the page: an edit there changes the page's HTML.
        (["toc", "pymdownx.snippets"], False),
        (["pymdownx.b64"], False),
        (["mkdocstrings"], False),
        (["toc", "some_site_extension"], False),
    ],
)
def test_only_conversions_from_the_page_text_alone_are_kept(
    extensions: list[object], kept: bool
) -> None:
    assert reads_only_its_page(extensions) is kept  # type: ignore[arg-type]


def test_a_conversion_keeps_its_own_log_records_not_another_threads() -> None:
    recorder = _Recorder()
    logger = logging.getLogger("mkdocs.test_serve_cache")
    logger.addHandler(recorder)
    try:
        logger.warning("from the conversion")
        # As serve's web server logs a request while a page converts.
        other = threading.Thread(target=logger.warning, args=("from the server",))
        other.start()
        other.join()
    finally:
        logger.removeHandler(recorder)
    assert [record.getMessage() for record in recorder.records] == ["from the conversion"]


@pytest.mark.parametrize(
    ("markdown", "kept"),
    [
        ("# Page\n\nNo Liquid, now or ever.\n", True),
        ("Served from {{ site.baseurl }}/x.\n", True),
        ("{% include_relative part.md %}\n", False),
        ("{% link other.md %}\n", False),
        ("Built at {{ site.time }}.\n", False),
        ('Today: {{ "now" | date: "%Y" }}\n', False),
        # Another page's body, which may change while this page does not.
        ("{{ site.pages[1].content }}\n", False),
    ],
)
def test_a_page_is_kept_only_when_its_liquid_reads_nothing_the_keys_miss(
    markdown: str, kept: bool
) -> None:
    assert keepable(markdown) is kept
