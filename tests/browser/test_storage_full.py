"""Storage really full (filled from the page to the browser's own limit, no stub): nothing a
responder did is shown as kept unless it is, and nothing is cleared before its copy is written."""

from __future__ import annotations

import json
from collections.abc import Callable

from playwright.sync_api import BrowserContext, Locator, Page, expect
from test_runs import PLAYBOOK, RUN_PAGE, SCRIBE, bar, box, declare, go, message

from browsing import FILL_STORAGE, FREE_STORAGE, Visit

STEP = "Validate monitoring alerts"
SUMMARY = '#template-form input[data-playbook-field="summary"]'
PAGE_SCOPE = "page:operations/INCIDENT_RESPONSE_PLAYBOOK.md"
FULL = (
    "Not saved: this browser's storage is full. Your ticks are kept in this tab; "
    "free space or export the run."
)


def containment(page: Page) -> Locator:
    return page.locator('.playbook-checklist[data-playbook-title="Containment Checklist"]')


def notice(page: Page) -> Locator:
    return containment(page).locator(".playbook-checklist__notice")


def stored(page: Page, scope: str) -> dict[str, object]:
    """What localStorage itself holds for `scope`, read past the store."""
    raw = page.evaluate("(scope) => localStorage.getItem(playbook.store.keyOf(scope))", scope)
    return json.loads(raw)["values"] if raw else {}


def fresh_tab(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.goto(url)
    expect(page.locator(".playbook-checklist[data-playbook-ready]").first).to_be_attached()
    return page


def test_a_refused_tick_stays_unsaved_after_a_smaller_write_succeeds(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    # The scenario, step by step.
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    page.fill(SUMMARY, "Uploads failing everywhere")
    assert page.evaluate(FILL_STORAGE) > 0
    box(page, STEP).check()
    expect(notice(page)).to_have_text(FULL)
    assert stored(page, PAGE_SCOPE) == {}
    # One character shorter: this write is smaller, so the browser takes it.
    page.fill(SUMMARY, "Uploads failing everywher")
    assert stored(page, "site")["field:summary"] == "Uploads failing everywher"
    expect(notice(page)).to_have_text(FULL)
    expect(box(page, STEP)).to_be_checked()
    # Close the tab and open the page again: the tick or the notice, never neither.
    context = page.context
    page.close()
    again = fresh_tab(context, base_url + PLAYBOOK)
    expect(box(again, STEP)).not_to_be_checked()
    expect(notice(again)).to_contain_text("Not saved: ticks made here at ")
    expect(notice(again)).to_contain_text(
        ", in another tab or before this page was reopened: this browser's storage was full. "
        "Free space, then check them."
    )
    # Once there is room, ticking again is kept, and the notice goes.
    again.evaluate(FREE_STORAGE)
    box(again, STEP).check()
    expect(notice(again)).to_be_hidden()
    again.reload()
    expect(box(again, STEP)).to_be_checked()
    expect(notice(again)).to_be_hidden()
    assert visit.errors == [], visit.errors


def test_a_refused_tick_is_written_once_another_tab_frees_space(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    page.evaluate(FILL_STORAGE)
    box(page, STEP).check()
    expect(notice(page)).to_have_text(FULL)
    other = page.context.new_page()
    other.goto(base_url + "index.html")
    other.evaluate(FREE_STORAGE)
    # The storage event reaches the first tab, which writes its tick again.
    expect(notice(page)).to_be_hidden()
    assert list(stored(page, PAGE_SCOPE).values()) != []
    again = fresh_tab(page.context, base_url + PLAYBOOK)
    expect(box(again, STEP)).to_be_checked()
    expect(notice(again)).to_be_hidden()
    assert visit.errors == [], visit.errors


def test_a_refused_tick_is_written_when_the_page_is_left(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    page.evaluate(FILL_STORAGE)
    box(page, STEP).check()
    expect(notice(page)).to_have_text(FULL)
    # Space freed by this very page sends it no storage event: leaving it writes the tick.
    page.evaluate(FREE_STORAGE)
    expect(notice(page)).to_have_text(FULL)
    page.goto(base_url + "index.html")
    again = fresh_tab(page.context, base_url + PLAYBOOK)
    expect(box(again, STEP)).to_be_checked()
    expect(notice(again)).to_be_hidden()
    assert visit.errors == [], visit.errors


def test_a_reload_keeps_the_refused_tick_in_the_tab(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    # Over HTTP: from file:// Chromium sometimes reloads with an empty sessionStorage.
    visit = open_page(site_url + PLAYBOOK)
    page = visit.page
    page.evaluate(FILL_STORAGE)
    box(page, STEP).check()
    page.reload()
    expect(box(page, STEP)).to_be_checked()
    expect(notice(page)).to_have_text(FULL)
    assert stored(page, PAGE_SCOPE) == {}
    assert visit.errors == [], visit.errors


def test_bringing_in_earlier_ticks_clears_nothing_the_run_did_not_keep(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    box(page, SCRIBE).check()
    box(page, "Incident Commander").check()
    go(page, base_url, RUN_PAGE)
    expect(page.locator("[data-playbook-run-carry-text]")).to_contain_text("2 ticks")
    page.evaluate(FILL_STORAGE)
    page.fill("#playbook-run-id", "INC-40")
    page.get_by_role("button", name="Declare incident").click()
    expect(message(page)).to_contain_text("could not be brought in")
    expect(message(page)).to_contain_text("This browser is not keeping them")
    # The ticks made before declaring are still stored where they were (the default run).
    assert len(stored(page, "/" + PAGE_SCOPE)) == 2
    # Once there is room, they come into the run, and only then leave the old place.
    page.evaluate(FREE_STORAGE)
    page.get_by_role("button", name="Bring in what was done before declaring").click()
    expect(message(page)).to_contain_text("into INC-40")
    assert stored(page, "/" + PAGE_SCOPE) == {}
    assert len(stored(page, "/run:INC-40:" + PAGE_SCOPE)) == 2
    again = page.context.new_page()
    go(again, base_url, PLAYBOOK)
    expect(bar(again)).to_contain_text("INC-40")
    expect(box(again, SCRIBE)).to_be_checked()
    expect(box(again, "Incident Commander")).to_be_checked()
    assert visit.errors == [], visit.errors


def test_declaring_with_full_storage_then_closing_loses_no_tick(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    box(page, SCRIBE).check()
    go(page, base_url, RUN_PAGE)
    page.evaluate(FILL_STORAGE)
    page.fill("#playbook-run-id", "INC-41")
    page.get_by_role("button", name="Declare incident").click()
    expect(message(page)).to_contain_text("could not be brought in")
    context = page.context
    page.close()
    again = context.new_page()
    go(again, base_url, PLAYBOOK)
    # Nothing of the run could be kept, and the tick made before it is where it was.
    expect(box(again, SCRIBE)).to_be_checked()


def test_the_tick_of_a_declared_run_survives_with_storage_full_and_then_freed(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    visit = open_page(site_url + RUN_PAGE)
    page = visit.page
    declare(page, "INC-42")
    go(page, site_url, PLAYBOOK)
    page.evaluate(FILL_STORAGE)
    box(page, STEP).check()
    expect(notice(page)).to_have_text(FULL)
    page.evaluate(FREE_STORAGE)
    # A later successful write (a value typed in a template) writes the refused tick too.
    page.fill(SUMMARY, "Queue stalled")
    expect(notice(page)).to_be_hidden()
    again = fresh_tab(page.context, site_url + PLAYBOOK)
    expect(box(again, STEP)).to_be_checked()
    assert visit.errors == [], visit.errors


def test_a_note_the_browser_refuses_is_said_to_be_unsaved(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + RUN_PAGE)
    page = visit.page
    declare(page, "INC-43")
    top_notice = page.locator("[data-playbook-run-part='top'] [data-playbook-storage-notice]")
    expect(top_notice).to_be_hidden()
    page.evaluate(FILL_STORAGE)
    page.fill("#playbook-run-note", "Failover started")
    page.get_by_role("button", name="Add note").click()
    expect(message(page)).to_have_text(
        "Note added to INC-43. This browser is not keeping it: see the notice above."
    )
    expect(top_notice).to_have_text(
        "Not saved: this browser's storage is full. Your values are kept in this tab; free "
        "space or export the run."
    )
    expect(page.locator("[data-playbook-run-events] li")).to_have_count(2)
    page.evaluate(FREE_STORAGE)
    page.fill("#playbook-run-note", "Failover done")
    page.get_by_role("button", name="Add note").click()
    expect(message(page)).to_have_text("Note added to INC-43.")
    expect(top_notice).to_be_hidden()
    page.reload()
    expect(page.locator("[data-playbook-run-events] li")).to_have_count(3)
    assert visit.errors == [], visit.errors
