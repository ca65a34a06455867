"""Debian's Chromium as both the browser tests and the benchmarks start it.

Here, beside the scripts, so that `scripts/bench` never imports from `tests/`; the tests reach
it through pytest's `pythonpath` (pyproject.toml), as they reach the other script modules.
"""

from __future__ import annotations

from playwright.sync_api import Browser, Playwright

EXECUTABLE = "/usr/bin/chromium"
# Without these, Chromium keeps reaching for Google's hosts, which this network refuses.
ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # No host but 127.0.0.1 resolves, IP addresses included: nothing a page asks for leaves
    # this machine, without routing every request through Playwright (which also turns the
    # HTTP cache off). The tests record what was asked for from the `request` events.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def launch(playwright: Playwright) -> Browser:
    """Headless Chromium at `EXECUTABLE` with `ARGS`."""
    return playwright.chromium.launch(executable_path=EXECUTABLE, args=ARGS)
