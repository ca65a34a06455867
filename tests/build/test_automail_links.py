"""An e-mail autolink (`<mailto:x@y>`, `<x@y>`) is a mailto link, as kramdown makes it, and no
finding: Python-Markdown writes each character of its address as an entity behind a placeholder,
which the link check read as the target (`\\x02amp\\x03#109;…`), a false "no such page" on six
pages of a real guide that failed `--strict`. Under both URL styles."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from support import run_pages_build

PAGES = {
    "_config.yml": "title: Guide\n",
    "index.md": "---\ntitle: Home\n---\n# Home\n\n[Support](support.md)\n",
    "support.md": (
        "---\ntitle: Support\n---\n# Support\n\n"
        "Contact <mailto:help@example.org> or <team@example.org>.\n"
    ),
}


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_an_email_autolink_is_a_mailto_link(tmp_path: Path, directory_urls: bool) -> None:
    build = run_pages_build(tmp_path, PAGES, directory_urls)
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output, build.output
    page = build.html("support/index.html" if directory_urls else "support.html")
    hrefs = [html.unescape(href) for href in re.findall(r'<a href="([^"]*)"', page)]
    assert "mailto:help@example.org" in hrefs
    assert "mailto:team@example.org" in hrefs
