"""The built site as a responder sees it on a given screen: a phone's width, the dark palette,
with or without JavaScript, a control's focus ring, the page on paper. What the phone, focus,
print and responder-flow tests share."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Literal

from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect
from pypdf import PdfReader
from test_runs import RUN_PAGE, declare

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
    nothing leaves this machine (chromium.ARGS)."""
    return browser.new_context(
        viewport={"width": width, "height": 800},
        color_scheme=scheme,
        java_script_enabled=javascript,
        timezone_id=timezone,
    )


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


MARGIN = 8
"""Pixels around a control that a focus ring may take."""


def around(page: Page, control: Locator) -> bytes:
    """A screenshot of `control` and the margin around it, the control in mid-viewport (clear
    of the sticky header, whose run bar ticks every second)."""
    control.evaluate("element => element.scrollIntoView({block: 'center'})")
    found = control.bounding_box()
    assert found is not None
    clip = {
        "x": max(0, found["x"] - MARGIN),
        "y": max(0, found["y"] - MARGIN),
        "width": found["width"] + 2 * MARGIN,
        "height": found["height"] + 2 * MARGIN,
    }
    return page.screenshot(clip=clip, animations="disabled")  # type: ignore[arg-type]


def printed(page: Page) -> str:
    """The page printed to PDF (which fires "beforeprint"), then its article's text as print
    media lay it out: what is hidden in print is not in it."""
    assert page.pdf()[:5] == b"%PDF-"
    page.emulate_media(media="print")
    return page.locator("article").inner_text()


def pdf_text(page: Page) -> str:
    """The text of the page printed to PDF (which fires "beforeprint"), as the PDF holds it."""
    reader = PdfReader(BytesIO(page.pdf()))
    return "\n".join(sheet.extract_text() for sheet in reader.pages)
