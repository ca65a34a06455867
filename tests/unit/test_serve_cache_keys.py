"""What `mkdocs serve` may keep between builds: only conversions that read nothing but their
page, and only the logging of the conversion itself."""

from __future__ import annotations

import logging
import threading

import pytest

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.serve_cache import _Recorder, reads_only_its_page


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
