"""The Python-Markdown extension: everything that changes a page's HTML.

Usable on its own (`markdown_extensions: [playbook]`), e.g. under Zensical, which runs
Python-Markdown extensions but no MkDocs plugins; the MkDocs plugin adds it for you. The
files its HTML relies on are `assets.ASSETS_DIR / name` for `STYLESHEETS` and `SCRIPTS`.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .jekyll.alerts import AlertProcessor
from .page.analysis import read_page
from .page.htmltree import parse_html
from .page.lint import duplicate_headings
from .page.model import PageModel, Problem
from .page.nesting import deep_lines, written_line_numbers
from .page.sourcemap import SourceMap
from .widgets.checklists import DEFAULT_HEADINGS, Checklists
from .widgets.render import Feature, PageContext, apply_edits, environment
from .widgets.severity import SeverityLookup, SeveritySettings
from .widgets.template_forms import TemplateForms

STYLESHEETS = ["playbook.css"]
SCRIPTS: list[str] = [
    "store.js",
    "widgets.js",
    "checklists.js",
    "severity.js",
    "template_forms.js",
    "runs.js",
]
"""In load order."""
FEATURES: list[Callable[[], Feature]] = [Checklists, SeverityLookup, TemplateForms]
"""The widget kinds, made anew for each page: each reads its part of the page model, then
renders its markup."""


class _SourceCapture(Preprocessor):
    """Keeps the Markdown as written, for the source map."""

    def __init__(self, md: Markdown, extension: PlaybookExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.source = "\n".join(lines)
        return lines


class _NestingCap(Preprocessor):
    """Caps how deep blocks nest (`nesting`) before Python-Markdown's block parser recurses."""

    def __init__(self, md: Markdown, extension: PlaybookExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        deep = deep_lines(lines)
        if not deep:
            return lines
        capped = list(lines)
        numbers = written_line_numbers(
            self.extension.source, lines, [line.index for line in deep], self.md.tab_length
        )
        for line, number in zip(deep, numbers, strict=True):
            # Stashed as HTML: shown as written, and no block or inline pass reads it.
            capped[line.index] = line.head + self.md.htmlStash.store(html.escape(line.tail))
            self.extension.early_problems.append(Problem(number, line.message))
        return capped


class _DocumentReady(Treeprocessor):
    """Marks the end of tree processing: from here, postprocessors see the whole page.

    Before it, `toc` runs every postprocessor over each heading's text.
    """

    def __init__(self, md: Markdown, extension: PlaybookExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        self.extension.document_ready = True


class _PageReader(Postprocessor):
    """Reads the finished HTML into the page model and renders the widgets into it."""

    def __init__(self, md: Markdown, extension: PlaybookExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        if not self.extension.document_ready:
            return text
        self.extension.document_ready = False
        tree = parse_html(text)
        source = SourceMap(self.extension.source)
        context = PageContext(
            text,
            tree,
            source,
            read_page(tree, source),
            self.extension.environment,
            self.extension.getConfigs(),
            self.extension.page_id,
        )
        features = [make() for make in FEATURES]
        for feature in features:
            feature.read(context)
        text = apply_edits(text, [edit for f in features for edit in f.render(context)])
        context.model.problems.extend(self.extension.early_problems)
        self.extension.early_problems = []
        context.model.problems.extend(duplicate_headings(context.model.headings))
        self.extension.getConfig("on_page_model")(context.model)
        return text


def _ignore(model: PageModel) -> None:
    """The model's default receiver, when no MkDocs plugin asks for it."""


class PlaybookExtension(Extension):
    """GitHub alerts as admonitions, and the page model behind the widgets."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            # Not None: Python-Markdown would read a None-defaulted option as a boolean.
            "template_loader": ["", "Jinja loader searched before the bundled fragments"],
            "on_page_model": [_ignore, "Called with each page's PageModel once it is read"],
            "site_id": ["", "Names this site's stored state; empty: scripts use the origin"],
            "severity": [SeveritySettings(), "How severity matrices are found; update cadence"],
            "checklist_headings": [
                list(DEFAULT_HEADINGS),
                "Case-insensitive patterns: lists under a matching heading are checklists",
            ],
        }
        self.source = ""
        self.document_ready = False
        self.early_problems: list[Problem] = []
        """Found before rendering (nesting capped), handed on with the page model."""
        self.page_id = ""
        """Set by the MkDocs plugin before each page is rendered."""
        super().__init__(**kwargs)
        # Once per extension, not per page: MkDocs makes a Markdown (so calls extendMarkdown)
        # for every page, and a new environment would recompile every template each time.
        self.environment = environment(self.getConfig("template_loader") or None)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # Just above the blockquote processor (20), which would otherwise take the block.
        md.parser.blockprocessors.register(AlertProcessor(md.parser), "playbook_alert", 21)
        # Before normalize_whitespace (30): the source map wants the text as written.
        md.preprocessors.register(_SourceCapture(md, self), "playbook_source", 35)
        # After fenced code (25) is stashed, so what is left is what the block parser reads
        # (and after normalize_whitespace, which strips the stash's markers), before raw HTML.
        md.preprocessors.register(_NestingCap(md, self), "playbook_nesting", 24)
        # After every other treeprocessor, toc (5) and prettify (10) included.
        md.treeprocessors.register(_DocumentReady(md, self), "playbook_ready", -100)
        # After raw_html (30) and amp_substitute (20): the HTML as readers get it.
        md.postprocessors.register(_PageReader(md, self), "playbook_page", 5)

    def reset(self) -> None:
        self.source = ""
        self.document_ready = False
        self.early_problems = []


def makeExtension(**kwargs: Any) -> PlaybookExtension:
    return PlaybookExtension(**kwargs)
