"""The site on a phone (390 and 360 px, dark palette): no page scrolls sideways, the run bar
keeps the run in sight and its actions in reach, template blocks have one copy control, and
without JavaScript the run controls are absent rather than broken."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from test_runs import PLAYBOOK, RUN_PAGE, bar
from viewing import guarded_context, run_view, shown, site_pages, with_run

from localserver import serve
from support import Build, make_project, run_build

POST_INCIDENT = "POST_LAUNCH_SUPPORT_OPTIMIZATION.html"


def in_view(page: Page, selector: str) -> None:
    """The element at `selector` is visible and wholly inside the viewport's width."""
    element = page.locator(selector)
    expect(element).to_be_visible()
    box = element.bounding_box()
    assert box is not None
    width = page.evaluate("innerWidth")
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, (selector, box, width)


@pytest.mark.parametrize("width", [390, 360])
def test_no_page_scrolls_sideways_on_a_phone(
    browser: Browser, site_build: Build, base_url: str, width: int
) -> None:
    context = guarded_context(browser, width=width)
    page = with_run(context, base_url)
    wide = {}
    for path in site_pages(site_build.site_dir):
        if shown(page, path, base_url):
            expect(bar(page)).to_contain_text("INC-2041")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide[path] = scroll
    page.context.close()
    assert wide == {}, f"pages wider than {width} px: {wide}"


def test_run_bar_on_a_phone_shows_the_run_and_reaches_its_actions(
    browser: Browser, base_url: str
) -> None:
    page = run_view(browser, base_url, PLAYBOOK, width=390)
    # The run's id, severity, state and next update, each whole on the screen.
    for part in ("id", "severity", "elapsed", "due"):
        in_view(page, f"[data-playbook-runbar-{part}]")
    expect(bar(page)).to_contain_text("open")
    expect(page.locator("[data-playbook-runbar-due]")).to_have_text(re.compile("^next update in"))
    # The marks, one tap away (folded until then), on the screen, and working.
    expect(bar(page).get_by_role("button", name="Mark mitigated")).to_be_hidden()
    bar(page).get_by_text("Actions", exact=True).click()
    for kind in ("mitigate", "resolve"):
        in_view(page, f"[data-playbook-runbar-mark={kind}]")
    bar(page).get_by_role("button", name="Mark mitigated").click()
    expect(bar(page).locator("[data-playbook-runbar-alert]")).to_contain_text(
        "Marked INC-2041 mitigated"
    )
    # The update template's link leads to the template's form.
    page.locator("[data-playbook-runbar-due]").click()
    expect(page).to_have_url(re.compile(r"#template-form"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.context.close()


# The playbook's templates are fenced right under a line of bold text, so each block is
# followed by an empty <p> before its form; the post-incident template stands alone.
@pytest.mark.parametrize(
    ("path", "block", "others"),
    [
        (POST_INCIDENT, ":has(+ [data-playbook-form])", True),
        # Every code block of the playbook is a template.
        (PLAYBOOK, ":has(+ p:empty + [data-playbook-form])", False),
    ],
)
def test_template_blocks_have_one_copy_control(
    browser: Browser, site_url: str, path: str, block: str, others: bool
) -> None:
    context = guarded_context(browser, width=390)
    page = context.new_page()
    page.goto(site_url + path)
    form = page.locator("[data-playbook-form]").first
    expect(form.locator("[data-playbook-copy]")).to_be_visible()
    # Material's copy button on the template's own block would copy the raw {placeholders}.
    copy = ".md-code__button[data-md-type=copy]"
    template_block = page.locator(f"{block} {copy}").first
    expect(template_block).to_be_attached()
    expect(template_block).to_be_hidden()
    if others:
        # Other code blocks keep Material's.
        expect(page.locator(f".highlight:not({block}) {copy}").first).to_be_visible()
    page.context.close()


def test_without_javascript_the_run_controls_are_absent(browser: Browser, base_url: str) -> None:
    context = guarded_context(browser, width=390, javascript=False)
    page = context.new_page()
    page.goto(base_url + PLAYBOOK)
    expect(page.get_by_role("link", name="Declare incident")).to_have_count(0)
    expect(bar(page)).to_be_hidden()
    page.goto(base_url + RUN_PAGE)
    expect(bar(page)).to_be_hidden()
    # Its <noscript> says runs need JavaScript; no empty section follows.
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator("article h2:visible")).to_have_count(0)
    expect(page.locator("article").get_by_role("button")).to_have_count(0)
    page.context.close()


def test_the_closed_nav_drawer_takes_no_keyboard_focus_on_a_phone(
    browser: Browser, base_url: str
) -> None:
    # Material's drawer is off screen on a phone; its links took the focus, unseen, before the
    # page's own controls could be reached (seven Tab presses into nothing on every page).
    context = guarded_context(browser, width=390)
    page = context.new_page()
    page.goto(base_url + PLAYBOOK)
    for _ in range(12):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.closest('.md-sidebar--primary') !== null,"
            " document.activeElement.outerHTML.slice(0, 80)]"
        )
        assert not focused[0], focused
    # Opened, the drawer's links are in reach again.
    page.locator("label.md-header__button[for='__drawer']").click()
    nav_link = page.locator(".md-sidebar--primary a.md-nav__link").first
    expect(nav_link).to_be_visible()
    nav_link.focus()
    assert page.evaluate("document.activeElement.classList.contains('md-nav__link')")
    context.close()


NUMBERED_SITE = {
    "_config.yml": "title: Drill\nkramdown:\n  syntax_highlighter_opts:\n    block:\n"
    "      line_numbers: true\n",
    "index.md": "---\ntitle: Home\n---\n# Restart\n\n```sh\n"
    + "systemctl restart api-gateway --no-block && journalctl -u api-gateway --since now -f\n" * 3
    + "```\n",
}


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_numbered_code_stays_in_the_page_width_each_number_on_its_line(
    browser: Browser, tmp_path: Path, scheme: str
) -> None:
    # A Jekyll site whose kramdown numbers code: Rouge's table of numbers and code, at 390 px
    # in the dark palette. It grew to its longest line (1,200 px on a real site's page) and
    # its numbers drifted off their lines (16 px type beside 13.6 px code).
    root = make_project(tmp_path, NUMBERED_SITE)
    build = run_build(root)
    assert build.returncode == 0, build.output
    context = guarded_context(browser, width=390)
    page = context.new_page()
    with serve(build.site_dir) as url:
        page.goto(url if scheme == "http" else (build.site_dir / "index.html").as_uri())
        expect(page.locator("td.rouge-gutter pre.lineno")).to_have_text("1\n2\n3\n")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        gutter, code = page.evaluate(
            """() => ['td.rouge-gutter pre', 'td.rouge-code pre > code'].map((selector) => {
                const style = getComputedStyle(document.querySelector(selector));
                return [style.fontSize, style.lineHeight, style.paddingTop];
            })"""
        )
        assert gutter == code
    context.close()
