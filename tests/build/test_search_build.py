"""Search reads each page without the widgets' script-only controls, and the page is written
with them, byte for byte where they were.

The controls are `<template>`s no search index holds (data-search-exclude); the plugin takes
them out of the content while search plugins read it (`on_page_context`, priority 0), so their
HTML parsers do not read a third of a page for nothing, and puts them back after.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from mkdocs_playbook.plugin import PlaybookPlugin

PAGE = """# Page

## Checklist

- [ ] First step
- [ ] Second step

## Template

```
Status: {Summary} at {UTC Timestamp}
```

Footnoted[^1] after the widgets.

[^1]: A footnote, which Python-Markdown puts after everything else.
"""
CONTROLS = re.compile(r'<div class="playbook-controls".*?</template>\s*</div>', re.DOTALL)


class _Spy(BasePlugin):  # type: ignore[type-arg]
    """What a search plugin sees: the content at `on_page_context`, default priority."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: dict[str, str] = {}

    def on_page_context(self, context: Any, /, *, page: Page, **_: Any) -> None:
        self.seen[page.file.src_uri] = page.content or ""


def _build(project: Path, site: str, *, hooked: bool) -> tuple[str, str]:
    """The content search saw, and the page as written; `hooked=False` drops the plugin's
    `on_page_context` handlers, for the page as it was before."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / site))
    spy = _Spy()
    config.plugins["spy"] = spy
    if not hooked:
        events = config.plugins.events["page_context"]
        events[:] = [
            e for e in events if not isinstance(getattr(e, "__self__", None), PlaybookPlugin)
        ]
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return spy.seen["index.md"], (project / site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("directory_urls", [True, False])
def test_search_reads_the_page_without_the_controls_and_the_page_keeps_them(
    tmp_path: Path, directory_urls: bool
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Fixture\ntheme:\n  name: material\n  font: false\n"
        f"use_directory_urls: {str(directory_urls).lower()}\n"
        "plugins:\n  - search\n  - playbook\n"
        "markdown_extensions:\n  - footnotes\n",
        encoding="utf-8",
    )
    seen, written = _build(tmp_path, "site", hooked=True)
    seen_before, written_before = _build(tmp_path, "site-before", hooked=False)
    assert 'data-playbook-controls="checklist_controls"' in seen_before
    assert 'data-playbook-checklist="' in seen and 'class="footnote"' in seen
    assert "data-playbook-controls" not in seen
    # The page is written exactly as before, the controls in it once.
    assert written == written_before
    assert len(CONTROLS.findall(written)) == 1
    # Search read all the rest: the page as written, less the controls and the
    # data-search-* attributes Material's search strips after reading.
    assert re.sub(r'\s?data-search-\w+="[^"]+"', "", seen) in CONTROLS.sub("", written)
