"""The site runs under a strict Content-Security-Policy: no violation on any page or action."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from csp import STRICT_POLICY, CspSite, assert_no_violations
from playwright.sync_api import expect

from browsing import Visit, open_search
from support import Build

PAGES = [
    "index.html",
    "operations/INCIDENT_RESPONSE_PLAYBOOK.html",
    "operations/index.html",
    "reference/index.html",
    "404.html",
]


def test_the_policy_is_no_looser_than_the_issue_allows() -> None:
    assert (
        STRICT_POLICY == "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'"
    )


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_without_violations(
    open_page: Callable[[str], Visit], csp_site: CspSite, path: str
) -> None:
    visit = open_page(csp_site.url + path)
    # The bundle ran (it swaps no-js for js): our scripts were allowed, inline ones absent.
    expect(visit.page.locator("html")).to_contain_class("js")
    visit.page.wait_for_load_state("load")
    assert_no_violations(visit, csp_site)
    assert visit.errors == [], visit.errors


def test_every_built_page_is_free_of_inline_script(site_build: Build) -> None:
    pages = sorted(site_build.site_dir.rglob("*.html"))
    assert len(pages) >= len(PAGES)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for tag in html.split("<script")[1:]:
            opening = tag.split(">", 1)[0]
            assert " src=" in opening or 'type="application/json"' in opening, (page, opening)
        assert " onclick=" not in html and " onload=" not in html, page


def test_search_and_palette_work_under_the_policy(
    open_page: Callable[[str], Visit], csp_site: CspSite
) -> None:
    visit = open_page(csp_site.url + "operations/INCIDENT_RESPONSE_PLAYBOOK.html")
    page = visit.page
    open_search(page)
    page.locator("input.md-search__input").press_sequentially("recovery")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme or "")
    # The palette choice survives a reload through the restore script, a file under 'self'.
    chosen = page.locator("body").get_attribute("data-md-color-scheme")
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", chosen or "")
    assert_no_violations(visit, csp_site)
    assert visit.errors == [], visit.errors


def test_a_violation_is_caught(open_page: Callable[[str], Visit], csp_site: CspSite) -> None:
    """The harness itself: an inline script injected into a served page is reported."""
    visit = open_page(csp_site.url + "index.html")
    visit.page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = 1'; document.body.appendChild(s); }"
    )
    visit.page.wait_for_timeout(200)
    assert visit.page.evaluate("() => window.ran") is None
    assert any("script-src" in v for v in visit.csp_violations), visit.csp_violations
