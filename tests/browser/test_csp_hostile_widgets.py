"""The playbook's widgets keep hostile values literal: every form field and the severity
lookup, over HTTP, from disk, and under the strict CSP."""

from __future__ import annotations

from collections.abc import Callable

from csp import CspSite, assert_no_violations
from hostile import HOSTILE_VALUES, assert_inert, assert_literal
from playwright.sync_api import Page, expect

from browsing import Visit

PLAYBOOK = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"
INPUTS = "input[data-playbook-field], input[data-playbook-severity-query]"


def _type_everywhere(page: Page, visit: Visit, values: list[str]) -> int:
    fields = page.locator(INPUTS)
    count = fields.count()
    for index in range(count):
        field = fields.nth(index)
        for value in values:
            field.fill(value)
            field.press("End")
            assert_literal(field, value)
            assert_inert(visit)
    return count


def test_widget_inputs_keep_hostile_values_literal(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    expect(page.locator(INPUTS).first).to_be_visible()
    assert _type_everywhere(page, visit, HOSTILE_VALUES[:5]) >= 10
    # What the forms show of a value is text: the preview holds the markup as typed.
    summary = page.locator("input[data-playbook-field='summary']").first
    summary.fill(HOSTILE_VALUES[0])
    summary.press("End")
    preview = page.locator("[data-playbook-preview]").first
    expect(preview).to_contain_text(HOSTILE_VALUES[0])
    assert_inert(visit)
    assert visit.errors == [], visit.errors


def test_widget_inputs_under_the_strict_policy(
    open_page: Callable[[str], Visit], csp_site: CspSite
) -> None:
    visit = open_page(csp_site.url + PLAYBOOK)
    page = visit.page
    expect(page.locator(INPUTS).first).to_be_visible()
    _type_everywhere(page, visit, HOSTILE_VALUES[:2])
    assert_no_violations(visit, csp_site)
    assert visit.errors == [], visit.errors
