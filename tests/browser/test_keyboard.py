"""Every widget on the playbook works with the keyboard alone and announces what changed."""

from __future__ import annotations

from collections.abc import Callable

from accessibility import live_region_text, tab_to
from playwright.sync_api import expect

from browsing import Visit

PLAYBOOK = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"
CONTAINMENT = '.playbook-checklist[data-playbook-title="Containment Checklist"]'


def test_checklist_ticks_and_resets_by_keyboard(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    page = open_page(site_url + PLAYBOOK).page
    checklist = page.locator(CONTAINMENT)
    first = checklist.locator("input[type=checkbox]").first
    tab_to(page, first)
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    expect(checklist.locator(".playbook-checklist__count")).to_have_text("1 of 4 done")
    assert "1 of 4 done" in live_region_text(page)
    tab_to(page, checklist.locator(".playbook-checklist__reset"))
    page.keyboard.press("Enter")
    confirm = checklist.locator(".playbook-checklist__confirm-reset")
    expect(confirm).to_be_visible()
    tab_to(page, confirm)
    page.keyboard.press("Enter")
    expect(first).not_to_be_checked()
    tab_to(page, checklist.locator(".playbook-checklist__undo-button"))
    page.keyboard.press("Enter")
    expect(first).to_be_checked()


def test_severity_lookup_by_keyboard(open_page: Callable[[str], Visit], site_url: str) -> None:
    page = open_page(site_url + PLAYBOOK).page
    tab_to(page, page.locator("#severity-lookup-query"))
    page.keyboard.type("QuickBooks")
    page.keyboard.press("Enter")
    result = page.locator("#severity-lookup [data-playbook-severity-result]")
    expect(result).to_contain_text("SEV-2 — Critical functionality degraded")
    assert "Primary owner: On-call engineer" in live_region_text(page)
    # The radio group: Tab reaches the chosen row, arrows move the choice.
    tab_to(page, page.locator('#severity-lookup input[value="SEV-2"]'))
    page.keyboard.press("ArrowDown")
    expect(page.locator('#severity-lookup input[value="SEV-3"]')).to_be_checked()
    expect(result).to_contain_text("Primary owner: Feature owner")


def test_template_form_by_keyboard(open_page: Callable[[str], Visit], site_url: str) -> None:
    page = open_page(site_url + PLAYBOOK).page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    form = page.locator("#template-form")
    tab_to(page, form.locator('input[data-playbook-field="summary"]'))
    page.keyboard.type("Uploads failing")
    # The start fills itself; typed over, it is the responder's; one key makes it automatic.
    started = form.locator('input[data-playbook-field="started at"]')
    expect(started).to_have_attribute("data-playbook-auto", "")
    tab_to(page, started)
    page.keyboard.type("2026-11-27 09:00 UTC")
    expect(started).to_have_value("2026-11-27 09:00 UTC")
    tab_to(page, form.get_by_role("button", name="Make Started at automatic again"))
    page.keyboard.press("Enter")
    expect(started).to_have_attribute("data-playbook-auto", "")
    expect(started).to_be_focused()
    tab_to(page, form.locator("[data-playbook-copy]"))
    page.keyboard.press("Enter")
    expect(form.locator("[data-playbook-form-status]")).to_have_text("Copied the filled template.")
    assert "Copied the filled template." in live_region_text(page)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "| Uploads failing" in copied
