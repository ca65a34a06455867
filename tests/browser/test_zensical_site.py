"""The core of a responder's work on the site built with Zensical, over HTTP and from disk.

The same checks as on the MkDocs build (test_checklists_site, test_severity_forms, test_runs),
on the HTML Zensical writes: a tick persists, the severity lookup answers, a template form
copies, and nothing is requested off this machine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import expect

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
