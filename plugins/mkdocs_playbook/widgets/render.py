"""Widget markup: Jinja fragments replacing spans of a page's HTML.

Python builds the data, Jinja builds the HTML (a site overrides a fragment by placing a file
of the same name under its theme's `custom_dir`, e.g. `overrides/playbook/checklist.html`),
the script only enhances it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import jinja2

from ..page.htmltree import Element
from ..page.model import PageModel
from ..page.sourcemap import SourceMap

TEMPLATE_PACKAGE = ("mkdocs_playbook", "templates")


@dataclass(frozen=True)
class Edit:
    """Replace `html[start:end]` with `text`."""

    start: int
    end: int
    text: str


def environment(loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    """Our fragments, searched after `loader` (the theme's, when MkDocs renders)."""
    bundled = jinja2.PackageLoader(*TEMPLATE_PACKAGE)
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader([loader, bundled]) if loader else bundled,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        undefined=jinja2.StrictUndefined,
    )


def apply_edits(html: str, edits: Iterable[Edit]) -> str:
    """`html` with non-overlapping edits applied (an edit inside another is dropped)."""
    parts: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, -e.end)):
        if edit.start < position:
            continue
        parts.append(html[position : edit.start])
        parts.append(edit.text)
        position = edit.end
    parts.append(html[position:])
    return "".join(parts)


@dataclass
class PageContext:
    """What a feature sees of one page while it is rendered."""

    html: str
    tree: Element
    source: SourceMap
    model: PageModel
    environment: jinja2.Environment
    settings: Mapping[str, Any]
    """The extension's configuration."""
    page_id: str
    """The page's identity for stored state: its docs path (`operations/RUNBOOK.md`) under
    MkDocs, empty when the extension runs without the plugin (scripts then use the URL)."""


class Feature(Protocol):
    """A widget kind: it adds what it recognises to the model, then renders its markup."""

    def read(self, context: PageContext) -> None: ...

    def render(self, context: PageContext) -> list[Edit]: ...
