"""Incident runs (the run page phase): the generated run page, the run bar in every page's
header, and the templates they link to, found while pages are read."""

from __future__ import annotations

import os
from collections.abc import Mapping

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .config import RunSettings
from .findings import Findings
from .page.model import PageModel, SeverityMatrix, TemplateForm
from .records import PageRecord
from .settings import PlaybookSettings, RunBarSettings
from .widgets.runs import (
    RUN_PAGE_SCRIPTS,
    insert_review_template,
    insert_run_bar,
    relative_target,
    run_bar,
    run_page_markdown,
    severity_levels,
    update_form,
)

ASSETS_URI = "assets/playbook"
"""Where our scripts and stylesheets are served from, under the site's root."""


class RunPage:
    """The run page of one build (`runs.page`), and what its bar shows on every page."""

    def __init__(
        self,
        runs: RunSettings,
        settings: PlaybookSettings,
        environment: jinja2.Environment,
        records: Mapping[str, PageRecord],
        findings: Findings,
    ) -> None:
        self.runs = runs
        self.settings = settings
        self.environment = environment
        self.records = records
        self.findings = findings
        self.file: File | None = None
        """The generated page; None when the site has no runs."""
        self.severity_matrices: list[SeverityMatrix] = []
        self.levels: list[str] | None = None
        # Found while pages are read: the stakeholder update template the run bar links to,
        # and the post-incident template the run page drafts from (page src_uri, form).
        self.update_form: tuple[str, TemplateForm] | None = None
        self.review_form: tuple[str, TemplateForm] | None = None

    def add_page(self, files: Files, config: MkDocsConfig) -> None:
        """The run page, generated among the site's files, when `runs.page` names one."""
        runs = self.runs
        if not runs.page:
            return
        if files.get_file_from_path(runs.page) is not None:
            raise PluginError(
                f"mkdocs.yml: plugins.playbook.runs.page: {runs.page} is already a page of the "
                "site; name another path for the generated incident run page"
            )
        self.file = File.generated(config, runs.page, content="")
        self.file.content_string = run_page_markdown(
            self.environment,
            title=runs.title,
            parent=runs.parent,
            nav_order=runs.nav_order,  # type: ignore[arg-type]  # checked by RunSettings
            site_id=self.settings.site_id,
            scripts=[
                get_relative_url(f"{ASSETS_URI}/{name}", self.file.url) for name in RUN_PAGE_SCRIPTS
            ],
            review=bool(runs.review_template),
        )
        files.append(self.file)

    def note_page(self, src_uri: str, model: PageModel) -> None:
        """What a page's model holds for runs: its severity matrices, and the first
        stakeholder update template (in the order pages are read) and the post-incident
        template `runs.review_template` names."""
        self.severity_matrices.extend(model.severity_matrices)
        if self.file is None:
            return
        forms = model.template_forms
        if self.update_form is None:
            form = update_form(forms)
            self.update_form = (src_uri, form) if form else None
        review_page, _, heading = self.runs.review_template.partition("#")
        if src_uri == review_page and self.review_form is None:
            form = next((form for form in forms if form.heading == heading), None)
            self.review_form = (src_uri, form) if form else None

    def site_levels(self) -> list[str]:
        """The site's severities, once every page's Markdown is rendered (MkDocs renders
        them all before the first is written out)."""
        if self.levels is None:
            self.levels = severity_levels(self.severity_matrices)
        return self.levels

    def with_run_bar(self, output: str, page: Page) -> str:
        """A built page with the run bar in its header, when the site has runs."""
        if self.file is None:
            return output
        bar = run_bar(
            self.environment,
            site_id=self.settings.site_id,
            run_page_url=get_relative_url(self.file.url, page.url),
            page_title=page.title or "",
            levels=self.site_levels(),
            severity=self.settings.severity,
            update_url=relative_target(self.update_target(), page.url),
        )
        return insert_run_bar(output, bar)

    def update_target(self) -> str:
        """The stakeholder update template the run bar links to, as `page URL#form id` from
        the site's root; empty when the site has none."""
        if self.update_form is None:
            return ""
        src_uri, form = self.update_form
        return f"{self.records[src_uri].file.url}#{form.id}"

    def bar_settings(self) -> RunBarSettings:
        """The bar as the extension places it where no plugin does (Zensical)."""
        if self.file is None:
            return RunBarSettings()
        return RunBarSettings(self.file.url, tuple(self.site_levels()), self.update_target())

    def with_review_template(self, output: str, config: MkDocsConfig) -> str:
        """The run page (built, or its Markdown) with the post-incident template its draft
        fills in."""
        setting = self.runs.review_template
        if not setting or self.file is None:
            return output
        if self.review_form is None:
            config_path = os.path.basename(config.config_file_path or "mkdocs.yml")
            self.findings.add(
                config_path,
                0,
                f"plugins.playbook.runs.review_template: {setting} names no template: give a "
                "page of the site and the id of the heading a template stands under",
            )
            return output
        src_uri, form = self.review_form
        url = get_relative_url(self.records[src_uri].file.url, self.file.url)
        return insert_review_template(output, form, f"{url}#{form.heading}")
