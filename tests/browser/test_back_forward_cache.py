"""A tab shown again from the back/forward cache writes into the run that is current now, not
the one it was showing when it was left."""

from __future__ import annotations

from playwright.sync_api import Browser, BrowserContext, Page, expect
from test_runs import PLAYBOOK, RUN_PAGE, SCRIBE, bar, box, close_run, declare, go

PAGE_SCOPE = "page:operations/INCIDENT_RESPONSE_PLAYBOOK.md"
TICKS_BY_RUN = f"""() => ["INC-1", "INC-2"].map(
  (id) => Object.keys(playbook.store.all(playbook.store.inRun(id, "{PAGE_SCOPE}"))).length
)"""


def switch_run_in_another_tab(context: BrowserContext, site_url: str) -> None:
    other = context.new_page()
    go(other, site_url, RUN_PAGE)
    close_run(other)
    declare(other, "INC-2")
    expect(bar(other)).to_contain_text("INC-2")


def test_a_tab_restored_from_the_cache_writes_into_the_current_run(
    cached_context: BrowserContext, site_url: str
) -> None:
    page = cached_context.new_page()
    go(page, site_url, RUN_PAGE)
    declare(page, "INC-1")
    go(page, site_url, PLAYBOOK)
    page.evaluate("() => { window.left = true; }")
    go(page, site_url, "index.html")
    switch_run_in_another_tab(cached_context, site_url)
    # A restore fires no load event: wait for the page to be shown.
    page.go_back(wait_until="commit")
    page.wait_for_function("() => window.shows && window.shows.includes(true)")
    assert page.evaluate("() => window.left") is True
    expect(bar(page)).to_contain_text("INC-2")
    box(page, SCRIBE).check()
    assert page.evaluate(TICKS_BY_RUN) == [0, 1]


# Storage events this page would not hear, as while it sat in the cache.
DEAF = """
window.deaf = false;
addEventListener("storage", (event) => {
  if (window.deaf) event.stopImmediatePropagation();
}, true);
"""


def test_a_tab_that_missed_storage_events_in_the_cache_reads_them_when_shown(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context()
    try:
        context.add_init_script(DEAF)
        page: Page = context.new_page()
        go(page, site_url, RUN_PAGE)
        declare(page, "INC-1")
        go(page, site_url, PLAYBOOK)
        page.evaluate("() => { window.deaf = true; }")
        switch_run_in_another_tab(context, site_url)
        expect(bar(page)).to_contain_text("INC-1")
        page.evaluate(
            "() => { window.deaf = false;"
            " dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })); }"
        )
        expect(bar(page)).to_contain_text("INC-2")
        expect(box(page, SCRIBE)).not_to_be_checked()
        box(page, SCRIBE).check()
        assert page.evaluate(TICKS_BY_RUN) == [0, 1]
    finally:
        context.close()
