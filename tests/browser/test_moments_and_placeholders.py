"""Times the run knows and placeholders in code (issue 25): the client email's mitigation start
is when the run was marked mitigated, not now; the duration runs from the start to the
resolution; with a run declared, runbook commands show the incident's id and typed values in
place of their placeholders, marked, as text only, highlighting kept; without one, code is as
written."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from csp import CspSite, assert_no_violations
from hostile import HOSTILE_VALUES, assert_inert
from playwright.sync_api import Locator, Page, expect
from test_responder import EMAIL, POST_INCIDENT, field, preview
from test_run_state import mark
from test_runs import PLAYBOOK, ROLLBACK, RUN_PAGE, declare, go

from browsing import CLIPBOARD, Visit

# Each test sets the clock of its context (conftest.open_page).
pytestmark = pytest.mark.clock

START = datetime(2026, 11, 27, 13, 0, tzinfo=UTC)
FREEZE = "aoctl deploy freeze --env prod --incident "
EVIDENCE = "SECURITY_COMPLIANCE_REPORT.html"


# The highlighter's spans outside the placeholders: their class and text.
OUTSIDE = """(code) => [...code.querySelectorAll("span[class]")]
  .filter((span) => !span.closest("[data-playbook-spot]"))
  .map((span) => span.className + ":" + span.textContent)"""


def at_13(open_page: Callable[[str], Visit], base: str) -> Visit:
    """A fresh browser at 13:00 UTC on the run page, its clipboard recorded."""
    visit = open_page("about:blank")
    visit.page.add_init_script(CLIPBOARD)
    visit.page.clock.install(time=START)
    go(visit.page, base, RUN_PAGE)
    return visit


def freeze(page: Page) -> Locator:
    """The rollback step's inline command that names the incident."""
    return page.locator("code", has_text="aoctl deploy freeze")


def test_mitigation_start_is_when_the_run_was_marked_mitigated(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = at_13(open_page, base_url)
    page = visit.page
    declare(page, "INC-2041")
    go(page, base_url, PLAYBOOK)
    mitigation = page.locator(field(EMAIL, "mitigation start time"))
    # Not mitigated yet: nothing to say, and the preview marks it as unfilled.
    expect(mitigation).to_have_value("")
    expect(preview(page, EMAIL).locator("mark.playbook-form__missing")).to_contain_text(
        ["{Mitigation start time}"]
    )
    page.clock.fast_forward("05:00")
    mark(page, "mitigated")
    expect(mitigation).to_have_value("2026-11-27 13:05 UTC")
    # A moment, not the clock: it stays put as the minutes turn.
    page.clock.fast_forward("03:00")
    page.clock.run_for(61_000)
    expect(mitigation).to_have_value("2026-11-27 13:05 UTC")
    expect(preview(page, EMAIL)).to_contain_text("initiated mitigation at 2026-11-27 13:05 UTC.")
    page.locator(f"{EMAIL} [data-playbook-copy]").click()
    (copied,) = page.evaluate("window.copied")
    assert "initiated mitigation at 2026-11-27 13:05 UTC." in copied
    assert visit.errors == [], visit.errors


def test_the_duration_runs_from_the_start_to_the_resolution(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = at_13(open_page, base_url)
    page = visit.page
    declare(page, "INC-2041")
    go(page, base_url, POST_INCIDENT)
    duration = page.locator('input[data-playbook-field="duration"]')
    expect(duration).to_have_value("")
    page.clock.fast_forward("42:00")
    mark(page, "resolved")
    # In the run bar's format: hours, minutes and seconds.
    expect(duration).to_have_value(re.compile(r"^0:42:0\d$"))
    expect(page.locator('input[data-playbook-field="resolved at"]')).to_have_value(
        "2026-11-27 13:42 UTC"
    )
    assert visit.errors == [], visit.errors


def test_a_runbook_command_shows_the_incident_id_once_a_run_is_declared(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = at_13(open_page, base_url)
    page = visit.page
    go(page, base_url, ROLLBACK)
    # Without a run, code is as written.
    expect(freeze(page)).to_have_text(FREEZE + "{Incident ID}")
    expect(freeze(page).locator("mark")).to_have_count(0)
    go(page, base_url, RUN_PAGE)
    declare(page, "INC-2041")
    go(page, base_url, ROLLBACK)
    expect(freeze(page)).to_have_text(FREEZE + "INC-2041")
    filled = freeze(page).get_by_role("mark")
    expect(filled).to_have_text("INC-2041")
    # Marked for the eye (Material's mark colour) and for a screen reader (its description).
    expect(filled).to_have_accessible_description("Filled in: {Incident ID}")
    assert filled.evaluate("(e) => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    # A value typed in a form fills the same placeholder wherever code names it.
    version = page.locator('input[data-playbook-field="version"]').first
    version.fill("2026.11.3")
    expect(page.locator("code", has_text="aoctl migrate pause")).to_have_text(
        "aoctl migrate pause --env prod --release 2026.11.3"
    )
    assert visit.errors == [], visit.errors


def test_a_highlighted_block_is_filled_with_its_spans_kept_and_copies_filled(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = at_13(open_page, base_url)
    page = visit.page
    go(page, base_url, EVIDENCE)
    block = page.locator(".highlight code", has_text="kubectl -n advisoros-prod logs")
    written = block.inner_text()
    highlighted = block.evaluate(OUTSIDE)
    assert written.count("{Incident ID}") == 4 and len(highlighted) > 10
    # As written: each placeholder keeps the highlighter's spans (its braces, its words).
    expect(block.locator("[data-playbook-spot] span.o")).to_have_count(2 * 9)
    go(page, base_url, RUN_PAGE)
    declare(page, "INC-2041")
    go(page, base_url, EVIDENCE)
    page.locator('#template-form input[data-playbook-field="pod"]').fill("api-7f9c")
    expect(block).to_contain_text("> INC-2041-api-7f9c.log")
    shown = block.inner_text()
    # Highlighting stays around the values: every span outside the placeholders is kept.
    assert block.evaluate(OUTSIDE) == highlighted
    assert "{" not in shown and "}" not in shown, shown
    assert shown == written.replace("{Incident ID}", "INC-2041").replace("{pod}", "api-7f9c")
    expect(block.locator("mark.playbook-filled")).to_have_count(9)
    page.locator("#template-form [data-playbook-copy]").click()
    (copied,) = page.evaluate("window.copied")
    assert copied == shown.removesuffix("\n")
    # The run closed and gone, the block is as written again.
    page.evaluate("() => window.playbook.store.setMany(window.playbook.store.RUNS, {current: ''})")
    expect(block.locator("mark")).to_have_count(0)
    assert block.inner_text() == written
    expect(block.locator("[data-playbook-spot] span.o")).to_have_count(2 * 9)
    assert visit.errors == [], visit.errors


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_values_stay_text_in_code(
    open_page: Callable[[str], Visit], csp_site: CspSite, value: str
) -> None:
    visit = at_13(open_page, csp_site.url)
    page = visit.page
    declare(page, "INC-2041")
    go(page, csp_site.url, ROLLBACK)
    page.locator('input[data-playbook-field="version"]').first.fill(value)
    page.locator('input[data-playbook-field="incident id"]').first.fill(value)
    command = freeze(page)
    expect(command.locator("mark")).to_have_count(1)
    assert command.locator("mark").text_content() == value
    assert command.text_content() == FREEZE + value
    pause = page.locator("code", has_text="aoctl migrate pause")
    assert pause.locator("mark").text_content() == value
    assert command.evaluate("(e) => e.children.length") == 1
    assert_inert(visit)
    assert_no_violations(visit, csp_site)
    assert visit.errors == [], visit.errors


def test_a_form_value_cleared_leaves_the_run_id(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = at_13(open_page, base_url)
    page = visit.page
    declare(page, "INC-2041")
    go(page, base_url, ROLLBACK)
    incident = page.locator('input[data-playbook-field="incident id"]').first
    incident.fill("INC-2041-b")
    expect(freeze(page)).to_have_text(FREEZE + "INC-2041-b")
    incident.fill("")
    page.keyboard.press("Tab")
    expect(freeze(page)).to_have_text(FREEZE + "INC-2041")
    expect(incident).to_have_value(re.compile("^INC-2041$"))
    assert visit.errors == [], visit.errors
