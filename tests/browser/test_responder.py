"""The responder's flow on the built site, in Chromium: from a fresh page to a stakeholder update
on the clipboard in at most six actions, times that fill themselves and stay live, the run bar's
way to the update template, and a run's post-incident review drafted from its timeline."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from playwright.sync_api import Locator, Page, expect
from test_runs import PLAYBOOK, RUN_PAGE, SCRIBE, bar, box, declare, events, go, message

from browsing import CLIPBOARD, Visit

# Each test sets the clock of its context (conftest.open_page).
pytestmark = pytest.mark.clock

SLACK = "#template-form"
EMAIL = "#template-form-2"
POST_INCIDENT = "POST_LAUNCH_SUPPORT_OPTIMIZATION.html"
START = datetime(2026, 11, 27, 13, 0, tzinfo=UTC)


def field(form: str, key: str) -> str:
    return f'{form} input[data-playbook-field="{key}"]'


def preview(page: Page, form: str) -> Locator:
    return page.locator(f"{form} [data-playbook-preview]")


class Responder:
    """A scripted responder on a page: every call is one action (a click, or a field typed)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.actions = 0

    def click(self, selector: str) -> None:
        self.actions += 1
        self.page.locator(selector).click()

    def type(self, selector: str, text: str) -> None:
        self.actions += 1
        self.page.locator(selector).fill(text)


def fresh(open_page: Callable[[str], Visit], base: str, path: str) -> Visit:
    """`path` opened in a new browser, its clock at 13:00 UTC, its clipboard recorded."""
    visit = open_page("about:blank")
    visit.page.add_init_script(CLIPBOARD)
    visit.page.clock.install(time=START)
    visit.page.goto(base + path)
    expect(visit.page.locator("[data-playbook-runbar][data-playbook-ready]")).to_be_attached()
    return visit


def test_a_complete_sev_2_slack_update_in_six_actions(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = fresh(open_page, base_url, PLAYBOOK)
    page = visit.page
    responder = Responder(page)
    responder.click('#severity-lookup label:has(input[value="SEV-2"])')
    page.clock.run_for("00:40")
    responder.type(field(SLACK, "summary"), "QuickBooks sync halted")
    responder.type(field(SLACK, "user scope"), "All firms on QuickBooks Online")
    responder.type(field(SLACK, "what we are doing"), "Rolling back qbo-sync-worker")
    page.clock.run_for("03:20")
    responder.type(field(SLACK, "incident doc link"), "https://example.com/INC-2041")
    responder.click(f"{SLACK} [data-playbook-copy]")
    assert responder.actions <= 6
    expect(page.locator(f"{SLACK} [data-playbook-form-status]")).to_have_text(
        "Copied the filled template."
    )
    (copied,) = page.evaluate("window.copied")
    # Nothing left to fill: the start is when the first value was typed (13:00:40), the next
    # update the copy's time (13:04) plus SEV-2's 15 minutes.
    assert copied == (
        ":rotating_light: SEV-2 | QuickBooks sync halted\n"
        "Start: 2026-11-27 13:00 UTC\n"
        "Impact: All firms on QuickBooks Online\n"
        "Current mitigation: Rolling back qbo-sync-worker\n"
        "Next update: 13:19 UTC\n"
        "Tracker: https://example.com/INC-2041"
    )
    assert visit.errors == [], visit.errors


def test_the_client_email_too(open_page: Callable[[str], Visit], base_url: str) -> None:
    visit = fresh(open_page, base_url, PLAYBOOK)
    page = visit.page
    responder = Responder(page)
    responder.type(field(EMAIL, "summary"), "Document uploads failing")
    responder.type(field(EMAIL, "impact description"), "uploads for 40 firms")
    page.clock.run_for("02:00")
    responder.type(field(EMAIL, "status page or shared doc"), "https://status.example.com")
    # Without a run nothing was marked mitigated: the responder says when it began.
    responder.type(field(EMAIL, "mitigation start time"), "2026-11-27 13:02 UTC")
    responder.click(f"{EMAIL} [data-playbook-copy]")
    assert responder.actions <= 6
    expect(page.locator(f"{EMAIL} [data-playbook-form-status]")).to_contain_text("Copied")
    (copied,) = page.evaluate("window.copied")
    assert "{" not in copied
    assert copied.startswith("Subject: AdvisorOS Incident Update — Document uploads failing\n")
    # No severity chosen: the default cadence, 15 minutes from the copy.
    assert (
        "Our team initiated mitigation at 2026-11-27 13:02 UTC. "
        "Expect the next update by 13:17 UTC. Track progress here: https://status.example.com."
    ) in copied
    href = page.locator(f"{EMAIL} [data-playbook-mailto]").get_attribute("href") or ""
    assert "13%3A17%20UTC" in href
    assert visit.errors == [], visit.errors


def test_a_time_copied_three_minutes_later_is_three_minutes_later(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    visit = fresh(open_page, site_url, PLAYBOOK)
    page = visit.page
    page.locator('#severity-lookup input[value="SEV-1"]').check()
    page.locator(f"{SLACK} [data-playbook-copy]").click()
    page.clock.fast_forward("03:00")
    # Live: the next update moves with the clock, no copy needed.
    expect(preview(page, SLACK)).to_contain_text("Next update: 13:13 UTC")
    page.locator(f"{SLACK} [data-playbook-copy]").click()
    expect(page.locator(f"{SLACK} [data-playbook-form-status]")).to_have_text(
        "Copied the filled template."
    )
    first, second = page.evaluate("window.copied")
    # SEV-1: every 10 minutes (mkdocs.yml).
    assert "Next update: 13:10 UTC" in first and "Next update: 13:13 UTC" in second
    assert visit.errors == [], visit.errors


def test_automatic_and_typed_values_and_the_reset(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = fresh(open_page, base_url, PLAYBOOK)
    page = visit.page
    time = page.locator(field(SLACK, "time"))
    automatic = preview(page, SLACK).locator(".playbook-form__automatic")
    # Marked as automatic in the field (a word beside its label) and in the preview.
    expect(time).to_have_attribute("data-playbook-auto", "")
    expect(page.locator(f"{SLACK} .playbook-form__field--next-update")).to_contain_text("automatic")
    expect(automatic).to_have_text(["2026-11-27 13:00 UTC", "13:15 UTC"])
    time.fill("13:30 UTC, or sooner")
    expect(time).not_to_have_attribute("data-playbook-auto", "")
    expect(automatic).to_have_text(["2026-11-27 13:00 UTC"])
    expect(preview(page, SLACK)).to_contain_text("Next update: 13:30 UTC, or sooner")
    # The responder's own, on every template and after a reload, whatever the clock says.
    page.reload()
    page.clock.fast_forward("05:00")
    expect(page.locator(field(EMAIL, "time"))).to_have_value("13:30 UTC, or sooner")
    reset = page.get_by_role("button", name="Make Time (next update) automatic again").first
    reset.click()
    expect(time).to_have_attribute("data-playbook-auto", "")
    expect(time).to_be_focused()
    expect(preview(page, SLACK)).to_contain_text("Next update: 13:20 UTC")
    expect(reset).to_be_hidden()
    expect(page.locator(f"{SLACK} [data-playbook-form-status]")).to_have_text(
        "Time (next update) is automatic again."
    )
    assert visit.errors == [], visit.errors


def test_clear_all_values_clears_rows_and_the_start_and_undo_brings_them_back(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    visit = fresh(open_page, site_url, POST_INCIDENT)
    page = visit.page
    form = page.locator("[data-playbook-form]").last
    timeline = form.locator("fieldset").filter(has_text="{UTC Timestamp} - {Event}")
    # One row to start with; "Add row" adds the next, focused.
    expect(timeline.locator("input")).to_have_count(2)
    timeline.locator('input[data-playbook-field="event"]').fill("Alert fired")
    page.clock.run_for("01:00")
    timeline.get_by_role("button", name="Add row").click()
    expect(timeline.locator("input")).to_have_count(4)
    expect(timeline.locator('input[data-playbook-field="utc timestamp"]').nth(1)).to_be_focused()
    page.keyboard.type("13:05 UTC")
    timeline.locator('input[data-playbook-field="event"]').nth(1).fill("Rollback started")
    text = form.locator("[data-playbook-preview]").inner_text()
    assert "3. Timeline\n{UTC Timestamp} - Alert fired\n13:05 UTC - Rollback started\n\n4." in text
    # Without a run, the incident started when the first value was typed.
    assert "Start: 2026-11-27 13:00 UTC" in text
    form.get_by_role("button", name="Clear all values").click()
    expect(timeline.locator("input")).to_have_count(2)
    cleared = form.locator("[data-playbook-preview]")
    expect(cleared).to_contain_text("3. Timeline\n{UTC Timestamp} - {Event}\n\n4.")
    expect(cleared).to_contain_text("Start: 2026-11-27 13:01 UTC")
    form.get_by_role("button", name="Undo clear").click()
    expect(timeline.locator("input")).to_have_count(4)
    expect(cleared).to_contain_text("13:05 UTC - Rollback started")
    expect(cleared).to_contain_text("Start: 2026-11-27 13:00 UTC")
    timeline.get_by_role("button", name="Remove last row").click()
    expect(cleared).not_to_contain_text("Rollback started")
    assert visit.errors == [], visit.errors


def test_enter_in_the_severity_lookup_picks_the_best_match_at_once(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    visit = fresh(open_page, site_url, PLAYBOOK)
    page = visit.page
    page.locator("#severity-lookup-query").fill("uploads failing for one tenant")
    # Before the lookup's own pause after typing has passed: Enter does not wait for it.
    page.locator("#severity-lookup-query").press("Enter")
    expect(page.locator('#severity-lookup input[value="SEV-2"]')).to_be_checked()
    expect(page.locator("#severity-lookup [data-playbook-severity-result]")).to_contain_text(
        "SEV-2 and SEV-3 both fit; when in doubt, take the higher severity."
    )
    expect(preview(page, SLACK)).to_contain_text("SEV-2 |")
    assert visit.errors == [], visit.errors


def test_the_run_bars_next_update_opens_the_update_template_at_its_first_empty_field(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = fresh(open_page, base_url, RUN_PAGE)
    page = visit.page
    declare(page, "INC-2041", "SEV-2")
    bar(page).get_by_role("link", name="next update in 15 min").click()
    page.wait_for_url(re.compile(r"INCIDENT_RESPONSE_PLAYBOOK\.html#template-form$"))
    # Severity and start come from the run: the summary is the first thing left to type.
    expect(page.locator(field(SLACK, "#"))).to_have_value("2")
    expect(page.locator(field(SLACK, "started at"))).to_have_value("2026-11-27 13:00 UTC")
    expect(page.locator(field(SLACK, "summary"))).to_be_focused()
    assert visit.errors == [], visit.errors


def test_declare_tick_mark_close_and_draft_the_post_incident_review(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = fresh(open_page, base_url, RUN_PAGE)
    page = visit.page
    hostile = 'Dana & <b>Ops</b> <img src=x onerror="alert(1)">'
    page.fill("#playbook-run-commander", hostile)
    declare(page, "INC-7", "SEV-2")
    go(page, base_url, PLAYBOOK)
    page.clock.run_for("02:00")
    box(page, SCRIBE).check()
    page.clock.run_for("01:00")
    box(page, "Incident Commander: coordinates").check()
    page.fill(field(SLACK, "summary"), "Ledger <sync> stalled")
    page.clock.run_for("07:00")
    bar(page).get_by_role("button", name="Mark mitigated").click()
    expect(bar(page).locator("[data-playbook-runbar-alert]")).to_have_text(
        "Marked INC-7 mitigated at 13:10 UTC."
    )
    # The template's moments come from the run: the declaration, the last mark, none yet.
    go(page, base_url, POST_INCIDENT)
    moments = {"detected at": "2026-11-27 13:00 UTC", "mitigated at": "2026-11-27 13:10 UTC"}
    for key, value in {**moments, "resolved at": ""}.items():
        expect(page.locator(field("#template-form", key))).to_have_value(value)
    go(page, base_url, RUN_PAGE)
    page.clock.run_for("10:00")
    # Closing asks for the resolved time, now unless a resolution was marked.
    page.get_by_role("button", name="Close this run").click()
    resolved = page.locator("#playbook-run-resolved")
    expect(resolved).to_have_value("2026-11-27 13:20")
    resolved.fill("2026-11-27 13:18")
    page.get_by_role("button", name="Close the run").click()
    expect(message(page)).to_contain_text("Closed INC-7, resolved 2026-11-27 13:18 UTC.")
    assert [line.split(" UTC ", 1)[1] for line in events(page)][-2:] == [
        "Marked resolved",
        "Run INC-7 closed",
    ]
    page.get_by_role("button", name="Draft post-incident review").click()
    review = page.locator("[data-playbook-run-review]")
    expect(review).to_be_visible()
    text = review.inner_text()
    assert text.startswith(
        "Incident: INC-7\n"
        "Title: Ledger <sync> stalled\n"
        "Severity: SEV-2\n"
        'Incident Commander: Dana & <b>Ops</b> <img src=x onerror="alert(1)">\n'
        "Status: Resolved\n"
        "Start: 2026-11-27 13:00 UTC\n"
        "Detected: 2026-11-27 13:00 UTC\n"
        "Mitigated: 2026-11-27 13:10 UTC\n"
        "Resolved: 2026-11-27 13:18 UTC\n"
    ), text
    timeline = text.split("3. Timeline\n", 1)[1].split("\n\n", 1)[0].split("\n")
    assert timeline == [
        "2026-11-27 13:00 UTC - Incident INC-7 declared (SEV-2)",
        "2026-11-27 13:02 UTC - Ticked “Scribe: maintains a minute-by-minute timeline” in "
        "“Five-Minute Rulebook” (Incident Response Playbook)",
        "2026-11-27 13:03 UTC - Ticked “Incident Commander: coordinates and communicates” in "
        "“Five-Minute Rulebook” (Incident Response Playbook)",
        "2026-11-27 13:10 UTC - Marked mitigated (Incident Response Playbook)",
        "2026-11-27 13:18 UTC - Marked resolved",
        "2026-11-27 13:20 UTC - Run INC-7 closed",
    ]
    assert (
        "Actions taken:\n"
        "- “Scribe: maintains a minute-by-minute timeline” in “Five-Minute Rulebook” "
        "(Incident Response Playbook), 2026-11-27 13:02 UTC\n"
        "- “Incident Commander: coordinates and communicates” in “Five-Minute Rulebook” "
        "(Incident Response Playbook), 2026-11-27 13:03 UTC\n"
    ) in text
    # What the run does not know stays a visible placeholder; a value is never markup.
    marks = review.locator("mark")
    expect(marks.first).to_have_text("{Tenant count and slugs}")
    assert "{Root cause}" in marks.all_inner_texts()
    assert review.locator("b, img").count() == 0
    page.get_by_role("button", name="Copy review as Markdown").click()
    expect(message(page)).to_contain_text("Copied the review as Markdown.")
    assert page.evaluate("window.copied") == [text]
    with page.expect_download() as download:
        page.get_by_role("button", name="Download review").click()
    assert download.value.suggested_filename == "INC-7-review.md"
    assert open(download.value.path(), encoding="utf-8").read() == text
    assert visit.dialogs == []
    assert visit.errors == [], visit.errors


@pytest.mark.parametrize("unticked", [True, False])
def test_a_step_unticked_again_is_no_action_taken(
    open_page: Callable[[str], Visit], site_url: str, unticked: bool
) -> None:
    visit = fresh(open_page, site_url, RUN_PAGE)
    page = visit.page
    declare(page, "INC-8", "SEV-3")
    go(page, site_url, PLAYBOOK)
    box(page, SCRIBE).check()
    if unticked:
        box(page, SCRIBE).uncheck()
    go(page, site_url, RUN_PAGE)
    page.get_by_role("button", name="Draft post-incident review").click()
    text = page.locator("[data-playbook-run-review]").inner_text()
    actions = text.split("Actions taken:\n", 1)[1].split("\n\n", 1)[0]
    if unticked:
        assert actions == "- No step was ticked during the run."
    else:
        assert actions.startswith("- “Scribe: maintains a minute-by-minute timeline”")


def test_the_drafts_other_repeating_lines_take_the_rows_typed_in_the_form(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    visit = fresh(open_page, site_url, RUN_PAGE)
    page = visit.page
    declare(page, "INC-9", "SEV-3")
    go(page, site_url, POST_INCIDENT)
    actions = page.locator("fieldset").filter(has_text="{Action} | Owner: {Name}")
    actions.locator('input[data-playbook-field="action"]').fill("Alert on <queue> depth")
    actions.locator('input[data-playbook-field="name"]').fill("Sam")
    go(page, site_url, RUN_PAGE)
    page.get_by_role("button", name="Draft post-incident review").click()
    text = page.locator("[data-playbook-run-review]").inner_text()
    assert text.endswith(
        "6. Follow-up actions\n"
        "Alert on <queue> depth | Owner: Sam | Due: {Date} | Ticket: {Ticket ID}"
    ), text
    assert visit.errors == [], visit.errors


def test_the_run_page_counts_to_the_next_update_and_follows_the_timeline(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = fresh(open_page, base_url, RUN_PAGE)
    page = visit.page
    declare(page, "INC-9", "SEV-2")
    status = page.locator("[data-playbook-run-status]")
    expect(status).to_contain_text("next stakeholder update due 13:15 UTC")
    page.clock.run_for("16:00")
    expect(status).to_contain_text("stakeholder update overdue since 13:15 UTC")
    # An update copied (on any page, in any tab) starts the next interval from its time.
    page.evaluate("() => playbook.runs.log('INC-9', 'update', 'Copied the update', '')")
    expect(status).to_contain_text("next stakeholder update due 13:31 UTC")
    assert visit.errors == [], visit.errors
