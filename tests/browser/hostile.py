"""Harness: hostile values for every input, URL and stored value, and the checks they must pass.

A widget test types each of `HOSTILE_VALUES` into its inputs (or plants them in storage with
`plant_storage`), then calls `assert_inert(visit)`: no dialog opened, no planted script ran,
no element the value describes was created; `assert_literal(locator, value)` checks the value
is shown as text. The values mark `window.__hostile` and open a dialog if they ever run.
"""

from __future__ import annotations

from playwright.sync_api import Locator

from browsing import Visit

# Each one sets window.__hostile and calls alert() if it is ever interpreted as HTML or script.
HOSTILE_VALUES = [
    '<img src=x onerror="window.__hostile=1;alert(1)">',
    '"><script>window.__hostile=1;alert(1)</script>',
    '\'><svg onload="window.__hostile=1;alert(1)">',
    "javascript:window.__hostile=1;alert(1)",
    '</textarea></title><iframe srcdoc="<script>parent.__hostile=1</script>">',
    "{{constructor.constructor('window.__hostile=1')()}} ${alert(1)} {Summary}",
    "\u202eexe.txt\u202c \u2067rtl\u2069 mixed \u05d0\u05d1",
    "tab\there\x07bell\x1b[31mescape\x7fdel",
    "x" * 20_000,
]
"""Kept to single-line values, so a text input holds each unchanged."""

STORAGE_VALUES = [
    "not json {",
    "null",
    "[]",
    '"<img src=x onerror=alert(1)>"',
    '{"index": "<img src=x onerror=alert(1)>", "color": "x"}',
    '{"index": 0, "color": {"scheme": "\\"><img src=x onerror=alert(1)>", "bad key!": "x"}}',
    '{"index": 99999, "color": {"media": "(prefers-color-scheme)"}}',
    '{"version": 999, "items": {"__proto__": {"polluted": true}}}',
    "9" * 100_000,
]
"""Raw strings for a storage key: broken JSON, wrong shapes, markup, a future schema, huge."""

HOSTILE_ELEMENTS = (
    "img[src='x'], svg[onload], iframe[srcdoc], script:not([src]):not([type]),"
    " a[href^='javascript:' i], [src^='javascript:' i], [action^='javascript:' i]"
)


def assert_inert(visit: Visit) -> None:
    """Nothing hostile ran: no dialog, no marker, no element made from a value."""
    page = visit.page
    assert visit.dialogs == [], visit.dialogs
    assert page.evaluate("() => window.__hostile") is None
    assert page.evaluate("() => Object.prototype.polluted") is None
    assert page.locator(HOSTILE_ELEMENTS).count() == 0


def assert_literal(locator: Locator, value: str) -> None:
    """`locator` shows `value` as text (an input holds it as its value)."""
    is_input = locator.evaluate("(e) => e instanceof HTMLInputElement || e.tagName === 'TEXTAREA'")
    shown = locator.input_value() if is_input else locator.text_content() or ""
    assert value in shown, (value[:80], shown[:200])


def plant_storage(visit: Visit, entries: dict[str, str]) -> None:
    """Writes raw strings to localStorage, then reloads, so the page reads them as it starts."""
    visit.page.evaluate(
        "(entries) => Object.entries(entries).forEach(([k, v]) => localStorage.setItem(k, v))",
        entries,
    )
    visit.page.reload()


def material_key(visit: Visit, name: str) -> str:
    """The storage key Material uses for `name` (`__palette`) on this site."""
    return str(visit.page.evaluate("(name) => __md_scope.pathname + '.' + name", name))
