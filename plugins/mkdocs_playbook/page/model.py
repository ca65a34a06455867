"""The typed model of one page: what the widgets, the linter and the link checker read.

Read once per page from Python-Markdown's element tree (`reader`). Every element knows where
it stands in the page's Markdown (`lines`), and works its line out only when asked: lines are
1-based, relative to the Markdown text given to the extension, 0 when unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import Finding
from .lines import UNKNOWN, At, Lines


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    id: str | None
    at: At = field(default=UNKNOWN, compare=False, repr=False)

    @property
    def line(self) -> int:
        return self.at.line


@dataclass(frozen=True)
class DuplicateHeadings:
    """Headings of one page that share their text, in order.

    The toc extension gives the later ones anchors like `#added_1`: a link to any of them
    depends on how many headings of that text come before, so it is ambiguous. Repeated
    headings are common and harmless (a changelog's `### Added` under every version): they
    become a finding only when a link points at one (`links.check`), or a checklist stands
    under one (`lint.repeated_checklist_headings`).
    """

    headings: tuple[Heading, ...]

    @property
    def text(self) -> str:
        return self.headings[0].text

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(heading.id for heading in self.headings if heading.id)

    def describe(self) -> str:
        """`'Added' (lines 5, 12 and 19)`, lines worked out now."""
        lines = [str(heading.line) for heading in self.headings if heading.line]
        if len(lines) < 2:
            return f"'{self.text}' ({len(self.headings)} headings)"
        return f"'{self.text}' (lines {', '.join(lines[:-1])} and {lines[-1]})"


@dataclass(frozen=True, slots=True)
class Link:
    """A link or image of the page."""

    href: str
    """As the browser gets it (after MkDocs turned `.md` paths into URLs)."""
    tag: str
    """`a`, `img`, ... : the element that holds it."""
    written: str | None
    """As the Markdown wrote it (a link's destination, a raw HTML attribute); None for links
    an extension or widget added, which have no source."""
    raw_html: bool = False
    """Written in raw HTML, which MkDocs leaves as it is."""
    rank: int = 0
    """How many links of the page were written the same way before it: which occurrence."""


# Checklists (widgets/checklists.py) --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One step of a checklist."""

    key: str
    """Stable id: from the checklist, the parents' text and its own text, never its position."""
    text: str
    checked: bool
    """Ticked as written (`[x]`)."""
    children: tuple[ChecklistItem, ...] = ()
    at: At = field(default=UNKNOWN, compare=False, repr=False)

    @property
    def line(self) -> int:
        return self.at.line


@dataclass(frozen=True, slots=True)
class Checklist:
    """A list whose items a responder ticks, kept per page in the browser."""

    key: str
    """Stable id from its heading (and its rank among lists under that heading)."""
    heading: str
    items: tuple[ChecklistItem, ...]
    at: At = field(default=UNKNOWN, compare=False, repr=False)
    """Its heading's place (unknown when the list has no heading)."""

    @property
    def line(self) -> int:
        return self.at.line


# Severity matrix (widgets/severity.py) ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SeverityRow:
    severity: str
    description: str
    examples: tuple[str, ...]
    owner: str
    at: At = field(default=UNKNOWN, compare=False, repr=False)

    @property
    def line(self) -> int:
        return self.at.line


@dataclass(frozen=True, slots=True)
class SeverityMatrix:
    """A table recognised as the severity matrix, most severe row first."""

    id: str
    """Id of its lookup widget."""
    rows: tuple[SeverityRow, ...]
    at: At = field(default=UNKNOWN, compare=False, repr=False)

    @property
    def line(self) -> int:
        return self.at.line


# Communication templates (widgets/template_forms.py) ---------------------------------------


@dataclass(frozen=True, slots=True)
class TemplateField:
    key: str
    """Shared by every placeholder of this name on the site (trimmed, case-folded)."""
    label: str
    kind: str
    """`severity`, a time (`template_forms.TIME_KINDS`), `duration`, `url` or `text`: the
    input it gets and what fills it."""


@dataclass(frozen=True, slots=True)
class TemplateRow:
    """A line of a template marked as repeating (a line of `...` under it): one row per item
    (a timeline's events, follow-up actions), each with its own values."""

    text: str
    """The line as written."""
    fields: tuple[TemplateField, ...]
    segments: tuple[tuple[str, ...], ...]
    """The line cut at its placeholders, as `TemplateForm.segments`."""


@dataclass(frozen=True, slots=True)
class TemplateForm:
    """A code block with placeholders, and the fill-in form built for it."""

    id: str
    text: str
    fields: tuple[TemplateField, ...]
    """Its placeholders outside repeating lines, one per name."""
    segments: tuple[tuple[str, ...], ...]
    """The text cut at its placeholders, in order: `("text", chunk)`, `("field", key, token as
    written)` and `("row", index in rows)` for a repeating line (its marker line left out)."""
    at: At = field(default=UNKNOWN, compare=False, repr=False)
    rows: tuple[TemplateRow, ...] = ()
    heading: str = ""
    """Id of the heading it stands under, "" when none."""
    name: str = ""
    """What the responder calls it: the short paragraph or heading right above it."""

    @property
    def line(self) -> int:
        return self.at.line

    @property
    def promises_update(self) -> bool:
        """A stakeholder update: it names the time of the next one."""
        return any(field.kind == "next-update" for field in self.fields)


# ------------------------------------------------------------------------------------------


@dataclass
class PageModel:
    """Everything the plugin knows about one page's content."""

    lines: Lines
    """The page's Markdown as rendered (after site variables and link rewriting), for lines."""
    src_uri: str | None = None
    """The page it was read from (its path in the docs); None for Markdown converted outside a
    page, such as a docstring mkdocstrings renders inside one."""
    headings: list[Heading] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    """Every id in the content HTML, including those our widgets add."""
    links: list[Link] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    """Its content problems, at lines of its file; their path is given when reported."""
    severity_matrices: list[SeverityMatrix] = field(default_factory=list)
    template_forms: list[TemplateForm] = field(default_factory=list)
    checklists: list[Checklist] = field(default_factory=list)
    code_texts: list[str] = field(default_factory=list)
    """The text of every code block and code span, for the placeholder lint."""
    duplicates: list[DuplicateHeadings] = field(default_factory=list)
    """Headings that share their text: ambiguous anchors."""
    controls: str = ""
    """The markup of the page's script-only controls, as put in its content (`<template>`s,
    kept out of search)."""
