"""Enhancement time in headless Chromium: DOMContentLoaded to widgets enhanced, against the
same page with the plugin's scripts removed; and the time to tick one checklist item and
have it stored."""

from __future__ import annotations

import re
import statistics
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Route, sync_playwright

import chromium
from localserver import serve

ASSETS_URI = "/assets/playbook/"
_SAMPLING_US = 100
MARK = "playbook:enhanced"
"""Set by core.js once each page view's mounts have run."""
_OUR_SCRIPT_RE = re.compile(r'<script[^>]*\ssrc="[^"]*assets/playbook/[^"]*"[^>]*></script>\s*')
# Selectors of what each widget kind looks like once enhanced (any branch's markup).
_COUNTS = """() => ({
  severity: document.querySelectorAll("[data-playbook-severity]:not([hidden])").length,
  templates: document.querySelectorAll("[data-playbook-form]:not([hidden])").length,
  checklists: document.querySelectorAll("[data-playbook-checklist]").length,
  checkboxes: document.querySelectorAll(
    "[data-playbook-checklist] input[type=checkbox]:not([disabled])").length,
  checkboxes_in_content: document.querySelectorAll(".md-content input[type=checkbox]").length,
})"""
_TIMING = """() => new Promise((resolve) => {
  const done = () => setTimeout(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const marks = performance.getEntriesByName("__MARK__").map((m) => m.startTime);
    resolve({
      dcl_start: nav.domContentLoadedEventStart,
      dcl_end: nav.domContentLoadedEventEnd,
      load_end: nav.loadEventEnd,
      marks: marks,
    });
  }, 0);
  if (document.readyState === "complete") done();
  else addEventListener("load", done);
})""".replace("__MARK__", MARK)
# Ticks up to 20 boxes; each time is from the click to the change showing in localStorage.
_TOGGLE = """async () => {
  const snapshot = () => JSON.stringify(Object.entries(localStorage));
  const boxes = [...document.querySelectorAll(
    "[data-playbook-checklist] input[type=checkbox]:not([disabled])")].slice(0, 20);
  const times = [];
  let deferred = 0;
  for (const box of boxes) {
    const before = snapshot();
    const start = performance.now();
    box.click();
    let end = performance.now();
    if (snapshot() === before) {
      deferred += 1;
      while (snapshot() === before && performance.now() - start < 1000) {
        await new Promise((r) => setTimeout(r, 0));
      }
      end = performance.now();
      if (snapshot() === before) return { times: times, deferred: deferred, stored: false };
    }
    times.push(end - start);
  }
  return { times: times, deferred: deferred, stored: true };
}"""


def without_our_scripts(site: Path, page: str) -> str:
    """Writes a copy of `page` with the plugin's script tags removed; returns its path."""
    html = (site / page).read_text(encoding="utf-8")
    stripped, count = _OUR_SCRIPT_RE.subn("", html)
    if count == 0:
        raise RuntimeError(f"{page} loads none of the plugin's scripts")
    bare = page.replace(".html", ".no-playbook-scripts.html")
    (site / bare).write_text(stripped, encoding="utf-8")
    return bare


def _visit(browser: Browser, url: str, foreign: list[str]) -> tuple[dict[str, Any], Any]:
    context = browser.new_context()

    def route(route: Route) -> None:
        if urlsplit(route.request.url).hostname in ("127.0.0.1", None):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Chromium's sampling profiler, from before the request to after load.
    cdp = context.new_cdp_session(page)
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": _SAMPLING_US})
    cdp.send("Profiler.start")
    page.goto(url, wait_until="load")
    timing: dict[str, Any] = page.evaluate(_TIMING)
    timing["script_ms"] = _script_ms(cdp.send("Profiler.stop")["profile"])
    timing["errors"] = errors
    return timing, (context, page)


def _script_ms(profile: dict[str, Any]) -> dict[str, float]:
    """Main-thread time in the samples whose stack runs through our scripts, and in any
    script at all, in milliseconds."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    parent = {child: node["id"] for node in profile["nodes"] for child in node.get("children", [])}
    ours_by_node: dict[int, bool] = {}

    def ours(node_id: int) -> bool:
        if node_id not in ours_by_node:
            url = nodes[node_id]["callFrame"].get("url", "")
            up = parent.get(node_id)
            ours_by_node[node_id] = ASSETS_URI in url or (up is not None and ours(up))
        return ours_by_node[node_id]

    idle = {"(idle)", "(program)", "(garbage collector)", "(root)"}
    total = mine = 0.0
    for node_id, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        if nodes[node_id]["callFrame"]["functionName"] in idle:
            continue
        total += delta
        if ours(node_id):
            mine += delta
    return {"ours": mine / 1000, "all": total / 1000}


def measure(site: Path, page: str, runs: int) -> dict[str, Any]:
    """Alternating visits of `page` with and without our scripts, medians of `runs` each."""
    bare = without_our_scripts(site, page)
    ours_enhanced: list[float] = []
    ours_dcl: list[float] = []
    bare_dcl: list[float] = []
    ours_load: list[float] = []
    ours_script: list[float] = []
    ours_all_script: list[float] = []
    bare_all_script: list[float] = []
    bare_load: list[float] = []
    foreign: list[str] = []
    errors: list[str] = []
    counts: dict[str, int] = {}
    toggle: dict[str, Any] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        try:
            # One unmeasured visit of each, so both start with the same warm HTTP cache state.
            for url in (base + page, base + bare):
                _timing, (context, _page) = _visit(browser, url, foreign)
                context.close()
            for _ in range(runs):
                timing, (context, tab) = _visit(browser, base + page, foreign)
                errors += timing["errors"]
                if timing["marks"]:
                    ours_enhanced.append(max(timing["marks"]) - timing["dcl_start"])
                ours_dcl.append(timing["dcl_end"] - timing["dcl_start"])
                ours_script.append(timing["script_ms"]["ours"])
                ours_all_script.append(timing["script_ms"]["all"])
                ours_load.append(timing["load_end"])
                counts = tab.evaluate(_COUNTS)
                context.close()
                timing, (context, _tab) = _visit(browser, base + bare, foreign)
                bare_dcl.append(timing["dcl_end"] - timing["dcl_start"])
                bare_all_script.append(timing["script_ms"]["all"])
                bare_load.append(timing["load_end"])
                context.close()
            if counts.get("checkboxes"):
                _timing, (context, tab) = _visit(browser, base + page, foreign)
                toggle = tab.evaluate(_TOGGLE)
                context.close()
        finally:
            browser.close()
    median = statistics.median
    # Every widget script enhances in a DOMContentLoaded handler (document$ emits there), so
    # the handlers' extra time over the bare page is our enhancement, whichever script did it.
    added = [ours - bare for ours, bare in zip(ours_dcl, bare_dcl, strict=True)]
    result: dict[str, Any] = {
        "page": page,
        "runs": runs,
        "enhanced": counts,
        "added_dcl_ms": median(added),
        "our_script_ms": median(ours_script),
        "all_script_ms": {"ours": median(ours_all_script), "baseline": median(bare_all_script)},
        "mark_found": bool(ours_enhanced),
        "last_mark_ms": median(ours_enhanced) if ours_enhanced else None,
        "dcl_handlers_ms": {"ours": median(ours_dcl), "baseline": median(bare_dcl)},
        "load_end_ms": {"ours": median(ours_load), "baseline": median(bare_load)},
        "third_party_requests": sorted(set(foreign)),
        "page_errors": errors[:5],
        "toggle": None,
    }
    if toggle.get("times"):
        result["toggle"] = {
            "items": len(toggle["times"]),
            "median_ms": median(toggle["times"]),
            "max_ms": max(toggle["times"]),
            "stored_after_click_returns": toggle["deferred"] == 0,
        }
    elif toggle:
        result["toggle"] = {"items": 0, "stored": False}
    return result
