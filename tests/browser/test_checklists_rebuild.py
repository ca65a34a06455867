"""Ticks across edits and rebuilds, and Material's instant navigation, on fixture projects."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from browsing import CLIPBOARD
from localserver import serve
from support import instant_site, make_project, run_build

STEPS = ["Page the owner", "Freeze deploys", "Open the record"]
CONFIG = """\
site_name: Drill
use_directory_urls: false
theme:
  name: material
  font: false
  features:
    - navigation.instant
plugins:
  - playbook
"""


def drill(steps: list[str]) -> str:
    return "# Drill\n\n[Other page](other.md)\n\n## Recovery Checklist\n\n" + "".join(
        f"- [ ] {step}\n" for step in steps
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(
        tmp_path, {"index.md": "# Home\n", "drill.md": drill(STEPS), "other.md": "# Other\n"}
    )
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    build = run_build(root)
    assert build.returncode == 0, build.output
    return root


@pytest.fixture(params=["http", "file"])
def drill_url(request: pytest.FixtureRequest, project: Path) -> Iterator[str]:
    site = project / "site"
    if request.param == "file":
        yield (site / "drill.html").as_uri()
        return
    # Rebuilds within one second keep the Last-Modified second, and a reload would get
    # "304 Not Modified" and the page before the rebuild: never cache.
    with serve(site, headers={"Cache-Control": "no-store"}) as url:
        yield url + "drill.html"


def rebuild(project: Path, steps: list[str]) -> None:
    (project / "docs" / "drill.md").write_text(drill(steps), encoding="utf-8")
    build = run_build(project)
    assert build.returncode == 0, build.output


def reload(page: Page) -> None:
    page.reload()
    expect(page.locator(".playbook-checklist[data-playbook-ready]")).to_be_attached()


def test_ticks_follow_their_items_through_edits_and_rebuilds(
    browser: Browser, project: Path, drill_url: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(drill_url)
    page.get_by_label("Page the owner").check()
    page.get_by_label("Open the record").check()

    # Reordered, one step inserted, the order of ticks no longer matches positions.
    rebuild(project, ["Open the record", "New first check", "Freeze deploys", "Page the owner"])
    reload(page)
    expect(page.get_by_label("Open the record")).to_be_checked()
    expect(page.get_by_label("Page the owner")).to_be_checked()
    expect(page.get_by_label("New first check")).not_to_be_checked()
    expect(page.get_by_label("Freeze deploys")).not_to_be_checked()

    # One step's text edited: only that step loses its tick.
    rebuild(project, ["Open the incident record", "Freeze deploys", "Page the owner"])
    reload(page)
    expect(page.get_by_label("Open the incident record")).not_to_be_checked()
    expect(page.get_by_label("Page the owner")).to_be_checked()
    expect(page.locator(".playbook-checklist__count")).to_have_text("1 of 3 done")
    context.close()


def test_instant_navigation_away_and_back_keeps_ticks_and_one_handler(
    browser: Browser, tmp_path: Path
) -> None:
    pages = {"index.md": "# Home\n", "drill.md": drill(STEPS), "other.md": "# Other\n"}
    with instant_site(tmp_path, pages, CONFIG) as site_url:
        context = browser.new_context()
        context.add_init_script(CLIPBOARD)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            page.goto(site_url + "drill.html")
            page.evaluate("() => { window.sameDocument = true; }")
            page.get_by_label("Freeze deploys").check()
            for _ in range(3):
                page.get_by_role("link", name="Other page").click()
                expect(page.get_by_role("heading", name="Other", level=1)).to_be_visible()
                page.go_back()
                expect(page.locator(".playbook-checklist[data-playbook-ready]")).to_be_attached()
            # The same document all along: Material swapped the content, the script re-enhanced it.
            assert page.evaluate("() => window.sameDocument") is True
            expect(page.get_by_label("Freeze deploys")).to_be_checked()
            page.get_by_label("Page the owner").check()
            expect(page.locator(".playbook-checklist__count")).to_have_text("2 of 3 done")
            page.get_by_role("button", name="Copy as Markdown").click()
            expect(page.locator(".playbook-checklist__status")).to_have_text("Copied as Markdown.")
            assert page.evaluate("() => window.copied.length") == 1
            page.get_by_role("link", name="Other page").click()
            expect(page.get_by_role("heading", name="Other", level=1)).to_be_visible()
            page.go_back()
            expect(page.locator(".playbook-checklist[data-playbook-ready]")).to_be_attached()
            assert page.evaluate("() => playbook.mounted('.playbook-checklist')") == 1
            assert errors == []
        finally:
            context.close()
