"""Severity lookup and template forms on the built playbook, in Chromium, http and file://."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from browsing import STORAGE_DISABLED, STORAGE_FULL, Visit, errors_from_our_scripts

PLAYBOOK = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"
SLACK = "#template-form"
EMAIL = "#template-form-2"
RESULT = "#severity-lookup [data-playbook-severity-result]"
HOSTILE = '<img src=x onerror=alert(1)>"><script>alert(2)</script>\u202e javascript:alert(3)'

# The playbook's severity matrix, as a responder would describe each row.
ROWS = [
    ("corrupted database", "SEV-1", "Incident Commander (on-call lead)", 10),
    ("QuickBooks", "SEV-2", "On-call engineer", 15),
    ("one tenant", "SEV-3", "Feature owner", 15),
    ("no user impact", "SEV-4", "Support triage", 15),
]


def preview(page: Page, form: str) -> str:
    return page.locator(f"{form} [data-playbook-preview]").inner_text()


def field(page: Page, form: str, key: str) -> str:
    return f'{form} input[data-playbook-field="{key}"]'


def no_dialogs(page: Page) -> list[str]:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return dialogs


@pytest.mark.parametrize(("symptom", "severity", "owner", "minutes"), ROWS)
def test_symptom_finds_the_row_and_its_owner(
    open_page: Callable[[str], Visit],
    base_url: str,
    symptom: str,
    severity: str,
    owner: str,
    minutes: int,
) -> None:
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    page.fill("#severity-lookup-query", symptom)
    result = page.locator(RESULT)
    expect(result).to_contain_text(f"{severity} — ")
    expect(result).to_contain_text(f"Primary owner: {owner}")
    expect(result).to_contain_text(f"every {minutes} minutes")
    expect(page.locator(f'#severity-lookup input[value="{severity}"]')).to_be_checked()
    assert visit.errors == [], visit.errors


def test_picking_each_row_announces_it(open_page: Callable[[str], Visit], base_url: str) -> None:
    page = open_page(base_url + PLAYBOOK).page
    expect(page.locator(RESULT)).to_have_attribute("role", "status")
    for _, severity, owner, _ in ROWS:
        page.locator(f'#severity-lookup input[value="{severity}"]').check()
        expect(page.locator(RESULT)).to_contain_text(f"{severity} — ")
        expect(page.locator(RESULT)).to_contain_text(f"Primary owner: {owner}")


def test_two_fitting_rows_recommend_the_higher_severity(
    open_page: Callable[[str], Visit], site_url: str
) -> None:
    page = open_page(site_url + PLAYBOOK).page
    page.fill("#severity-lookup-query", "degraded")
    expect(page.locator(RESULT)).to_contain_text("SEV-2 and SEV-3 both fit")
    expect(page.locator(RESULT)).to_contain_text("SEV-2 — Critical functionality degraded")
    page.fill("#severity-lookup-query", "zebra crossing")
    expect(page.locator(RESULT)).to_contain_text("No row matches")


def test_severity_fills_slack_template_and_survives_reload(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    page = open_page(base_url + PLAYBOOK).page
    page.locator('#severity-lookup input[value="SEV-2"]').check()
    assert preview(page, SLACK).startswith(":rotating_light: SEV-2 | {Summary}")
    page.fill(field(page, SLACK, "summary"), "Uploads failing")
    # Kept under the same site name the checklists use (the site's name), not the URL.
    keys = page.evaluate("Object.keys(localStorage)")
    assert "playbook:AdvisorOS Operations:site" in keys, keys
    page.reload()
    expect(page.locator('#severity-lookup input[value="SEV-2"]')).to_be_checked()
    expect(page.locator(field(page, SLACK, "summary"))).to_have_value("Uploads failing")
    assert preview(page, SLACK).startswith(":rotating_light: SEV-2 | Uploads failing")
    # Typing a severity in the form makes it the incident's severity for the lookup too.
    page.fill(field(page, SLACK, "#"), "1")
    expect(page.locator('#severity-lookup input[value="SEV-1"]')).to_be_checked()


def test_one_value_fills_both_templates(open_page: Callable[[str], Visit], base_url: str) -> None:
    page = open_page(base_url + PLAYBOOK).page
    page.fill(field(page, SLACK, "summary"), "QuickBooks sync halted")
    page.fill(field(page, EMAIL, "time"), "14:30 UTC")
    assert "SEV-{#} | QuickBooks sync halted" in preview(page, SLACK)
    assert "Next update: 14:30 UTC" in preview(page, SLACK)
    email = preview(page, EMAIL)
    assert email.startswith("Subject: AdvisorOS Incident Update — QuickBooks sync halted")
    assert "Expect the next update by 14:30 UTC." in email
    # Without a run nothing was marked mitigated: the mitigation start is left to fill.
    assert "initiated mitigation at {Mitigation start time}." in email
    expect(page.locator(field(page, EMAIL, "summary"))).to_have_value("QuickBooks sync halted")
    missing = page.locator(f"{EMAIL} .playbook-form__missing")
    expect(missing.first).to_have_text("{impact description}")


@pytest.mark.clock
def test_copy_puts_exactly_the_preview_on_the_clipboard(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    page = open_page(base_url + PLAYBOOK).page
    # The preview's times follow the clock: hold it, to compare the preview with the copy.
    page.clock.set_fixed_time("2026-11-27T14:03:30Z")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.fill(field(page, EMAIL, "summary"), "Uploads failing")
    page.locator(f"{EMAIL} [data-playbook-copy]").click()
    expect(page.locator(f"{EMAIL} [data-playbook-form-status]")).to_have_text(
        "Copied the filled template."
    )
    assert page.evaluate("navigator.clipboard.readText()") == preview(page, EMAIL)


@pytest.mark.clock
def test_mailto_carries_subject_and_body(open_page: Callable[[str], Visit], base_url: str) -> None:
    page = open_page(base_url + PLAYBOOK).page
    # The preview's times follow the clock: hold it, to compare the preview with the copy.
    page.clock.set_fixed_time("2026-11-27T14:03:30Z")
    page.fill(field(page, EMAIL, "summary"), "Uploads & sync")
    href = page.locator(f"{EMAIL} [data-playbook-mailto]").get_attribute("href") or ""
    parts = urlsplit(href)
    query = parse_qs(parts.query)
    assert parts.scheme == "mailto"
    assert query["subject"] == ["AdvisorOS Incident Update — Uploads & sync"]
    lines = preview(page, EMAIL).split("\n")
    assert query["body"] == ["\n".join(lines[2:])]
    assert query["body"][0].startswith("We are actively addressing")
    assert page.locator(f"{SLACK} [data-playbook-mailto]").count() == 0


@pytest.mark.clock
def test_hostile_values_stay_literal(open_page: Callable[[str], Visit], base_url: str) -> None:
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    page.clock.set_fixed_time("2026-11-27T14:03:30Z")
    dialogs = no_dialogs(page)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.fill(field(page, EMAIL, "summary"), HOSTILE)
    page.fill(field(page, EMAIL, "status page or shared doc"), "javascript:alert(4)")
    page.fill("#severity-lookup-query", HOSTILE)
    page.reload()
    email = preview(page, EMAIL)
    assert f"Subject: AdvisorOS Incident Update — {HOSTILE}" in email
    assert "Track progress here: javascript:alert(4)." in email
    assert (
        page.locator(
            f"{EMAIL} [data-playbook-preview] img, {EMAIL} [data-playbook-preview] script"
        ).count()
        == 0
    )
    page.locator(f"{EMAIL} [data-playbook-copy]").click()
    expect(page.locator(f"{EMAIL} [data-playbook-form-status]")).to_contain_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == email
    href = page.locator(f"{EMAIL} [data-playbook-mailto]").get_attribute("href") or ""
    assert href.startswith("mailto:?subject=")
    assert parse_qs(urlsplit(href).query)["subject"] == [f"AdvisorOS Incident Update — {HOSTILE}"]
    page.wait_for_timeout(300)
    assert dialogs == []
    assert visit.errors == [], visit.errors


def test_clear_all_values_with_undo(open_page: Callable[[str], Visit], base_url: str) -> None:
    page = open_page(base_url + PLAYBOOK).page
    page.fill(field(page, SLACK, "summary"), "Sync halted")
    page.fill(field(page, SLACK, "user scope"), "All firms")
    page.locator(f"{SLACK} [data-playbook-clear]").click()
    expect(page.locator(field(page, EMAIL, "summary"))).to_have_value("")
    assert "{Summary}" in preview(page, SLACK) and "{User scope}" in preview(page, SLACK)
    page.locator(f"{SLACK} [data-playbook-undo]").click()
    expect(page.locator(field(page, SLACK, "user scope"))).to_have_value("All firms")
    assert "SEV-{#} | Sync halted" in preview(page, SLACK)
    expect(page.locator(f"{SLACK} [data-playbook-undo]")).to_be_hidden()


@pytest.mark.parametrize(
    ("stub", "reason"), [(STORAGE_DISABLED, "unavailable"), (STORAGE_FULL, "full")]
)
def test_storage_failure_shows_the_notice_and_keeps_working(
    open_page: Callable[[str], Visit], base_url: str, stub: str, reason: str
) -> None:
    visit = open_page(base_url + PLAYBOOK)
    page = visit.page
    page.add_init_script(stub)
    page.reload()
    for widget in ("#severity-lookup", SLACK):
        notice = page.locator(f"{widget} [data-playbook-storage-notice]")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text(reason)
    page.fill("#severity-lookup-query", "QuickBooks")
    expect(page.locator(RESULT)).to_contain_text("SEV-2")
    page.fill(field(page, SLACK, "summary"), "Still works")
    assert "SEV-2 | Still works" in preview(page, SLACK)
    # Material's own bundle throws when storage is disabled; ours must not.
    assert errors_from_our_scripts(visit.errors) == []


def test_without_javascript_the_table_and_templates_remain(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + PLAYBOOK)
        expect(page.locator("table").first).to_contain_text("Support triage")
        expect(page.locator("#severity-lookup")).to_be_hidden()
        expect(page.locator(SLACK)).to_be_hidden()
        expect(page.get_by_text("Subject: AdvisorOS Incident Update — {Summary}")).to_be_visible()
    finally:
        context.close()
