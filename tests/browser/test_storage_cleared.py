"""Another page of the origin clears storage, or removes one of the site's keys, in the middle
of an incident (every project site of a GitHub Pages account shares one origin): each widget
keeps what it holds, writes it back, says so, and a fresh tab finds all of it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect
from test_runs import (
    PLAYBOOK,
    RUN_PAGE,
    SCRIBE,
    bar,
    box,
    declare,
    events,
    go,
    json_file,
    message,
)
from test_runs_backups import backups, stored_backups
from test_storage_full import PAGE_SCOPE, STEP, SUMMARY, containment, fresh_tab, notice

from browsing import Visit

RUN = "INC-28"
CLEARED = re.compile(
    r"^Saved (ticks|values) were cleared by another page; this tab saved them again\.$"
)
SEVERITY = '#severity-lookup input[value="SEV-2"]'
SCOPE_FIELD = '#template-form input[data-playbook-field="user scope"]'

# What removes the site's data: every key (clear()), or the one key of a scope (named as the
# page that runs it names it), from another tab (a storage event) or from the page itself (no
# event: the next read finds it gone).
CLEAR = "() => localStorage.clear()"
REMOVE = "(scope) => localStorage.removeItem(playbook.store.keyOf(scope))"


def remove(page: Page, base_url: str, scope: str | None, where: str) -> None:
    """Removes `scope`'s key (every key when None) from `where`: "other tab" or "this page"."""
    if where == "other tab":
        other = page.context.new_page()
        other.goto(base_url + "index.html")
        target = other
    else:
        target = page
    if scope is None:
        target.evaluate(CLEAR)
    else:
        target.evaluate(REMOVE, scope)


def top_notice(page: Page) -> Locator:
    return page.locator("[data-playbook-run-part='top'] [data-playbook-storage-notice]")


def declared(open_page: Callable[[str], Visit], base_url: str) -> Visit:
    """The run page, with run RUN declared."""
    visit = open_page(base_url + RUN_PAGE)
    declare(visit.page, RUN)
    return visit


def add_note(page: Page, text: str) -> None:
    page.fill("#playbook-run-note", text)
    page.get_by_role("button", name="Add note").click()
    expect(message(page)).to_have_text(f"Note added to {RUN}.")


@pytest.mark.parametrize(
    ("scope", "where"),
    [
        (None, "other tab"),
        ("/runs", "other tab"),
        ("timeline", "other tab"),
        (None, "this page"),
    ],
    ids=["clear-other-tab", "registry-other-tab", "timeline-other-tab", "clear-this-page"],
)
def test_the_run_page_keeps_its_run_and_notes_when_storage_is_cleared(
    open_page: Callable[[str], Visit], base_url: str, scope: str | None, where: str
) -> None:
    visit = declared(open_page, base_url)
    page = visit.page
    add_note(page, "Failover started")
    expect(top_notice(page)).to_be_hidden()
    remove(page, base_url, scope, where)
    if where == "other tab":
        # The storage event alone: the run page writes back what it holds, and says so.
        expect(top_notice(page)).to_have_text(CLEARED)
    add_note(page, "Failover done")
    expect(top_notice(page)).to_have_text(CLEARED)
    assert page.locator("[data-playbook-run-events] li").count() == 3
    # A fresh tab lists the run, current, with both notes.
    fresh = page.context.new_page()
    go(fresh, base_url, RUN_PAGE)
    expect(bar(fresh)).to_contain_text(RUN)
    expect(fresh.locator("[data-playbook-run-list] tr")).to_have_count(1)
    expect(fresh.locator("[data-playbook-run-list]")).to_contain_text("current")
    lines = events(fresh)
    assert [line.split(" UTC ", 1)[1] for line in lines] == [
        f"Incident {RUN} declared (SEV-2)",
        "Failover started",
        "Failover done",
    ], lines
    expect(top_notice(fresh)).to_be_hidden()
    assert visit.errors == [], visit.errors


@pytest.mark.parametrize(
    ("scope", "where"),
    [(None, "other tab"), (PAGE_SCOPE, "other tab"), (None, "this page")],
    ids=["clear-other-tab", "ticks-other-tab", "clear-this-page"],
)
def test_a_run_s_ticks_and_notes_all_reach_a_fresh_tab_after_a_clear_mid_run(
    open_page: Callable[[str], Visit], base_url: str, scope: str | None, where: str
) -> None:
    visit = declared(open_page, base_url)
    page = visit.page
    go(page, base_url, PLAYBOOK)
    box(page, SCRIBE).check()
    remove(page, base_url, scope, where)
    box(page, STEP).check()
    expect(notice(page)).to_have_text(CLEARED)
    go(page, base_url, RUN_PAGE)
    add_note(page, "Rolled back the deploy")
    fresh = fresh_tab(page.context, base_url + PLAYBOOK)
    expect(bar(fresh)).to_contain_text(RUN)
    expect(box(fresh, SCRIBE)).to_be_checked()
    expect(box(fresh, STEP)).to_be_checked()
    go(fresh, base_url, RUN_PAGE)
    lines = [line.split(" UTC ", 1)[1] for line in events(fresh)]
    assert lines[0] == f"Incident {RUN} declared (SEV-2)", lines
    assert lines[1].startswith(f"Ticked “{SCRIBE}"), lines
    assert lines[2].startswith(f"Ticked “{STEP}"), lines
    assert lines[3] == "Rolled back the deploy", lines
    assert len(lines) == 4, lines
    assert visit.errors == [], visit.errors


@pytest.mark.parametrize("where", ["other tab", "this page"])
def test_checklists_severity_and_template_forms_keep_their_values_after_a_clear(
    open_page: Callable[[str], Visit], base_url: str, where: str
) -> None:
    # No run: the values of the default run, which nothing of the site ever removes.
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    box(page, SCRIBE).check()
    page.locator(SEVERITY).check()
    page.fill(SUMMARY, "Uploads failing")
    remove(page, base_url, None, where)
    if where == "other tab":
        lookup = page.locator("#severity-lookup [data-playbook-storage-notice]")
        expect(lookup).to_have_text(CLEARED)
        expect(page.locator("#template-form [data-playbook-storage-notice]")).to_have_text(CLEARED)
    # Typed first: from this page, the next read (leaving the summary) writes the values back
    # and shows the notices, which would move the step under the pointer.
    page.fill(SCOPE_FIELD, "All tenants")
    expect(notice(page)).to_have_text(CLEARED)
    box(page, STEP).check()
    expect(containment(page).locator(".playbook-checklist__notice")).to_be_visible()
    fresh = fresh_tab(page.context, base_url + PLAYBOOK)
    expect(box(fresh, SCRIBE)).to_be_checked()
    expect(box(fresh, STEP)).to_be_checked()
    expect(fresh.locator(SEVERITY)).to_be_checked()
    expect(fresh.locator(SUMMARY)).to_have_value("Uploads failing")
    expect(fresh.locator(SCOPE_FIELD)).to_have_value("All tenants")
    expect(notice(fresh)).to_be_hidden()
    assert visit.errors == [], visit.errors


def test_a_run_deleted_in_another_tab_is_not_written_back(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    # A removal this site makes on purpose is not a loss: the run stays deleted.
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    go(page, base_url, RUN_PAGE)
    declare(page, RUN)
    go(page, base_url, PLAYBOOK)
    box(page, SCRIBE).check()
    other = page.context.new_page()
    go(other, base_url, RUN_PAGE)
    other.get_by_role("button", name=f"Delete run {RUN}").click()
    other.locator("[data-playbook-run-confirm-yes]").click()
    expect(message(other)).to_contain_text(f"Deleted run {RUN}.")
    expect(bar(page).locator("[data-playbook-runbar-run]")).to_be_hidden()
    expect(box(page, SCRIBE)).not_to_be_checked()
    expect(notice(page)).to_be_hidden()
    fresh = page.context.new_page()
    go(fresh, base_url, RUN_PAGE)
    expect(fresh.locator("[data-playbook-run-none]")).to_be_visible()
    keys = fresh.evaluate("() => Object.keys(localStorage)")
    assert [key for key in keys if f":run:{RUN}:" in key] == [], keys
    assert visit.errors == [], visit.errors


def test_a_page_back_from_the_cache_writes_back_what_another_page_of_its_tab_cleared(
    cached_context: BrowserContext, site_url: str
) -> None:
    # The clear happens while the page sits in the back/forward cache: no storage event reaches
    # it, and it finds everything gone when it is shown again.
    page = cached_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{error}\n{error.stack or ''}"))
    go(page, site_url, RUN_PAGE)
    declare(page, RUN)
    go(page, site_url, PLAYBOOK)
    box(page, SCRIBE).check()
    page.evaluate("() => { window.left = true; }")
    go(page, site_url, "index.html")
    page.evaluate(CLEAR)
    page.go_back(wait_until="commit")
    page.wait_for_function("() => window.shows && window.shows.includes(true)")
    assert page.evaluate("() => window.left") is True
    expect(notice(page)).to_have_text(CLEARED)
    box(page, STEP).check()
    fresh = fresh_tab(cached_context, site_url + PLAYBOOK)
    expect(bar(fresh)).to_contain_text(RUN)
    expect(box(fresh, SCRIBE)).to_be_checked()
    expect(box(fresh, STEP)).to_be_checked()
    assert errors == [], errors


def test_a_clear_brings_backups_back_and_backups_cleared_in_another_tab_stay_cleared(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = declared(open_page, base_url)
    page = visit.page
    page.get_by_role("button", name=f"Delete run {RUN}").click()
    page.locator("[data-playbook-run-confirm-yes]").click()
    expect(message(page)).to_have_text(f"Deleted run {RUN}.")
    expect(backups(page)).to_have_count(1)
    remove(page, base_url, None, "other tab")
    expect(top_notice(page)).to_have_text(CLEARED)
    other = page.context.new_page()
    go(other, base_url, RUN_PAGE)
    expect(backups(other)).to_have_count(1)
    expect(other.locator("[data-playbook-run-none]")).to_be_visible()
    # Cleared on purpose in that tab: the first tab does not write them back.
    other.get_by_role("button", name="Clear all backups").click()
    other.get_by_role("button", name="Clear backups").click()
    expect(message(other)).to_have_text("Cleared the backups.")
    expect(backups(page)).to_have_count(0)
    fresh = page.context.new_page()
    go(fresh, base_url, RUN_PAGE)
    expect(backups(fresh)).to_have_count(0)
    assert stored_backups(fresh) == {}
    assert visit.errors == [], visit.errors


def test_a_run_replaced_by_an_import_in_another_tab_keeps_the_imported_timeline(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    # Replacing a run removes its keys: this tab must take that as meant, not write back the
    # timeline it holds over the one imported.
    visit = declared(open_page, base_url)
    page = visit.page
    add_note(page, "Ours, before the import")
    other = page.context.new_page()
    go(other, base_url, RUN_PAGE)
    start = page.evaluate("() => new Date(Date.now() - 60000).toISOString()")
    imported = {
        "format": "playbook-run",
        "version": 1,
        "site": "AdvisorOS Operations",
        "exported": "",
        "run": {"id": RUN, "start": start, "severity": "SEV-1", "closed": ""},
        "scopes": {},
        "events": [{"at": start, "kind": "note", "text": "Theirs, imported", "page": ""}],
    }
    other.set_input_files("#playbook-run-import", files=[json_file("r.json", json.dumps(imported))])
    other.get_by_role("button", name=f"Replace my run {RUN}").click()
    expect(message(other)).to_contain_text(f"Opened run {RUN}.")
    # The imported timeline, and the hand-off that brought it.
    expect(page.locator("[data-playbook-run-events] li")).to_have_count(2)
    expect(top_notice(page)).to_be_hidden()
    fresh = page.context.new_page()
    go(fresh, base_url, RUN_PAGE)
    assert [line.split(" UTC ", 1)[1] for line in events(fresh)] == [
        "Theirs, imported",
        "Handed off: opened from r.json",
    ]
    assert visit.errors == [], visit.errors
