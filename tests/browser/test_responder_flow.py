"""The responder's walk through an incident (issue 25), at 390 px in the dark palette and at
1280 px, over http and from file://: declare (severity and the first update by keyboard alone,
the focused field visibly so), ticks on two pages in UTC, the incident's id in a runbook
command, the state in words, a confirmation before an open run is replaced, a hand-off, the
post-incident draft as plain text and the page printed to PDF; and, around them, the commander,
the hand-offs in the timeline, messages beside their control and a back-dated start that is not
called overdue."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from accessibility import tab_to
from playwright.sync_api import Browser, Locator, Page, expect
from test_moments_and_placeholders import FREEZE, freeze
from test_runs import (
    CONFIRM_SEVERITY,
    PLAYBOOK,
    ROLLBACK,
    RUN_PAGE,
    bar,
    box,
    declare,
    events,
    go,
    message,
)
from viewing import Scheme, around, guarded_context, pdf_text

from browsing import CLIPBOARD

START = datetime(2026, 11, 27, 13, 0, tzinfo=UTC)
CLOCK = r"\d\d:\d\d UTC"
DECLARE_STEP = "Declare the incident"
SUMMARY = '#template-form input[data-playbook-field="summary"]'
CAUTION = "rgb(207, 34, 46)"
"""playbook.css's --playbook-caution-color: the colour of what is lost."""


def responder(
    browser: Browser, width: int, scheme: Scheme = "dark", timezone: str | None = None
) -> Page:
    """A fresh browser `width` px wide, its clock at 13:00 UTC, its clipboard recorded."""
    page = guarded_context(browser, width=width, scheme=scheme, timezone=timezone).new_page()
    page.add_init_script(CLIPBOARD)
    page.clock.install(time=START)
    return page


def on_run_page(
    browser: Browser, base: str, width: int, declaring: dict[str, str] | None = None
) -> Page:
    """A fresh `responder` on the run page; with `declaring` (field selector -> value), INC-2041
    (SEV-2) declared with those values."""
    page = responder(browser, width)
    go(page, base, RUN_PAGE)
    if declaring is not None:
        for selector, value in declaring.items():
            page.fill(selector, value)
        declare(page, "INC-2041", "SEV-2")
    return page


def in_view(page: Page, element: Locator) -> None:
    """`element` is visible and wholly inside the viewport."""
    expect(element).to_be_visible()
    found = element.bounding_box()
    assert found is not None
    size = page.viewport_size
    assert size is not None
    assert 0 <= found["x"] and found["x"] + found["width"] <= size["width"], found
    assert 0 <= found["y"] and found["y"] + found["height"] <= size["height"], found


def no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


def state(page: Page) -> Locator:
    return bar(page).locator(".playbook-runbar__elapsed")


def mark_by_keyboard(page: Page, kind: str) -> None:
    """Reaches the bar's "Mark `kind`" with Tab alone (through "Actions" on a phone) and
    presses it."""
    more = bar(page).locator(".playbook-runbar__more")
    control = bar(page).get_by_role("button", name=f"Mark {kind}")
    if more.is_visible() and not bar(page).locator("details[open]").count():
        tab_to(page, more)
        page.keyboard.press("Enter")
    tab_to(page, control)
    page.keyboard.press("Enter")
    expect(bar(page).locator("[data-playbook-runbar-alert]")).to_contain_text(
        f"Marked INC-2041 {kind}"
    )


def review_text(page: Page) -> str:
    page.get_by_role("button", name="Draft post-incident review").click()
    review = page.locator("[data-playbook-run-review]")
    expect(review).to_be_visible()
    return review.inner_text()


@pytest.mark.parametrize(("width", "scheme"), [(390, "dark"), (1280, "light")])
def test_the_responders_walk_from_declaring_to_the_draft(
    browser: Browser, base_url: str, width: int, scheme: Scheme
) -> None:
    # A responder whose computer is not on UTC: every time shown is UTC all the same.
    page = responder(browser, width, scheme, timezone="America/Los_Angeles")
    # The header's "Declare incident" leads to the form, its first field focused.
    page.goto(base_url + RUN_PAGE + "#declare-an-incident")
    run_id = page.locator("#playbook-run-id")
    expect(run_id).to_be_focused()
    no_sideways_scroll(page)
    # Keyboard alone: the id, past the start, the severity, the commander, and Enter.
    page.keyboard.press("Control+A")
    page.keyboard.type("INC-2041")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator("#playbook-run-severity")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#playbook-run-severity")).to_have_value("SEV-2")
    page.keyboard.press("Tab")
    page.keyboard.type("Dana")
    page.keyboard.press("Enter")
    expect(message(page)).to_contain_text("Declared INC-2041")
    in_view(page, message(page))
    # The run's next step has the focus: its first stakeholder update, one Enter away.
    next_step = page.get_by_role("link", name="Write the first stakeholder update")
    expect(next_step).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"INCIDENT_RESPONSE_PLAYBOOK\.html#template-form$"))
    summary = page.locator(SUMMARY)
    expect(summary).to_be_focused()
    page.keyboard.type("Ledger sync stalled")
    # The field the keyboard is in looks it: a screenshot of it differs once the focus moves on.
    assert summary.evaluate("element => element.matches(':focus-visible')")
    focused = around(page, summary)
    tab_to(page, page.locator("#template-form [data-playbook-copy]"))
    assert around(page, summary) != focused, "the focused field looks the same as unfocused"
    page.keyboard.press("Enter")
    expect(page.locator("#template-form [data-playbook-form-status]")).to_have_text(
        "Copied the filled template."
    )
    assert page.evaluate("window.copied")[-1].startswith(
        ":rotating_light: SEV-2 | Ledger sync stalled\n"
    )
    no_sideways_scroll(page)

    # Ticks on two pages show their time in UTC; the run controls are reached by keyboard, and
    # the marks said in words.
    page.clock.fast_forward("02:00")
    box(page, DECLARE_STEP).check()
    tick = page.locator(".playbook-checklist__time:not([hidden])")
    expect(tick).to_have_text("13:02 UTC")
    go(page, base_url, ROLLBACK)
    # The runbook's command names the incident.
    expect(freeze(page)).to_have_text(FREEZE + "INC-2041")
    expect(freeze(page).get_by_role("mark")).to_have_text("INC-2041")
    page.clock.fast_forward("01:00")
    box(page, CONFIRM_SEVERITY).check()
    expect(tick).to_have_text("13:03 UTC")
    no_sideways_scroll(page)
    page.clock.fast_forward("07:00")
    mark_by_keyboard(page, "mitigated")
    expect(state(page)).to_be_visible()
    expect(state(page)).to_have_text(re.compile(rf"^mitigated at {CLOCK}$"))
    page.clock.fast_forward("20:00")
    mark_by_keyboard(page, "resolved")
    expect(state(page)).to_have_text(re.compile(rf"^resolved at {CLOCK}$"))
    no_sideways_scroll(page)

    # Declaring over the open run asks, beside the button, and Cancel replaces nothing.
    go(page, base_url, RUN_PAGE)
    page.fill("#playbook-run-id", "INC-2042")
    page.get_by_role("button", name="Declare incident").click()
    question = page.locator("[data-playbook-run-confirm]")
    in_view(page, question)
    expect(question).to_have_attribute("role", "alertdialog")
    expect(question).to_contain_text("Declare INC-2042 while INC-2041 is open?")
    expect(question).to_contain_text("Kept as it is, open, under All runs")
    cancel = page.locator("[data-playbook-run-confirm-no]")
    expect(cancel).to_be_focused()
    cancel.click()
    expect(message(page)).to_contain_text("Nothing was changed: INC-2041 stays the current run.")
    expect(page.locator("[data-playbook-run-list] tr")).to_have_count(1)
    expect(bar(page).locator("[data-playbook-runbar-id]")).to_have_text("INC-2041")
    no_sideways_scroll(page)

    # The hand-off: a link that carries the run, in the timeline.
    page.get_by_role("button", name="Share state").click()
    expect(page.locator("#playbook-run-share-url")).to_have_value(re.compile(r"#playbook-run=1\."))
    expect(page.locator("[data-playbook-run-events] li").last).to_contain_text(
        "Handed off: shared as a link"
    )

    # The draft is plain text: status and duration from the run, the ticks of both pages as
    # actions, the rest marked unfilled.
    text = review_text(page)
    assert "&gt;" not in text and "&amp;" not in text, text
    assert "Ticked “Declare the incident -> Post in" in text, text
    assert f"Ticked “{CONFIRM_SEVERITY}” in “Rollback Checklist”" in text, text
    assert "Status: Resolved\n" in text, text
    assert "Duration of client impact: 30 min\n" in text, text
    assert "Incident Commander: Dana\n" in text, text
    marks = page.locator("[data-playbook-run-review] mark").all_inner_texts()
    assert "{None, or what data and whether it was recovered}" in marks, marks
    page.get_by_role("button", name="Copy review as Markdown").click()
    expect(message(page)).to_contain_text("Copied the review as Markdown.")
    in_view(page, message(page))
    assert page.evaluate("window.copied")[-1] == text
    no_sideways_scroll(page)

    # On paper: the playbook printed to PDF heads each sheet with the run and the print time,
    # and holds the update as filled in, not its raw block of placeholders.
    go(page, base_url, PLAYBOOK)
    paper = pdf_text(page)
    assert re.search(rf"INC-2041\s+SEV-2\s+IC Dana\s+resolved at {CLOCK}", paper), paper[:500]
    assert re.search(r"printed 2026-11-27 13:\d\d UTC", paper), paper[:500]
    assert ":rotating_light: SEV-2 | Ledger sync stalled\n" in paper, paper
    assert "{Summary}" not in paper and "SEV-{#}" not in paper, paper
    page.context.close()


def test_a_mitigated_run_drafts_as_monitoring_without_a_duration(
    browser: Browser, site_url: str
) -> None:
    page = on_run_page(browser, site_url, 1280, {})
    page.clock.fast_forward("10:00")
    bar(page).get_by_role("button", name="Mark mitigated").click()
    text = review_text(page)
    assert "Status: Monitoring\n" in text, text
    marks = page.locator("[data-playbook-run-review] mark").all_inner_texts()
    assert "{Duration}" in marks, marks
    page.context.close()


def exported(page: Page) -> dict[str, object]:
    with page.expect_download() as download:
        page.get_by_role("button", name="Download JSON").click()
    return dict(json.loads(Path(download.value.path()).read_text(encoding="utf-8")))


def choose(page: Page, data: dict[str, object], name: str) -> None:
    page.set_input_files(
        "#playbook-run-import",
        files=[{"name": name, "mimeType": "application/json", "buffer": json.dumps(data).encode()}],
    )


def test_imports_ask_beside_the_control_and_are_hand_offs_in_the_timeline(
    browser: Browser, site_url: str
) -> None:
    page = on_run_page(browser, site_url, 390, {})
    data = exported(page)
    # The export is a hand-off: in the timeline, and in the file it made.
    expect(page.locator("[data-playbook-run-events] li").last).to_contain_text(
        "Handed off: exported as INC-2041.json"
    )
    assert data["events"][-1]["text"] == "Handed off: exported as INC-2041.json"  # type: ignore[index]
    question = page.locator("[data-playbook-run-confirm]")

    # Over the open run of that id: it asks, beside the file field, framed as a loss; Cancel
    # keeps the run as it was.
    before = events(page)
    choose(page, data, "INC-2041.json")
    expect(question).to_contain_text("It replaces your run INC-2041")
    in_view(page, question)
    assert question.evaluate("e => getComputedStyle(e).borderLeftColor") == CAUTION
    page.locator("[data-playbook-run-confirm-no]").click()
    expect(message(page)).to_contain_text("Nothing was changed.")
    in_view(page, message(page))
    assert events(page) == before

    # A run this browser does not have only adds: not red; opening it puts the focus on it.
    other = {**data, "run": {**data["run"], "id": "INC-9"}}  # type: ignore[dict-item]
    choose(page, other, "INC-9.json")
    expect(question).to_contain_text("You have no run INC-9; it will be added.")
    border = question.evaluate("e => getComputedStyle(e).borderLeftColor")
    assert border != CAUTION, border
    page.get_by_role("button", name="Open run INC-9").click()
    expect(message(page)).to_contain_text("Opened run INC-9")
    status = page.locator("[data-playbook-run-status]")
    expect(status).to_be_focused()
    expect(status).to_contain_text("INC-9")
    expect(page.locator("[data-playbook-run-events] li").last).to_contain_text(
        "Handed off: opened from INC-9.json, exported"
    )
    # The old run was kept, not replaced; making it current again is said beside the list
    # (whose rows are rebuilt, the button gone).
    expect(page.locator("[data-playbook-run-list] tr")).to_have_count(2)
    page.get_by_role("button", name="Make current: INC-2041").click()
    expect(message(page)).to_have_text("INC-2041 is the current run.")
    in_view(page, message(page))
    expect(
        page.locator("[data-playbook-run-table] + p [data-playbook-run-message]")
    ).to_be_attached()
    no_sideways_scroll(page)
    page.context.close()


def test_the_commander_is_shown_changes_and_the_change_is_in_the_timeline(
    browser: Browser, site_url: str
) -> None:
    page = on_run_page(browser, site_url, 1280, {"#playbook-run-commander": "Dana"})
    status = page.locator("[data-playbook-run-status]")
    expect(status).to_contain_text("Incident Commander Dana")
    commander = bar(page).locator("[data-playbook-runbar-commander]")
    expect(commander).to_have_text("IC Dana")
    in_view(page, commander)
    page.fill("#playbook-run-new-commander", "Sam <b>Lee</b>")
    page.get_by_role("button", name="Change commander").click()
    expect(message(page)).to_contain_text("Sam <b>Lee</b> is the Incident Commander of INC-2041.")
    expect(status).to_contain_text("Incident Commander Sam <b>Lee</b>")
    expect(commander).to_have_text("IC Sam <b>Lee</b>")
    assert bar(page).locator("b").count() == 0
    assert events(page)[-1].endswith("Incident Commander: Sam <b>Lee</b> (was Dana)")
    # The templates' {Incident Commander} is the same value.
    go(page, site_url, "POST_LAUNCH_SUPPORT_OPTIMIZATION.html")
    expect(
        page.locator('#template-form input[data-playbook-field="incident commander"]')
    ).to_have_value("Sam <b>Lee</b>")
    page.context.close()
    # On a phone the bar keeps its row for the run's state: the commander is not squeezed in.
    phone = on_run_page(browser, site_url, 390, {"#playbook-run-commander": "Dana"})
    expect(bar(phone).locator("[data-playbook-runbar-commander]")).to_be_hidden()
    no_sideways_scroll(phone)
    phone.context.close()


def test_a_back_dated_start_says_when_the_first_update_was_due_and_is_not_overdue(
    browser: Browser, site_url: str
) -> None:
    # Declared at 13:00, the impact began at 12:30: SEV-2's first update was due at 12:45.
    page = on_run_page(browser, site_url, 1280, {"#playbook-run-start": "2026-11-27 12:30"})
    expect(message(page)).to_contain_text("Its first stakeholder update was due 12:45 UTC")
    due = bar(page).locator("[data-playbook-runbar-due]")
    expect(due).to_have_text("first update was due 12:45 UTC")
    expect(bar(page)).not_to_contain_text("overdue")
    expect(bar(page)).not_to_have_class(re.compile("playbook-runbar--overdue"))
    expect(page.locator("[data-playbook-run-status]")).to_contain_text(
        "first stakeholder update was due 12:45 UTC, before the run was declared; "
        "next due 13:15 UTC"
    )
    # A cadence after the declaration with no update sent, it is overdue.
    page.clock.fast_forward("16:00")
    expect(due).to_have_text("update overdue by 1 min")
    page.context.close()


def test_the_hand_off_link_and_its_warning_stand_beside_it(browser: Browser, base_url: str) -> None:
    page = on_run_page(browser, base_url, 390, {})
    page.get_by_role("button", name="Share state").click()
    link = page.locator("#playbook-run-share-url")
    expect(link).to_have_value(re.compile(r"#playbook-run=1\."))
    expect(message(page)).to_contain_text("Link ready")
    if base_url.startswith("file:"):
        expect(message(page)).to_contain_text("It points at this file on this machine")
    # The message follows the link's field, in view, in a live region.
    line = page.locator("[data-playbook-run-share-output] + p")
    expect(line.locator("[data-playbook-run-message]")).to_have_attribute("aria-live", "polite")
    in_view(page, message(page))
    page.get_by_role("button", name="Copy link").click()
    expect(message(page)).to_have_text("Link copied.")
    in_view(page, message(page))
    expect(line.locator("[data-playbook-run-message]")).to_have_text("Link copied.")
    expect(page.locator("[data-playbook-run-events] li").last).to_contain_text(
        "Handed off: shared as a link"
    )
    page.context.close()


def test_bringing_in_earlier_values_asks_before_replacing_the_runs(
    browser: Browser, site_url: str
) -> None:
    page = responder(browser, 1280)
    summary = '#template-form input[data-playbook-field="summary"]'
    go(page, site_url, "POST_LAUNCH_SUPPORT_OPTIMIZATION.html")
    page.fill(summary, "Typed before declaring")
    go(page, site_url, RUN_PAGE)
    page.locator("#playbook-run-carry").uncheck()
    declare(page, "INC-2041")
    go(page, site_url, "POST_LAUNCH_SUPPORT_OPTIMIZATION.html")
    page.fill(summary, "Typed in the run")
    go(page, site_url, RUN_PAGE)
    page.get_by_role("button", name=re.compile("^Bring in what was done before declaring")).click()
    question = page.locator("[data-playbook-run-confirm]")
    expect(question).to_contain_text("It replaces 1 template value of INC-2041")
    expect(question).to_contain_text("summary: “Typed before declaring”, was “Typed in the run”")
    in_view(page, question)
    page.locator("[data-playbook-run-confirm-no]").click()
    expect(message(page)).to_have_text("Nothing was changed.")
    go(page, site_url, "POST_LAUNCH_SUPPORT_OPTIMIZATION.html")
    expect(page.locator(summary)).to_have_value("Typed in the run")
    page.context.close()
