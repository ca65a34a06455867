"""The severity matrix: recognised in the page's tables, checked, and given a lookup widget.

A table whose first header cell is the configured signature ("Severity") is a severity
matrix. Its rows are the single source of truth: the widget is rendered from them, so no
severity, owner or example is ever written into script or templates. Rows are in order of
severity, most severe first, as the playbook lists them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..page.htmltree import Element
from ..page.model import Problem, SeverityMatrix, SeverityRow
from ..page.sourcemap import normalise
from .render import Edit, PageContext

# GFM rows are one line each: the header, then the delimiter row, then the body.
_BODY_FIRST_LINE = 2
_EXAMPLE_SPLIT_RE = re.compile(r"\s*[,;]\s*")


ROLES = ("severity", "description", "examples", "owner")
"""What each required column holds; the `severity` column comes first and marks the table."""


@dataclass(frozen=True)
class SeveritySettings:
    """How a severity matrix is recognised and what the widget says next."""

    columns: Mapping[str, str] = field(
        default_factory=lambda: {
            "severity": "Severity",
            "description": "Description",
            "examples": "Examples",
            "owner": "Primary Owner",
        }
    )
    """Header of the column holding each role (`ROLES`); headers match case-insensitively."""
    cadence: Mapping[str, int] = field(default_factory=lambda: {"default": 15})
    """Minutes between stakeholder updates, by severity (`default` for the rest)."""

    @property
    def signature(self) -> str:
        """The first column's header, which marks a table as a severity matrix."""
        return self.columns["severity"]

    def minutes(self, severity: str) -> int:
        return self.cadence.get(severity, self.cadence.get("default", 15))


def _cells(row: Element) -> list[Element]:
    return [cell for cell in row.elements if cell.tag in ("th", "td")]


def _header_and_body(table: Element) -> tuple[list[Element], list[Element]]:
    rows = list(table.iter("tr"))
    if not rows:
        return [], []
    return _cells(rows[0]), rows[1:]


@dataclass
class _Found:
    matrix: SeverityMatrix
    table: Element


class SeverityLookup:
    """The `Feature` for severity matrices."""

    def __init__(self) -> None:
        self._found: list[_Found] = []

    def read(self, context: PageContext) -> None:
        settings = settings_from(context.settings)
        for table in context.tree.iter("table"):
            header, body = _header_and_body(table)
            if not header or header[0].text().casefold() != settings.signature.casefold():
                continue
            names = [cell.text() for cell in header]
            line = context.source.take("table", " | ".join(normalise(n) for n in names))
            matrix = _read_matrix(
                names, body, line, settings, context.model.problems, len(self._found) + 1
            )
            if matrix is None:
                continue
            context.model.severity_matrices.append(matrix)
            context.model.ids.add(matrix.id)
            self._found.append(_Found(matrix, table))

    def render(self, context: PageContext) -> list[Edit]:
        settings = settings_from(context.settings)
        template = context.environment.get_template("playbook/severity.html")
        edits = []
        for found in self._found:
            widget = template.render(
                site_id=context.settings["site_id"],
                page_id=context.page_id,
                matrix=found.matrix,
                minutes={row.severity: settings.minutes(row.severity) for row in found.matrix.rows},
            )
            edits.append(Edit(found.table.end, found.table.end, widget))
        return edits


def _read_matrix(
    names: list[str],
    body: list[Element],
    line: int,
    settings: SeveritySettings,
    problems: list[Problem],
    number: int,
) -> SeverityMatrix | None:
    index = {name.casefold(): position for position, name in enumerate(names)}
    headers = [settings.columns[role] for role in ROLES]
    missing = [header for header in headers if header.casefold() not in index]
    if missing:
        problems.append(
            Problem(
                line,
                "severity matrix is missing column "
                + ", ".join(map(repr, missing))
                + "; no lookup widget is built for it",
            )
        )
        return None
    positions = [index[header.casefold()] for header in headers]
    rows: list[SeverityRow] = []
    seen: dict[str, int] = {}
    valid = True
    for offset, row in enumerate(body):
        row_line = line + _BODY_FIRST_LINE + offset if line else 0
        cells = [cell.text() for cell in _cells(row)]
        values = [cells[p] if p < len(cells) else "" for p in positions]
        empty = [h for h, value in zip(headers, values, strict=True) if not value]
        if empty:
            problems.append(
                Problem(
                    row_line,
                    "severity matrix row has an empty cell in column "
                    + ", ".join(map(repr, empty)),
                )
            )
            valid = False
            continue
        severity, description, examples, owner = values
        if severity in seen:
            problems.append(
                Problem(
                    row_line,
                    f"severity {severity!r} is listed twice in the severity matrix"
                    + (f" (first on line {seen[severity]})" if seen[severity] else ""),
                )
            )
            valid = False
            continue
        seen[severity] = row_line
        rows.append(
            SeverityRow(
                severity=severity,
                description=description,
                examples=tuple(e for e in _EXAMPLE_SPLIT_RE.split(examples) if e),
                owner=owner,
                line=row_line,
            )
        )
    if not rows:
        problems.append(Problem(line, "severity matrix has no rows"))
        return None
    if not valid:
        return None
    return SeverityMatrix(
        id=f"severity-lookup-{number}" if number > 1 else "severity-lookup",
        rows=tuple(rows),
        line=line,
    )


def settings_from(config: Mapping[str, object]) -> SeveritySettings:
    """The severity settings inside the extension's configuration."""
    value = config.get("severity")
    return value if isinstance(value, SeveritySettings) else SeveritySettings()
