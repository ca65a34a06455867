"""The typed model of one page: what the widgets, the linter and the link checker read.

Built once per page from its rendered HTML (`analysis.read_page`); every element carries the
1-based line of the Markdown it came from (0 when unknown), relative to the page body.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    id: str | None
    line: int


@dataclass(frozen=True, slots=True)
class Link:
    """A link or image in the page's HTML."""

    href: str
    """As it stands in the HTML (after MkDocs turned `.md` paths into URLs)."""
    tag: str
    """`a`, `img`, ... : the element that holds it."""
    line: int
    column: int
    source_href: str | None
    """As written in the Markdown, when the link was matched to its source."""


@dataclass(frozen=True, slots=True)
class Problem:
    """A content problem found while reading the page, reported with the page's path."""

    line: int
    message: str
    column: int = 0


# Checklists (checklists.py) ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One step of a checklist."""

    key: str
    """Stable id: from the checklist, the parents' text and its own text, never its position."""
    text: str
    line: int
    checked: bool
    """Ticked as written (`[x]`)."""
    children: tuple[ChecklistItem, ...] = ()


@dataclass(frozen=True, slots=True)
class Checklist:
    """A list whose items a responder ticks, kept per page in the browser."""

    key: str
    """Stable id from its heading (and its rank among lists under that heading)."""
    heading: str
    line: int
    """The heading's line (0 when the list has no heading)."""
    items: tuple[ChecklistItem, ...]


# ------------------------------------------------------------------------------------------


@dataclass
class PageModel:
    """Everything the plugin knows about one page's content."""

    headings: list[Heading] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    """Every id in the content HTML, including those our widgets add."""
    links: list[Link] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    severity_matrices: list[SeverityMatrix] = field(default_factory=list)
    template_forms: list[TemplateForm] = field(default_factory=list)
    checklists: list[Checklist] = field(default_factory=list)


# Severity matrix (severity.py) -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SeverityRow:
    severity: str
    description: str
    examples: tuple[str, ...]
    owner: str
    line: int


@dataclass(frozen=True, slots=True)
class SeverityMatrix:
    """A table recognised as the severity matrix, most severe row first."""

    id: str
    """Id of its lookup widget."""
    rows: tuple[SeverityRow, ...]
    line: int


# Communication templates (template_forms.py) -----------------------------------------------


@dataclass(frozen=True, slots=True)
class TemplateField:
    key: str
    """Shared by every placeholder of this name on the site (trimmed, case-folded)."""
    label: str
    kind: str
    """`severity`, `timestamp`, `next-update`, `url` or `text`: the input it gets."""


@dataclass(frozen=True, slots=True)
class TemplateForm:
    """A code block with placeholders, and the fill-in form built for it."""

    id: str
    text: str
    fields: tuple[TemplateField, ...]
    segments: tuple[tuple[str, ...], ...]
    """The text cut at its placeholders, in order: `("text", chunk)` and
    `("field", key, token as written)`."""
    line: int
    checklists: list[Checklist] = field(default_factory=list)
