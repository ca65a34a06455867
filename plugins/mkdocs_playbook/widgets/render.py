"""Widget markup: Jinja fragments put in the page's element tree.

Python builds the data, Jinja builds the HTML (a site overrides a fragment by placing a file
of the same name under its theme's `custom_dir`, e.g. `overrides/playbook/checklist.html`),
the script only enhances it.

What works without JavaScript (a checklist's boxes, the severity options) is rendered for each
widget. Controls only a script can operate (progress, reset, copy, undo, notices, a form's
fields and preview) are rendered once per page, each kind from its own fragment into a
`<template>` (`controls.html`), and cloned by the script for every widget of that kind: a
page of twenty checklists does not carry twenty copies of the same buttons.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import jinja2
from markupsafe import Markup

from ..page.model import PageModel
from ..page.reader import CodeBlock
from ..page.tree import PageTree

if TYPE_CHECKING:
    from ..settings import PlaybookSettings


def stable_id(*parts: str) -> str:
    """A short id that depends on `parts` only: the key a widget's stored state goes by."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


TEMPLATE_PACKAGE = ("mkdocs_playbook", "templates")


def environment(
    loader: jinja2.BaseLoader | None = None, *, auto_reload: bool = True
) -> jinja2.Environment:
    """Our fragments, searched after `loader` (the theme's, when MkDocs renders).
    `auto_reload=False` for an environment that lives one build, whose files cannot change
    under it: Jinja then reads each template once, where it would otherwise check the file's
    time at every use (6 µs each, and a bench page uses some twenty)."""
    bundled = jinja2.PackageLoader(*TEMPLATE_PACKAGE)
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader([loader, bundled]) if loader else bundled,
        auto_reload=auto_reload,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        undefined=jinja2.StrictUndefined,
    )


def script_json(value: object) -> Markup:
    """`value` as JSON to write inside `<script type="application/json">`: compact, and with
    `<` escaped, so no text in it can close the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c"))


@dataclass
class PageContext:
    """What a feature sees of one page while it is rendered."""

    tree: PageTree
    model: PageModel
    environment: jinja2.Environment
    settings: PlaybookSettings
    """The extension's settings."""
    page_id: str
    """The page's identity for stored state: its docs path (`operations/RUNBOOK.md`), empty
    when the extension runs without knowing the page (scripts then use the URL)."""
    page_url: str | None = None
    """The page's URL from the site's root (`operations/RUNBOOK.html`; the home page's is
    empty under directory URLs), None when unknown."""
    page_title: str = ""
    """The page's title as the nav shows it (front matter `title`), empty when unknown."""
    code_blocks: list[CodeBlock] = field(default_factory=list)
    """The page's code blocks, in order, as `read_page` found them."""
    controls: list[str] = field(default_factory=list)
    """Fragments of script-only controls the page's widgets clone, each rendered once."""

    def render(self, name: str, **values: Any) -> str:
        """The fragment `playbook/NAME` rendered with the page's and the site's identity."""
        return self.environment.get_template(f"playbook/{name}").render(
            page_id=self.page_id, site_id=self.settings.site_id, **values
        )

    def use(self, *names: str) -> None:
        """Ask for the controls fragments `names` (`checklist_controls`) on this page."""
        self.controls.extend(name for name in names if name not in self.controls)

    def append(self, markup: str) -> None:
        """Put `markup` at the end of the page's content."""
        self.tree.root.append(self.tree.block(markup))

    def prepend(self, markup: str) -> None:
        """Put `markup` at the start of the page's content."""
        self.tree.root.insert(0, self.tree.block(markup))


class Feature(Protocol):
    """A widget kind: it adds what it recognises to the model, then renders its markup into
    the tree."""

    def read(self, context: PageContext) -> None: ...

    def render(self, context: PageContext) -> None: ...
