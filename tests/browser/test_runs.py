"""Incident runs on the built site, in Chromium: declare, tick across pages, the timeline,
export and import, hand-off by URL fragment, the update timer, and runs kept apart."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, FilePayload, Locator, Page, expect

from browsing import CLIPBOARD, Visit

RUN_PAGE = "incident-run.html"
PLAYBOOK = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"
ROLLBACK = "PRODUCTION_ROLLBACK_PROCEDURES.html"
SCRIBE = "Scribe: maintains"
CONFIRM_SEVERITY = "Confirm the severity and that an Incident Commander is assigned."
UTC_LINE = r"\d{4}-\d\d-\d\d \d\d:\d\d UTC"


def declare(page: Page, run_id: str, severity: str = "SEV-2") -> None:
    page.fill("#playbook-run-id", run_id)
    page.select_option("#playbook-run-severity", severity)
    page.get_by_role("button", name="Declare incident").click()
    expect(message(page)).to_contain_text(f"Declared {run_id}")


def close_run(page: Page) -> None:
    """Closes the current run from the run page, resolved when the page proposes."""
    page.get_by_role("button", name="Close this run").click()
    expect(page.locator("#playbook-run-resolved")).to_be_focused()
    page.get_by_role("button", name="Close the run").click()
    expect(message(page)).to_contain_text("Closed ")


def message(page: Page) -> Locator:
    return page.locator("[data-playbook-run-message]")


def bar(page: Page) -> Locator:
    return page.locator("[data-playbook-runbar]")


def box(page: Page, label: str) -> Locator:
    return page.get_by_role("checkbox", name=label, exact=False)


def events(page: Page) -> list[str]:
    return [
        re.sub(r"\s+", " ", text).strip()
        for text in page.locator("[data-playbook-run-events] li").all_inner_texts()
    ]


def json_file(name: str, text: str) -> FilePayload:
    return {"name": name, "mimeType": "application/json", "buffer": text.encode()}


def go(page: Page, base: str, path: str) -> None:
    page.goto(base + path)
    expect(page.locator("[data-playbook-runbar][data-playbook-ready]")).to_be_attached()


def test_declare_then_ticks_on_two_pages_write_the_timeline(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + RUN_PAGE)
    page = visit.page
    expect(bar(page).get_by_role("link", name="Declare incident")).to_be_visible()
    declare(page, "INC-2041", "SEV-2")
    go(page, base_url, PLAYBOOK)
    # Every page's header names the run, its severity and how long it has been open.
    expect(bar(page)).to_contain_text("INC-2041")
    expect(bar(page)).to_contain_text("SEV-2")
    expect(bar(page).locator("[data-playbook-runbar-elapsed]")).to_have_text(
        re.compile(r"^0:0\d:\d\d$")
    )
    box(page, SCRIBE).check()
    go(page, base_url, ROLLBACK)
    expect(bar(page)).to_contain_text("INC-2041")
    box(page, CONFIRM_SEVERITY).check()
    box(page, CONFIRM_SEVERITY).uncheck()
    bar(page).get_by_role("link", name="INC-2041").click()
    expect(page.locator("[data-playbook-run-events] li")).to_have_count(4)
    lines = events(page)
    assert re.fullmatch(UTC_LINE + r" Incident INC-2041 declared \(SEV-2\)", lines[0]), lines
    assert re.fullmatch(
        UTC_LINE + r" Ticked “Scribe: maintains a minute-by-minute timeline” in "
        r"“Five-Minute Rulebook” \(Incident Response Playbook\)",
        lines[1],
    ), lines
    assert re.fullmatch(
        UTC_LINE + rf" Ticked “{CONFIRM_SEVERITY}” in “Rollback Checklist” "
        r"\(Production Rollback Procedures\)",
        lines[2],
    ), lines
    assert lines[3].split(" UTC ")[1].startswith(f"Unticked “{CONFIRM_SEVERITY}”"), lines
    assert visit.foreign_requests == []
    assert visit.errors == [], visit.errors


def test_export_markdown_is_the_post_incident_timeline(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + RUN_PAGE)
    page = visit.page
    page.fill("#playbook-run-start", "2026-11-27 13:02")
    declare(page, "INC-7", "SEV-1")
    page.fill("#playbook-run-note", "Failover to the replica started\nby Dana")
    page.get_by_role("button", name="Add note").click()
    expect(page.locator("[data-playbook-run-events] li")).to_have_count(2)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download Markdown").click()
    assert download.value.suggested_filename == "INC-7-timeline.md"
    text = Path(download.value.path()).read_text(encoding="utf-8")
    lines = text.strip().split("\n")
    assert lines[:4] == ["Incident: INC-7", "Severity: SEV-1", "Start: 2026-11-27 13:02 UTC", ""]
    assert lines[4] == "3. Timeline"
    assert re.fullmatch(UTC_LINE + r" - Incident INC-7 declared \(SEV-1\)", lines[5]), lines
    assert re.fullmatch(UTC_LINE + r" - Failover to the replica started by Dana", lines[6]), lines
    assert len(lines) == 7
    # Copy gives the same text as the download.
    page.add_init_script(CLIPBOARD)
    page.reload()
    page.get_by_role("button", name="Copy timeline as Markdown").click()
    expect(message(page)).to_contain_text("Copied the timeline of INC-7")
    assert page.evaluate("window.copied") == [text]
    assert visit.errors == [], visit.errors


def test_json_export_imports_back_after_the_run_is_deleted(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + RUN_PAGE)
    page = visit.page
    declare(page, "INC-11", "SEV-3")
    go(page, base_url, PLAYBOOK)
    box(page, SCRIBE).check()
    page.fill('#template-form input[data-playbook-field="summary"]', "Uploads failing in Zürich ✓")
    go(page, base_url, RUN_PAGE)
    before = events(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download JSON").click()
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    data = json.loads(exported)
    assert data["run"]["id"] == "INC-11" and data["run"]["severity"] == "SEV-3"

    page.get_by_role("button", name="Delete run INC-11").click()
    page.locator("[data-playbook-run-confirm-yes]").click()
    expect(message(page)).to_contain_text("Deleted run INC-11")
    expect(page.locator("[data-playbook-run-none]")).to_be_visible()
    go(page, base_url, PLAYBOOK)
    expect(box(page, SCRIBE)).not_to_be_checked()

    go(page, base_url, RUN_PAGE)
    page.set_input_files(
        "#playbook-run-import",
        files=[
            {"name": "INC-11.json", "mimeType": "application/json", "buffer": exported.encode()}
        ],
    )
    question = page.locator("[data-playbook-run-confirm-text]")
    expect(question).to_contain_text("The file INC-11.json carries run INC-11")
    expect(question).to_contain_text("You have no run INC-11; it will be added.")
    page.locator("[data-playbook-run-confirm-yes]").click()
    expect(message(page)).to_contain_text("Opened run INC-11")
    # The timeline as exported, which holds its hand-off, then the hand-off that opened it.
    after = events(page)
    assert after[: len(before)] == before
    exported, opened = (line.split(" UTC ", 1)[1] for line in after[len(before) :])
    assert exported == "Handed off: exported as INC-11.json", after
    assert re.fullmatch("Handed off: opened from INC-11.json, exported " + UTC_LINE, opened)
    go(page, base_url, PLAYBOOK)
    expect(bar(page)).to_contain_text("INC-11")
    expect(box(page, SCRIBE)).to_be_checked()
    expect(page.locator('#template-form input[data-playbook-field="summary"]')).to_have_value(
        "Uploads failing in Zürich ✓"
    )
    assert visit.errors == [], visit.errors


def test_a_refused_import_changes_nothing(open_page: Callable[[str], Visit], base_url: str) -> None:
    visit = open_page(base_url + RUN_PAGE)
    page = visit.page
    declare(page, "INC-12")
    planted = {"format": "playbook-run", "version": 1, "site": "Another Site"}
    page.set_input_files(
        "#playbook-run-import",
        files=[
            {
                "name": "x.json",
                "mimeType": "application/json",
                "buffer": json.dumps(planted).encode(),
            }
        ],
    )
    expect(message(page)).to_contain_text("Import refused")
    expect(page.locator("[data-playbook-run-confirm]")).to_be_hidden()
    expect(page.locator("[data-playbook-run-list] tr")).to_have_count(1)
    assert visit.errors == [], visit.errors


def share_link(page: Page) -> str:
    page.get_by_role("button", name="Share state").click()
    url = page.locator("#playbook-run-share-url")
    expect(url).to_have_value(re.compile(r"#playbook-run=1\."))
    return url.input_value()


def test_a_second_responder_opens_the_shared_run_after_confirming(
    browser: Browser, open_page: Callable[[str], Visit], site_url: str
) -> None:
    first = open_page(site_url + RUN_PAGE).page
    declare(first, "INC-2041", "SEV-1")
    go(first, site_url, PLAYBOOK)
    box(first, SCRIBE).check()
    box(first, "Incident Commander").check()
    first.fill('#template-form input[data-playbook-field="summary"]', "Ledger sync stalled")
    go(first, site_url, RUN_PAGE)
    link = share_link(first)

    # The second responder, on another machine (another context), had their own INC-2041.
    second_visit = open_page(site_url + RUN_PAGE)
    second = second_visit.page
    declare(second, "INC-2041", "SEV-3")
    go(second, site_url, PLAYBOOK)
    box(second, "Communications Lead").check()
    second.goto(link)
    question = second.locator("[data-playbook-run-confirm-text]")
    expect(question).to_contain_text("This link carries run INC-2041 (SEV-1")
    expect(question).to_contain_text("2 ticks on 1 page")
    expect(question).to_contain_text("It replaces your run INC-2041 (SEV-3")
    second.get_by_role("button", name="Replace my run INC-2041").click()
    expect(message(second)).to_contain_text("Opened run INC-2041")
    # The fragment is gone: a reload does not ask again.
    assert "#" not in second.url
    go(second, site_url, PLAYBOOK)
    expect(box(second, SCRIBE)).to_be_checked()
    expect(box(second, "Incident Commander")).to_be_checked()
    expect(box(second, "Communications Lead")).not_to_be_checked()
    expect(second.locator('#template-form input[data-playbook-field="summary"]')).to_have_value(
        "Ledger sync stalled"
    )
    expect(bar(second)).to_contain_text("SEV-1")
    assert second_visit.foreign_requests == []
    assert second_visit.errors == [], second_visit.errors


def test_cancelling_a_shared_link_keeps_everything(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    first = open_page(site_url + RUN_PAGE).page
    declare(first, "INC-5")
    link = share_link(first)
    second = open_page(link).page
    expect(second.locator("[data-playbook-run-confirm-text]")).to_contain_text(
        "You have no run INC-5"
    )
    second.locator("[data-playbook-run-confirm-no]").click()
    expect(message(second)).to_contain_text("Nothing was changed")
    expect(second.locator("[data-playbook-run-none]")).to_be_visible()


def test_tampered_and_oversized_links_are_refused_with_a_message(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    first = open_page(site_url + RUN_PAGE).page
    declare(first, "INC-9")
    link = share_link(first)
    head, payload = link.split("#playbook-run=1.")
    tampered = payload[:10] + ("A" if payload[10] != "A" else "B") * 8 + payload[18:]
    cases = {
        "tampered": f"{head}#playbook-run=1.{tampered}",
        "oversized": f"{head}#playbook-run=1." + "A" * 40000,
        "newer": f"{head}#playbook-run=9.{payload}",
    }
    for name, url in cases.items():
        visit = open_page(url)
        page = visit.page
        expect(message(page), name).to_contain_text("The shared link was refused")
        expect(page.locator("[data-playbook-run-confirm]"), name).to_be_hidden()
        expect(page.locator("[data-playbook-run-none]"), name).to_be_visible()
        assert visit.dialogs == [], name
    expect(message(page)).to_contain_text("newer")


@pytest.mark.clock
def test_the_update_timer_goes_overdue_and_a_copied_update_restarts_it(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    visit = open_page("about:blank")
    page = visit.page
    page.add_init_script(CLIPBOARD)
    page.clock.install(time=datetime(2026, 11, 27, 13, 0, tzinfo=UTC))
    page.goto(site_url + RUN_PAGE)
    declare(page, "INC-3", "SEV-2")
    due = bar(page).locator("[data-playbook-runbar-due]")
    expect(due).to_have_text("next update in 15 min")
    page.clock.fast_forward("10:00")
    expect(due).to_have_text("next update in 5 min")
    page.clock.fast_forward("06:00")
    expect(due).to_have_text("update overdue by 1 min")
    expect(bar(page)).to_have_class(re.compile("playbook-runbar--overdue"))
    expect(bar(page).locator("[data-playbook-runbar-alert]")).to_have_text(
        "Stakeholder update for INC-3 is overdue."
    )
    # SEV-1 runs on a 10-minute cadence (mkdocs.yml): raising the severity shortens it.
    go(page, site_url, PLAYBOOK)
    expect(due).to_have_text("update overdue by 1 min")
    page.locator("#template-form [data-playbook-copy]").click()
    expect(due).to_have_text("next update in 15 min")
    page.locator('#severity-lookup input[value="SEV-1"]').check(force=True)
    expect(due).to_have_text("next update in 10 min")
    go(page, site_url, RUN_PAGE)
    assert any(
        "Copied the “Internal (Slack)” template (stakeholder update)" in e for e in events(page)
    )
    assert any("Severity set to SEV-1" in e for e in events(page))
    assert visit.errors == [], visit.errors


def test_a_new_run_starts_clean_and_the_old_one_stays_readable(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + RUN_PAGE)
    page = visit.page
    declare(page, "INC-1", "SEV-2")
    go(page, base_url, PLAYBOOK)
    box(page, SCRIBE).check()
    go(page, base_url, RUN_PAGE)
    close_run(page)
    expect(bar(page).get_by_role("link", name="Declare incident")).to_be_visible()
    declare(page, "INC-2", "SEV-4")
    go(page, base_url, PLAYBOOK)
    expect(box(page, SCRIBE)).not_to_be_checked()
    expect(page.locator('#severity-lookup input[value="SEV-4"]')).to_be_checked()
    go(page, base_url, RUN_PAGE)
    page.get_by_role("button", name="Show the timeline of INC-1").click()
    expect(page.locator("[data-playbook-run-viewing]")).to_contain_text("Timeline of INC-1")
    assert any("Ticked “Scribe" in line for line in events(page))
    assert any("Run INC-1 closed" in line for line in events(page))
    page.get_by_role("button", name="Reopen INC-1").click()
    go(page, base_url, PLAYBOOK)
    expect(bar(page)).to_contain_text("INC-1")
    expect(box(page, SCRIBE)).to_be_checked()
    expect(page.locator('#severity-lookup input[value="SEV-2"]')).to_be_checked()
    assert visit.errors == [], visit.errors


def test_ticks_before_declaring_can_be_brought_in(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    box(page, SCRIBE).check()
    # No run declared: nothing changes for a reader who never declares.
    expect(bar(page).get_by_role("link", name="Declare incident")).to_be_visible()
    go(page, base_url, RUN_PAGE)
    expect(page.locator("[data-playbook-run-carry-text]")).to_contain_text(
        "1 tick and 0 other values"
    )
    declare(page, "INC-4")
    go(page, base_url, PLAYBOOK)
    expect(box(page, SCRIBE)).to_be_checked()
    go(page, base_url, RUN_PAGE)
    close_run(page)
    go(page, base_url, PLAYBOOK)
    expect(box(page, SCRIBE)).not_to_be_checked()
    assert visit.errors == [], visit.errors


def test_another_tab_follows_the_declared_run(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    try:
        checklist_tab = context.new_page()
        checklist_tab.goto(site_url + PLAYBOOK)
        box(checklist_tab, SCRIBE).check()
        run_tab = context.new_page()
        run_tab.goto(site_url + RUN_PAGE)
        run_tab.uncheck("#playbook-run-carry")
        declare(run_tab, "INC-6")
        # The other tab moves to the new run at once: its ticks are the run's (none yet).
        expect(bar(checklist_tab)).to_contain_text("INC-6")
        expect(box(checklist_tab, SCRIBE)).not_to_be_checked()
        box(checklist_tab, "Incident Commander").check()
        expect(run_tab.locator("[data-playbook-run-events] li")).to_have_count(2)
    finally:
        context.close()


def test_an_update_copied_in_another_tab_restarts_this_tabs_timer(
    browser: Browser, site_url: str
) -> None:
    # The bar reads the stored run only when it changes (the clock ticks on its own), so a
    # change that arrives from another tab must reach it.
    context = browser.new_context()
    try:
        context.add_init_script(CLIPBOARD)
        context.clock.install(time=datetime(2026, 11, 27, 13, 0, tzinfo=UTC))
        run_tab = context.new_page()
        run_tab.goto(site_url + RUN_PAGE)
        declare(run_tab, "INC-7", "SEV-2")
        playbook_tab = context.new_page()
        go(playbook_tab, site_url, PLAYBOOK)
        context.clock.fast_forward("16:00")
        due = bar(run_tab).locator("[data-playbook-runbar-due]")
        expect(due).to_have_text("update overdue by 1 min")
        playbook_tab.locator("#template-form [data-playbook-copy]").click()
        expect(due).to_have_text("next update in 15 min")
        expect(bar(run_tab)).not_to_have_class(re.compile("playbook-runbar--overdue"))
    finally:
        context.close()
