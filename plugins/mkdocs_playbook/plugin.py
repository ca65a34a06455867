"""The MkDocs plugin: thin hooks around the plain functions of this package."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .config import PlaybookConfig
from .extension import SCRIPTS, STYLESHEETS, PlaybookExtension
from .findings import Finding, Findings
from .jekyll.frontmatter import FrontMatter, parse_front_matter
from .jekyll.liquid import page_variables, site_variables, substitute
from .jekyll.navigation import NavSource, build_nav
from .jekyll.repolinks import RepositoryLinks
from .links.external import Settings as OnlineSettings
from .links.reports import github_annotations, junit_xml, step_summary
from .links.validate import (
    KINDS,
    Repository,
    Site,
    SitePage,
    TemplateLink,
    TemplateScanner,
    leveled,
    original_column,
)
from .page.lint import find_mojibake
from .page.model import Link, PageModel, SeverityMatrix
from .page.source import SourceText
from .static import ASSETS_DIR, served_text
from .theme_icons import FOLDER, STYLESHEET, icon_files
from .widgets.placeholders import PlaceholderUse, find_placeholders, mistyped_placeholders
from .widgets.runs import (
    RUN_PAGE_SCRIPTS,
    insert_run_bar,
    run_bar,
    run_page_markdown,
    severity_levels,
)
from .widgets.severity import ROLES, SeveritySettings

# Named as sites name the plugin in mkdocs.yml: every finding is printed as `playbook: ...`.
log = get_plugin_logger("playbook")

_EXTENSION_NAMES = ("playbook", "mkdocs_playbook.extension")
_ASSETS_URI = "assets/playbook"


@dataclass(frozen=True)
class _SourcePage:
    display_path: str
    """Path shown in findings, relative to the project: `docs/operations/RUNBOOK.md`."""
    front_matter: FrontMatter


@dataclass(frozen=True, slots=True)
class _Rendered:
    """What the end of the build reads of a rendered page; its checklists, forms and
    headings are let go with the page (a 5,000-page site kept 50 KB a page alive)."""

    ids: set[str]
    links: list[Link]
    line_offset: int
    source_changes: tuple[str, str] | None
    """The body as written and as rendered, when site variables or link rewriting changed it
    (link columns are then mapped back to the author's text)."""


@dataclass(frozen=True)
class _PageSource:
    """The page being rendered, so the extension's model can be tied to it."""

    src_uri: str
    display_path: str
    line_offset: int
    """Lines before the body (front matter), added to the model's body-relative lines."""


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.findings = Findings()
        self.pages: dict[str, _SourcePage] = {}
        self.project_dir = os.path.dirname(config.config_file_path or "mkdocs.yml")
        self.nav_from_front_matter = self.config.navigation and not config.nav
        repository_url = self.config.repository_url or config.repo_url
        self.variables = site_variables(
            site_name=config.site_name,
            site_url=config.site_url,
            site_description=config.site_description,
            site_author=config.site_author,
            repository_url=repository_url,
            extra=self.config.site_variables,
        )
        self.repository_links = (
            RepositoryLinks(
                repository_url,
                self.config.repository_branches,
                self.config.repository_docs_roots,
            )
            if repository_url
            else None
        )
        self.rendered: dict[str, _Rendered] = {}
        self.severity_matrices: list[SeverityMatrix] = []
        self.templates: dict[str, tuple[list[TemplateLink], frozenset[str]]] = {}
        self.template_scanner = TemplateScanner()
        self.written: dict[str, str] = {}
        """Each page's Markdown body as written, until its model is read."""
        self.placeholder_uses: list[tuple[str, PlaceholderUse]] = []
        self._rendering: _PageSource | None = None
        self.run_page: File | None = None
        self.run_levels: list[str] | None = None
        self._install_extension(config)
        # Ours first, so a site's own extra_css can override it.
        config.extra_css[:0] = [f"{_ASSETS_URI}/{name}" for name in STYLESHEETS]
        config.extra_javascript[:0] = [f"{_ASSETS_URI}/{name}" for name in SCRIPTS]
        return config

    def _install_extension(self, config: MkDocsConfig) -> None:
        """Our extension, configured to hand each page's model back to the plugin.

        A site that lists `playbook` under markdown_extensions keeps its settings for it.
        """
        options: dict[str, Any] = {}
        for name in _EXTENSION_NAMES:
            if name in config.markdown_extensions:
                config.markdown_extensions.remove(name)
                options.update(config.mdx_configs.pop(name, {}) or {})
        options.setdefault("checklist_headings", self.config.checklist_headings)
        self.extension = PlaybookExtension(
            **{"site_id": config.site_url or config.site_name, **options},
            severity=self._severity_settings(),
            template_loader=config.theme.get_env().loader,
            on_page_model=self._on_page_model,
        )
        # MkDocs hands the list to Python-Markdown, which takes instances as well as names.
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]

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
        for asset in sorted(ASSETS_DIR.iterdir()):
            uri = f"{_ASSETS_URI}/{asset.name}"
            text = served_text(asset, minify=self.config.minify_assets)
            files.append(File.generated(config, uri, content=text))
        self._add_run_page(files, config)
        sources: list[NavSource] = []
        for file in files.documentation_pages():
            text = file.content_string
            front_matter = parse_front_matter(text)
            display = self._display_path(file)
            self.pages[file.src_uri] = _SourcePage(display, front_matter)
            if front_matter.problem:
                self.findings.add(display, front_matter.problem.line, front_matter.problem.message)
            sources.append(NavSource(file.src_uri, _title(file, front_matter, text), front_matter))
        if self.nav_from_front_matter:
            # None when no page has Just the Docs navigation keys: MkDocs' own nav stays.
            config.nav, problems = build_nav(sources)
            for problem in problems:
                self.findings.add(
                    self.pages[problem.src_uri].display_path, problem.line, problem.message
                )
        return files

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
        )
        files.append(self.run_page)

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        self.extension.page_id = page.file.src_uri
        source_page = self.pages.get(page.file.src_uri)
        if source_page is None:
            return None
        offset = _body_line_offset(page.file.content_string, markdown)
        self._rendering = _PageSource(page.file.src_uri, source_page.display_path, offset)
        source = SourceText(markdown)
        self._lint_source(source_page.display_path, source, offset)
        variables = {**self.variables, **page_variables(source_page.front_matter.data)}
        markdown, problems = substitute(source, variables)
        for problem in problems:
            line, column = source.line_col(problem.offset)
            self.findings.add(source_page.display_path, line + offset, problem.message, column)
        if self.repository_links:
            published = {file.src_uri for file in files}
            markdown = self.repository_links.rewrite(
                SourceText(markdown), page.file.src_uri, published
            )
        self.written[page.file.src_uri] = source.text
        return markdown

    def _on_page_model(self, model: PageModel) -> None:
        page = self._rendering
        if page is None:  # Markdown rendered outside a page (another plugin's snippet)
            return
        self._rendering = None
        written = self.written.pop(page.src_uri, "")
        rendered = self.extension.source
        self.rendered[page.src_uri] = _Rendered(
            model.ids,
            model.links,
            page.line_offset,
            None if written == rendered else (written, rendered),
        )
        self.severity_matrices.extend(model.severity_matrices)
        for problem in model.problems:
            line = problem.line + page.line_offset if problem.line else 0
            self.findings.add(page.display_path, line, problem.message, problem.column)

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self.files = files
        return env

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        output = self._with_run_bar(output, page)
        # The theme's links around the content; the content itself is in the page model.
        rendered = self.rendered.get(page.file.src_uri)
        self.templates[page.file.src_uri] = self.template_scanner.scan(
            page.file.dest_uri, output, page.content or "", rendered.ids if rendered else set()
        )
        return output

    def _with_run_bar(self, output: str, page: Page) -> str:
        if self.run_page is None:
            return output
        if self.run_levels is None:
            # Every page's Markdown is rendered before the first is written out.
            self.run_levels = severity_levels(self.severity_matrices)
        bar = run_bar(
            self.extension.environment,
            site_id=self.extension.getConfig("site_id"),
            run_page_url=get_relative_url(self.run_page.url, page.url),
            page_title=page.title or "",
            levels=self.run_levels,
            cadence=self.extension.getConfig("severity").cadence,
        )
        return insert_run_bar(output, bar)

    # Last, so files other plugins write at the end (the offline search index) are there.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Before validation: every page's <head> links the icon stylesheet written here.
        _write_theme_icons(config.site_dir)
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
        for mistyped in mistyped_placeholders(self.placeholder_uses):
            use = mistyped.use
            self.findings.add(mistyped.page, use.line, mistyped.message, use.column)
        findings = self.findings.sorted()
        for finding in findings:
            if finding.level == "info":
                log.info("%s", finding)
            else:
                log.warning("%s", finding)
        self._write_reports(findings)

    def _link_site(self, config: MkDocsConfig) -> Site:
        pages: dict[str, SitePage] = {}
        for file in self.files.documentation_pages():
            rendered = self.rendered.get(file.src_uri)
            source = self.pages.get(file.src_uri)
            if rendered is None or source is None:
                continue
            links, ids = self.templates.get(file.src_uri, ([], frozenset()))
            pages[file.dest_uri] = SitePage(
                file.src_uri,
                file.dest_uri,
                source.display_path,
                rendered.line_offset,
                _written_columns(rendered),
                rendered.ids,
                links,
                ids,
            )
        repository_url = self.config.repository_url or config.repo_url
        return Site(
            pages,
            frozenset(file.dest_uri for file in self.files),
            os.path.abspath(config.docs_dir),
            os.path.abspath(config.site_dir),
            config.site_url or "",
            Repository(
                repository_url.rstrip("/"),
                os.path.abspath(self.project_dir or "."),
                tuple(self.config.repository_branches),
            )
            if repository_url
            else None,
            from_disk=not config.use_directory_urls,
            project_dir=os.path.abspath(self.project_dir or "."),
        )

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

    def _lint_source(self, path: str, source: SourceText, offset: int) -> None:
        """Mojibake anywhere in the body; placeholders in its code, compared at the end."""
        for damage in find_mojibake(source):
            self.findings.add(path, damage.line + offset, damage.message, damage.column)
        if "{" not in source.text:
            return  # no placeholder: spare the page its Markdown parse for code regions
        for start, end in source.code_intervals:
            for found in find_placeholders(source.text, start, end):
                line, column = source.line_col(found.start)
                use = PlaceholderUse.of(found, line + offset, column)
                self.placeholder_uses.append((path, use))

    def _display_path(self, file: File) -> str:
        if not file.abs_src_path:
            return file.src_uri
        return os.path.relpath(file.abs_src_path, self.project_dir).replace(os.sep, "/")


def _written_columns(page: _Rendered) -> list[Link]:
    """The page's links with columns in the Markdown as written, before substitutions."""
    if page.source_changes is None:
        return page.links
    written, rendered = (text.split("\n") for text in page.source_changes)
    if len(written) != len(rendered):
        return page.links
    moved: list[Link] = []
    for link in page.links:
        if 0 < link.line <= len(written):
            before, after = written[link.line - 1], rendered[link.line - 1]
            link = replace(link, column=original_column(before, after, link.column))
        moved.append(link)
    return moved


def _title(file: File, front_matter: FrontMatter, text: str) -> str:
    """Title as Just the Docs shows it, falling back to the first H1, then the file name."""
    title = front_matter.data.get("title")
    if isinstance(title, (str, int, float)) and str(title).strip():
        return str(title).strip()
    text = text.replace("\r\n", "\n")
    source = SourceText(text)
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


def _body_line_offset(content: str, markdown: str) -> int:
    """Lines MkDocs removed before the body (front matter and the blank lines after it)."""
    content = content.replace("\r\n", "\n")
    if markdown and content.endswith(markdown):
        return content.count("\n", 0, len(content) - len(markdown))
    return 0


def _write_theme_icons(site_dir: str) -> None:
    """Material's `data:` icons as files beside its stylesheet (see `themeicons`)."""
    stylesheets = Path(site_dir) / "assets" / "stylesheets"
    for main in sorted(stylesheets.glob("main.*.css")):
        icons = icon_files(main.read_text(encoding="utf-8"))
        try:
            (stylesheets / FOLDER).mkdir(exist_ok=True)
            for name, svg in icons.files.items():
                (stylesheets / FOLDER / name).write_text(svg, encoding="utf-8")
            (stylesheets / STYLESHEET).write_text(icons.stylesheet, encoding="utf-8")
        except OSError as error:
            raise PluginError(
                f"cannot write Material's icons into {stylesheets}: {error}"
            ) from error
