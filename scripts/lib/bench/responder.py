"""The responder's path on this site, in headless Chromium: from a fresh page to a complete
SEV-2 Slack update on the clipboard (issue 17), by a scripted responder taking the six actions
the browser test counts. Time is from navigation start to the clipboard write: what the page
costs between the actions (loading, enhancing, every render), not how fast a person types."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

import chromium
from localserver import serve

from .linkcheck import REPOSITORY

PAGE = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"
SLACK = "#template-form"
ACTIONS: list[tuple[str, str, str]] = [
    ("click", '#severity-lookup label:has(input[value="SEV-2"])', ""),
    ("fill", f'{SLACK} input[data-playbook-field="summary"]', "QuickBooks sync halted"),
    ("fill", f'{SLACK} input[data-playbook-field="user scope"]', "All QuickBooks firms"),
    ("fill", f'{SLACK} input[data-playbook-field="what we are doing"]', "Rolling back"),
    ("fill", f'{SLACK} input[data-playbook-field="incident doc link"]', "https://example.com/i"),
    ("click", f"{SLACK} [data-playbook-copy]", ""),
]
# The clipboard records what was written, and when, in the page's own clock.
_CLIPBOARD = """
window.copied = [];
Object.defineProperty(navigator, "clipboard", {
  value: { writeText: (text) => {
    window.copied.push({ text: text, at: performance.now() });
    return Promise.resolve();
  } },
});
"""


def build_site(work: Path) -> Path:
    """This repository's site, built into `work` with `mkdocs build`."""
    project = work / "site-project"
    project.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "overrides"):
        source = REPOSITORY / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    site = project / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)]
    subprocess.run(command, cwd=project, check=True, capture_output=True, timeout=300)
    return site


def measure(site: Path, visits: int) -> dict[str, Any]:
    """Medians over `visits` fresh visits of the playbook."""
    times: list[float] = []
    complete: list[bool] = []
    errors: list[str] = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            for _ in range(visits):
                context = browser.new_context()
                context.add_init_script(_CLIPBOARD)
                page = context.new_page()
                page.on("pageerror", lambda error: errors.append(str(error)))
                page.goto(base + PAGE)
                for kind, selector, value in ACTIONS:
                    target = page.locator(selector)
                    target.click() if kind == "click" else target.fill(value)
                page.wait_for_function("window.copied.length > 0")
                copied = page.evaluate("window.copied[0]")
                times.append(copied["at"])
                complete.append("{" not in copied["text"] and "SEV-2 |" in copied["text"])
                context.close()
        finally:
            browser.close()
    return {
        "page": PAGE,
        "visits": visits,
        "actions": len(ACTIONS),
        "complete": all(complete),
        "median_ms": statistics.median(times),
        "page_errors": errors[:5],
    }
