"""The policy the published pages carry themselves (<meta http-equiv>, as GitHub Pages sends no
header), alone: it is enforced, and the site works under it, search included, over HTTP from a
server that sends no policy and opened from disk."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import expect
from test_runs import PLAYBOOK, RUN_PAGE, SCRIBE, bar, box, declare, go

from browsing import CLIPBOARD, Visit, open_search, search_for


def test_the_meta_policy_alone_is_enforced(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    # The server sends no policy (the session's plain server, or a file).
    visit = open_page(base_url + "index.html")
    page = visit.page
    page.evaluate(
        "() => { window.seen = [];"
        " document.addEventListener('securitypolicyviolation',"
        " (event) => window.seen.push(event.effectiveDirective));"
        " const s = document.createElement('script');"
        " s.textContent = 'window.ran = 1'; document.body.appendChild(s); }"
    )
    page.wait_for_function("() => window.seen.length > 0")
    # An inline event handler, the other way markup would run script.
    page.evaluate(
        "() => { const b = document.createElement('button');"
        " b.setAttribute('onclick', 'window.clicked = 1'); document.body.appendChild(b);"
        " b.click(); }"
    )
    page.wait_for_function("() => window.seen.length > 1")
    assert page.evaluate("() => [window.ran, window.clicked, window.seen]") == [
        None,
        None,
        ["script-src-elem", "script-src-attr"],
    ]


def test_the_site_works_under_the_meta_policy_alone(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page("about:blank")
    page = visit.page
    page.add_init_script(CLIPBOARD)
    page.goto(base_url + PLAYBOOK)
    open_search(page)
    result = search_for(page, "recovery procedures", "Recovery Procedures")
    result.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    go(page, base_url, RUN_PAGE)
    declare(page, "INC-30")
    page.get_by_role("button", name="Share state").click()
    expect(page.locator("#playbook-run-share-url")).to_have_value(re.compile("#playbook-run=1\\."))
    go(page, base_url, PLAYBOOK)
    expect(bar(page)).to_contain_text("INC-30")
    box(page, SCRIBE).check()
    page.fill("#severity-lookup-query", "QuickBooks")
    expect(page.locator('#severity-lookup input[value="SEV-2"]')).to_be_checked()
    page.fill('#template-form input[data-playbook-field="summary"]', "Ledger sync stalled")
    page.locator("#template-form [data-playbook-copy]").click()
    expect(page.locator("#template-form [data-playbook-form-status]")).to_have_text(
        "Copied the filled template."
    )
    page.wait_for_load_state("load")
    assert visit.csp_violations == [], visit.csp_violations
    assert visit.errors == [], visit.errors
    assert visit.foreign_requests == []
