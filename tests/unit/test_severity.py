"""Severity matrices are recognised in tables, checked, and carry their source lines."""

from __future__ import annotations

import json
import re
from html import unescape

import markdown
import pytest

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.page.model import PageModel, SeverityRow
from mkdocs_playbook.widgets.severity import SeveritySettings

MATRIX = """# Playbook

## Severity Matrix

| Severity | Description | Examples | Primary Owner |
| --- | --- | --- | --- |
| SEV-1 | Platform unavailable or data loss | Outage across all tenants, corrupted production database | Incident Commander (on-call lead) |
| SEV-2 | Critical functionality degraded | QuickBooks sync halted, document uploads failing for multiple clients | On-call engineer |
"""  # noqa: E501


def read(text: str, settings: SeveritySettings | None = None) -> tuple[str, PageModel]:
    models: list[PageModel] = []
    options = {"severity": settings} if settings else {}
    html = markdown.markdown(
        text, extensions=[PlaybookExtension(on_page_model=models.append, **options), "tables"]
    )
    return html, models[0]


def test_rows_with_examples_and_lines() -> None:
    html, model = read(MATRIX)
    (matrix,) = model.severity_matrices
    assert matrix.line == 5
    assert matrix.rows == (
        SeverityRow(
            "SEV-1",
            "Platform unavailable or data loss",
            ("Outage across all tenants", "corrupted production database"),
            "Incident Commander (on-call lead)",
            7,
        ),
        SeverityRow(
            "SEV-2",
            "Critical functionality degraded",
            ("QuickBooks sync halted", "document uploads failing for multiple clients"),
            "On-call engineer",
            8,
        ),
    )
    assert model.problems == []
    assert "severity-lookup" in model.ids
    # The widget follows the table, which stays as it was.
    assert html.index("</table>") < html.index(
        '<section class="playbook-severity" id="severity-lookup"'
    )


def test_widget_is_built_from_the_rows_only() -> None:
    html, _ = read(MATRIX, SeveritySettings(cadence={"default": 15, "SEV-1": 10}))
    widget = html[html.index("<section") : html.index("</section>")]
    assert 'value="SEV-1" data-owner="Incident Commander (on-call lead)"' in widget
    assert 'value="SEV-2" data-owner="On-call engineer"' in widget
    assert widget.count('type="radio"') == 2
    # Its controls are the page's, cloned; the cadence the script shows comes from the build.
    assert "role=" not in widget
    controls = html[html.index('<template data-playbook-controls="severity_controls"') :]
    assert 'role="status"' in controls
    cadence = re.search(r'data-playbook-cadence="([^"]*)"', html)
    assert cadence is not None
    assert json.loads(unescape(cadence.group(1))) == {"default": 15, "SEV-1": 10}


def test_the_scripts_get_a_default_cadence_even_when_none_is_set() -> None:
    settings = SeveritySettings(cadence={"SEV-1": 10})
    assert settings.script_cadence() == {"SEV-1": 10, "default": settings.minutes("SEV-9")}


def test_values_are_escaped_in_the_widget() -> None:
    text = MATRIX.replace("On-call engineer", 'On-call "eng" &amp; <b>x</b>')
    html, model = read(text)
    assert model.severity_matrices[0].rows[1].owner == 'On-call "eng" & x'
    assert 'data-owner="On-call &#34;eng&#34; &amp; x"' in html


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("| Primary Owner |", "| Owner |"), 5, "missing column 'Primary Owner'"),
        (
            ("| SEV-2 |", "| SEV-1 |"),
            8,
            "severity 'SEV-1' is listed twice in the severity matrix (first on line 7)",
        ),
        (("| On-call engineer |", "|  |"), 8, "empty cell in column 'Primary Owner'"),
    ],
)
def test_malformed_matrix_is_a_problem_with_its_line(
    change: tuple[str, str], line: int, message: str
) -> None:
    html, model = read(MATRIX.replace(*change))
    (problem,) = model.problems
    assert (problem.line, message in problem.message) == (line, True), problem
    assert model.severity_matrices == []
    assert "playbook-severity" not in html
    assert "<table>" in html


def test_missing_cell_at_row_end() -> None:
    _, model = read(MATRIX.replace(" | On-call engineer |", " |"))
    assert [p.line for p in model.problems] == [8]


def test_other_tables_are_left_alone() -> None:
    html, model = read("| Name | Value |\n| --- | --- |\n| a | b |\n")
    assert model.severity_matrices == [] and model.problems == []
    assert "playbook-severity" not in html


def test_header_signature_is_configurable_and_case_insensitive() -> None:
    text = (
        "| level | What | Seen as | Lead |\n| --- | --- | --- | --- |\n| P1 | Down | x, y | IC |\n"
    )
    settings = SeveritySettings(
        columns={"severity": "Level", "description": "What", "examples": "Seen As", "owner": "Lead"}
    )
    _, model = read(text, settings)
    (matrix,) = model.severity_matrices
    assert matrix.rows[0].severity == "P1" and matrix.rows[0].examples == ("x", "y")


def test_a_cadence_without_default_keeps_the_default_for_other_severities() -> None:
    settings = SeveritySettings(cadence={"SEV-1": 10})
    assert (settings.minutes("SEV-1"), settings.minutes("SEV-3")) == (10, 15)
