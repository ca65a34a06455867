"""One key to the update (issue 25): "u" goes to the stakeholder update template's first empty
field, on its page and from any other page of a site with runs; never while the responder types
in a field, and never in place of Material's own keys; the update template says so."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect
from test_responder import SLACK, field
from test_runs import PLAYBOOK, ROLLBACK, RUN_PAGE, declare, go

from browsing import Visit

FIRST_EMPTY = """(form) => [...document.querySelectorAll(form + ' input[data-playbook-field]')]
  .find((input) => !input.value).dataset.playbookField"""


def first_empty(page: Page) -> str:
    """The key of the update template's first field with nothing in it."""
    return str(page.evaluate(FIRST_EMPTY, SLACK))


def test_u_goes_to_the_update_templates_first_empty_field(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    go(page, base_url, PLAYBOOK)
    # Listed where the responder meets the update: on it, and for assistive technology.
    keys = page.locator(f"{SLACK} .playbook-form__keys")
    expect(keys).to_be_visible()
    expect(keys.locator("kbd")).to_have_text("u")
    expect(page.locator(SLACK)).to_have_attribute("aria-keyshortcuts", "u")
    page.keyboard.press("u")
    expect(page.locator(field(SLACK, "#"))).to_be_focused()
    page.keyboard.type("2")
    page.locator(field(SLACK, "summary")).fill("Uploads failing")
    page.locator(".md-content h1").click()
    page.keyboard.press("u")
    expect(page.locator(field(SLACK, first_empty(page)))).to_be_focused()
    assert first_empty(page) == "user scope"
    # In a field, "u" is a letter: the focus stays where the responder types.
    page.keyboard.type("uploads")
    expect(page.locator(field(SLACK, "user scope"))).to_have_value("uploads")
    expect(page.locator(field(SLACK, "user scope"))).to_be_focused()
    # With a modifier, "u" is the browser's, not ours.
    page.locator(".md-content h1").click()
    page.keyboard.press("Alt+u")
    expect(page.locator(field(SLACK, "user scope"))).not_to_be_focused()
    # Material keeps its "/" to search, where "u" is a letter of the query.
    page.keyboard.press("/")
    search = page.locator(".md-search__input")
    expect(search).to_be_focused()
    page.keyboard.type("u")
    expect(search).to_have_value("u")
    expect(search).to_be_focused()
    assert visit.errors == [], visit.errors


def test_u_from_another_page_goes_to_the_update_template(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + RUN_PAGE)
    page = visit.page
    declare(page, "INC-2041")
    go(page, base_url, ROLLBACK)
    page.locator(".md-content h1").click()
    page.keyboard.press("u")
    page.wait_for_url(f"**/{PLAYBOOK}#template-form")
    expect(page.locator(f"{SLACK}[data-playbook-ready]")).to_be_attached()
    # The run's severity (SEV-2) is filled: the summary is the first thing left to type.
    expect(page.locator(field(SLACK, "summary"))).to_be_focused()
    assert visit.errors == [], visit.errors
