"""Harness: axe-core checks and keyboard-only operation, for every page and widget test.

`serious_violations(page)` runs the axe-core that `axe-playwright-python` ships (no network)
and lists serious and critical findings; `tab_to(page, locator)` moves focus with the Tab key
alone until `locator` holds it, as a keyboard user would; `live_region_text(page)` gathers
what the page's live regions currently announce.
"""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page

BLOCKING_IMPACTS = ("serious", "critical")
_AXE = Axe()


def serious_violations(page: Page, *, exclude: list[str] | None = None) -> list[str]:
    """Serious and critical axe-core violations on the page, outside the `exclude` selectors."""
    context = {"exclude": [[selector] for selector in exclude]} if exclude else None
    settle(page)
    results = _AXE.run(page, context=context)
    violations: list[dict[str, Any]] = results.response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}: {_reason(node)}"
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
        for node in v["nodes"]
    ]


def _reason(node: dict[str, Any]) -> str:
    checks = [*node.get("any", []), *node.get("all", []), *node.get("none", [])]
    return "; ".join(str(check.get("message", "")) for check in checks[:2])


def settle(page: Page) -> None:
    """Waits until no palette switch or CSS transition is under way.

    Colours measured mid-transition (light-palette text on the dark background) are not
    what a reader sees; Material marks a switch with `data-md-color-switching`.
    """
    page.wait_for_function(
        "() => !document.body.hasAttribute('data-md-color-switching')"
        " && document.getAnimations().every((a) => a.playState !== 'running')"
    )


def tab_to(page: Page, locator: Locator, limit: int = 200, *, backwards: bool = False) -> int:
    """Presses Tab (Shift+Tab when `backwards`) until `locator` has focus; returns the count."""
    key = "Shift+Tab" if backwards else "Tab"
    for count in range(1, limit + 1):
        page.keyboard.press(key)
        if locator.evaluate("(element) => element === document.activeElement"):
            return count
    raise AssertionError(f"{locator} not reached with {limit} presses of {key}")


def focused_description(page: Page) -> str:
    """Tag, id and accessible text of the focused element, for assertion messages."""
    return str(
        page.evaluate(
            "() => { const e = document.activeElement;"
            " return `${e.tagName}#${e.id} ${(e.getAttribute('aria-label') || e.textContent || '')"
            ".trim().slice(0, 60)}`; }"
        )
    )


def live_region_text(page: Page) -> str:
    """The text of every `aria-live` / `role=status|alert` region, joined."""
    return str(
        page.evaluate(
            "() => Array.from(document.querySelectorAll("
            "'[aria-live]:not([aria-live=off]), [role=status], [role=alert]'))"
            ".map((e) => e.textContent.trim()).filter(Boolean).join(' | ')"
        )
    )
