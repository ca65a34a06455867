"""store.js, the incident-state store every widget shares: persistence, tabs and failures."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page, expect

from browsing import STORAGE_DISABLED, STORAGE_FULL, Visit

PAGE = "operations/RUNBOOK.html"


def _store(page: Page, expression: str, *args: Any) -> Any:
    script = f"(args) => {{ const s = window.playbook.store; return {expression}; }}"
    return page.evaluate(script, list(args))


def _keys(page: Page) -> dict[str, str]:
    return page.evaluate(  # type: ignore[no-any-return]
        "() => Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))"
    )


def test_values_survive_a_reload_namespaced_by_site_and_scope(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + PAGE)
    page = visit.page
    assert _store(page, "s.set(s.SITE, 'severity', {level: 2})") is True
    assert _store(page, "s.set('page:a.md', 'x', 'ticked')") is True
    page.reload()
    assert _store(page, "s.get(s.SITE, 'severity')") == {"level": 2}
    assert _store(page, "s.all('page:a.md')") == {"x": "ticked"}
    assert _store(page, "s.get('page:b.md', 'x')") is None
    stored = {k: json.loads(v) for k, v in _keys(page).items() if k.startswith("playbook:")}
    assert sorted(key.rsplit(":", 1)[-1] for key in stored) == ["a.md", "site"]
    assert all(value["schema"] == 1 for value in stored.values())
    assert _store(page, "s.status(s.SITE)") == {"kept": True, "problem": "", "detail": ""}
    assert visit.errors == []


def test_another_tab_sees_changes_at_once(open_page: Callable[[str], Visit], base_url: str) -> None:
    first = open_page(base_url + PAGE).page
    second = first.context.new_page()
    second.goto(base_url + PAGE)
    second.evaluate(
        "() => { window.seen = []; playbook.store.subscribe('page:p', "
        "(changes, source) => window.seen.push([changes, source])); }"
    )
    _store(first, "s.setMany('page:p', {a: 1, b: true})")
    second.wait_for_function("() => window.seen.length > 0")
    assert second.evaluate("() => window.seen") == [[{"a": 1, "b": True}, "tab"]]
    # Writes merge: the second tab's key does not erase the first tab's.
    _store(second, "s.set('page:p', 'c', 3)")
    # Each tab's renderer learns of the other's writes a moment later.
    first.wait_for_function("() => playbook.store.get('page:p', 'c') === 3")
    assert _store(first, "s.all('page:p')") == {"a": 1, "b": True, "c": 3}


def test_corrupt_and_foreign_entries_are_set_aside_not_erased(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    page = open_page(base_url + PAGE).page
    for scope, bad in (("page:c1", "{not json"), ("page:c2", '{"something": "else"}')):
        key = _store(page, "s.keyOf(args[0])", scope)
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, bad])
        page.reload()
        status = _store(page, "s.status(args[0])", scope)
        assert status["problem"] == "corrupt", status
        assert _store(page, "s.all(args[0])", scope) == {}
        backups = {v: k for k, v in _keys(page).items() if k.startswith("playbook-backup:")}
        assert bad in backups, backups
        assert backups[bad] in status["detail"]
        assert _store(page, "s.set(args[0], 'k', 2)", scope) is True
        assert _store(page, "s.get(args[0], 'k')", scope) == 2


def test_a_newer_schema_entry_is_left_untouched(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    page = open_page(base_url + PAGE).page
    key = _store(page, "s.keyOf('page:n')")
    newer = json.dumps({"schema": 99, "values": {"k": "future"}})
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, newer])
    page.reload()
    assert _store(page, "s.status('page:n')")["problem"] == "newer"
    assert _store(page, "s.set('page:n', 'k', 'mine')") is False
    assert _store(page, "s.get('page:n', 'k')") == "mine"
    page.evaluate("() => dispatchEvent(new Event('pagehide'))")
    assert _keys(page)[key] == newer


def test_unavailable_storage_keeps_values_in_memory_and_says_why(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    page = open_page(base_url + PAGE).page
    stacks: list[str] = []
    page.on("pageerror", lambda error: stacks.append(error.stack or str(error)))
    page.add_init_script(STORAGE_DISABLED)
    page.reload()
    status = _store(page, "s.status(s.SITE)")
    assert status["kept"] is False and status["problem"] == "unavailable"
    assert "SecurityError" in status["detail"]
    assert _store(page, "s.set(s.SITE, 'v', 5)") is False
    assert _store(page, "s.get(s.SITE, 'v')") == 5
    # Material's own scripts throw here too; ours must not.
    assert not [stack for stack in stacks if "assets/playbook/" in stack], stacks


def test_full_storage_keeps_values_in_memory_and_says_why(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + PAGE)
    page = visit.page
    _store(page, "s.set('page:f', 'old', 1)")
    page.add_init_script(STORAGE_FULL)
    page.reload()
    assert _store(page, "s.get('page:f', 'old')") == 1
    assert _store(page, "s.set('page:f', 'new', 2)") is False
    assert _store(page, "s.status('page:f')") == {
        "kept": False,
        "problem": "full",
        "detail": "browser storage is full",
    }
    assert _store(page, "s.all('page:f')") == {"old": 1, "new": 2}
    assert visit.errors == []


def test_a_write_the_browser_dropped_is_restored_from_the_tabs_second_copy(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    # Over HTTP only: Chromium starts about one file:// reload in twelve with an empty
    # sessionStorage (seen before any script of the page runs), so there the copy is a
    # best-effort safeguard and this test would fail for the browser's reasons, not ours.
    page = open_page(site_url + PAGE).page
    key = _store(page, "s.keyOf('page:r')")
    assert _store(page, "s.set('page:r', 'tick', '2026-01-01T00:00:00Z')") is True
    # The reload may start a new renderer, which reads storage as the browser has it: wait
    # until the write is there (another page sees it), so the loss below is the only one.
    other = page.context.new_page()
    other.goto(site_url + PAGE)
    other.wait_for_function(f"() => localStorage.getItem({json.dumps(key)}) !== null")
    other.close()
    # Before any script of the reloaded page runs, the entry is gone, as in a lost write.
    page.add_init_script(
        "if (!sessionStorage.getItem('dropped')) {"
        f" sessionStorage.setItem('dropped', '1'); localStorage.removeItem({json.dumps(key)}); }}"
    )
    page.reload()
    assert _store(page, "s.get('page:r', 'tick')") == "2026-01-01T00:00:00Z"
    assert _store(page, "s.recoveries()") == 1
    assert json.loads(_keys(page)[key])["values"] == {"tick": "2026-01-01T00:00:00Z"}


def test_another_tabs_later_write_wins_over_the_second_copy(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    first = open_page(base_url + PAGE).page
    _store(first, "s.set('page:w', 'tick', 'mine')")
    second = first.context.new_page()
    second.goto(base_url + PAGE)
    _store(second, "s.set('page:w', 'tick', undefined)")
    first.reload()
    assert _store(first, "s.get('page:w', 'tick')") is None
    assert _store(first, "s.recoveries()") == 0


PLAYBOOK = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"
LEAVES = (
    "[...document.querySelectorAll('[data-playbook-item]:not(:has("
    ".playbook-checklist__list)) > label > input')]"
)
STEP = "(box) => box.closest('[data-playbook-item]').dataset.playbookItem"


def test_two_tabs_ticking_at_the_same_moment_keep_both_ticks(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    # Each tab writes before the other's storage event reaches it, as two responders ticking
    # the same page at once do: the second write must not drop the first tick.
    first = open_page(base_url + PLAYBOOK).page
    second = first.context.new_page()
    second.goto(base_url + PLAYBOOK)
    steps = first.evaluate(f"{LEAVES}.map({STEP})")
    assert len(steps) >= 12
    for index in range(0, 12, 2):
        moment = first.evaluate("Date.now() + 150")
        for page, step in ((first, steps[index]), (second, steps[index + 1])):
            page.evaluate(
                "([id, at]) => setTimeout(() => document.querySelector("
                "`[data-playbook-item='${id}'] > label > input`).click(), at - Date.now())",
                [step, moment],
            )
        first.wait_for_function("(at) => Date.now() > at + 50", arg=moment)
    ticked = f"{LEAVES}.filter((box) => box.checked).map({STEP})"
    for page in (first, second):
        page.wait_for_function(f"() => {LEAVES}.filter((box) => box.checked).length >= 12")
        assert sorted(page.evaluate(ticked)) == sorted(steps[:12])
    first.reload()
    assert sorted(first.evaluate(ticked)) == sorted(steps[:12])


def test_a_write_made_before_another_tabs_reached_it_does_not_drop_that_tab_s_value(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    # The same race, made certain: the second tab writes what a tab that had not yet seen the
    # first tab's value writes (its own key only, and says so).
    first = open_page(base_url + PAGE).page
    second = first.context.new_page()
    second.goto(base_url + PAGE)
    assert _store(first, "s.set('page:m', 'a', 'first')") is True
    key = _store(first, "s.keyOf('page:m')")
    stale = {"schema": 1, "saved": 1, "changed": ["b"], "values": {"b": "second"}}
    second.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(stale)])
    # Until the first tab has read the second's write and written its own `a` back (`a` alone
    # held before the write reached it, `b` alone in between); a tab that drops `a` times out.
    first.wait_for_function(
        "(key) => { const v = JSON.parse(localStorage.getItem(key)).values;"
        " return 'a' in v && 'b' in v; }",
        arg=key,
    )
    assert json.loads(_keys(first)[key])["values"] == {"a": "first", "b": "second"}
    assert _store(first, "s.all('page:m')") == {"a": "first", "b": "second"}
    # A value the other tab meant to change is theirs.
    meant = {"schema": 1, "saved": 2, "changed": ["a"], "values": {"b": "second"}}
    second.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(meant)])
    first.wait_for_function("() => playbook.store.get('page:m', 'a') === undefined")
    assert json.loads(_keys(first)[key])["values"] == {"b": "second"}


def test_lookups_by_stored_names_use_own_keys_only(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    page = open_page(base_url + PAGE).page
    _store(page, "s.set('page:o', 'k', 1)")
    for name in ("constructor", "toString", "__proto__", "hasOwnProperty"):
        assert _store(page, "s.get('page:o', args[0]) === undefined", name) is True
    assert _store(page, "s.set('page:o', 'constructor', 'a value')") is True
    page.reload()
    assert _store(page, "s.get('page:o', 'constructor')") == "a value"


def test_a_mass_change_does_not_list_its_names(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    # A reset or an import changes everything it touches on purpose: it is not listed (other
    # tabs take it all as meant), so the record stays the size of its values.
    page = open_page(base_url + PAGE).page
    many = "Object.fromEntries([...Array(args[0]).keys()].map((n) => ['k' + n, n]))"
    _store(page, f"s.setMany('page:few', {many})", 100)
    _store(page, f"s.setMany('page:many', {many})", 101)
    stored = _keys(page)
    few = json.loads(stored[_store(page, "s.keyOf('page:few')")])
    assert sorted(few["changed"]) == sorted(f"k{n}" for n in range(100))
    assert "changed" not in json.loads(stored[_store(page, "s.keyOf('page:many')")])


def test_a_notice_clears_when_another_tab_writes_a_readable_entry(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    playbook = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"
    visit = open_page(base_url + playbook)
    first = visit.page
    key = _store(first, "s.keyOf(s.SITE)")
    first.evaluate("(k) => localStorage.setItem(k, '{not json')", key)
    first.reload()
    notice = first.locator("#severity-lookup [data-playbook-storage-notice]")
    expect(notice).to_contain_text("could not be read")
    # The other tab finds the entry already set aside, and writes a good one.
    second = first.context.new_page()
    second.goto(base_url + playbook)
    assert _store(second, "s.set(s.SITE, 'severity', 'SEV-2')") is True
    first.wait_for_function("() => playbook.store.get(playbook.store.SITE, 'severity') === 'SEV-2'")
    assert _store(first, "s.status(s.SITE)") == {"kept": True, "problem": "", "detail": ""}
    expect(notice).to_be_hidden()
    assert visit.errors == []
