"""The built site as a responder sees it on a given screen: a phone's width, the dark palette,
with or without JavaScript. What the phone, focus and print tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from playwright.sync_api import Browser, BrowserContext, Page, expect
from test_runs import RUN_PAGE, declare

from browsing import is_local

Scheme = Literal["light", "dark"]


def guarded_context(
    browser: Browser,
    *,
    width: int,
    scheme: Scheme = "dark",
    javascript: bool = True,
    timezone: str | None = None,
) -> BrowserContext:
    """A fresh context `width` px wide in the `scheme` palette (and the `timezone`, if given);
    nothing leaves this machine."""
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        color_scheme=scheme,
        java_script_enabled=javascript,
        timezone_id=timezone,
    )
    context.route(
        "**/*",
        lambda route: route.continue_() if is_local(route.request.url) else route.abort(),
    )
    return context


def with_run(context: BrowserContext, base: str, run_id: str = "INC-2041") -> Page:
    """A page of `context` on the run page, a run `run_id` (SEV-2) declared."""
    page = context.new_page()
    page.goto(base + RUN_PAGE)
    declare(page, run_id, "SEV-2")
    return page


def site_pages(site_dir: Path) -> Iterator[str]:
    """Every HTML page of the built site, as a path relative to its root."""
    for path in sorted(site_dir.rglob("*.html")):
        yield path.relative_to(site_dir).as_posix()


def shown(page: Page, path: str, base: str) -> bool:
    """Opens `path`, once its run bar is filled in; False for a page without one (404.html,
    which MkDocs renders without the page events that add it)."""
    page.goto(base + path)
    if not page.locator("[data-playbook-runbar]").count():
        return False
    expect(page.locator("[data-playbook-runbar][data-playbook-ready]")).to_be_attached()
    return True


def run_view(
    browser: Browser, base: str, path: str, *, width: int, scheme: Scheme = "dark"
) -> Page:
    """`path` in a fresh context (`guarded_context`), a run INC-2041 declared first; close
    it with `page.context.close()`."""
    page = with_run(guarded_context(browser, width=width, scheme=scheme), base)
    shown(page, path, base)
    return page
