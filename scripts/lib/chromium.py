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


# For the tests only: V8 without its optimising compilers. A test's page lives for seconds, too
# short for optimised code to pay back its compiling (3 to 8% less processor time on the
# browser modules timed); the language is the same. The bench keeps them: it times our scripts
# as a responder's browser runs them.
TEST_ARGS = [*ARGS, "--js-flags=--no-opt,--no-maglev"]


def launch(playwright: Playwright, args: list[str] = ARGS) -> Browser:
    """Headless Chromium at `EXECUTABLE` with `args` (`ARGS`, or the tests' `TEST_ARGS`)."""
    return playwright.chromium.launch(executable_path=EXECUTABLE, args=args)
