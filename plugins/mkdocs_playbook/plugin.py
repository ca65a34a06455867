"""The MkDocs plugin: what only a plugin can do, around the extension that renders each page.

- `on_config` configures the Python-Markdown extension (`extension.py`), where everything
  that changes a page happens, and adds our assets.
- `on_files` reads every page's front matter into its `PageRecord` (one record per page),
  builds the nav from it, and tells the extension which files the site publishes and, for a
  Jekyll site, each page's Jekyll URL (`jekyll.urls`).
- `on_page_markdown` tells the extension which page it renders next; the extension hands the
  page's model back (`_on_page_model`).
- `on_post_page` puts the run bar in and notes the links the theme adds around the content.
- `on_post_build` checks every link of every page at once, and reports every finding, sorted.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
import sys
import time
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import __version__
from .config import PlaybookConfig
from .extension import JEKYLL_STYLESHEET, SCRIPTS, STYLESHEETS, PlaybookExtension
from .findings import Finding, Findings
from .jekyll.collections import (
    Document,
    collection_navs,
    read_collections,
    with_title,
)
from .jekyll.frontmatter import (
    FrontMatter,
    body_first_line,
    parse_front_matter,
    without_front_matter,
)
from .jekyll.layout_parts import FooterParts
from .jekyll.liquid import site_variables, thawed
from .jekyll.navigation import ChildLink, NavSource, site_nav
from .jekyll.permalinks import (
    permalink_destination,
    redirect_destinations,
    redirect_page,
    unwritable_character,
)
from .jekyll.publishing import REDIRECTS_NOT_WRITTEN
from .jekyll.rewrite import PageInput
from .jekyll.site_config import SiteConfig
from .jekyll.urls import page_url
from .links.check import KINDS, Repository, Site, SitePage
from .links.external import Settings as OnlineSettings
from .links.policy import leveled
from .links.reports import github_annotations, junit_xml, step_summary
from .links.scan import TemplateLink, TemplateScanner
from .nav_indexes import lead_sections
from .page.lint import find_mojibake
from .page.model import PageModel, SeverityMatrix, TemplateForm
from .page.source import Source
from .published_files import (
    Publication,
    ReadmesBesideIndex,
    github_pages_rules,
    move_file,
    opens_front_matter,
    publish,
)
from .serve_cache import ServeSession
from .static import served_files
from .widgets.placeholders import PlaceholderUse, mistyped_placeholders, uses_in
from .widgets.runs import (
    RUN_PAGE_SCRIPTS,
    RUNS_SCRIPTS,
    insert_review_template,
    insert_run_bar,
    relative_target,
    run_bar,
    run_page_markdown,
    severity_levels,
    update_form,
)
from .widgets.severity import ROLES, SeveritySettings, settings_from

# Named as sites name the plugin in mkdocs.yml: every finding is printed as `playbook: ...`.
log = get_plugin_logger("playbook")

EXTENSION_NAMES = ("playbook", "mkdocs_playbook.extension")
_ASSETS_URI = "assets/playbook"


SEVERITY_SEARCH_BOOST = 10
"""Material's search boost for the page that holds the severity matrix: a search for "SEV-2"
finds where the severities are defined first, not a runbook that names one more often."""


def boost_search(meta: MutableMapping[str, Any]) -> None:
    """Boosts a page in Material's search (`search.boost` of its front matter), unless its
    front matter sets a boost or excludes it."""
    search = meta.get("search")
    if search is None:
        search = meta["search"] = {}
    if isinstance(search, dict) and not search.get("exclude"):
        search.setdefault("boost", SEVERITY_SEARCH_BOOST)


@dataclass
class PageRecord:
    """What the build keeps of one page, from its front matter to its links' verdicts."""

    file: File
    display_path: str
    """Path shown in findings, relative to the project: `docs/operations/RUNBOOK.md`."""
    front_matter: FrontMatter
    children: tuple[ChildLink, ...] = ()
    """The table of contents of child pages Just the Docs prints after its content."""
    input: PageInput | None = None
    """What `on_page_markdown` handed to the extension for its conversion."""
    model: PageModel | None = None
    """Its content, once rendered; only what the end of the build reads is kept."""
    placeholders: set[PlaceholderUse] = field(default_factory=set)
    """How its code spells placeholders, for the site-wide lint."""
    template_links: list[TemplateLink] = field(default_factory=list)
    template_ids: frozenset[str] = frozenset()
    controls: str = ""
    """Its script-only controls' markup (`PageModel.controls`)."""
    controls_after: int = -1
    """While search reads the content without them: how much content followed them."""


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

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        log.info("mkdocs-playbook %s", __version__)
        self.findings = Findings()
        self.records: dict[str, PageRecord] = {}
        self.publication = Publication()
        self.project_dir = os.path.dirname(config.config_file_path or "mkdocs.yml")
        self.nav_from_front_matter = self.config.navigation and not config.nav
        self.severity_matrices: list[SeverityMatrix] = []
        self.template_scanner = TemplateScanner()
        self.run_page: File | None = None
        self.run_levels: list[str] | None = None
        self.custom_dir: str = config.theme.custom_dir or ""
        # Found while pages are read: the stakeholder update template the run bar links to,
        # and the post-incident template the run page drafts from (page src_uri, form).
        self.update_form: tuple[str, TemplateForm] | None = None
        self.review_form: tuple[str, TemplateForm] | None = None
        self._install_extension(config)
        self._filter_mkdocs_warnings()
        self.site = self._read_site_config(config)
        if self._readmes is not None:
            self._readmes.enabled = bool(self.site.path)
        self.working_tree = self._working_tree()
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
        config.extra_css[:0] = [f"{_ASSETS_URI}/{name}" for name in stylesheets]
        scripts = RUNS_SCRIPTS if self.config.runs.page else SCRIPTS
        config.extra_javascript[:0] = [f"{_ASSETS_URI}/{name}" for name in scripts]
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

    def _repository_url(self, config: MkDocsConfig) -> str:
        """The site's repository: the plugin's setting, else `repo_url`, else the one Just the
        Docs' edit link names."""
        fallback = self.site.edit_link.repository if self.site.edit_link else ""
        return self.config.repository_url or config.repo_url or fallback

    def _working_tree(self) -> str:
        """The repository's folder, where repository links are looked up: the nearest folder
        above mkdocs.yml holding `.git`; else, for a Jekyll site whose edit link names its
        source folder (`gh_edit_source`), the folder that makes; else mkdocs.yml's folder."""
        project = os.path.abspath(self.project_dir or ".")
        folder = project
        while True:
            if os.path.exists(os.path.join(folder, ".git")):
                return folder
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
        if self.site.path and self.site.edit_link is not None:
            source = self.site.source_dir
            inside = self.site.edit_link.source.strip("/")
            if not inside:
                return source
            if source.replace(os.sep, "/").endswith("/" + inside):
                return source[: -len(inside) - 1]
        return project

    def _jekyll_config_path(self, config: MkDocsConfig) -> str:
        """The `_config.yml` to read: the one named in mkdocs.yml, else the docs folder's."""
        if self.config.jekyll_config:
            return os.path.join(self.project_dir, self.config.jekyll_config)
        found = os.path.join(config.docs_dir, "_config.yml")
        return found if os.path.isfile(found) else ""

    def _read_site_config(self, config: MkDocsConfig) -> SiteConfig:
        """The Jekyll site's settings, for what mkdocs.yml leaves unset (mkdocs.yml wins)."""
        try:
            site = self.extension.site_config
        except OSError as error:
            raise PluginError(f"cannot read {self.config.jekyll_config}: {error}") from error
        if site.problem is not None:
            raise PluginError(str(site.problem))
        self.site = site
        for warning in site.warnings:
            self.findings.add(warning.path, warning.line, warning.message)
        if not config.site_description and site.description:
            config.site_description = site.description
        if not config.site_url and site.url:
            config.site_url = site.url.rstrip("/") + "/" + (site.baseurl or "").strip("/")
        features = config.theme.get("features")
        if site.edit_link is not None and isinstance(features, list):
            # Material shows page.edit_url only with this feature; mkdocs.yml's repo_url and
            # edit_uri, when set, win (page.edit_url is then set already).
            if "content.action.edit" not in features:
                features.append("content.action.edit")
        self.footer = FooterParts.from_site(site.data)
        if not config.copyright and self.footer.copyright:
            config.copyright = self.footer.copyright
        if self.footer.back_to_top and isinstance(features, list):
            if "navigation.top" not in features:
                features.append("navigation.top")
        # _config.yml's keys as `site.*`, under mkdocs.yml's own values.
        repository_url = self._repository_url(config)
        self.extension.setConfig("repository_url", repository_url)
        variables = site_variables(
            site_name=config.site_name,
            site_url=config.site_url,
            site_description=config.site_description,
            site_author=config.site_author,
            repository_url=repository_url,
            extra=self.config.site_variables,
        )
        if not variables.get("site.baseurl") and site.baseurl:
            # No site_url path to take it from: _config.yml's, as Jekyll prints it.
            variables["site.baseurl"] = site.baseurl.rstrip("/")
        self.extension.setConfig("site_variables", {**site.variables(), **variables})
        return site

    def _install_extension(self, config: MkDocsConfig) -> None:
        """Our extension, configured to hand each page's model back to the plugin.

        A site that lists `playbook` under markdown_extensions keeps its settings for it.
        """
        options: dict[str, Any] = {}
        for name in EXTENSION_NAMES:
            if name in config.markdown_extensions:
                config.markdown_extensions.remove(name)
                options.update(config.mdx_configs.pop(name, {}) or {})
        options.setdefault("checklist_headings", self.config.checklist_headings)
        options.setdefault("jekyll_config", self._jekyll_config_path(config))
        options.setdefault("docs_dir", config.docs_dir)
        options.setdefault("unsafe_attributes", self.config.unsafe_attributes)
        self.extension = PlaybookExtension(
            **{"site_id": config.site_url or config.site_name, **options},
            severity=self._severity_settings(),
            template_loader=config.theme.get_env().loader,
            on_page_model=self._on_page_model,
            repository_branches=self.config.repository_branches,
            repository_docs_roots=self.config.repository_docs_roots,
        )
        # MkDocs hands the list to Python-Markdown, which takes instances as well as names.
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]

    def extension_options(self) -> dict[str, Any]:
        """The extension's options as a build configuration spells them (Zensical, which runs
        the extension without this plugin): plain values, paths made absolute."""
        severity = settings_from(self.extension.getConfigs())
        options = {
            name: self.extension.getConfig(name)
            for name in (
                "site_id",
                "checklist_headings",
                "site_variables",
                "jekyll_urls",
                "page_urls",
                "repository_url",
                "repository_branches",
                "repository_docs_roots",
                "unsafe_attributes",
            )
        }
        for name in ("jekyll_config", "docs_dir"):
            path = self.extension.getConfig(name)
            options[name] = os.path.abspath(path) if path else ""
        options["severity"] = {"columns": dict(severity.columns), "cadence": dict(severity.cadence)}
        options["site_pages"] = thawed(self.extension.site_pages)
        if self.custom_dir:
            # The site's own widget fragments (`overrides/playbook/*.html`).
            options["template_loader"] = os.path.abspath(self.custom_dir)
        return options

    def _severity_settings(self) -> SeveritySettings:
        columns = self.config.severity_columns
        missing = [role for role in ROLES if not isinstance(columns.get(role), str)]
        if missing:
            raise PluginError(
                "mkdocs.yml: plugins.playbook.severity_columns needs a header for "
                + ", ".join(missing)
            )
        cadence = self.config.update_cadence
        if not all(
            isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in cadence.values()
        ):
            raise PluginError(
                "mkdocs.yml: plugins.playbook.update_cadence values must be whole minutes"
            )
        return SeveritySettings(
            columns=dict(columns), cadence={str(k): v for k, v in cadence.items()}
        )

    # Late, so pages that other plugins add are placed in the nav too.
    @event_priority(-50)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        self.collections = read_collections(self.site)
        self.documents: dict[str, Document] = {}
        """The pages that are documents of an output collection, by docs path."""
        if self.site.path:
            rules = github_pages_rules(
                self.site, self.config.github_pages, [self.site.source_dir, self.working_tree]
            )
            log.info("%s", rules.describe())
            readmes = self._readmes.dropped if self._readmes is not None else []
            self._find_documents(files)
            self.publication = publish(
                files, config, self.site, rules, readmes, documents=set(self.documents)
            )
            if self._reported_at_line is not None:
                self._reported_at_line.unpublished = self.publication.unpublished
        self._leave_out_unwritable(files)
        for name, text in served_files(minify=self.config.minify_assets).items():
            files.append(File.generated(config, f"{_ASSETS_URI}/{name}", content=text))
        self._add_run_page(files, config)
        sources: list[NavSource] = []
        for file in files.documentation_pages():
            text = file.content_string
            front_matter = self.publication.front_matter.get(file.src_uri)
            if front_matter is None:
                front_matter = parse_front_matter(text)
            record = PageRecord(file, self._display_path(file), front_matter)
            self.records[file.src_uri] = record
            if front_matter.problem:
                malformed = front_matter.problem
                self.findings.add(record.display_path, malformed.line, malformed.message)
            document = self.documents.get(file.src_uri)
            if document is not None:
                # Jekyll gives every document a title (`Document#populate_title`).
                front_matter = record.front_matter = with_title(front_matter, document)
            if self.nav_from_front_matter:  # a title can take a parse of the page
                title = _title(file, front_matter, text)
                sources.append(NavSource(file.src_uri, title, front_matter))
        self._place_permalinks(files, config)
        # Before `published`, which has the extension make its rewrites (they use both) anew.
        self.extension.setConfig(
            "page_urls", {uri: record.file.url for uri, record in self.records.items()}
        )
        self.extension.setConfig("jekyll_urls", self._jekyll_urls(files))
        if self.nav_from_front_matter:
            # None when no page has Just the Docs navigation keys: MkDocs' own nav stays.
            nav = site_nav(
                [source for source in sources if source.src_uri not in self.documents],
                nav_sort=self.site.nav_sort,
                external_links=self.site.nav_external_links,
                collections=collection_navs(self.collections, self.documents, sources),
            )
            config.nav = nav.spec
            lead_sections(nav.indexes, files, config)
            # Just the Docs' layout prints the tables: a Jekyll site's pages only.
            for src_uri, children in nav.tables.items() if self.site.path else ():
                self.records[src_uri].children = tuple(children)
            for problem in nav.problems:
                path = self.records[problem.src_uri].display_path
                self.findings.add(path, problem.line, problem.message)
        self.extension.site_pages = self._site_pages()
        self.extension.published = frozenset(file.src_uri for file in files)
        return files

    def _site_pages(self) -> list[dict[str, Any]]:
        """`site.pages` as Liquid reads it: each page's front matter, url and path."""
        urls = self.extension.getConfig("jekyll_urls") or {}
        pages: list[dict[str, Any]] = []
        for src_uri, record in self.records.items():
            file = record.file
            path = src_uri
            if self.site.path and file.abs_src_path:
                path = self.site.source_path(file.abs_src_path)
            url = urls.get(src_uri) or "/" + file.url
            data = record.front_matter.data
            document = self.documents.get(src_uri)
            if document is not None:
                data = {**data, **self.collections.liquid_fields(document, data)}
            pages.append({**data, "url": url, "path": path})
        return pages

    def _place_permalinks(self, files: Files, config: MkDocsConfig) -> None:
        """Pages at their `permalink`, and a page sending readers on from each of their
        `redirect_from` URLs, so old links and bookmarks keep working.

        No file of the site is replaced: pages, the theme's own (its 404 page), redirects.
        Pages are placed first, so a page keeps a URL a redirect asks for too.
        """
        taken = {name: f"the theme's {name}" for name in config.theme.static_templates}
        taken.update({file.dest_uri: f"{file.src_uri}'s URL" for file in files})
        for record in self.records.values():
            data, file = record.front_matter.data, record.file
            document = self.documents.get(file.src_uri)
            if document is not None:
                # A collection's document is where Jekyll writes it, placeholders filled in.
                url = unquote(self.collections.url(document, data))
                destination = permalink_destination(url)
            elif "permalink" in data:
                destination = permalink_destination(data["permalink"])
            else:
                continue
            owner = taken.get(destination.path or "")
            line = record.front_matter.line_of("permalink")
            if destination.path is None:
                self.findings.add(record.display_path, line, destination.problem)
            elif owner is not None and destination.path != file.dest_uri:
                problem = f"permalink {destination.given!r} is {owner} already"
                self.findings.add(record.display_path, line, f"{problem}; the page keeps its own")
            else:
                del taken[file.dest_uri]
                move_file(file, destination.path)
                taken[destination.path] = f"{file.src_uri}'s URL"
        for record in self.records.values():
            data, file = record.front_matter.data, record.file
            line = record.front_matter.line_of("redirect_from")
            rules = self.publication.rules
            if "redirect_from" in data and rules is not None and not rules.redirects:
                self.findings.add(record.display_path, line, REDIRECTS_NOT_WRITTEN, level="info")
                continue
            for destination in redirect_destinations(data.get("redirect_from")):
                owner = taken.get(destination.path or "")
                if destination.path is None or owner is not None:
                    problem = f"redirect_from {destination.given!r} is {owner} already"
                    problem = destination.problem or f"{problem}; no redirect is written"
                    self.findings.add(record.display_path, line, problem)
                    continue
                target = get_relative_url(file.url, destination.path)
                title = str(data.get("title") or file.src_uri)
                content = redirect_page(target, title)
                files.append(File.generated(config, destination.path, content=content))
                taken[destination.path] = f"the redirect from {file.src_uri}"

    def _jekyll_urls(self, files: Files) -> dict[str, str]:
        """Each page's Jekyll URL by docs path, for links written for Jekyll, and each other
        file's (Jekyll copies it to its path); none for a site without `_config.yml`, whose
        `.html` links mean what they say."""
        if not self.site.path:
            return {}
        style = self.site.data.get("permalink")
        urls: dict[str, str] = {}
        for file in files:
            if file.abs_src_path and not file.is_documentation_page():
                path = self.site.source_path(file.abs_src_path)
                if not path.startswith("../"):
                    urls[file.src_uri] = "/" + path
        for src_uri, record in self.records.items():
            file = record.file
            if not file.abs_src_path:
                continue  # a generated page: Jekyll never published it
            path = self.site.source_path(file.abs_src_path)
            document = self.documents.get(src_uri)
            if document is not None:
                urls[src_uri] = self.collections.url(document, record.front_matter.data)
            elif not path.startswith("../"):
                urls[src_uri] = page_url(path, record.front_matter.data.get("permalink"), style)
        return urls

    def _find_documents(self, files: Files) -> None:
        """The pages that are documents of an output collection (`jekyll/collections`):
        published at their collection's URL, where Jekyll's reading rules alone would leave
        a `_folder/` out."""
        for file in files:
            if file.generated_by is not None or not file.abs_src_path:
                continue
            path = self.site.source_path(file.abs_src_path)
            if path.startswith("../"):
                continue
            document = self.collections.document(path, self.site)
            if document is None or not document.collection.output:
                continue
            if not file.is_documentation_page():
                continue
            if document.dated:
                # A post is read with or without front matter, and left out when in the future.
                front_matter = parse_front_matter(file.content_string).data
                if not self.collections.published(document, front_matter):
                    continue
            elif not opens_front_matter(file):
                continue
            self.documents[file.src_uri] = document

    def _leave_out_unwritable(self, files: Files) -> None:
        """A file whose name holds `?`, `#` or a control character is left out, as a finding:
        its URL would end before its name does, and a newline breaks every log line."""
        for file in list(files):
            unwritable = unwritable_character(file.src_uri)
            if unwritable:
                shown = self._display_path(file).encode("unicode_escape").decode("ascii")
                self.findings.add(
                    shown, 0, f"the file's name holds {unwritable}; it is left out of the site"
                )
                files.remove(file)

    def _add_run_page(self, files: Files, config: MkDocsConfig) -> None:
        runs = self.config.runs
        if not runs.page:
            return
        if files.get_file_from_path(runs.page) is not None:
            raise PluginError(
                f"mkdocs.yml: plugins.playbook.runs.page: {runs.page} is already a page of the "
                "site; name another path for the generated incident run page"
            )
        self.run_page = File.generated(config, runs.page, content="")
        self.run_page.content_string = run_page_markdown(
            self.extension.environment,
            title=runs.title,
            parent=runs.parent,
            nav_order=runs.nav_order,  # type: ignore[arg-type]  # checked by RunSettings
            site_id=self.extension.getConfig("site_id"),
            scripts=[
                get_relative_url(f"{_ASSETS_URI}/{name}", self.run_page.url)
                for name in RUN_PAGE_SCRIPTS
            ],
            review=bool(runs.review_template),
        )
        files.append(self.run_page)

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
        body = None
        if record.front_matter.problem is not None:
            # MkDocs reads the block on its own: what we refused (a title aliased 10^7 times
            # took 42 s to print) the theme and other plugins must not see either. Where
            # MkDocs could not read it, it is the page's first text: Jekyll drops it; so do we.
            page.meta = {}
            if body_first_line(page.file.content_string, markdown) == 0:
                markdown = body = without_front_matter(markdown)
        elif record.front_matter.body_start and not body_first_line(
            page.file.content_string, markdown
        ):
            # Front matter Jekyll reads and MkDocs' narrower rule does not (closed at the end
            # of the file, or empty): the page's keys, not its text.
            page.meta = dict(record.front_matter.data)
            markdown = body = without_front_matter(markdown)
        if record.children and not markdown.strip():
            # Python-Markdown returns "" for white space without running a processor; Just the
            # Docs prints a parent's table of contents whatever the page holds.
            markdown = body = "<!-- child pages -->\n"
        first_line = body_first_line(page.file.content_string, markdown)
        # Mojibake anywhere in the body, code included (a broken command is broken too).
        for damage in find_mojibake(Source(markdown)):
            line = damage.line + first_line
            self.findings.add(record.display_path, line, damage.message, damage.column)
        record.input = PageInput(
            page.file.src_uri,
            record.front_matter.data,
            first_line,
            page.file.url,
            children=record.children,
        )
        # Python-Markdown starts no conversion for white space: nothing would take the page,
        # and the next conversion to start (another plugin's) must not.
        self.extension.hand_over(record.input if markdown.strip() else None)
        if self.serve_cache is not None and markdown.strip():
            self.serve_cache.offer(
                page,
                record.input,
                config=config,
                files=files,
                extension=self.extension,
                receiver=self._on_page_model,
                extra=sorted(self.publication.unpublished.items()),
            )
        last_edit = self.footer.last_edit(record.front_matter.data)
        if last_edit is not None:
            # Material's "last update", unless a plugin (git-revision-date-localized) says.
            page.meta.setdefault("revision_date", last_edit)
        document = self.documents.get(page.file.src_uri)
        if record.front_matter.data.get("search_exclude") is True or (
            document is not None and self.collections.search_excluded(document)
        ):
            # Just the Docs' key, as Material's search plugin reads it.
            page.meta.setdefault("search", {"exclude": True})
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
        self.severity_matrices.extend(model.severity_matrices)
        if model.severity_matrices and record.file.page is not None:
            boost_search(record.file.page.meta)
        self._note_run_templates(record.file.src_uri, model.template_forms)
        for problem in model.problems:
            self.findings.add(record.display_path, problem.line, problem.message, problem.column)
        # Only what the end of the build reads: the widgets' parts go with the page.
        record.model = PageModel(
            model.lines, ids=model.ids, links=model.links, duplicates=model.duplicates
        )

    def _note_run_templates(self, src_uri: str, forms: list[TemplateForm]) -> None:
        """The first stakeholder update template (in the order pages are read), and the
        post-incident template `runs.review_template` names."""
        if self.run_page is None:
            return
        if self.update_form is None:
            form = update_form(forms)
            self.update_form = (src_uri, form) if form else None
        review_page, _, heading = self.config.runs.review_template.partition("#")
        if src_uri == review_page and self.review_form is None:
            form = next((form for form in forms if form.heading == heading), None)
            self.review_form = (src_uri, form) if form else None

    # Search plugins index the content at priority 0. The controls are `<template>`s marked
    # data-search-exclude, so no index holds them; taken out while search reads the page, they
    # cost its HTML parser nothing (a third of a bench page's content). Put back where they
    # were, counted from the end: Material's search edits attributes before them, and they
    # come last (context.append).
    @event_priority(100)
    def _controls_out(self, context: Any, /, *, page: Page, **_: Any) -> None:
        record = self.records.get(page.file.src_uri)
        if record is None or not record.controls or not page.content:
            return
        content = page.content
        at = content.rfind(record.controls)
        if at < 0:
            record.controls = ""
            return
        after = at + len(record.controls)
        page.content = content[:at] + content[after:]
        record.controls_after = len(content) - after

    @event_priority(-100)
    def _controls_in(self, context: Any, /, *, page: Page, **_: Any) -> None:
        record = self.records.get(page.file.src_uri)
        if record is None or record.controls_after < 0:
            return
        content = page.content or ""
        at = max(len(content) - record.controls_after, 0)
        page.content = content[:at] + record.controls + content[at:]
        # Not kept to the end of the build: every page's would add up.
        record.controls, record.controls_after = "", -1

    # After the controls are back and after other plugins' changes to the content: a plugin
    # that sets page.content anew afterwards would give Material's H1 back.
    @event_priority(-110)
    def _no_added_title(self, context: Any, /, *, page: Page, **_: Any) -> None:
        if self.site.path and page.content is not None:
            page.content = _ShowsItsOwnTitle(page.content)

    on_page_context = CombinedEvent(_controls_out, _controls_in, _no_added_title)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        output = self._with_run_bar(output, page)
        if self.run_page is not None and page.file is self.run_page:
            output = self.with_review_template(output, config)
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

    def site_levels(self) -> list[str]:
        """The site's severities, once every page's Markdown is rendered (MkDocs renders
        them all before the first is written out)."""
        if self.run_levels is None:
            self.run_levels = severity_levels(self.severity_matrices)
        return self.run_levels

    def _with_run_bar(self, output: str, page: Page) -> str:
        if self.run_page is None:
            return output
        bar = run_bar(
            self.extension.environment,
            site_id=self.extension.getConfig("site_id"),
            run_page_url=get_relative_url(self.run_page.url, page.url),
            page_title=page.title or "",
            levels=self.site_levels(),
            severity=self.extension.getConfig("severity"),
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

    def with_review_template(self, output: str, config: MkDocsConfig) -> str:
        """The run page (built, or its Markdown) with the post-incident template its draft
        fills in."""
        setting = self.config.runs.review_template
        if not setting or self.run_page is None:
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
        url = get_relative_url(self.records[src_uri].file.url, self.run_page.url)
        return insert_review_template(output, form, f"{url}#{form.heading}")

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self.files = files
        return env

    # Last, so files other plugins write at the end (the offline search index) are there.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        started = time.perf_counter()
        settings = self.config.links
        online = None
        if settings.online:
            cache = settings.online_cache
            online = OnlineSettings(
                os.path.join(self.project_dir, cache) if cache else "",
                float(settings.online_cache_hours) * 3600,
                settings.online_concurrency,
                float(settings.online_timeout),
            )
        levels = {kind: settings[kind] for kind in KINDS}
        for link, level in leveled(self._link_site(config), levels, online):
            self.findings.add(
                link.path, link.line, link.message, link.column, level=level, kind=link.kind
            )
        log.debug("links validated in %.3f s", time.perf_counter() - started)
        self._lint_placeholders()
        findings = self.findings.sorted()
        for finding in findings:
            if finding.level == "info":
                log.info("%s", finding)
            else:
                log.warning("%s", finding)
        self._write_reports(findings)

    def _link_site(self, config: MkDocsConfig) -> Site:
        pages: dict[str, SitePage] = {}
        for record in self.records.values():
            if record.model is None:
                continue
            file = record.file
            pages[file.dest_uri] = SitePage(
                file.src_uri,
                file.dest_uri,
                record.display_path,
                record.model.links,
                record.model.ids,
                record.model.lines,
                record.model.duplicates,
                record.template_links,
                record.template_ids,
            )
        repository_url = self._repository_url(config)
        return Site(
            pages,
            frozenset(file.dest_uri for file in self.files),
            os.path.abspath(config.docs_dir),
            os.path.abspath(config.site_dir),
            config.site_url or "",
            Repository(
                repository_url.rstrip("/"),
                self.working_tree,
                tuple(self.config.repository_branches),
            )
            if repository_url
            else None,
            from_disk=not config.use_directory_urls,
            project_dir=os.path.abspath(self.project_dir or "."),
            sources={file.src_uri: file.dest_uri for file in self.files},
            unpublished=self.publication.unpublished,
        )

    def _lint_placeholders(self) -> None:
        """Placeholders spelled with stray spaces where the site spells them cleanly, each
        reported where it is written (located only now, for the few that are)."""
        uses = [(uri, use) for uri, record in self.records.items() for use in record.placeholders]
        for mistyped in mistyped_placeholders(uses):
            record = self.records[mistyped.page]
            example = self.records[mistyped.example]
            clean = self._code_positions(example, mistyped.intended)
            example_at = example.display_path + (f":{clean[0][0]}" if clean else "")
            for line, column in self._code_positions(record, mistyped.use.raw):
                self.findings.add(record.display_path, line, mistyped.message(example_at), column)

    @staticmethod
    def _code_positions(record: PageRecord, needle: str) -> list[tuple[int, int]]:
        """File line and column of each occurrence of `needle` in the page's code."""
        if record.model is None:
            return []
        lines = record.model.lines
        return [
            (line + lines.first_line, column)
            for line, column in Source(lines.written).find_in_code(needle)
        ]

    def _write_reports(self, findings: list[Finding]) -> None:
        settings = self.config.links
        annotate = settings.github_annotations
        if annotate == "always" or (annotate == "auto" and os.environ.get("GITHUB_ACTIONS")):
            sys.stdout.write(github_annotations(findings))
            sys.stdout.flush()
            if os.environ.get("GITHUB_STEP_SUMMARY"):
                with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as stream:
                    stream.write(step_summary(findings))
        if settings.junit_report:
            path = os.path.join(self.project_dir, settings.junit_report)
            try:
                os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
                with open(path, "w", encoding="utf-8") as stream:
                    stream.write(junit_xml(findings))
            except OSError as error:
                raise PluginError(f"cannot write the JUnit report {path}: {error}") from error

    def _display_path(self, file: File) -> str:
        """The path findings name: from the repository's folder, as CI annotations and editors
        read it (`docs/x.md` with mkdocs.yml at the top; `index.md` for a Jekyll source at the
        top, built from `_mkdocs/mkdocs.yml`); from mkdocs.yml's folder outside a repository."""
        if not file.abs_src_path:
            return file.src_uri
        path = os.path.relpath(file.abs_src_path, self.working_tree)
        if path.startswith(os.pardir + os.sep):
            path = os.path.relpath(file.abs_src_path, self.project_dir)
        return path.replace(os.sep, "/")


class _ShowsItsOwnTitle(str):
    """A Jekyll page's HTML, which shows the H1s it has and no other, as Just the Docs' layout
    does. Material's content partial adds the page title as an H1 when `"<h1" not in
    page.content`; this content answers that it has one. A plain `str` otherwise."""

    def __contains__(self, part: object) -> bool:
        return part == "<h1" or (isinstance(part, str) and super().__contains__(part))


def _title(file: File, front_matter: FrontMatter, text: str) -> str:
    """Title as Just the Docs shows it, falling back to the first H1, then the file name."""
    title = front_matter.data.get("title")
    if isinstance(title, (str, int, float)) and str(title).strip():
        return str(title).strip()
    text = text.replace("\r\n", "\n")
    source = Source(text)
    offset = front_matter.body_start
    for line in text[offset:].split("\n"):
        h1 = _atx_h1(line)
        if h1 is not None and not source.in_code(offset):
            return h1
        offset += len(line) + 1
    if file.src_uri == "index.md":
        return "Home"
    name = file.name if file.name != "index" else os.path.basename(os.path.dirname(file.src_uri))
    name = name.replace("-", " ").replace("_", " ")
    return name.capitalize() if name.islower() else name


def _atx_h1(line: str) -> str | None:
    """The text of a level-1 ATX heading line (`# Title #`), without closing hashes."""
    if not line.startswith("#") or line[1:2] not in (" ", "\t"):
        return None
    title = line[1:].strip(" \t")
    # String methods, not a pattern: a heading of many spaces must cost linear time.
    unclosed = title.rstrip("#")
    if unclosed != title and (not unclosed or unclosed[-1] in " \t"):
        title = unclosed.rstrip(" \t")
    return title or None
