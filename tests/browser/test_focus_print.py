"""Keyboard and paper: every control of the widgets shows a focus ring (light and dark), and a
printed page carries the run, the filled templates and no controls."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect
from test_runs import PLAYBOOK, RUN_PAGE, SCRIBE, box
from viewing import Scheme, around, printed, run_view

POST_INCIDENT = "POST_LAUNCH_SUPPORT_OPTIMIZATION.html"
SUMMARY = '#template-form input[data-playbook-field="summary"]'
CONTROLS = {
    "text field": (POST_INCIDENT, SUMMARY),
    "radio button": (PLAYBOOK, "#severity-lookup input[type=radio] >> nth=0"),
    "checkbox": (PLAYBOOK, f"[data-playbook-item] > label:has-text('{SCRIBE}') > input"),
    "search field": (PLAYBOOK, "#severity-lookup [data-playbook-severity-query]"),
    "run page field": (RUN_PAGE, "#playbook-run-commander"),
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("control", sorted(CONTROLS))
def test_a_focused_control_differs_visibly_from_an_unfocused_one(
    browser: Browser, site_url: str, control: str, scheme: Scheme
) -> None:
    path, selector = CONTROLS[control]
    page = run_view(browser, site_url, path, width=1280, scheme=scheme)
    target = page.locator(selector)
    expect(target).to_be_visible()
    # Focused as by the keyboard (no pointer has been used): the browser shows focus there.
    target.focus()
    expect(target).to_be_focused()
    assert target.evaluate("element => element.matches(':focus-visible')")
    focused = around(page, target)
    target.blur()
    blurred = around(page, target)
    assert focused != blurred, f"the focused {control} looks the same as when unfocused"
    page.context.close()


def test_printed_playbook_names_the_run_and_shows_no_controls(
    browser: Browser, site_url: str
) -> None:
    page = run_view(browser, site_url, PLAYBOOK, width=1280)
    box(page, SCRIBE).check()
    printed(page)
    # The header prints one line: the run bar's id, severity and state, and the print time.
    line = page.locator("[data-playbook-runbar]")
    expect(line).to_be_visible()
    shows = " ".join(line.inner_text().split())
    assert re.match(r"INC-2041 SEV-2 open \d+:\d\d:\d\d next update in", shows), shows
    after = line.evaluate("element => getComputedStyle(element, '::after').content")
    assert re.fullmatch(r'"printed \d{4}-\d\d-\d\d \d\d:\d\d UTC"', after), after
    for hidden in (".md-header__title", ".md-search", "[data-playbook-runbar-mark=mitigate]"):
        expect(page.locator(hidden)).to_be_hidden()
    # No control or icon prints: copy and reset buttons, the run bar, Material's chrome.
    for selector in (
        "article button",
        ".md-code__button",
        ".md-sidebar",
        ".md-footer",
        ".headerlink",
    ):
        for element in page.locator(selector).all():
            expect(element).to_be_hidden()
    # The steps print (ticked as ticked) and each checklist stays whole under its heading.
    expect(box(page, SCRIBE)).to_be_visible()
    expect(box(page, SCRIBE)).to_be_checked()
    rulebook = page.locator("[data-playbook-title='Five-Minute Rulebook']")
    assert rulebook.evaluate("element => getComputedStyle(element).breakInside") == "avoid"
    heading = page.locator("h2#five-minute-rulebook")
    assert heading.evaluate("element => getComputedStyle(element).breakAfter") == "avoid"
    page.context.close()


def test_printed_template_holds_its_filled_values(browser: Browser, site_url: str) -> None:
    page = run_view(browser, site_url, POST_INCIDENT, width=1280)
    page.fill(SUMMARY, "Ledger sync stalled")
    page.locator(SUMMARY).blur()
    text = printed(page)
    assert "Title: Ledger sync stalled" in text
    assert "Incident: INC-2041" in text
    assert "{Summary}" not in text
    assert "Fill in this template" not in text
    expect(page.locator("#template-form [data-playbook-preview]")).to_be_visible()
    page.context.close()
