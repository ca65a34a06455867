"""The run's state in sight (issue 25): the run bar says in words when the run was mitigated and
resolved, each moment is marked once, the update timer stops at resolution, and every time
shown is UTC, even in a browser set to another zone."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from playwright.sync_api import Browser, Page, expect
from test_runs import PLAYBOOK, RUN_PAGE, SCRIBE, bar, box, declare, events, go
from viewing import guarded_context, run_view

from browsing import CLIPBOARD

CLOCK = r"\d\d:\d\d UTC"


def mark(page: Page, kind: str) -> None:
    """Clicks the bar's "Mark `kind`" as a responder would."""
    bar(page).get_by_role("button", name=f"Mark {kind}").click()
    expect(bar(page).locator("[data-playbook-runbar-alert]")).to_contain_text(
        f"Marked INC-2041 {kind}"
    )


def click_again(page: Page, kind: str) -> None:
    """A second click on the mark for `kind`, past Playwright's wait for an enabled control."""
    bar(page).locator(f"[data-playbook-runbar-mark={kind}]").dispatch_event("click")


def state(page: Page) -> str:
    return bar(page).locator(".playbook-runbar__elapsed").inner_text().strip()


def marked(page: Page, site: str, kind: str) -> list[str]:
    """The run page's timeline entries that mark the run `kind`."""
    go(page, site, RUN_PAGE)
    expect(page.locator("[data-playbook-run-events] li").first).to_be_visible()
    return [line for line in events(page) if f" Marked {kind}" in line]


def test_mitigated_shows_in_words_and_is_marked_once(browser: Browser, site_url: str) -> None:
    page = run_view(browser, site_url, PLAYBOOK, width=1280)
    assert re.fullmatch(r"open \d:\d\d:\d\d", state(page)), state(page)
    mark(page, "mitigated")
    expect(bar(page).locator(".playbook-runbar__elapsed")).to_be_visible()
    expect(bar(page).locator(".playbook-runbar__elapsed")).to_have_text(
        re.compile(rf"^mitigated at {CLOCK}$")
    )
    mitigate = bar(page).locator("[data-playbook-runbar-mark=mitigate]")
    expect(mitigate).to_have_attribute("aria-disabled", "true")
    click_again(page, "mitigate")
    # Mitigated is not the end: the next update is still due.
    expect(bar(page).locator("[data-playbook-runbar-due]")).to_have_text(
        re.compile("^next update in")
    )
    shown = state(page).removeprefix("mitigated at ")
    lines = marked(page, site_url, "mitigated")
    assert len(lines) == 1, lines
    # The bar's time is the timeline's.
    assert lines[0].split(" ")[1] + " UTC" == shown, (lines, shown)
    page.context.close()


def test_resolved_shows_in_words_stops_the_timer_and_is_marked_once(
    browser: Browser, site_url: str
) -> None:
    page = guarded_context(browser, width=1280).new_page()
    page.add_init_script(CLIPBOARD)
    page.clock.install(time=datetime(2026, 11, 27, 13, 0, tzinfo=UTC))
    go(page, site_url, RUN_PAGE)
    declare(page, "INC-2041")
    go(page, site_url, PLAYBOOK)
    page.clock.fast_forward("20:00")
    expect(bar(page)).to_contain_text("update overdue by")
    mark(page, "resolved")
    expect(bar(page).locator(".playbook-runbar__elapsed")).to_have_text(
        re.compile(rf"^resolved at {CLOCK}$")
    )
    # Resolved: no cadence left, so nothing is due or overdue; one final update remains.
    due = bar(page).locator("[data-playbook-runbar-due]")
    expect(due).to_have_text("final update")
    expect(bar(page)).not_to_contain_text("next update in")
    expect(bar(page)).not_to_contain_text("overdue")
    expect(bar(page)).not_to_have_class(re.compile("playbook-runbar--overdue"))
    for kind in ("mitigate", "resolve"):
        control = bar(page).locator(f"[data-playbook-runbar-mark={kind}]")
        expect(control).to_have_attribute("aria-disabled", "true")
        click_again(page, kind)
    # Once the final update is copied, the bar has no update left to ask for.
    page.clock.fast_forward("01:00")
    page.locator("#template-form [data-playbook-copy]").click()
    expect(due).to_be_hidden()
    assert len(marked(page, site_url, "resolved")) == 1
    assert marked(page, site_url, "mitigated") == []
    page.context.close()


def test_tick_times_are_utc_in_a_browser_set_to_another_zone(
    browser: Browser, site_url: str
) -> None:
    context = guarded_context(browser, width=1280, timezone="America/Los_Angeles")
    page = context.new_page()
    go(page, site_url, RUN_PAGE)
    assert page.evaluate("new Date().getTimezoneOffset()") != 0
    declare(page, "INC-2041")
    go(page, site_url, PLAYBOOK)
    box(page, SCRIBE).check()
    time = page.locator(".playbook-checklist__time:not([hidden])")
    expect(time).to_have_count(1)
    at = datetime.fromisoformat(time.get_attribute("datetime") or "")
    expected = at.astimezone(UTC).strftime("%H:%M UTC")
    expect(time).to_have_text(expected)
    # The run page's timeline names the same minute.
    go(page, site_url, RUN_PAGE)
    ticked = [line for line in events(page) if "Ticked" in line]
    assert len(ticked) == 1 and ticked[0].split(" ")[1] + " UTC" == expected, ticked
    context.close()
