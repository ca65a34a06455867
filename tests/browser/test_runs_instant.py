"""The run bar under Material's instant navigation, which swaps the page's container and keeps
the header: each page's own bar (its link to the run page, its title) must take the header."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import Browser, expect

from browsing import CLIPBOARD
from support import instant_site

CONFIG = """\
site_name: Instant
use_directory_urls: false
theme:
  name: material
  font: false
  features:
    - navigation.instant
plugins:
  - playbook:
      runs:
        page: incident-run.md
"""
PAGES = {
    "index.md": "# Home\n\n[Deep page](ops/deep/drill.md)\n",
    "ops/deep/drill.md": "# Drill\n\n[Home](../../index.md)\n\n## Checklist\n\n- [ ] Own it\n",
}


def test_each_page_brings_its_own_bar_into_the_header(browser: Browser, tmp_path: Path) -> None:
    with instant_site(tmp_path, PAGES, CONFIG) as site_url:
        context = browser.new_context()
        context.add_init_script(CLIPBOARD)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            page.goto(site_url + "index.html")
            page.evaluate("() => { window.sameDocument = true; }")
            header_bars = page.locator(".md-header [data-playbook-runbar]")
            expect(header_bars).to_have_count(1)
            page.get_by_role("link", name="Deep page").click()
            expect(page.get_by_role("heading", name="Drill", level=1)).to_be_visible()
            # Material swapped the content in the same document: the deep page's bar took over.
            assert page.evaluate("() => window.sameDocument") is True
            expect(header_bars).to_have_count(1)
            expect(page.locator("[data-playbook-runbar]")).to_have_count(1)
            expect(header_bars).to_have_attribute("data-playbook-page-title", "Drill")
            declare = header_bars.get_by_role("link", name="Declare incident")
            expect(declare).to_be_visible()
            declare.click()
            expect(page.locator("#playbook-run-id")).to_be_visible()
            assert page.url.startswith(site_url + "incident-run.html"), page.url
            assert errors == [], errors
        finally:
            context.close()


def test_the_run_page_lets_go_of_its_timer_and_listeners_when_left(
    browser: Browser, tmp_path: Path
) -> None:
    with instant_site(tmp_path, PAGES, CONFIG) as site_url:
        context = browser.new_context()
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(f"{error}\n{error.stack or ''}"))
        try:
            page.clock.install(time=datetime(2026, 11, 27, 13, 0, tzinfo=UTC))
            page.goto(site_url + "incident-run.html")
            page.fill("#playbook-run-id", "INC-1")
            page.get_by_role("button", name="Declare incident").click()
            expect(page.locator("[data-playbook-runbar-id]")).to_have_text("INC-1")
            page.evaluate("() => { window.sameDocument = true; }")
            page.locator("nav.md-nav--primary").get_by_role("link", name="Home").click()
            expect(page.get_by_role("heading", name="Home", level=1)).to_be_visible()
            assert page.evaluate("() => window.sameDocument") is True
            # Its one-second timer and its storage listener found no page to update, every time.
            page.clock.run_for(5000)
            other = context.new_page()
            other.goto(site_url + "index.html")
            other.evaluate("() => playbook.store.set(playbook.store.SITE, 'field:summary', 'x')")
            page.clock.run_for(2000)
            assert errors == [], errors
            # Back on the run page, it works as before, once.
            page.locator("nav.md-nav--primary").get_by_role("link", name="Incident Run").click()
            page.fill("#playbook-run-note", "Back again")
            page.get_by_role("button", name="Add note").click()
            expect(page.locator("[data-playbook-run-events] li")).to_have_count(2)
            assert page.evaluate("() => window.sameDocument") is True
            page.clock.run_for(2000)
            assert errors == [], errors
        finally:
            context.close()
