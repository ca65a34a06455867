"""axe-core finds no serious or critical problem on the playbook and reference pages, in the
light and the dark palette; the page's own controls work from the keyboard alone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import pytest
from accessibility import focused_description, serious_violations, tab_to
from playwright.sync_api import expect

from browsing import Visit, open_search

PAGES = [
    "index.html",
    "operations/INCIDENT_RESPONSE_PLAYBOOK.html",
    "operations/RUNBOOK.html",
    "reference/index.html",
    "DATABASE.html",
    "incident-run.html",
    # Template forms with repeating lines.
    "POST_LAUNCH_SUPPORT_OPTIMIZATION.html",
]
SCHEMES: dict[Literal["light", "dark"], str] = {"light": "default", "dark": "slate"}


@pytest.mark.parametrize("preference", list(SCHEMES))
def test_no_serious_axe_violations(
    open_page: Callable[[str], Visit], site_url: str, preference: Literal["light", "dark"]
) -> None:
    visit = open_page(site_url + PAGES[0])
    page = visit.page
    page.emulate_media(color_scheme=preference, reduced_motion="reduce")
    # Material stores the palette it chose on a visit (the first one too, in the light media
    # it opened with, possibly after any one-off clear); forget it before every page instead.
    page.add_init_script("try { localStorage.clear(); } catch (error) {}")
    found: dict[str, list[str]] = {}
    for path in PAGES:
        page.goto(site_url + path)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[preference])
        found[path] = serious_violations(page)
    problems = [f"{path}: {violation}" for path, v in found.items() for violation in v]
    assert problems == [], "\n".join(problems)
    assert visit.errors == [], visit.errors


def test_axe_catches_a_seeded_violation(open_page: Callable[[str], Visit], site_url: str) -> None:
    """The harness itself: an unlabelled checkbox is reported."""
    visit = open_page(site_url + PAGES[1])
    visit.page.evaluate(
        "() => { const box = document.createElement('input'); box.type = 'checkbox';"
        " document.querySelector('article').append(box); }"
    )
    assert any(v.startswith("label (critical)") for v in serious_violations(visit.page))


def test_search_and_palette_work_from_the_keyboard(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + PAGES[1])
    page = visit.page
    assert tab_to(page, page.locator("a.md-skip")) == 1, focused_description(page)
    scheme = page.locator("body").get_attribute("data-md-color-scheme") or ""
    toggle = page.locator("input.md-option[aria-label^='Switch to']").first
    tab_to(page, toggle)
    page.keyboard.press("Enter")  # Material switches the palette on Enter
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme)
    open_search(page)
    page.keyboard.type("recovery procedures")
    expect(page.locator(".md-search-result__item").first).to_contain_text("Recovery Procedures")
    # Material re-renders the results for each keystroke's query as the worker answers; a
    # focus given to a list that is then replaced is lost, so let the last answer land.
    page.wait_for_timeout(500)
    page.keyboard.press("ArrowDown")
    expect(page.locator(".md-search-result__link").first).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/DATABASE.html*")
    assert visit.errors == [], visit.errors
