"""No tick is lost from `file://`: hundreds of tick-then-reload rounds on the real playbook."""

from __future__ import annotations

import re

from playwright.sync_api import Browser

PLAYBOOK = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"
ROUNDS = 200
STATE = """() => Object.fromEntries([...document.querySelectorAll(
  '[data-playbook-item]:not(:has(.playbook-checklist__list)) > label > input'
)].map((box) => [box.closest('[data-playbook-item]').dataset.playbookItem, box.checked]))"""


def test_every_tick_survives_an_immediate_reload_from_disk(
    browser: Browser, site_file_url: str
) -> None:
    # One context for all rounds, as one responder's browser; each round ticks or unticks a
    # step and reloads at once, the moment a write is most at risk.
    context = browser.new_context()
    # Without Material's own scripts and the stylesheets a reload is quicker, for a faster test
    # and a tighter race. A pattern, not a function: only the requests it matches are routed.
    context.route(re.compile(r"/assets/javascripts/|\.css$"), lambda route: route.abort())
    page = context.new_page()
    page.goto(site_file_url + PLAYBOOK)
    expected: dict[str, bool] = page.evaluate(STATE)
    steps = sorted(expected)
    assert len(steps) >= 12
    lost: list[tuple[int, str]] = []
    recovered = 0
    for round_ in range(ROUNDS):
        step = steps[(round_ * 7) % len(steps)]
        page.click(f"[data-playbook-item='{step}'] > label > input")
        expected[step] = not expected[step]
        page.reload(wait_until="domcontentloaded")
        page.wait_for_selector(".playbook-checklist[data-playbook-ready]", state="attached")
        state = page.evaluate(STATE)
        recovered += page.evaluate("() => playbook.store.recoveries()")
        lost.extend((round_, name) for name in steps if state[name] != expected[name])
        expected = state  # a loss is counted once, not again in every later round
    context.close()
    assert lost == [], f"{len(lost)} ticks lost in {ROUNDS} rounds ({recovered} recovered)"
