"""Browser contexts kept from test to test and cleared in between.

A new Chromium context costs about a second of processor time before its first page shows (a
renderer started, Material's and our scripts compiled again); a kept context costs a third of
that, and the browser tests open hundreds. Given back, a context is left as a new one would be
for what the site can see: its pages closed, and every origin it opened (the site over HTTP,
from `file://`) without local or session storage, IndexedDB, caches, cookies or permissions.
Its HTTP cache is kept, as a responder's browser keeps it: the site a run serves does not
change, and a test that rebuilds one serves it with `Cache-Control: no-store`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page

# Every file:// page shares this one origin's storage in Chromium.
FILE_ORIGIN = "file://"


def origin_of(url: str) -> str | None:
    """The origin whose storage a page at `url` uses, or None (about:, data:, blob:)."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return FILE_ORIGIN
    if parts.scheme in ("http", "https"):
        return f"{parts.scheme}://{parts.netloc}"
    return None


class KeptContext:
    """One context, the origins its pages reached, and an idle page that stays open, through
    which the Chrome DevTools Protocol clears them (it needs a page of the context)."""

    def __init__(self, context: BrowserContext, prepare: Callable[[BrowserContext], None]) -> None:
        self.context = context
        self.origins: set[str] = {FILE_ORIGIN}
        context.on("request", self._reached)
        prepare(context)
        self._idle = context.new_page()
        self._protocol = context.new_cdp_session(self._idle)

    def _reached(self, request: object) -> None:
        origin = origin_of(request.url)  # type: ignore[attr-defined]
        if origin:
            self.origins.add(origin)

    def pages(self) -> list[Page]:
        """The pages a test opened (not the idle one)."""
        return [page for page in self.context.pages if page is not self._idle]

    def clear(self) -> None:
        """Closes the test's pages first (a page left open would write its storage back), then
        clears every origin they reached."""
        # Playwright's clock reaches every page of its context, the idle one too (as this name).
        assert not self._idle.evaluate("() => '__pwClock' in window"), (
            "a test set the clock of a kept context: mark it `clock` (conftest.open_page)"
        )
        for page in self.pages():
            page.close()
        for origin in sorted(self.origins):
            self._protocol.send(
                "Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"}
            )
        self.context.clear_cookies()
        self.context.clear_permissions()

    @property
    def closed(self) -> bool:
        return self._idle.is_closed()


class ContextPool:
    """Contexts of one browser made by `prepare` (its routes, init scripts and bindings: what
    every test of the pool wants, once), lent one at a time and cleared when given back."""

    def __init__(self, browser: Browser, prepare: Callable[[BrowserContext], None]) -> None:
        self._browser = browser
        self._prepare = prepare
        self._idle: list[KeptContext] = []

    @contextmanager
    def lent(self, *, keep: bool = True) -> Iterator[BrowserContext]:
        """A cleared context for the block; cleared again and kept after it, unless the block
        closed it or `keep` is false: Playwright's clock, once installed, is its context's for
        good (there is no uninstall), so a test that sets it gives its context up."""
        # Only contexts still open are kept (below), so an idle one is open.
        kept = self._idle.pop() if self._idle else None
        if kept is None:
            kept = KeptContext(self._browser.new_context(), self._prepare)
        try:
            yield kept.context
        finally:
            if not keep:
                kept.context.close()
            elif not kept.closed:
                kept.clear()
                self._idle.append(kept)

    def close(self) -> None:
        for kept in self._idle:
            kept.context.close()
        self._idle.clear()
