"""The severity matrix: recognised in the page's tables, checked, and given a lookup widget.

A table whose first header cell is the configured signature ("Severity") is a severity
matrix. Its rows are the single source of truth: the widget is rendered from them, so no
severity, owner or example is ever written into script or templates. Rows are in order of
severity, most severe first, as the playbook lists them.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..config import SEVERITY_COLUMNS, UPDATE_CADENCE
from ..findings import Finding
from ..page.lines import At
from ..page.model import SeverityMatrix, SeverityRow
from ..page.tree import PageTree
from .render import PageContext

# GFM rows are one line each: the header, then the delimiter row, then the body.
_BODY_FIRST_LINE = 2


ROLES = ("severity", "description", "examples", "owner")
"""What each required column holds; the `severity` column comes first and marks the table."""


@dataclass(frozen=True)
class SeveritySettings:
    """How a severity matrix is recognised and what the widget says next."""

    columns: Mapping[str, str] = field(default_factory=lambda: dict(SEVERITY_COLUMNS))
    """Header of the column holding each role (`ROLES`); headers match case-insensitively."""
    cadence: Mapping[str, int] = field(default_factory=lambda: dict(UPDATE_CADENCE))
    """Minutes between stakeholder updates, by severity (`default` for the rest)."""

    def __post_init__(self) -> None:
        # `default` is always there: a site that sets only SEV-1 keeps 15 for the rest.
        if "default" not in self.cadence:
            object.__setattr__(self, "cadence", {**UPDATE_CADENCE, **self.cadence})

    @property
    def signature(self) -> str:
        """The first column's header, which marks a table as a severity matrix."""
        return self.columns["severity"]

    def minutes(self, severity: str) -> int:
        return self.cadence.get(severity, self.cadence["default"])

    def script_cadence(self) -> dict[str, int]:
        """The cadence as the scripts get it: every severity named, and `default` always, so
        no script needs a default of its own."""
        return {**self.cadence, "default": self.minutes("default")}


def _cells(row: etree.Element) -> list[etree.Element]:
    return [cell for cell in row if cell.tag in ("th", "td")]


def _header_and_body(table: etree.Element) -> tuple[list[etree.Element], list[etree.Element]]:
    rows = list(table.iter("tr"))
    if not rows:
        return [], []
    return _cells(rows[0]), rows[1:]


class SeverityLookup:
    """The `Feature` for severity matrices."""

    def __init__(self) -> None:
        self._found: list[tuple[SeverityMatrix, etree.Element]] = []

    def read(self, context: PageContext) -> None:
        settings = context.settings.severity
        for table in context.tree.root.iter("table"):
            header, body = _header_and_body(table)
            if not header:
                continue
            names = [context.tree.text(cell) for cell in header]
            if names[0].casefold() != settings.signature.casefold():
                continue
            at = context.model.lines.register("table", " | ".join(names))
            matrix = _read_matrix(
                context.tree,
                names,
                body,
                at,
                settings,
                context.model.problems,
                len(self._found) + 1,
            )
            if matrix is None:
                continue
            context.model.severity_matrices.append(matrix)
            context.model.ids.add(matrix.id)
            self._found.append((matrix, table))

    def render(self, context: PageContext) -> None:
        if self._found:
            context.use("severity_controls")
        for matrix, table in self._found:
            context.tree.insert_after(table, context.render("severity.html", matrix=matrix))


def _read_matrix(
    tree: PageTree,
    names: list[str],
    body: list[etree.Element],
    at: At,
    settings: SeveritySettings,
    problems: list[Finding],
    number: int,
) -> SeverityMatrix | None:
    index = {name.casefold(): position for position, name in enumerate(names)}
    headers = [settings.columns[role] for role in ROLES]
    missing = [header for header in headers if header.casefold() not in index]
    if missing:
        problems.append(
            Finding(
                line=at.line,
                message="severity matrix is missing column "
                + ", ".join(map(repr, missing))
                + "; no lookup widget is built for it",
            )
        )
        return None
    positions = [index[header.casefold()] for header in headers]
    rows: list[SeverityRow] = []
    seen: dict[str, At] = {}
    valid = True
    for offset, row in enumerate(body):
        row_at = at.below(_BODY_FIRST_LINE + offset)
        cells = [tree.text(cell) for cell in _cells(row)]
        values = [cells[p] if p < len(cells) else "" for p in positions]
        empty = [h for h, value in zip(headers, values, strict=True) if not value]
        if empty:
            problems.append(
                Finding(
                    line=row_at.line,
                    message="severity matrix row has an empty cell in column "
                    + ", ".join(map(repr, empty)),
                )
            )
            valid = False
            continue
        severity, description, examples, owner = values
        if severity in seen:
            first = seen[severity].line
            problems.append(
                Finding(
                    line=row_at.line,
                    message=f"severity {severity!r} is listed twice in the severity matrix"
                    + (f" (first on line {first})" if first else ""),
                )
            )
            valid = False
            continue
        seen[severity] = row_at
        rows.append(
            SeverityRow(
                severity=severity,
                description=description,
                examples=tuple(e for e in _examples(examples) if e),
                owner=owner,
                at=row_at,
            )
        )
    if not rows:
        problems.append(Finding(line=at.line, message="severity matrix has no rows"))
        return None
    if not valid:
        return None
    return SeverityMatrix(
        id=f"severity-lookup-{number}" if number > 1 else "severity-lookup",
        rows=tuple(rows),
        at=at,
    )


def _examples(cell: str) -> list[str]:
    """A cell's examples, separated by commas or semicolons."""
    return [part.strip() for part in cell.replace(";", ",").split(",")]
