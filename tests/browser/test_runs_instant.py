"""The run bar under Material's instant navigation, which swaps the page's container and keeps
the header: each page's own bar (its link to the run page, its title) must take the header."""

from __future__ import annotations

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
