"""Checklists on the real playbook, in headless Chromium, over HTTP and from `file://`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from playwright.sync_api import Browser, Locator, Page, expect

from browsing import CLIPBOARD, STORAGE_DISABLED, STORAGE_FULL, Visit

PLAYBOOK = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"
ROLES = [
    "Incident Commander: coordinates and communicates",
    "Communications Lead: posts updates to leadership & clients",
    "Scribe: maintains a minute-by-minute timeline",
    "Response Engineer(s): reproduce and fix",
]


def rulebook(page: Page) -> Locator:
    return page.locator('.playbook-checklist[data-playbook-title="Five-Minute Rulebook"]')


def box(page: Page, label: str) -> Locator:
    return page.get_by_role("checkbox", name=label, exact=False)


def ready(page: Page) -> None:
    expect(page.locator(".playbook-checklist[data-playbook-ready]").first).to_be_attached()


def our_errors(page: Page) -> list[str]:
    """Uncaught errors thrown in our scripts (Material's own may fail under a stub)."""
    stacks: list[str] = []
    page.on("pageerror", lambda error: stacks.append(error.stack or str(error)))
    return stacks


def test_a_tick_survives_a_reload_with_its_time_and_progress(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    checklist = rulebook(page)
    expect(checklist.locator(".playbook-checklist__count")).to_have_text("0 of 8 done")
    box(page, "Scribe: maintains").check()
    expect(checklist.locator(".playbook-checklist__count")).to_have_text("1 of 8 done")
    expect(checklist.locator(".playbook-checklist__progress")).to_have_js_property("value", 1)
    page.reload()
    ready(page)
    expect(box(page, "Scribe: maintains")).to_be_checked()
    expect(box(page, "Incident Commander")).not_to_be_checked()
    expect(checklist.locator(".playbook-checklist__count")).to_have_text("1 of 8 done")
    time = box(page, "Scribe: maintains").locator("xpath=../../time")
    expect(time).to_be_visible()
    expect(time).to_have_attribute("title", re.compile(r"^\d\d:\d\d UTC, \d{4}-\d\d-\d\d$"))
    expect(time).to_have_attribute("datetime", re.compile(r"^\d{4}-\d\d-\d\dT.*Z$"))
    # The count is a live region: screen readers hear the progress.
    expect(checklist.locator(".playbook-checklist__count")).to_have_attribute("role", "status")
    assert visit.foreign_requests == []
    assert visit.errors == [], visit.errors


def test_the_parent_step_shows_its_roles_done_partly_or_fully(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    page = open_page(base_url + PLAYBOOK).page
    parent = box(page, "Assign roles")
    box(page, ROLES[0]).check()
    box(page, ROLES[2]).check()
    expect(parent).to_have_js_property("indeterminate", True)
    expect(parent).not_to_be_checked()
    for role in ROLES:
        box(page, role).check()
    expect(parent).to_be_checked()
    expect(parent).to_have_js_property("indeterminate", False)
    parent.click()
    for role in ROLES:
        expect(box(page, role)).not_to_be_checked()
    parent.press("Space")  # keyboard operable
    for role in ROLES:
        expect(box(page, role)).to_be_checked()
    expect(rulebook(page).locator(".playbook-checklist__count")).to_have_text("4 of 8 done")


def test_ticks_appear_in_another_open_tab(open_page: Callable[[str], Visit], base_url: str) -> None:
    first = open_page(base_url + PLAYBOOK).page
    second = first.context.new_page()
    second.goto(base_url + PLAYBOOK)
    ready(second)
    box(first, "Declare the incident").check()
    expect(box(second, "Declare the incident")).to_be_checked()
    expect(rulebook(second).locator(".playbook-checklist__count")).to_have_text("1 of 8 done")
    box(second, "Declare the incident").uncheck()
    expect(box(first, "Declare the incident")).not_to_be_checked()


def test_copy_as_markdown_per_checklist_and_per_page(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    page = open_page(base_url + PLAYBOOK).page
    page.add_init_script(CLIPBOARD)
    page.reload()
    ready(page)
    box(page, "Declare the incident").check()
    box(page, "Scribe: maintains").check()
    rulebook(page).get_by_role("button", name="Copy as Markdown").click()
    expect(rulebook(page).locator(".playbook-checklist__status")).to_have_text(
        "Copied as Markdown."
    )
    copied = page.evaluate("() => window.copied[0]")
    time = r" — \d\d:\d\d UTC"
    expected = [
        "- [x] Declare the incident -> Post in #advisoros-incident with severity, impact, "
        "and on-call owner." + time,
        "- [ ] Freeze risky changes -> Halt deployments via the Production Deployment Guide.",
        "- [ ] Establish a bridge -> Launch a Teams/Zoom bridge, capture notes in the incident "
        "record.",
        "- [ ] Assign roles:",
        "  - [ ] " + ROLES[0],
        "  - [ ] " + ROLES[1],
        "  - [x] " + ROLES[2] + time,
        "  - [ ] " + ROLES[3],
        "- [ ] Update stakeholders every 15 minutes minimum, or faster for SEV-1.",
    ]
    lines = copied.rstrip("\n").split("\n")
    assert len(lines) == len(expected), copied
    for line, pattern in zip(lines, expected, strict=True):
        assert re.fullmatch(re.escape(pattern).replace(re.escape(time), time), line), line
    page.get_by_role("button", name="Copy all checklists as Markdown").click()
    expect(page.locator(".playbook-checklists__status")).to_have_text(
        "Copied 3 checklists as Markdown."
    )
    everything = page.evaluate("() => window.copied[1]")
    assert everything.startswith("### Five-Minute Rulebook\n\n" + copied)
    assert "### Containment Checklist\n\n- [ ] Validate monitoring alerts" in everything
    assert "### Post-Incident Review\n\n- [ ] Schedule a review" in everything


def test_reset_asks_first_and_can_be_undone(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    page = open_page(base_url + PLAYBOOK).page
    checklist = rulebook(page)
    box(page, "Declare the incident").check()
    box(page, ROLES[1]).check()
    checklist.get_by_role("button", name="Reset").click()
    checklist.get_by_role("button", name="Keep them").click()
    expect(box(page, "Declare the incident")).to_be_checked()
    expect(checklist.get_by_role("button", name="Reset")).to_be_focused()
    checklist.get_by_role("button", name="Reset").click()
    checklist.get_by_role("button", name="Clear ticks").click()
    expect(box(page, "Declare the incident")).not_to_be_checked()
    expect(box(page, ROLES[1])).not_to_be_checked()
    expect(checklist.locator(".playbook-checklist__count")).to_have_text("0 of 8 done")
    page.reload()
    ready(page)
    expect(box(page, "Declare the incident")).not_to_be_checked()
    box(page, "Declare the incident").check()
    checklist.get_by_role("button", name="Reset").click()
    checklist.get_by_role("button", name="Clear ticks").click()
    checklist.get_by_role("button", name="Undo").click()
    expect(box(page, "Declare the incident")).to_be_checked()
    expect(checklist.locator(".playbook-checklist__status")).to_have_text("Ticks restored.")
    page.reload()
    ready(page)
    expect(box(page, "Declare the incident")).to_be_checked()


def test_disabled_storage_shows_the_notice_and_ticks_still_work(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    page = open_page(base_url + PLAYBOOK).page
    stacks = our_errors(page)
    page.add_init_script(STORAGE_DISABLED)
    page.reload()
    ready(page)
    notice = rulebook(page).locator(".playbook-checklist__notice")
    expect(notice).to_be_visible()
    expect(notice).to_have_text(
        "Not saved: browser storage is unavailable (SecurityError). Your ticks are kept in this "
        "tab; keep it open, or export the run."
    )
    box(page, "Scribe: maintains").check()
    expect(rulebook(page).locator(".playbook-checklist__count")).to_have_text("1 of 8 done")
    assert not [s for s in stacks if "assets/playbook/" in s], stacks


def test_full_storage_shows_the_notice_and_ticks_still_work(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    page.add_init_script(STORAGE_FULL)
    page.reload()
    ready(page)
    notice = rulebook(page).locator(".playbook-checklist__notice")
    expect(notice).to_have_text(
        "Not saved: this browser's storage is full. Your ticks are kept in this tab; free space "
        "or export the run."
    )
    box(page, "Scribe: maintains").check()
    expect(box(page, "Scribe: maintains")).to_be_checked()
    expect(rulebook(page).locator(".playbook-checklist__count")).to_have_text("1 of 8 done")
    assert visit.errors == [], visit.errors


def test_corrupt_saved_ticks_are_backed_up_and_announced(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    page = open_page(base_url + PLAYBOOK).page
    key = page.evaluate(
        "() => playbook.store.keyOf(playbook.store.pageScope(document.querySelector("
        "'.playbook-checklist')))"
    )
    assert key.endswith(":page:operations/INCIDENT_RESPONSE_PLAYBOOK.md")
    page.evaluate('(key) => localStorage.setItem(key, \'{"schema": 1, "values": [\')', key)
    page.reload()
    ready(page)
    notice = rulebook(page).locator(".playbook-checklist__notice")
    expect(notice).to_contain_text("Saved ticks could not be read")
    backups = page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('playbook-backup:'))"
        ".map(k => [k, localStorage.getItem(k)])"
    )
    assert [value for _, value in backups] == ['{"schema": 1, "values": [']
    expect(notice).to_contain_text(backups[0][0])
    box(page, "Scribe: maintains").check()
    page.reload()
    ready(page)
    expect(box(page, "Scribe: maintains")).to_be_checked()
    stored = json.loads(page.evaluate("(key) => localStorage.getItem(key)", key))
    assert stored["schema"] == 1 and len(stored["values"]) == 1


def test_without_javascript_a_readable_list_with_plain_boxes(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PLAYBOOK)
    checklist = rulebook(page)
    expect(checklist.get_by_role("checkbox")).to_have_count(9)
    expect(box(page, "Declare the incident")).to_be_visible()
    expect(checklist.get_by_role("button")).to_have_count(0)
    expect(page.get_by_role("button", name="Copy all checklists as Markdown")).to_be_hidden()
    context.close()


def test_print_shows_the_boxes_and_no_controls(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    page = open_page(base_url + PLAYBOOK).page
    box(page, "Declare the incident").check()
    page.emulate_media(media="print")
    expect(box(page, "Declare the incident")).to_be_visible()
    expect(box(page, "Declare the incident")).to_be_checked()
    expect(rulebook(page).get_by_role("button", name="Reset")).to_be_hidden()
    expect(rulebook(page).locator(".playbook-checklist__progress")).to_be_hidden()
    expect(page.get_by_role("button", name="Copy all checklists as Markdown")).to_be_hidden()
