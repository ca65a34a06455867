"""Imports checked for meaning, and the file read guarded: names looked up as own keys only,
times from a wrong clock refused, oversized and unreadable files refused with a message."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from playwright.sync_api import expect
from test_runs import PLAYBOOK, RUN_PAGE, bar, go, json_file, message
from test_severity_forms import EMAIL, field

from browsing import Visit

SITE = "AdvisorOS Operations"


def run(**fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "playbook-run",
        "version": 1,
        "site": SITE,
        "exported": "",
        "run": {"id": "INC-20", "start": "2026-11-27T12:55:00Z", "severity": "", "closed": ""},
        "scopes": {},
        "events": [],
    }
    data.update(fields)
    return data


@pytest.mark.clock
def test_a_severity_named_constructor_is_a_name_and_the_timer_still_runs(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    visit = open_page("about:blank")
    page = visit.page
    page.clock.install(time=datetime(2026, 11, 27, 13, 0, tzinfo=UTC))
    page.goto(site_url + RUN_PAGE)
    chosen = {"severity": {"value": "constructor", "at": "2026-11-27T12:55:00Z"}}
    data = run(
        run={"id": "INC-20", "start": "2026-11-27T12:55:00Z", "severity": "constructor"},
        scopes={"site": chosen},
    )
    page.set_input_files("#playbook-run-import", files=[json_file("x.json", json.dumps(data))])
    page.get_by_role("button", name="Open run INC-20").click()
    expect(message(page)).to_contain_text("Opened run INC-20.")
    # No cadence for "constructor" (Object's constructor is no cadence): the default, 15 min.
    due = bar(page).locator("[data-playbook-runbar-due]")
    expect(due).to_have_text("next update in 10 min")
    page.clock.fast_forward("11:00")
    expect(due).to_have_text("update overdue by 1 min")
    expect(bar(page).locator("[data-playbook-runbar-alert]")).to_have_text(
        "Stakeholder update for INC-20 is overdue."
    )
    go(page, site_url, PLAYBOOK)
    # The template's next update follows the same default cadence, by itself.
    expect(page.locator(field(page, EMAIL, "time"))).to_have_value("13:26 UTC")
    assert visit.errors == [], visit.errors


def test_times_from_a_wrong_clock_are_refused_with_a_message(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + RUN_PAGE)
    page = visit.page
    late = run(events=[{"at": "2099-01-01T10:00:00Z", "kind": "note", "text": "n", "page": ""}])
    page.set_input_files("#playbook-run-import", files=[json_file("x.json", json.dumps(late))])
    expect(message(page)).to_contain_text(
        "Import refused: Timeline event 1's time 2099-01-01 10:00 UTC is more than a day ahead "
        "of this computer's clock ("
    )
    expect(message(page)).to_contain_text(
        "check the clock of the computer it came from. Nothing was changed."
    )
    early = run(run={"id": "INC-20", "start": "1999-12-31T10:00:00Z"})
    page.set_input_files("#playbook-run-import", files=[json_file("y.json", json.dumps(early))])
    expect(message(page)).to_have_text(
        "Import refused: The run's start 1999-12-31 10:00 UTC is before 2000. Nothing was changed."
    )
    expect(page.locator("[data-playbook-run-confirm]")).to_be_hidden()
    # Declaring by hand: the same bounds.
    page.fill("#playbook-run-id", "INC-21")
    page.fill("#playbook-run-start", "2099-01-01 10:00")
    page.get_by_role("button", name="Declare incident").click()
    expect(message(page)).to_have_text(
        "The start time 2099-01-01 10:00 UTC is not within a day of now: check it (UTC)."
    )
    expect(page.locator("[data-playbook-run-none]")).to_be_visible()
    assert visit.errors == [], visit.errors


# Counts the files the page reads (File: Material reads Blobs of its own over HTTP): a refused
# file must be refused before it is read.
COUNT_READS = """
window.fileReads = 0;
File.prototype.text = function () { window.fileReads += 1; return Blob.prototype.text.call(this); };
"""


def test_a_file_too_large_to_be_a_run_is_refused_before_it_is_read(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page("about:blank")
    page = visit.page
    page.add_init_script(COUNT_READS)
    page.goto(base_url + RUN_PAGE)
    # 4 bytes for each character a run export may hold, and one more: no run is that large.
    huge = b" " * (2_000_000 * 4 + 1)
    page.set_input_files(
        "#playbook-run-import",
        files=[{"name": "huge.json", "mimeType": "application/json", "buffer": huge}],
    )
    expect(message(page)).to_have_text(
        "Import refused: the file huge.json is too large to be a run export. Nothing was changed."
    )
    assert page.evaluate("window.fileReads") == 0
    # A file within the limit is read (and judged by the validator).
    page.set_input_files("#playbook-run-import", files=[json_file("small.json", "{}")])
    expect(message(page)).to_contain_text("Import refused: This is not a saved playbook run.")
    assert page.evaluate("window.fileReads") == 1
    assert visit.errors == [], visit.errors


def test_a_file_the_browser_cannot_read_is_refused_with_a_message(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    # As when the file was moved or its permissions changed after it was chosen.
    visit = open_page("about:blank")
    page = visit.page
    page.add_init_script(
        "File.prototype.text = () => Promise.reject("
        "new DOMException('A requested file could not be read.', 'NotReadableError'));"
    )
    page.goto(base_url + RUN_PAGE)
    page.set_input_files("#playbook-run-import", files=[json_file("gone.json", "{}")])
    expect(message(page)).to_have_text(
        "The file gone.json could not be read (NotReadableError). Nothing was changed; choose it "
        "again."
    )
    assert visit.errors == [], visit.errors
