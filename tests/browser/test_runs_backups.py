"""Replace, delete and import are undoable: a backup before each, Undo, the list of backups;
the question keeps the focus on Cancel; a stale copy in another tab never comes back."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect
from test_runs import PLAYBOOK, RUN_PAGE, SCRIBE, bar, box, declare, go, json_file, message

from browsing import Visit

SUMMARY = '#template-form input[data-playbook-field="summary"]'
SITE = "AdvisorOS Operations"


def confirm(page: Page) -> Locator:
    return page.locator("[data-playbook-run-confirm]")


def undo(page: Page) -> Locator:
    return page.locator("[data-playbook-run-undo]")


def backups(page: Page) -> Locator:
    return page.locator("[data-playbook-run-backups] tr")


def stored_backups(page: Page) -> dict[str, Any]:
    return page.evaluate(  # type: ignore[no-any-return]
        "() => Object.fromEntries(Object.keys(localStorage)"
        ".filter((k) => k.includes(':backup:'))"
        ".map((k) => [k, JSON.parse(localStorage.getItem(k)).values]))"
    )


def run_with_a_tick(page: Page, base: str, run_id: str, summary: str) -> None:
    go(page, base, RUN_PAGE)
    declare(page, run_id, "SEV-2")
    go(page, base, PLAYBOOK)
    box(page, SCRIBE).check()
    page.fill(SUMMARY, summary)
    go(page, base, RUN_PAGE)


def export(page: Page) -> dict[str, Any]:
    with page.expect_download() as download:
        page.get_by_role("button", name="Download JSON").click()
    return json.loads(Path(download.value.path()).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_the_question_has_the_focus_on_cancel_so_enter_keeps_the_run(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + RUN_PAGE)
    page = visit.page
    declare(page, "INC-1")
    page.get_by_role("button", name="Delete run INC-1").click()
    expect(confirm(page)).to_be_visible()
    expect(page.locator("[data-playbook-run-confirm-no]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(confirm(page)).to_be_hidden()
    expect(message(page)).to_have_text("Nothing was changed.")
    expect(page.locator("[data-playbook-run-list] tr")).to_have_count(1)
    # Escape is Cancel too; the backup made for the question goes with it.
    page.get_by_role("button", name="Delete run INC-1").click()
    page.keyboard.press("Escape")
    expect(confirm(page)).to_be_hidden()
    expect(page.locator("[data-playbook-run-list] tr")).to_have_count(1)
    assert stored_backups(page) == {}
    assert visit.errors == [], visit.errors


def test_a_deleted_run_comes_back_with_undo_and_its_backup_is_listed(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + RUN_PAGE)
    page = visit.page
    run_with_a_tick(page, base_url, "INC-2", "Ledger stalled")
    expect(page.locator("[data-playbook-run-backups-summary]")).to_contain_text("No backups")
    page.get_by_role("button", name="Delete run INC-2").click()
    expect(page.locator("[data-playbook-run-confirm-text]")).to_contain_text(
        "A backup is kept, so this can be undone."
    )
    page.locator("[data-playbook-run-confirm-yes]").click()
    expect(message(page)).to_have_text("Deleted run INC-2.")
    expect(page.locator("[data-playbook-run-none]")).to_be_visible()
    # Kept under a backup key before anything was removed, until the responder clears it.
    (kept,) = stored_backups(page).values()
    assert kept["why"] == "delete" and kept["current"] == "INC-2"
    assert kept["run"]["run"]["id"] == "INC-2"
    expect(backups(page)).to_have_count(1)
    expect(backups(page).first).to_contain_text("before it was deleted")
    expect(backups(page).first).to_contain_text("1 tick on 1 page, 2 template values")
    undo(page).click()
    expect(message(page)).to_contain_text("Restored run INC-2.")
    expect(bar(page)).to_contain_text("INC-2")
    go(page, base_url, PLAYBOOK)
    expect(box(page, SCRIBE)).to_be_checked()
    expect(page.locator(SUMMARY)).to_have_value("Ledger stalled")
    go(page, base_url, RUN_PAGE)
    expect(backups(page)).to_have_count(1)
    assert visit.errors == [], visit.errors


def test_a_replaced_run_comes_back_with_undo_and_the_question_lists_changed_values(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + RUN_PAGE)
    page = visit.page
    run_with_a_tick(page, base_url, "INC-3", "Ledger stalled")
    theirs = export(page)
    theirs["scopes"] = {"site": {"field:summary": "Queue <b>drained</b>", "field:impact": "All"}}
    page.set_input_files("#playbook-run-import", files=[json_file("x.json", json.dumps(theirs))])
    details = page.locator("[data-playbook-run-confirm-details] li")
    expect(details).to_have_text(
        [
            "Template values it changes:",
            "impact: “All”",
            "incident id: “INC-3” is removed",
            "summary: “Queue <b>drained</b>”, was “Ledger stalled”",
        ]
    )
    expect(page.locator("[data-playbook-run-confirm-no]")).to_be_focused()
    page.get_by_role("button", name="Replace my run INC-3").click()
    expect(message(page)).to_contain_text("Opened run INC-3.")
    go(page, base_url, PLAYBOOK)
    expect(box(page, SCRIBE)).not_to_be_checked()
    expect(page.locator(SUMMARY)).to_have_value("Queue <b>drained</b>")
    go(page, base_url, RUN_PAGE)
    expect(backups(page)).to_have_count(1)
    expect(backups(page).first).to_contain_text("before it was replaced")
    # Undo is offered right after the import only: the backup stays listed for later.
    expect(undo(page)).to_be_hidden()
    page.get_by_role("button", name="Restore the backup of INC-3").click()
    expect(page.locator("[data-playbook-run-confirm-no]")).to_be_focused()
    page.get_by_role("button", name="Restore INC-3").click()
    expect(message(page)).to_contain_text("Restored run INC-3.")
    go(page, base_url, PLAYBOOK)
    expect(box(page, SCRIBE)).to_be_checked()
    expect(page.locator(SUMMARY)).to_have_value("Ledger stalled")
    go(page, base_url, RUN_PAGE)
    # Restoring replaced the imported run: that one was kept too.
    expect(backups(page)).to_have_count(2)
    expect(backups(page).first).to_contain_text("before an older copy was restored")
    assert visit.errors == [], visit.errors


def test_importing_a_run_new_to_this_browser_can_be_undone(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + RUN_PAGE)
    page = visit.page
    run_with_a_tick(page, base_url, "INC-4", "Ours")
    theirs = export(page)
    theirs["run"]["id"] = "INC-5"
    page.set_input_files("#playbook-run-import", files=[json_file("x.json", json.dumps(theirs))])
    expect(page.locator("[data-playbook-run-confirm-text]")).to_contain_text(
        "You have no run INC-5; it will be added. It becomes the current run; INC-4 stays"
    )
    page.get_by_role("button", name="Open run INC-5").click()
    expect(bar(page)).to_contain_text("INC-5")
    undo(page).click()
    expect(message(page)).to_contain_text("Took run INC-5 away again.")
    expect(bar(page)).to_contain_text("INC-4")
    expect(page.locator("[data-playbook-run-list] tr")).to_have_count(1)
    # Taking it away is a delete like any other: a backup of it is kept, and Undo brings it back.
    expect(backups(page)).to_have_count(1)
    undo(page).click()
    expect(message(page)).to_contain_text("Restored run INC-5.")
    expect(page.locator("[data-playbook-run-list] tr")).to_have_count(2)
    assert visit.errors == [], visit.errors


def test_backups_are_downloaded_deleted_and_cleared_on_request(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + RUN_PAGE)
    page = visit.page
    for run_id in ("INC-6", "INC-7"):
        declare(page, run_id)
        page.get_by_role("button", name=f"Delete run {run_id}").click()
        page.locator("[data-playbook-run-confirm-yes]").click()
        expect(message(page)).to_have_text(f"Deleted run {run_id}.")
    expect(backups(page)).to_have_count(2)
    expect(page.locator("[data-playbook-run-backups-summary]")).to_have_text(
        re.compile(
            r"^2 backups, \d KB of the 1 MB backups may use\. They stay in this browser until "
            r"you clear them\.$"
        )
    )
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the backup of INC-6").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["run"]["id"] == "INC-6" and data["site"] == SITE
    page.get_by_role("button", name="Delete the backup of INC-6").click()
    page.get_by_role("button", name="Delete backup").click()
    expect(backups(page)).to_have_count(1)
    page.get_by_role("button", name="Clear all backups").click()
    expect(page.locator("[data-playbook-run-confirm-no]")).to_be_focused()
    page.get_by_role("button", name="Clear backups").click()
    expect(backups(page)).to_have_count(0)
    expect(page.locator("[data-playbook-run-backups-summary]")).to_contain_text("No backups")
    assert stored_backups(page) == {}
    assert visit.errors == [], visit.errors


def test_past_the_size_limit_the_question_says_no_backup_can_be_kept(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + RUN_PAGE)
    page = visit.page
    declare(page, "INC-8")
    # An old backup that takes nearly all the room backups may use.
    page.evaluate(
        "() => playbook.store.setMany('/backup:2026-11-01T00:00:00.000Z:OLD',"
        " { why: 'delete', at: '2026-11-01T00:00:00.000Z', current: '', run: 'x'.repeat(999700) })"
    )
    page.reload()
    expect(backups(page).first).to_contain_text("Unreadable: This is not a saved playbook run.")
    page.get_by_role("button", name="Delete run INC-8").click()
    expect(page.locator("[data-playbook-run-confirm-text]")).to_contain_text(
        "No backup of INC-8 can be kept: backups may use 1 MB together, and this one (1 KB) "
        "would go past that; clear old backups under Backups. Download it as JSON first"
    )
    yes = page.locator("[data-playbook-run-confirm-yes]")
    expect(yes).to_have_text("Delete without a backup")
    expect(page.locator("[data-playbook-run-confirm-no]")).to_be_focused()
    yes.click()
    expect(message(page)).to_have_text("Deleted run INC-8.")
    expect(undo(page)).to_be_hidden()
    assert visit.errors == [], visit.errors


def test_a_stale_second_copy_never_comes_back_into_a_replaced_run(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    # Over HTTP, where the browser keeps a tab's sessionStorage across reloads.
    visit = open_page(site_url + RUN_PAGE)
    stale = visit.page
    run_with_a_tick(stale, site_url, "INC-9", "Old")
    replaced = export(stale)
    go(stale, site_url, PLAYBOOK)
    expect(box(stale, SCRIBE)).to_be_checked()
    # Another tab replaces INC-9 by an import that has no ticks on that page.
    other = stale.context.new_page()
    go(other, site_url, RUN_PAGE)
    replaced["scopes"] = {}
    other.set_input_files("#playbook-run-import", files=[json_file("x.json", json.dumps(replaced))])
    other.get_by_role("button", name="Replace my run INC-9").click()
    expect(message(other)).to_contain_text("Opened run INC-9.")
    # The first tab's second copy of the page still holds the tick: it must not come back.
    key = stale.evaluate("playbook.store.keyOf('page:operations/INCIDENT_RESPONSE_PLAYBOOK.md')")
    assert stale.evaluate("(key) => sessionStorage.getItem(key) !== null", key)
    stale.reload()
    expect(bar(stale)).to_contain_text("INC-9")
    expect(box(stale, SCRIBE)).not_to_be_checked()
    assert stale.evaluate("playbook.store.recoveries()") == 0
    assert stale.evaluate("(key) => localStorage.getItem(key)", key) is None
    assert visit.errors == [], visit.errors
