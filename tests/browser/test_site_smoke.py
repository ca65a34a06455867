"""The built site works in a real browser, over HTTP and from disk, with no network."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import expect

from browsing import Visit, open_search, search_for

PLAYBOOK = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"


def test_playbook_renders_alerts_and_navigates(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    expect(page.get_by_role("heading", level=1)).to_contain_text("Incident Response Playbook")
    warning = page.locator(".admonition.warning").first
    expect(warning.locator(".admonition-title")).to_have_text("Warning")
    expect(warning).to_be_visible()
    page.get_by_role("link", name="Database Recovery Checklist").click()
    page.wait_for_url("**/DATABASE.html#recovery-procedures")
    expect(page.locator("#recovery-procedures")).to_be_visible()
    assert visit.foreign_requests == []
    assert visit.errors == [], visit.errors


def test_search_finds_pages_over_http_and_from_disk(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + "index.html")
    page = visit.page
    open_search(page)
    search_for(page, "recovery procedures", "Recovery Procedures")
    assert visit.foreign_requests == []
    assert visit.errors == [], visit.errors
