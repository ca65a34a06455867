"""Controls rendered once per page and cloned into each widget: a site's own fragment (from its
theme's custom_dir) is what every widget gets, and works, in Chromium from disk."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, expect

from browsing import CLIPBOARD
from support import run_build

CONFIG = """\
site_name: Drill
use_directory_urls: false
theme:
  name: material
  font: false
  custom_dir: overrides
plugins:
  - playbook
"""
PAGE = """# Drill

## First Checklist

- [ ] Page the owner
- [ ] Freeze deploys

## Second Checklist

- [ ] Open the record
"""
# The bundled checklist_controls.html with its own words; the hooks the script needs are kept.
OVERRIDE = """\
<div class="playbook-checklist__bar">
<progress class="playbook-checklist__progress" max="1" value="0"></progress>
<span class="playbook-checklist__count" role="status"></span>
<button type="button" class="md-button playbook-checklist__copy">Copy these steps</button>
<button type="button" class="md-button playbook-checklist__reset">Start over</button>
</div>
<div class="playbook-checklist__confirm" role="group" aria-label="Confirm" hidden>
<button type="button" class="md-button playbook-checklist__confirm-reset">Yes</button>
<button type="button" class="md-button playbook-checklist__cancel">No</button>
</div>
<div class="playbook-checklist__undo" hidden>
<button type="button" class="md-button playbook-checklist__undo-button">Undo</button>
</div>
<p class="playbook-checklist__notice" role="alert" hidden></p>
<p class="playbook-checklist__status" role="status"></p>
<slot></slot>
"""


def test_every_checklist_clones_the_sites_own_controls(browser: Browser, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "overrides" / "playbook").mkdir(parents=True)
    (tmp_path / "overrides" / "playbook" / "checklist_controls.html").write_text(
        OVERRIDE, encoding="utf-8"
    )
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    build = run_build(tmp_path)
    assert build.returncode == 0, build.output
    html = build.html("index.html")
    # Once in the page, whatever the number of checklists; the bundled words are gone.
    assert html.count("Copy these steps") == 1 and "Copy as Markdown" not in html

    context = browser.new_context()
    context.add_init_script(CLIPBOARD)
    try:
        page = context.new_page()
        page.goto((build.site_dir / "index.html").as_uri())
        checklists = page.locator(".playbook-checklist[data-playbook-ready]")
        expect(checklists).to_have_count(2)
        for index in range(2):
            expect(
                checklists.nth(index).get_by_role("button", name="Copy these steps")
            ).to_be_visible()
        second = checklists.nth(1)
        second.get_by_role("checkbox", name="Open the record").check()
        expect(second.locator(".playbook-checklist__count")).to_have_text("1 of 1 done")
        second.get_by_role("button", name="Copy these steps").click()
        expect(second.locator(".playbook-checklist__status")).to_have_text("Copied as Markdown.")
        assert page.evaluate("() => window.copied[0]").startswith("- [x] Open the record")
        second.get_by_role("button", name="Start over").click()
        second.get_by_role("button", name="Yes").click()
        expect(second.get_by_role("checkbox", name="Open the record")).not_to_be_checked()
        # The first checklist's controls are its own: its count did not move.
        expect(checklists.nth(0).locator(".playbook-checklist__count")).to_have_text("0 of 2 done")
    finally:
        context.close()
