"""Incident runs under the trust harness: hostile typing and storage, the strict CSP, storage
that fails, axe and the keyboard."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from accessibility import serious_violations, tab_to
from csp import CspSite, assert_no_violations
from hostile import HOSTILE_VALUES, STORAGE_VALUES, assert_inert, assert_literal, plant_storage
from playwright.sync_api import Page, expect
from test_runs import PLAYBOOK, RUN_PAGE, bar, declare, message

from browsing import STORAGE_DISABLED, STORAGE_FULL, Visit, errors_from_our_scripts

SITE = "AdvisorOS Operations"
REGISTRY = f"playbook:{SITE}:runs"


def timeline_key(run_id: str) -> str:
    return f"playbook:{SITE}:run:{run_id}:timeline"


def entry(values: dict[str, object]) -> str:
    return json.dumps({"schema": 1, "saved": 1, "values": values})


def test_hostile_notes_and_ids_stay_text(open_page: Callable[[str], Visit], base_url: str) -> None:
    visit = open_page(base_url + RUN_PAGE)
    page = visit.page
    page.fill("#playbook-run-id", HOSTILE_VALUES[0])
    page.get_by_role("button", name="Declare incident").click()
    expect(message(page)).to_contain_text("The incident id may hold letters, digits")
    declare(page, "INC-8")
    for value in HOSTILE_VALUES[:6]:
        page.fill("#playbook-run-note", value)
        page.get_by_role("button", name="Add note").click()
        assert_literal(page.locator("[data-playbook-run-events] li").last, value)
        assert_inert(visit)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download Markdown").click()
    markdown = open(download.value.path(), encoding="utf-8").read()
    # Pasted into a docs page, the note stays text: markup is written as entities.
    assert '"&gt;&lt;script&gt;window.__hostile=1;alert(1)&lt;/script&gt;' in markdown
    assert "<script>" not in markdown and "<img" not in markdown
    assert visit.errors == [], visit.errors


def test_hostile_runs_and_events_in_storage_are_shown_as_text(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    visit = open_page(site_url + RUN_PAGE)
    registry = {
        "current": "INC-1",
        "run:INC-1": {
            "id": HOSTILE_VALUES[0],
            "start": "2026-11-27T13:00:00Z",
            "severity": HOSTILE_VALUES[1],
            "closed": "",
        },
        "run:BAD": {"id": "BAD", "start": HOSTILE_VALUES[2]},
        "run:<img src=x>": {"id": "x", "start": "2026-11-27T13:00:00Z"},
    }
    event = {
        "at": "2026-11-27T13:05:00Z",
        "kind": "note",
        "text": HOSTILE_VALUES[0],
        "page": HOSTILE_VALUES[2],
    }
    plant_storage(
        visit,
        {REGISTRY: entry(registry), timeline_key("INC-1"): entry({"2026-11-27T13:05Z#1": event})},
    )
    page = visit.page
    rows = page.locator("[data-playbook-run-list] tr")
    # The run with an unreadable start and the one whose key is no run id are left out.
    expect(rows).to_have_count(1)
    expect(rows.first.locator("td").first).to_have_text("INC-1")
    expect(bar(page).locator("[data-playbook-runbar-severity]")).to_have_text(HOSTILE_VALUES[1])
    assert_literal(page.locator("[data-playbook-run-events] li").first, HOSTILE_VALUES[0])
    assert_inert(visit)
    assert visit.errors == [], visit.errors


@pytest.mark.parametrize("raw", STORAGE_VALUES, ids=range(len(STORAGE_VALUES)))
def test_unreadable_run_storage_never_breaks_the_page(
    open_page: Callable[[str], Visit], site_url: str, raw: str
) -> None:
    visit = open_page(site_url + RUN_PAGE)
    plant_storage(visit, {REGISTRY: raw, timeline_key("INC-1"): raw})
    page = visit.page
    # Whatever was stored, a responder can still declare and the run is kept.
    declare(page, "INC-2")
    expect(bar(page)).to_contain_text("INC-2")
    page.reload()
    expect(bar(page)).to_contain_text("INC-2")
    assert_inert(visit)
    assert errors_from_our_scripts(visit.errors) == []


@pytest.mark.parametrize("stub", [STORAGE_DISABLED, STORAGE_FULL], ids=["disabled", "full"])
def test_without_storage_a_run_still_works_and_says_it_is_not_kept(
    open_page: Callable[[str], Visit], site_url: str, stub: str
) -> None:
    visit = open_page("about:blank")
    page = visit.page
    page.add_init_script(stub)
    page.goto(site_url + RUN_PAGE)
    expect(
        page.locator("[data-playbook-run-part='top'] [data-playbook-storage-notice]")
    ).to_be_visible()
    page.fill("#playbook-run-id", "INC-3")
    page.get_by_role("button", name="Declare incident").click()
    expect(message(page)).to_contain_text("This browser is not keeping them")
    expect(bar(page)).to_contain_text("INC-3")
    page.fill("#playbook-run-note", "still logged for this page view")
    page.get_by_role("button", name="Add note").click()
    expect(page.locator("[data-playbook-run-events] li")).to_have_count(2)
    assert errors_from_our_scripts(visit.errors) == []


def test_the_run_page_under_the_strict_policy(
    open_page: Callable[[str], Visit], csp_site: CspSite
) -> None:
    visit = open_page(csp_site.url + RUN_PAGE)
    page = visit.page
    declare(page, "INC-4")
    page.fill("#playbook-run-note", "Rolled back")
    page.get_by_role("button", name="Add note").click()
    page.get_by_role("button", name="Share state").click()
    expect(page.locator("#playbook-run-share-url")).to_have_value(re.compile("#playbook-run=1\\."))
    with page.expect_download():
        page.get_by_role("button", name="Download JSON").click()
    page.goto(csp_site.url + PLAYBOOK)
    expect(bar(page)).to_contain_text("INC-4")
    assert_no_violations(visit, csp_site)
    assert visit.errors == [], visit.errors


def declared(open_page: Callable[[str], Visit], url: str) -> tuple[Visit, Page]:
    visit = open_page(url + RUN_PAGE)
    declare(visit.page, "INC-5", "SEV-1")
    return visit, visit.page


def test_axe_finds_nothing_serious_with_a_run_declared(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    visit, page = declared(open_page, site_url)
    page.fill("#playbook-run-note", "Paged the database owner")
    page.get_by_role("button", name="Add note").click()
    problems = serious_violations(page)
    page.goto(site_url + PLAYBOOK)
    expect(bar(page)).to_contain_text("INC-5")
    problems += serious_violations(page)
    assert problems == [], "\n".join(problems)
    assert visit.errors == [], visit.errors


def test_declaring_works_from_the_keyboard_alone(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    visit = open_page(site_url + PLAYBOOK)
    page = visit.page
    tab_to(page, bar(page).get_by_role("link", name="Declare incident"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/incident-run.html#declare-an-incident")
    tab_to(page, page.locator("#playbook-run-id"))
    page.keyboard.press("Control+A")
    page.keyboard.type("INC-6")
    page.keyboard.press("Enter")  # submits the form
    expect(message(page)).to_contain_text("Declared INC-6")
    expect(bar(page)).to_contain_text("INC-6")
    assert visit.errors == [], visit.errors
