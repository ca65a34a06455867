"""Incident runs: the page the plugin generates for them and the bar in every page's header.

The browser keeps the runs (assets/runs.js, over store.js); the build gives it a page to work
on, where every other page can find it, and what the site knows: its severities, most severe
first, the minutes between stakeholder updates for each, where the stakeholder update template
is, and the post-incident template the run page drafts a review from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

import jinja2
from mkdocs.utils import get_relative_url

from ..page.model import SeverityMatrix, TemplateForm
from .render import PageContext, script_json
from .severity import SeveritySettings
from .template_forms import form_data

_CONTAINER_RE = re.compile(r"<div\b[^>]*\bdata-md-component=\"container\"[^>]*>", re.I)
_BODY_RE = re.compile(r"<body\b[^>]*>", re.IGNORECASE)

RUNS_SCRIPTS = ["playbook-runs.js"]
"""Every page's scripts on a site with runs, instead of the extension's SCRIPTS (`static.BUNDLES`):
a site without runs does not pay for the bar."""
RUN_PAGE_SCRIPTS = ["run_page.js", "run_page.css"]
"""Loaded by the run page only (`static.BUNDLES`; the script deferred, so it runs after every
page's SCRIPTS): no other page pays for export, import, hand-off and backups."""


def run_page_markdown(
    environment: jinja2.Environment,
    *,
    title: str,
    parent: str,
    nav_order: int | float | str | None,
    site_id: str,
    scripts: list[str],
    review: bool = False,
) -> str:
    """The run page's Markdown, front matter included (JSON strings are YAML strings);
    `scripts` are the URLs of RUN_PAGE_SCRIPTS relative to the page (a `.css` one is a
    stylesheet); `review`: the page drafts a post-incident review (`insert_review_template`
    gives it the template once every page is read)."""
    return environment.get_template("playbook/run_page.md").render(
        title=title,
        parent=parent,
        nav_order=nav_order,
        site_id=site_id,
        scripts=scripts,
        review=review,
    )


REVIEW_SLOT = '<script type="application/json" data-playbook-review-template></script>'
"""Where the run page (run_page.md) takes the post-incident template, filled at the end."""


def insert_review_template(output: str, form: TemplateForm, url: str) -> str:
    """The run page's `output` with the post-incident template `form` (found at `url`,
    relative to the run page) as data for its draft."""
    data = {**form_data(form), "url": url}
    filled = REVIEW_SLOT.replace("></script>", f">{script_json(data)}</script>")
    return output.replace(REVIEW_SLOT, filled, 1)


def update_form(forms: Iterable[TemplateForm]) -> TemplateForm | None:
    """The first of `forms` that is a stakeholder update (it promises the next one)."""
    return next((form for form in forms if form.promises_update), None)


def severity_levels(matrices: Iterable[SeverityMatrix]) -> list[str]:
    """The severities of the site's matrices, in table order, each once."""
    levels: list[str] = []
    for matrix in matrices:
        levels.extend(row.severity for row in matrix.rows if row.severity not in levels)
    return levels


def relative_target(target: str, from_url: str) -> str:
    """`page URL#fragment` from the site's root, relative to the page at `from_url`."""
    if not target:
        return ""
    url, _, fragment = target.partition("#")
    relative = get_relative_url(url, from_url)
    return f"{relative}#{fragment}" if fragment else relative


def run_bar(
    environment: jinja2.Environment,
    *,
    site_id: str,
    run_page_url: str,
    page_title: str,
    levels: list[str],
    severity: SeveritySettings,
    update_url: str = "",
) -> str:
    """The bar; `update_url` (relative to the page) is the site's stakeholder update template,
    which "next update in ..." links to."""
    return environment.get_template("playbook/run_bar.html").render(
        site_id=site_id,
        run_page_url=run_page_url,
        page_title=page_title,
        levels=json.dumps(levels, ensure_ascii=False),
        cadence=json.dumps(severity.script_cadence()),
        update_url=update_url,
    )


class RunBar:
    """The `Feature` that puts the run bar first in the content, where no plugin puts it in
    the theme's container (Zensical): the extension's `run_bar` option gives the run page's
    URL from the site's root, the site's severities and its update template (`update`);
    `python -m mkdocs_playbook prepare` fills it in. runs.js moves the bar into the header
    either way."""

    def read(self, context: PageContext) -> None:
        """Nothing of its own to read."""

    def render(self, context: PageContext) -> None:
        settings = context.settings.run_bar
        page = settings.page
        if not page or context.page_url is None:
            return
        context.prepend(
            run_bar(
                context.environment,
                site_id=context.settings.site_id,
                run_page_url=get_relative_url(page, context.page_url),
                page_title=context.page_title or _first_heading(context),
                levels=list(settings.levels),
                severity=context.settings.severity,
                update_url=relative_target(settings.update, context.page_url),
            )
        )


def _first_heading(context: PageContext) -> str:
    return next((h.text for h in context.model.headings if h.level == 1), "")


def insert_run_bar(output: str, bar: str) -> str:
    """`output` with the bar first in Material's container, else first in its body.

    runs.js moves it into Material's header. Material's instant navigation swaps the
    container, not the body, so there each page brings its own bar (its own link to the run
    page and its own title) for runs.js to put in place of the last one.
    """
    start = _CONTAINER_RE.search(output) or _BODY_RE.search(output)
    if start is None:
        return output
    return output[: start.end()] + "\n" + bar + output[start.end() :]
