"""Search for a severity's name (issue 25): the playbook, where the severities are defined,
comes first for each of SEV-1 to SEV-4, not a runbook that names one more often."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from browsing import Visit, open_search

PLAYBOOK = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"


@pytest.mark.parametrize("severity", ["SEV-1", "SEV-2", "SEV-3", "SEV-4"])
def test_a_severity_name_finds_the_playbook_first(
    open_page: Callable[[str], Visit], site_url: str, severity: str
) -> None:
    visit = open_page(site_url + "index.html")
    page = visit.page
    open_search(page)
    # Material searches on key presses: one key, so only the whole query is ever answered.
    search = page.locator("input.md-search__input")
    search.fill(severity[:-1])
    search.press(severity[-1])
    first = page.locator(".md-search-result__item").first.locator("a").first
    expect(first).to_have_attribute("href", re.compile(re.escape(PLAYBOOK)))
    assert visit.errors == [], visit.errors
