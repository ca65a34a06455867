"""The run bar's placement and the severities it offers."""

from __future__ import annotations

from mkdocs_playbook.page.model import SeverityMatrix, SeverityRow
from mkdocs_playbook.widgets.runs import insert_run_bar, severity_levels


def matrix(*names: str) -> SeverityMatrix:
    return SeverityMatrix("lookup", tuple(SeverityRow(n, "", (), "", 1) for n in names), 1)


def test_the_bar_goes_first_in_the_body() -> None:
    page = '<html><head></head><body dir="ltr" class="x">\n<p>hi</p></body></html>'
    assert insert_run_bar(page, "<div>bar</div>") == (
        '<html><head></head><body dir="ltr" class="x">\n<div>bar</div>\n<p>hi</p></body></html>'
    )


def test_in_material_the_bar_goes_first_in_the_container_that_instant_navigation_swaps() -> None:
    page = (
        '<body><header class="md-header"></header>\n'
        '<div class="md-container" data-md-component="container"><main></main></div></body>'
    )
    assert insert_run_bar(page, "<div>bar</div>") == (
        '<body><header class="md-header"></header>\n'
        '<div class="md-container" data-md-component="container">\n<div>bar</div><main></main>'
        "</div></body>"
    )


def test_a_page_without_a_body_is_left_alone() -> None:
    assert insert_run_bar("<p>fragment</p>", "<div>bar</div>") == "<p>fragment</p>"


def test_levels_keep_table_order_each_once_across_pages() -> None:
    first, second = matrix("SEV-1", "SEV-2"), matrix("SEV-2", "SEV-3")
    assert severity_levels([first, second]) == ["SEV-1", "SEV-2", "SEV-3"]
