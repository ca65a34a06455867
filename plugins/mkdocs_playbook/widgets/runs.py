"""Incident runs: the page the plugin generates for them and the bar in every page's header.

The browser keeps the runs (assets/runs.js, over store.js); the build gives it a page to work
on, where every other page can find it, and what the site knows: its severities, most severe
first, and the minutes between stakeholder updates for each.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping

import jinja2
from mkdocs.utils import get_relative_url

from ..page.model import SeverityMatrix
from .render import PageContext
from .severity import settings_from

_CONTAINER_RE = re.compile(r"<div\b[^>]*\bdata-md-component=\"container\"[^>]*>", re.I)
_BODY_RE = re.compile(r"<body\b[^>]*>", re.IGNORECASE)

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
) -> str:
    """The run page's Markdown, front matter included (JSON strings are YAML strings);
    `scripts` are the URLs of RUN_PAGE_SCRIPTS relative to the page (a `.css` one is a
    stylesheet)."""
    return environment.get_template("playbook/run_page.md").render(
        title=title, parent=parent, nav_order=nav_order, site_id=site_id, scripts=scripts
    )


def severity_levels(matrices: Iterable[SeverityMatrix]) -> list[str]:
    """The severities of the site's matrices, in table order, each once."""
    levels: list[str] = []
    for matrix in matrices:
        levels.extend(row.severity for row in matrix.rows if row.severity not in levels)
    return levels


def run_bar(
    environment: jinja2.Environment,
    *,
    site_id: str,
    run_page_url: str,
    page_title: str,
    levels: list[str],
    cadence: Mapping[str, int],
) -> str:
    return environment.get_template("playbook/run_bar.html").render(
        site_id=site_id,
        run_page_url=run_page_url,
        page_title=page_title,
        levels=json.dumps(levels, ensure_ascii=False),
        cadence=json.dumps(dict(cadence), ensure_ascii=False),
    )


class RunBar:
    """The `Feature` that puts the run bar first in the content, where no plugin puts it in
    the theme's container (Zensical): the extension's `run_bar` option gives the run page's
    URL from the site's root and the site's severities (`python -m mkdocs_playbook prepare`
    fills it in). runs.js moves the bar into the header either way."""

    def read(self, context: PageContext) -> None:
        """Nothing of its own to read."""

    def render(self, context: PageContext) -> None:
        settings = context.settings.get("run_bar") or {}
        page = settings.get("page")
        if not page or context.page_url is None:
            return
        context.prepend(
            run_bar(
                context.environment,
                site_id=context.settings.get("site_id", ""),
                run_page_url=get_relative_url(page, context.page_url),
                page_title=context.page_title or _first_heading(context),
                levels=list(settings.get("levels") or []),
                cadence=settings_from(context.settings).cadence,
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
