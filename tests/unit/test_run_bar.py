"""The run bar's placement, by the plugin in the theme or by the extension in the content, and
the severities it offers."""

from __future__ import annotations

import markdown
import pytest

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.jekyll.rewrite import PageInput
from mkdocs_playbook.page.model import SeverityMatrix, SeverityRow
from mkdocs_playbook.widgets.runs import insert_run_bar, severity_levels


def matrix(*names: str) -> SeverityMatrix:
    return SeverityMatrix("lookup", tuple(SeverityRow(n, "", (), "", 1) for n in names), 1)


def test_the_bar_goes_first_in_the_body() -> None:
    page = '<html><head></head><body dir="ltr" class="x">\n<p>hi</p></body></html>'
    assert insert_run_bar(page, "<div>bar</div>") == (
        '<html><head></head><body dir="ltr" class="x">\n<div>bar</div>\n<p>hi</p></body></html>'
    )


def test_in_material_the_bar_goes_first_in_the_container_that_instant_navigation_swaps() -> None:
    page = (
        '<body><header class="md-header"></header>\n'
        '<div class="md-container" data-md-component="container"><main></main></div></body>'
    )
    assert insert_run_bar(page, "<div>bar</div>") == (
        '<body><header class="md-header"></header>\n'
        '<div class="md-container" data-md-component="container">\n<div>bar</div><main></main>'
        "</div></body>"
    )


def test_a_page_without_a_body_is_left_alone() -> None:
    assert insert_run_bar("<p>fragment</p>", "<div>bar</div>") == "<p>fragment</p>"


def test_levels_keep_table_order_each_once_across_pages() -> None:
    first, second = matrix("SEV-1", "SEV-2"), matrix("SEV-2", "SEV-3")
    assert severity_levels([first, second]) == ["SEV-1", "SEV-2", "SEV-3"]


def converted(text: str, page: PageInput | None, **options: object) -> str:
    extension = PlaybookExtension(site_id="Ops", **options)
    extension.hand_over(page)
    return markdown.markdown(text, extensions=[extension, "toc"])


RUN_BAR = {"page": "incident-run/", "levels": ["SEV-1", "SEV-2"]}


@pytest.mark.parametrize(
    ("url", "run_page", "expected"),
    [
        # MkDocs' defaults (use_directory_urls: true), and pages as files, as this site has them.
        ("operations/runbook/", "incident-run/", "../../incident-run/"),
        ("operations/runbook.html", "incident-run.html", "../incident-run.html"),
        ("", "incident-run/", "incident-run/"),  # the home page
    ],
)
def test_without_a_plugin_the_extension_puts_the_bar_first_in_the_content(
    url: str, run_page: str, expected: str
) -> None:
    page = PageInput("operations/runbook.md", {"title": "Runbook"}, 0, url)
    html = converted("# Database runbook\n\nText.", page, run_bar={**RUN_BAR, "page": run_page})
    assert html.startswith('<div class="playbook-runbar" data-playbook-runbar')
    assert f'data-playbook-run-page="{expected}"' in html
    assert f'href="{expected}#declare-an-incident"' in html
    assert 'data-playbook-page-title="Runbook"' in html
    assert 'data-playbook-levels="[&#34;SEV-1&#34;, &#34;SEV-2&#34;]"' in html
    assert html.index("playbook-runbar") < html.index("<h1")


def test_the_bar_names_the_first_heading_when_front_matter_has_no_title() -> None:
    page = PageInput("runbook.md", {}, 0, "runbook/")
    html = converted("# Database runbook\n", page, run_bar=RUN_BAR)
    assert 'data-playbook-page-title="Database runbook"' in html


@pytest.mark.parametrize(
    ("page", "options"),
    [
        (PageInput("runbook.md", {}, 0, "runbook/"), {}),  # the plugin places it instead
        (None, {"run_bar": RUN_BAR}),  # a page whose URL is unknown cannot link the run page
    ],
    ids=["no-run-bar-option", "no-page"],
)
def test_no_bar_without_the_option_or_a_known_page(
    page: PageInput | None, options: dict[str, object]
) -> None:
    assert "playbook-runbar" not in converted("# Title\n", page, **options)
