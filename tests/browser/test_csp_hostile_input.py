"""Typed, stored and URL values stay data: never HTML, never script, never a crash."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from hostile import (
    HOSTILE_VALUES,
    STORAGE_VALUES,
    assert_inert,
    assert_literal,
    material_key,
    plant_storage,
)
from playwright.sync_api import expect

from browsing import Visit, open_search

PLAYBOOK = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"


def test_hostile_search_queries_stay_literal(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + "index.html")
    page = visit.page
    open_search(page)
    search = page.locator("input.md-search__input")
    for value in HOSTILE_VALUES:
        search.fill(value)
        search.press("End")  # Material reads the query on keyup
        expect(page.locator(".md-search-result__meta")).not_to_have_text("Type to start searching")
        assert_literal(search, value)
        assert_inert(visit)
    assert visit.errors == [], visit.errors


def test_hostile_values_in_the_url_stay_inert(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + PLAYBOOK)
    for value in HOSTILE_VALUES[:6]:
        # Material highlights the `h` query's terms on the page (search.highlight).
        visit.page.goto(f"{base_url}{PLAYBOOK}?h={quote(value)}#{quote(value)}")
        expect(visit.page.get_by_role("heading", level=1)).to_be_visible()
        visit.page.wait_for_load_state("load")
        assert_inert(visit)
    assert visit.errors == [], visit.errors


def test_crafted_storage_never_breaks_the_page(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    keys = [material_key(visit, name) for name in ("__palette", "__tabs", "__consent")]
    for raw in STORAGE_VALUES:
        plant_storage(visit, dict.fromkeys(keys, raw))
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        for name in ("scheme", "primary", "accent"):
            attribute = page.locator("body").get_attribute(f"data-md-color-{name}") or ""
            assert "<" not in attribute, raw
        # The page still works: the palette toggles and search opens.
        page.locator("label.md-header__button[for^='__palette']:visible").click()
        open_search(page)
        page.keyboard.press("Escape")
        assert_inert(visit)
        assert visit.errors == [], (raw[:80], visit.errors)
