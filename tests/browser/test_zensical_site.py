"""The core of a responder's work on the site built with Zensical, over HTTP and from disk.

The same checks as on the MkDocs build (test_checklists_site, test_severity_forms, test_runs),
on the HTML Zensical writes: a tick persists, the severity lookup answers, a template form
copies, a run is declared and its timeline shows a tick, and nothing is requested off this
machine.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import expect
from test_runs import RUN_PAGE, UTC_LINE, bar, declare, events, go

from browsing import CLIPBOARD, Visit
from localserver import serve
from support import Build

PLAYBOOK = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"
SCRIBE = "Scribe: maintains a minute-by-minute timeline"


@pytest.fixture(scope="module")
def zensical_url(zensical_build: Build) -> Iterator[str]:
    with serve(zensical_build.site_dir) as url:
        yield url


@pytest.fixture(params=["http", "file"])
def zensical_base(request: pytest.FixtureRequest, zensical_build: Build, zensical_url: str) -> str:
    if request.param == "http":
        return zensical_url
    return zensical_build.site_dir.resolve().as_uri() + "/"


def test_a_tick_persists(open_page: Callable[[str], Visit], zensical_base: str) -> None:
    visit = open_page(zensical_base + PLAYBOOK)
    page = visit.page
    rulebook = page.locator('.playbook-checklist[data-playbook-title="Five-Minute Rulebook"]')
    expect(rulebook.locator(".playbook-checklist__count")).to_have_text("0 of 8 done")
    page.get_by_role("checkbox", name=SCRIBE).check()
    expect(rulebook.locator(".playbook-checklist__count")).to_have_text("1 of 8 done")
    page.reload()
    expect(page.locator(".playbook-checklist[data-playbook-ready]").first).to_be_attached()
    expect(page.get_by_role("checkbox", name=SCRIBE)).to_be_checked()
    expect(rulebook.locator(".playbook-checklist__count")).to_have_text("1 of 8 done")
    assert visit.foreign_requests == []
    assert visit.errors == [], visit.errors


def test_the_severity_lookup_answers_and_a_template_copies(
    open_page: Callable[[str], Visit], zensical_base: str
) -> None:
    visit = open_page(zensical_base + PLAYBOOK)
    page = visit.page
    page.add_init_script(CLIPBOARD)
    page.reload()
    page.fill("#severity-lookup-query", "QuickBooks")
    result = page.locator("#severity-lookup [data-playbook-severity-result]")
    expect(result).to_contain_text("SEV-2 — ")
    expect(result).to_contain_text("every 15 minutes")
    page.fill('#template-form input[data-playbook-field="summary"]', "Sync is down")
    preview = page.locator("#template-form [data-playbook-preview]")
    expect(preview).to_contain_text("Sync is down")
    expect(preview).to_contain_text("SEV-2")
    page.locator("#template-form [data-playbook-copy]").click()
    expect(page.locator("#template-form [data-playbook-form-status]")).to_have_text(
        "Copied the filled template."
    )
    assert page.evaluate("window.copied") == [preview.inner_text()]
    assert visit.foreign_requests == []
    assert visit.errors == [], visit.errors


def test_a_run_is_declared_and_its_timeline_shows_a_tick(
    open_page: Callable[[str], Visit], zensical_base: str
) -> None:
    visit = open_page(zensical_base + RUN_PAGE)
    page = visit.page
    declare(page, "INC-77", "SEV-2")
    go(page, zensical_base, PLAYBOOK)
    # The bar the extension placed, moved into Zensical's header by the script.
    expect(page.locator(".md-header__inner [data-playbook-runbar]")).to_contain_text("INC-77")
    page.get_by_role("checkbox", name=SCRIBE).check()
    bar(page).get_by_role("link", name="INC-77").click()
    expect(page.locator("[data-playbook-run-events] li")).to_have_count(2)
    lines = events(page)
    assert re.fullmatch(UTC_LINE + r" Incident INC-77 declared \(SEV-2\)", lines[0]), lines
    assert re.fullmatch(
        UTC_LINE + rf" Ticked “{SCRIBE}” in “Five-Minute Rulebook” \(Incident Response Playbook\)",
        lines[1],
    ), lines
    assert visit.foreign_requests == []
    assert visit.errors == [], visit.errors
