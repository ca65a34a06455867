"""Harness for browser tests: the built site served on 127.0.0.1 and opened from disk, in
Debian's headless Chromium driven by Playwright. Widget tests plug in through `open_page`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest
from contexts import ContextPool
from csp import CspSite, serve_with_policy
from playwright.sync_api import Browser, BrowserContext, Dialog, Request, sync_playwright

import chromium
from browsing import WATCH_CSP, Visit, is_local
from localserver import serve
from support import Build


@pytest.fixture(scope="session")
def site_url(site_build: Build) -> Iterator[str]:
    """Base URL of the built site served over HTTP on 127.0.0.1 (a free port)."""
    with serve(site_build.site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def site_file_url(site_build: Build) -> str:
    """Base `file://` URL of the built site, as a responder opens it from disk."""
    return site_build.site_dir.resolve().as_uri() + "/"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = chromium.launch(playwright, chromium.TEST_ARGS)
        yield browser
        browser.close()


# What a page saw of `pageshow` (persisted: shown again from the cache).
SHOWS = "window.shows = []; addEventListener('pageshow', (e) => window.shows.push(e.persisted));"


@pytest.fixture
def cached_context(browser: Browser) -> Iterator[BrowserContext]:
    """A context of a Chromium with its back/forward cache on (Playwright turns it off); each
    page's `window.shows` lists its `pageshow` events' `persisted`."""
    with_cache = browser.browser_type.launch(
        executable_path=chromium.EXECUTABLE,
        args=chromium.TEST_ARGS,
        ignore_default_args=["--disable-back-forward-cache"],
    )
    context = with_cache.new_context()
    context.add_init_script(SHOWS)
    yield context
    with_cache.close()


@pytest.fixture(scope="session")
def visit_contexts(browser: Browser) -> Iterator[tuple[ContextPool, dict[BrowserContext, Visit]]]:
    """The contexts `open_page` lends, each watched once: every request off this machine
    (which Chromium refuses) is recorded, and CSP violations too, for the visit it is lent to."""
    visits: dict[BrowserContext, Visit] = {}

    def prepare(context: BrowserContext) -> None:
        # Chromium refuses them (chromium.ARGS); the visit records them.
        def record(request: Request) -> None:
            if not is_local(request.url):
                visits[context].foreign_requests.append(request.url)

        context.on("request", record)
        context.expose_function(
            "__playbookCspViolation", lambda report: visits[context].csp_violations.append(report)
        )
        context.add_init_script(WATCH_CSP)

    pool = ContextPool(browser, prepare)
    yield pool, visits
    pool.close()


@pytest.fixture
def open_page(
    request: pytest.FixtureRequest,
    visit_contexts: tuple[ContextPool, dict[BrowserContext, Visit]],
) -> Iterator[Callable[[str], Visit]]:
    """Opens a URL in a context of its own, as a new one holds nothing of the site (contexts.py);
    every request off this machine is blocked and recorded. A test marked `clock` sets
    Playwright's clock: its contexts are closed after it, not kept."""
    pool, visits = visit_contexts
    keep = request.node.get_closest_marker("clock") is None
    with ExitStack() as lent:

        def open_(url: str) -> Visit:
            context = lent.enter_context(pool.lent(keep=keep))
            page = context.new_page()
            visit = visits[context] = Visit(page)
            page.on("pageerror", lambda error: visit.errors.append(f"{error}\n{error.stack or ''}"))
            page.on(
                "console",
                lambda message: (
                    visit.errors.append(message.text) if message.type == "error" else None
                ),
            )

            def dismiss(dialog: Dialog) -> None:
                visit.dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", dismiss)
            page.goto(url)
            return visit

        yield open_


@pytest.fixture(params=["http", "file"])
def base_url(request: pytest.FixtureRequest, site_url: str, site_file_url: str) -> str:
    """Each browser test that takes this runs over HTTP and from `file://`."""
    return site_url if request.param == "http" else site_file_url


@pytest.fixture(scope="session")
def csp_server(site_build: Build) -> Iterator[CspSite]:
    with serve_with_policy(site_build.site_dir) as site:
        yield site


@pytest.fixture
def csp_site(csp_server: CspSite) -> CspSite:
    """The built site served under the strict CSP (`csp.STRICT_POLICY`), reports of this test."""
    csp_server.reports.clear()
    return csp_server
