"""Conversions kept between the builds of one `mkdocs serve` session.

`mkdocs serve` rebuilds the whole site after every edit, with the same plugin instance (MkDocs
keeps a plugin that has `on_startup`). A page whose Markdown (as MkDocs converts it, after
every plugin's `on_page_markdown`), front matter and place in the site are unchanged, in a
site whose settings and other files are unchanged, converts to the same HTML and the same
model: it keeps them instead of converting again. What a conversion hands to the rest of the
build is put back as the conversion leaves it: the page's HTML, table of contents, title,
anchors and links for MkDocs' anchor check, its model for ours (so its findings are reported
as in a fresh build), and what was logged while it converted. The theme, and every plugin's
hooks after the conversion, run on it as on a page converted afresh.

Only where the conversion reads nothing beside the page that the key does not hold: with a
Markdown extension not known to read only its page (`pymdownx.snippets` reads files,
mkdocstrings reads Python modules), nothing is kept; nor is a page that holds a Liquid tag
(`{% include_relative %}` reads another page).
"""

from __future__ import annotations

import copy
import hashlib
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from markdown.extensions import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .jekyll.rewrite import PageInput
from .page.model import PageModel
from .settings import PlaybookSettings

BUILT_IN = frozenset(
    {
        "abbr",
        "admonition",
        "attr_list",
        "codehilite",
        "def_list",
        "extra",
        "fenced_code",
        "footnotes",
        "legacy_attrs",
        "legacy_em",
        "md_in_html",
        "meta",
        "nl2br",
        "sane_lists",
        "smarty",
        "tables",
        "toc",
        "wikilinks",
    }
)
"""Python-Markdown's own extensions: each reads only the text it converts."""
FAMILIES = ("markdown.extensions.", "pymdownx.", "material.extensions.", "mkdocs_playbook.")
READS_FILES = frozenset({"pymdownx.snippets", "pymdownx.b64"})
"""Extensions of those families that read files the page names: never kept."""


def keepable(markdown: str) -> bool:
    """Whether a page's conversion depends only on what the keys hold: not with a Liquid tag
    (`{% include_relative %}` may read another page), nor with Liquid that may print the
    time (`site.time`, `"now" | date`), which a fresh build would print anew, nor with
    Liquid that may print another page's `content`."""
    if "{%" in markdown:
        return False
    return "{{" not in markdown or not any(
        word in markdown for word in ("site.time", "now", "content")
    )


def extension_name(extension: str | Extension) -> str:
    """A Markdown extension as mkdocs.yml names it; an instance by its module."""
    if isinstance(extension, str):
        return extension.split(":", 1)[0]
    return type(extension).__module__


def reads_only_its_page(extensions: Iterable[str | Extension]) -> bool:
    """Whether every extension is known to convert a page from its text alone."""
    for extension in extensions:
        name = extension_name(extension)
        if name in READS_FILES or not (name in BUILT_IN or name.startswith(FAMILIES)):
            return False
    return True


def _stats(paths: Iterable[str]) -> list[tuple[str, int, int]]:
    """Each existing file's path, modification time and size."""
    found = []
    for path in paths:
        try:
            stat = os.stat(path)
        except OSError:
            continue
        found.append((path, stat.st_mtime_ns, stat.st_size))
    return found


def _files_under(folder: str) -> list[str]:
    if not folder or not os.path.isdir(folder):
        return []
    return sorted(
        os.path.join(directory, name)
        for directory, _, names in os.walk(folder, followlinks=True)
        for name in names
    )


def extension_settings(extension: Extension) -> tuple[object, str]:
    """What our extension converts every page with, and the Jekyll `_config.yml` it read
    (empty: none). The one place that reads the extension's settings."""
    settings = getattr(extension, "settings", None)
    if not isinstance(settings, PlaybookSettings):
        return repr(extension), ""
    # The theme's template loader is an object of this build; its files are keyed instead.
    keyed = replace(settings, template_loader=None)
    facts = getattr(extension, "site", None)
    # `site.pages` holds every page's front matter, so the facts are part of the key.
    return (keyed, facts), settings.jekyll_config


def site_key(config: MkDocsConfig, files: Files, extension: Extension, *extra: object) -> str:
    """What every page's conversion reads beside its own text: the site's settings, every
    file's place, the other files' contents (by time and size: includes, data, images) and
    the theme's overrides (our widgets' fragments)."""
    settings, jekyll_config = extension_settings(extension)
    # Where includes and data are read: the Jekyll source, else the docs folder.
    source = os.path.dirname(jekyll_config) or config.docs_dir
    others = [file.abs_src_path for file in files if not file.is_documentation_page()]
    dependencies = [path for path in others if path]
    for folder in ("_includes", "_data"):
        dependencies += _files_under(os.path.join(source, folder))
    dependencies += _files_under(config.theme.custom_dir or "")
    dependencies += [config.config_file_path] if config.config_file_path else []
    dependencies += [jekyll_config] if jekyll_config else []
    parts = (
        config.config_file_path,
        config.docs_dir,
        config.use_directory_urls,
        config.site_url,
        [extension_name(name) for name in config.markdown_extensions],
        config.mdx_configs,
        config.validation,
        settings,
        sorted((file.src_uri, file.dest_uri, file.url) for file in files),
        _stats(dependencies),
        extra,
    )
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Converted:
    """What one conversion left for the rest of the build."""

    key: str
    content: str
    toc: Any
    title: str | None
    anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None
    """By the linked file's docs path: `File` objects are made anew for each build."""
    models: list[PageModel]
    dead_jekyll_links: set[str]
    logged: list[logging.LogRecord]


class _Recorder(logging.Handler):
    """Every record logged while a page converts, to say again when it is kept."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []
        self.thread = threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        # Only the conversion's: serve's web server logs its requests from its own thread.
        # Once: a record of MkDocs' that propagates reaches both loggers listened to.
        if record.thread == self.thread and not any(r is record for r in self.records):
            self.records.append(record)

    @contextmanager
    def listening(self) -> Iterator[None]:
        """Records while the block runs: MkDocs' own (its command line stops them at the
        `mkdocs` logger) and every other logger's (at the root)."""
        loggers = (logging.getLogger("mkdocs"), logging.getLogger())
        for logger in loggers:
            logger.addHandler(self)
        try:
            yield
        finally:
            for logger in loggers:
                logger.removeHandler(self)


@dataclass
class ServeCache:
    """The pages' conversions of the last build, while a `mkdocs serve` session runs."""

    conversions: int = 0
    """Pages converted afresh, in all the session's builds."""
    reused: int = 0
    """Pages that kept their conversion."""
    _pages: dict[str, Converted] = field(default_factory=dict)
    _site: str = ""
    _files: Files | None = None
    _active: bool = False
    _models: list[PageModel] | None = None
    """While a page converts: its models, as the plugin is handed them (`note`)."""
    _converting: str = ""

    def _start_build(
        self, config: MkDocsConfig, files: Files, extension: Extension, extra: object
    ) -> None:
        self._files = files
        self._active = reads_only_its_page(config.markdown_extensions)
        site = site_key(config, files, extension, extra) if self._active else ""
        if site != self._site:
            self._pages.clear()
            self._site = site

    def offer(
        self,
        page: Page,
        page_input: PageInput,
        *,
        config: MkDocsConfig,
        files: Files,
        extension: Extension,
        receiver: Callable[[PageModel], None],
        extra: object = (),
    ) -> None:
        """Makes `page`'s conversion keep its result, or reuse the last build's, from its
        text as MkDocs converts it. Call once `page_input` is handed to the extension;
        `receiver` is what the extension hands each model to, which calls `note`."""
        if files is not self._files:
            self._start_build(config, files, extension, extra)
        if not self._active:
            return
        render = type(page).render

        def convert(config: MkDocsConfig, files: Files) -> None:
            # The site's layouts it sits in are Liquid of the page's too.
            texts = [page.markdown or "", *(layout.template for layout in page_input.layouts)]
            if not all(keepable(text) for text in texts):
                self._pages.pop(page.file.src_uri, None)
                self.conversions += 1
                render(page, config, files)
                return
            key = hashlib.sha256(
                repr((page.markdown, page_input)).encode("utf-8", "surrogatepass")
            ).hexdigest()
            kept = self._pages.get(page.file.src_uri)
            if kept is not None and kept.key == key:
                self._reuse(kept, page, page_input, files, extension, receiver)
            else:
                self._pages[page.file.src_uri] = self._convert(
                    key, render, page, page_input, config, files
                )

        # Where MkDocs calls it, after every plugin's on_page_markdown: keyed on the text it
        # converts. This page object is made anew for each build, so it goes with it.
        page.render = convert  # type: ignore[method-assign]

    def _convert(
        self,
        key: str,
        render: Callable[[Page, MkDocsConfig, Files], None],
        page: Page,
        page_input: PageInput,
        config: MkDocsConfig,
        files: Files,
    ) -> Converted:
        self.conversions += 1
        models: list[PageModel] = []
        recorder = _Recorder()
        self._models, self._converting = models, page_input.src_uri
        try:
            with recorder.listening():
                render(page, config, files)
        finally:
            self._models, self._converting = None, ""
        links = page.links_to_anchors
        return Converted(
            key,
            page.content or "",
            copy.deepcopy(page.toc),
            page._title_from_render,
            set(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
            {file.src_uri: dict(found) for file, found in links.items()}
            if links is not None
            else None,
            models,
            set(page_input.dead_jekyll_links),
            recorder.records,
        )

    def _reuse(
        self,
        kept: Converted,
        page: Page,
        page_input: PageInput,
        files: Files,
        extension: Extension,
        receiver: Callable[[PageModel], None],
    ) -> None:
        self.reused += 1
        # No conversion takes the page handed over: none after this page's may.
        extension.take_page()  # type: ignore[attr-defined]
        page.content = kept.content
        page.toc = copy.deepcopy(kept.toc)
        page._title_from_render = kept.title
        page.present_anchor_ids = set(kept.anchor_ids) if kept.anchor_ids is not None else None
        if kept.links_to_anchors is not None:
            linked: dict[File, dict[str, str]] = {}
            for src_uri, found in kept.links_to_anchors.items():
                file = files.get_file_from_path(src_uri)
                if file is not None:
                    linked[file] = dict(found)
            page.links_to_anchors = linked
        page_input.dead_jekyll_links.update(kept.dead_jekyll_links)
        for record in kept.logged:
            logging.getLogger(record.name).handle(record)
        for model in kept.models:
            receiver(model)

    def note(self, model: PageModel) -> None:
        """A model the extension handed over: kept with the page converting, if its own (not a
        docstring's converted inside it)."""
        if self._models is not None and model.src_uri == self._converting:
            self._models.append(model)


class ServeSession:
    """The plugin's session hooks: with them MkDocs keeps the plugin instance, and so its
    `serve_cache`, across the builds of one `mkdocs serve` session."""

    serve_cache: ServeCache | None = None
    """The pages' conversions kept between the session's builds; none outside `serve`: a
    single build would only hold every page's HTML longer."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serve_cache = ServeCache() if command == "serve" else None

    def on_shutdown(self) -> None:
        self.serve_cache = None
