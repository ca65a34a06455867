"""What browser tests share: what a visit records (Chromium itself: `scripts/lib/chromium.py`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Locator, Page, expect


@dataclass
class Visit:
    """A page opened in a fresh browser context, with what went wrong while it ran."""

    page: Page
    errors: list[str] = field(default_factory=list)
    """Uncaught exceptions (with their stack) and console errors."""
    foreign_requests: list[str] = field(default_factory=list)
    """Requests that left 127.0.0.1 and the file system."""
    csp_violations: list[str] = field(default_factory=list)
    """`securitypolicyviolation` events: directive, blocked URI, source file and line."""
    dialogs: list[str] = field(default_factory=list)
    """Messages of alert/confirm/prompt dialogs the page opened (each is dismissed)."""


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("file", "data", "blob", "about") or parts.hostname == "127.0.0.1"


# Installed before any page script runs; Playwright's init scripts are not subject to the CSP.
WATCH_CSP = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__playbookCspViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
      `at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


def errors_from_our_scripts(errors: list[str]) -> list[str]:
    """The errors whose stack runs through this plugin's scripts (`assets/playbook/`)."""
    return [error for error in errors if "/assets/playbook/" in error]


# Every copy lands in `window.copied` instead of the system clipboard (`add_init_script`).
CLIPBOARD = """
window.copied = [];
Object.defineProperty(navigator, "clipboard", {
  value: { writeText: (text) => { window.copied.push(text); return Promise.resolve(); } },
});
"""


# Storage failures, stubbed before the page's scripts run (`page.add_init_script`), as a
# browser's own failure would be: disabled (a locked-down or private window) and full.
STORAGE_DISABLED = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""
STORAGE_FULL = """
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};
"""


# Really full: localStorage filled from the page to the last character the browser takes (it
# refuses a write with its own QuotaExceededError), under keys none of the site's scripts read.
# Returns how many entries it took; FREE_STORAGE removes them again (a storage event in every
# other tab of the origin, as when a responder frees space).
FILL_STORAGE = """() => {
  let count = 0;
  for (let size = 1 << 20; size >= 1; size >>= 1) {
    const chunk = "x".repeat(size);
    for (;;) {
      try {
        localStorage.setItem("test-filler:" + count, chunk);
        count += 1;
      } catch (error) {
        if (error.name !== "QuotaExceededError") throw error;
        break;
      }
    }
  }
  return count;
}"""
FREE_STORAGE = """() => Object.keys(localStorage)
  .filter((key) => key.startsWith("test-filler:"))
  .forEach((key) => localStorage.removeItem(key))"""


def open_search(page: Page) -> Locator:
    """Opens Material's search with the keyboard once its worker has loaded the index
    (until then it says "Initializing search" and drops queries); returns the input."""
    page.keyboard.press("/")
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching")
    return page.locator("input.md-search__input")


def search_for(page: Page, query: str, first_title: str) -> Locator:
    """Types `query` into the open search and waits until the first result is titled
    `first_title`; returns that result's link. Results are re-rendered for each key, so
    reading the first result before the last key's answer arrives reads a stale one."""
    page.locator("input.md-search__input").press_sequentially(query)
    result = page.locator(".md-search-result__item").first
    expect(result).to_contain_text(first_title)
    return result.locator("a").first
