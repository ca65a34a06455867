"""The MkDocs plugin: MkDocs' hooks, each handing its phase to the module named for it,
around the extension that renders each page (`extension.py`).

- `on_config` builds the build's one settings object (`settings`), configures the extension
  with it, and adds our assets.
- `on_files` places the site's files and reads every page's front matter into its
  `PageRecord` (`placement`), adds the run page (`run_page`), and tells the extension what the
  whole site says (`settings.SiteFacts`).
- `on_page_markdown` hands the extension the page it renders next (`page_input`); the
  extension hands the page's model back (`_on_page_model`).
- `on_page_context` takes the controls out of search's way and puts them back (`search`).
- `on_post_page` puts the run bar in (`run_page`) and notes the links the theme adds around
  the content.
- `on_post_build` checks every link of every page at once, and reports every finding,
  sorted (`post_build`).
"""

from __future__ import annotations

import gc
import logging
import os
import posixpath
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import __version__
from .build_settings import (
    from_build,
    jekyll_config_path,
    listed_options,
    mkdocs_defaults,
    with_site_values,
)
from .config import PlaybookConfig
from .extension import JEKYLL_STYLESHEET, SCRIPTS, STYLESHEETS, PlaybookExtension
from .findings import Findings
from .jekyll.navigation import theme_meta
from .jekyll.permalinks import redirect_page
from .links.check import Repository
from .links.scan import TemplateScanner
from .nav_indexes import sections_answer_is_index
from .own_pages import html_content, in_own_layout
from .page.model import PageModel
from .page_input import page_input
from .placement import Placement
from .post_build import link_site, report_build
from .published_files import HtmlPage, ReadmesBesideIndex
from .records import PageRecord, shown_path, working_tree
from .run_page import ASSETS_URI, RunPage
from .search import boost_search, exclude_from_search, with_controls, without_controls
from .serve_cache import ServeSession
from .settings import SiteFacts
from .static import served_files
from .widgets.placeholders import uses_in
from .widgets.runs import RUNS_SCRIPTS, insert_run_bar

# Named as sites name the plugin in mkdocs.yml: every finding is printed as `playbook: ...`.
log = get_plugin_logger("playbook")

# MkDocs' own warning for a relative link to no file (`mkdocs/structure/pages.py`).
_MKDOCS_NOT_FOUND = re.compile(r"Doc file '(.*)' contains a link '(.*)', but the target ")


class _ReportedAtLine(logging.Filter):
    """Drops MkDocs' warning for a link to a Jekyll URL no page has, or to a file Jekyll does
    not publish: ours names its line."""

    def __init__(self, records: Mapping[str, PageRecord]) -> None:
        super().__init__()
        self.records = records
        self.unpublished: Mapping[str, object] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        match = _MKDOCS_NOT_FOUND.match(str(record.msg))
        if match is None:
            return True
        page, link = match.group(1), match.group(2)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link.split("#")[0]))
        page_record = self.records.get(page)
        written = page_record.input if page_record is not None else None
        if written is not None and link in written.dead_jekyll_links:
            return False
        return target not in self.unpublished


class PlaybookPlugin(ServeSession, BasePlugin[PlaybookConfig]):
    supports_multiple_instances = False
    _reported_at_line: _ReportedAtLine | None = None
    _readmes: ReadmesBesideIndex | None = None
    _answered_nav: Navigation | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        log.info("mkdocs-playbook %s", __version__)
        self.findings = Findings()
        self.project_dir = os.path.dirname(config.config_file_path or "mkdocs.yml")
        self.nav_from_front_matter = self.config.navigation and not config.nav
        self.template_scanner = TemplateScanner()
        self.custom_dir: str = config.theme.custom_dir or ""
        settings = from_build(
            self.config,
            config,
            listed_options(config),
            jekyll_config_path(self.config, config, self.project_dir),
        )
        self.site = settings.site
        self.footer = mkdocs_defaults(config, self.site)
        self.settings = with_site_values(settings, self.config, config)
        # The one channel to the extension: settings now, the site's facts in on_files, each
        # page's input just before its conversion (as mkdocs-autorefs hands its plugin over).
        # Made anew for every build (`mkdocs serve` too): its templates are read once.
        self.extension = PlaybookExtension(
            self.settings, on_page_model=self._on_page_model, one_build=True
        )
        self.facts = SiteFacts()
        # MkDocs hands the list to Python-Markdown, which takes instances as well as names.
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        self.working_tree = working_tree(self.project_dir, self.site)
        # `_config.yml`'s problems name it as pages are named: from the repository's folder.
        shown = shown_path(self.site.path or ".", self.working_tree, self.project_dir)
        self.findings.items.extend(replace(w, path=shown) for w in self.site.warnings)
        self.placement = Placement(self.site, self.findings, self.working_tree, self.project_dir)
        self.records = self.placement.records
        self.runs = RunPage(
            self.config.runs,
            self.settings,
            self.extension.environment,
            self.records,
            self.findings,
        )
        self._filter_mkdocs_warnings()
        if self._readmes is not None:
            self._readmes.enabled = bool(self.site.path)
        # The same for every page: rendered once.
        self.aux_links = (
            self.extension.environment.get_template("playbook/aux_links.html").render(
                links=self.site.aux_links, new_tab=self.site.aux_links_new_tab
            )
            if self.site.aux_links
            else ""
        )
        # Ours first, so a site's own extra_css can override it; Just the Docs' UI classes
        # only where a Jekyll site uses them.
        stylesheets = [*STYLESHEETS, *([JEKYLL_STYLESHEET] if self.site.path else [])]
        config.extra_css[:0] = [f"{ASSETS_URI}/{name}" for name in stylesheets]
        scripts = RUNS_SCRIPTS if self.config.runs.page else SCRIPTS
        config.extra_javascript[:0] = [f"{ASSETS_URI}/{name}" for name in scripts]
        return config

    def _filter_mkdocs_warnings(self) -> None:
        """One filter on MkDocs' page logger per build (`mkdocs serve` configures anew)."""
        pages_log = logging.getLogger("mkdocs.structure.pages")
        if self._reported_at_line is not None:
            pages_log.removeFilter(self._reported_at_line)
        self._reported_at_line = _ReportedAtLine(self.records)
        pages_log.addFilter(self._reported_at_line)
        files_log = logging.getLogger("mkdocs.structure.files")
        if self._readmes is not None:
            files_log.removeFilter(self._readmes)
        self._readmes = ReadmesBesideIndex()
        files_log.addFilter(self._readmes)

    # Late, so pages that other plugins add are placed in the nav too.
    @event_priority(-50)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        placement = self.placement
        # First: the publishing rules read files' heads.
        placement.leave_out_unreadable(files, config.docs_dir)
        readmes = self._readmes.dropped if self._readmes is not None else []
        placement.publish(files, config, self.config.github_pages, readmes)
        if self._reported_at_line is not None:
            self._reported_at_line.unpublished = placement.publication.unpublished
        placement.leave_out_unwritable(files)
        for name, text in served_files(minify=self.config.minify_assets).items():
            files.append(File.generated(config, f"{ASSETS_URI}/{name}", content=text))
        self.runs.add_page(files, config)
        sources = placement.read_pages(files, titles=self.nav_from_front_matter)
        placement.place_permalinks(files, config)
        placement.place_own_layouts(files)
        jekyll_urls = placement.jekyll_urls(files)
        if self.nav_from_front_matter:
            placement.place_nav(files, config, sources)
        self.facts = placement.facts(files, jekyll_urls)
        self.extension.know_site(self.facts)
        return files

    # Last: the page is handed over just before MkDocs converts it, so a plugin that converts
    # Markdown of its own in this event (macros, snippets) does so before, and takes no page.
    @event_priority(-100)
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        record = self.records.get(page.file.src_uri)
        if record is None:
            self.extension.hand_over(None)
            return None
        document = self.placement.documents.get(page.file.src_uri)
        collections = self.placement.collections
        body = page_input(record, markdown, page, self.findings, document, collections)
        if isinstance(page.file, HtmlPage):  # Liquid, and no Markdown (Jekyll's rule)
            urls = self.extension.jekyll_urls
            html = markdown if body is None else body
            rewrites = self.extension.rewrites
            record.html = html_content(record, html, rewrites, urls, self.findings)
            body = ""
        # Python-Markdown starts no conversion for white space: nothing would take the page,
        # and the next conversion to start (another plugin's) must not.
        converted = (markdown if body is None else body).strip()
        self.extension.hand_over(record.input if converted else None)
        if self.serve_cache is not None and converted and record.input is not None:
            self.serve_cache.offer(
                page,
                record.input,
                config=config,
                files=files,
                extension=self.extension,
                receiver=self._on_page_model,
                extra=sorted(self.placement.publication.unpublished.items()),
            )
        data = record.front_matter.data
        last_edit = self.footer.last_edit(data)
        if last_edit is not None:
            # Material's "last update", unless a plugin (git-revision-date-localized) says.
            page.meta.setdefault("revision_date", last_edit)
        exclude_from_search(page.meta, data, document, collections)
        if self.site.path:
            page.meta = theme_meta(page.meta)
        if page.edit_url is None and self.site.edit_link is not None and page.file.abs_src_path:
            page.edit_url = self.site.edit_url(self.site.source_path(page.file.abs_src_path))
        return body

    def _on_page_model(self, model: PageModel) -> None:
        # A model says which page it is: one converted inside a page's conversion (a
        # docstring) or outside any page is none of ours.
        record = self.records.get(model.src_uri) if model.src_uri is not None else None
        if record is None:
            return
        if self.serve_cache is not None:
            self.serve_cache.note(model)
        record.placeholders = uses_in(model.code_texts)
        record.controls = model.controls
        if model.severity_matrices and record.file.page is not None:
            boost_search(record.file.page.meta)
        self.runs.note_page(record.file.src_uri, model)
        self.findings.add_page(record.display_path, model.problems)
        # Only what the end of the build reads: the widgets' parts go with the page.
        record.model = PageModel(
            model.lines, ids=model.ids, links=model.links, duplicates=model.duplicates
        )

    # Search plugins index the content at priority 0. The controls are `<template>`s marked
    # data-search-exclude, so no index holds them; taken out while search reads the page, they
    # cost its HTML parser nothing (a third of a bench page's content). Put back where they
    # were, counted from the end: Material's search edits attributes before them, and they
    # come last (context.append).
    @event_priority(100)
    def _controls_out(self, context: Any, /, *, page: Page, **_: Any) -> None:
        record = self.records.get(page.file.src_uri)
        if record is not None:
            content = without_controls(record, page.content or "")
            if content is not None:
                page.content = content

    @event_priority(-100)
    def _controls_in(self, context: Any, /, *, page: Page, **_: Any) -> None:
        record = self.records.get(page.file.src_uri)
        if record is not None:
            content = with_controls(record, page.content or "")
            if content is not None:
                page.content = content

    # After the controls are back and after other plugins' changes to the content: a plugin
    # that sets page.content anew afterwards would give Material's H1 back.
    @event_priority(-110)
    def _no_added_title(self, context: Any, /, *, page: Page, **_: Any) -> None:
        if self.site.path and page.content is not None:
            page.content = _ShowsItsOwnTitle(page.content)

    # Before the theme renders the build's first page, once per nav: its sections are all
    # made by then, whichever plugin made them.
    @event_priority(100)
    def _sections_answer(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation, **_: Any
    ) -> None:
        if nav is not self._answered_nav:
            self._answered_nav = nav
            sections_answer_is_index(nav, config)

    on_page_context = CombinedEvent(_sections_answer, _controls_out, _controls_in, _no_added_title)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        record = self.records.get(page.file.src_uri)
        return record.html if record is not None and record.html is not None else None

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        moved = self._redirected(page.file.src_uri)
        if moved is not None:  # jekyll-redirect-from writes a redirect in the page's place
            return redirect_page(moved, page.title or page.file.src_uri)
        own = self.records.get(page.file.src_uri)
        if own is not None and own.layout is not None:  # as Jekyll writes it, not the theme
            urls = self.extension.jekyll_urls
            content = page.content or ""
            rewrites = self.extension.rewrites
            site, tree = self.site, self.working_tree
            return in_own_layout(own, content, rewrites, urls, self.findings, site, tree)
        output = self.runs.with_run_bar(output, page)
        if self.runs.file is not None and page.file is self.runs.file:
            output = self.runs.with_review_template(output, config)
        if self.aux_links:
            output = insert_run_bar(output, self.aux_links)
        # The theme's links around the content; the content itself is in the page model.
        record = self.records.get(page.file.src_uri)
        if record is not None:
            ids = record.model.ids if record.model else set()
            record.template_links, record.template_ids = self.template_scanner.scan(
                page.file.dest_uri, output, page.content or "", ids
            )
        return output

    def _redirected(self, src_uri: str) -> str | None:
        """Where the built page's `redirect_to` sends its readers, from the page's URL."""
        to = self.placement.redirect_to(src_uri)
        urls = self.extension.jekyll_urls
        return urls.redirect_href(to, src_uri) if to is not None and urls else to

    # Before the pages are read, what is alive (the imported modules, the configuration, the
    # files and the nav) lives to the end of the build: frozen, the collector no longer scans
    # it in each full collection while the pages are converted and written (0.28 ms a page on
    # the bench corpus, an eighth of the plugin's cost). Given back when the build ends, so
    # that a `serve` session's next build can free what this one left.
    @event_priority(-100)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        gc.freeze()

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self.files = files
        return env

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()

    # Last, so files other plugins write at the end (the offline search index) are there.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        repository_url = self.settings.repository_url
        repository = (
            Repository(
                repository_url.rstrip("/"),
                self.working_tree,
                tuple(self.settings.repository_branches),
            )
            if repository_url
            else None
        )
        site = link_site(
            self.records,
            self.files,
            config,
            repository,
            self.placement.publication.unpublished,
            self.project_dir,
        )
        report_build(self.findings, site, self.config.links, self.records, self.project_dir)
        gc.unfreeze()


class _ShowsItsOwnTitle(str):
    """A Jekyll page's HTML, which shows the H1s it has and no other, as Just the Docs' layout
    does. Material's content partial adds the page title as an H1 when `"<h1" not in
    page.content`; this content answers that it has one. A plain `str` otherwise."""

    def __contains__(self, part: object) -> bool:
        return part == "<h1" or (isinstance(part, str) and super().__contains__(part))
