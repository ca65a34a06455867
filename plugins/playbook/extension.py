"""The Python-Markdown extension: everything that changes a page's HTML.

Usable on its own (`markdown_extensions: [playbook]`), e.g. under Zensical, which runs
Python-Markdown extensions but no MkDocs plugins; the MkDocs plugin adds it for you. Its
stylesheet is `ASSETS_DIR / "playbook.css"`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension

from .alerts import AlertProcessor

ASSETS_DIR = Path(__file__).parent / "assets"
"""Static files the extension's HTML relies on."""


class PlaybookExtension(Extension):
    """GitHub alerts as admonitions."""

    def extendMarkdown(self, md: Markdown) -> None:
        # Just above the blockquote processor (20), which would otherwise take the block.
        md.parser.blockprocessors.register(AlertProcessor(md.parser), "playbook_alert", 21)


def makeExtension(**kwargs: Any) -> PlaybookExtension:
    return PlaybookExtension(**kwargs)
