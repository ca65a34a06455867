"""Placement of the site's files (the `on_files` phase): which files Jekyll publishes, each
page's record and front matter, permalinks and redirects, Jekyll URLs, and the nav.

`Placement` holds what this phase learns for the rest of the build (`records`, the
collections' `documents`, the `publication`); `facts` is what the extension is told of it.
"""

from __future__ import annotations

import os
import posixpath
import stat
from collections.abc import Container, Iterable
from dataclasses import replace
from typing import Any
from urllib.parse import unquote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from .findings import Findings
from .jekyll.collections import (
    Document,
    collection_navs,
    document_title,
    ordered,
    read_collections,
    with_title,
)
from .jekyll.frontmatter import FrontMatter, parse_front_matter
from .jekyll.frontmatter_defaults import PAGES, FrontMatterDefaults, document_path
from .jekyll.navigation import NavSource, site_nav
from .jekyll.own_layouts import InTheme, OwnLayout, own_layout, prints_child_tables
from .jekyll.permalinks import (
    permalink_destination,
    redirect_destinations,
    redirect_page,
    redirect_to,
    unwritable_character,
)
from .jekyll.posts import excerpt
from .jekyll.publishing import REDIRECTS_NOT_WRITTEN, default_layout
from .jekyll.site_config import SiteConfig
from .jekyll.theme_version import CHILDREN_BY_PARENT, theme_version
from .jekyll.urls import page_url
from .nav_indexes import lead_sections
from .page.source import Source
from .published_files import (
    Publication,
    github_pages_rules,
    html_pages,
    move_file,
    opens_front_matter,
    publish,
)
from .records import PageRecord, display_path
from .settings import SiteFacts

log = get_plugin_logger("playbook")


class Placement:
    """Where each file of one build goes, and what each page's front matter says."""

    def __init__(
        self, site: SiteConfig, findings: Findings, working_tree: str, project_dir: str
    ) -> None:
        self.site = site
        self.findings = findings
        self.working_tree = working_tree
        self.project_dir = project_dir
        self.records: dict[str, PageRecord] = {}
        """One record per page, by docs path."""
        self.publication = Publication()
        self.collections = read_collections(site)
        self.documents: dict[str, Document] = {}
        """The pages that are documents of an output collection, by docs path."""
        self.unwritten: list[tuple[str, Document, dict[str, Any]]] = []
        """Documents of collections without `output: true`: no pages, but `site.LABEL` lists
        them (path from the source, document, front matter with defaults and title)."""
        root = site.data.get("collections_dir")
        self.defaults = FrontMatterDefaults(
            site.defaults, site.source_dir, root.strip("/") if isinstance(root, str) else ""
        )
        """`_config.yml`'s front matter defaults, matched against each page once."""

    def publish(
        self, files: Files, config: MkDocsConfig, github_pages: bool | str, readmes: list[str]
    ) -> None:
        """For a Jekyll site, leave out what Jekyll (and GitHub Pages' plugins) would not
        publish; `readmes`: the READMEs MkDocs dropped beside an index."""
        if not self.site.path:
            return
        rules = github_pages_rules(
            self.site, github_pages, [self.site.source_dir, self.working_tree]
        )
        log.info("%s", rules.describe())
        self._find_documents(files)
        html_pages(files, config, self.site)
        self.publication = publish(
            files, config, self.site, rules, readmes, documents=set(self.documents)
        )

    def read_pages(self, files: Files, *, titles: bool) -> list[NavSource]:
        """A record for each page, with its front matter; with `titles`, each page's title and
        front matter as the nav is built from them."""
        sources: list[NavSource] = []
        for file in files.documentation_pages():
            text = file.content_string
            front_matter = self.publication.front_matter.get(file.src_uri)
            if front_matter is None:
                front_matter = parse_front_matter(text)
            front_matter = self._with_defaults(file, front_matter)
            record = PageRecord(file, self.display_path(file), front_matter)
            self.records[file.src_uri] = record
            if front_matter.problem:
                self.findings.add_page(record.display_path, [front_matter.problem])
            document = self.documents.get(file.src_uri)
            if document is not None:
                # Jekyll gives every document a title (`Document#populate_title`).
                front_matter = record.front_matter = with_title(front_matter, document)
            layout = own_layout(self.site.source_dir, self._layout_name(file, front_matter))
            if isinstance(layout, str):
                line = front_matter.line_of("layout")
                self.findings.add(record.display_path, line, f"{layout}; shown in the theme")
            record.layout = layout if isinstance(layout, OwnLayout) else None
            record.layouts_in_theme = layout.layouts if isinstance(layout, InTheme) else ()
            # Not a Just the Docs page: untitled, it is not one Just the Docs leaves out.
            untitled_own = record.layout is not None and not front_matter.data.get("title")
            if titles and not untitled_own:  # a title can take a parse of the page
                title = _title(file, front_matter, text)
                sources.append(NavSource(file.src_uri, title, self._nav_front_matter(record)))
        return sources

    def _layout_name(self, file: File, front_matter: FrontMatter) -> object:
        """The page's `layout:`, or the one GitHub Pages' jekyll-default-layout gives it."""
        if "layout" in front_matter.data or not self.site.path or not file.abs_src_path:
            return front_matter.data.get("layout")
        path = self.site.source_path(file.abs_src_path)
        document = self.documents.get(file.src_uri)
        kind = "page" if document is None else document.collection.label
        kind = "post" if kind == "posts" else kind
        url = page_url(path, front_matter.data.get("permalink"))
        return default_layout(self.publication.rules, path, url, kind)

    def _with_defaults(self, file: File, front_matter: FrontMatter) -> FrontMatter:
        """The page's front matter over `_config.yml`'s defaults for it: the one place they
        are applied, so the nav, Liquid, permalinks, layouts and search all read them."""
        if not self.defaults.sets or not file.abs_src_path:
            return front_matter
        own = front_matter.data
        if file.src_uri in self.publication.heading_titles:
            # jekyll-titles-from-headings reads `data["title"]`, defaults included.
            own = {key: value for key, value in own.items() if key != "title"}
        data = self._defaults_for(file, own, self.documents.get(file.src_uri))
        if own is not front_matter.data and data.get("title") is None:
            data["title"] = front_matter.data["title"]
        defaulted = frozenset(key for key in data if data[key] is not front_matter.data.get(key))
        return replace(front_matter, data=data, defaulted=defaulted)

    def _defaults_for(
        self, file: File, data: dict[str, Any], document: Document | None
    ) -> dict[str, Any]:
        """`data` over the defaults of `file`, a page or a collection's `document`."""
        if document is not None:
            path = document_path(document.path, self.defaults.collections_dir)
            return self.defaults.applied(data, path, document.collection.label)
        return self.defaults.applied(data, self.site.source_path(file.abs_src_path or ""), PAGES)

    def redirect_to(self, src_uri: str) -> str | None:
        """The page's `redirect_to`, when jekyll-redirect-from runs."""
        record = self.records.get(src_uri)
        rules = self.publication.rules
        if record is None or rules is None or not rules.redirects:
            return None
        return redirect_to(record.front_matter.data)

    def _nav_front_matter(self, record: PageRecord) -> FrontMatter:
        """An untitled redirect is meant to be out of the nav: no "no title" report."""
        data = record.front_matter.data
        if data.get("title") is None and self.redirect_to(record.file.src_uri) is not None:
            return replace(record.front_matter, data={**data, "nav_exclude": True})
        return record.front_matter

    def place_nav(self, files: Files, config: MkDocsConfig, sources: list[NavSource]) -> None:
        """The nav built from Just the Docs front matter, and each parent page's table of
        its children."""
        # None when no page has Just the Docs navigation keys: MkDocs' own nav stays.
        version = theme_version(self.site.data, [self.site.source_dir, self.working_tree])
        nav = site_nav(
            [source for source in sources if source.src_uri not in self.documents],
            nav_sort=self.site.nav_sort,
            external_links=self.site.nav_external_links,
            collections=collection_navs(self.collections, self.documents, sources),
            legacy=version is not None and version < CHILDREN_BY_PARENT,
        )
        config.nav = nav.spec
        lead_sections(nav.indexes, files, config)
        # Just the Docs' layout prints the tables: a Jekyll site's pages only, and only where
        # the site's own copy of that layout (a fork of the theme) still prints them.
        tables = self.site.path and prints_child_tables(self.site.source_dir)
        for src_uri, children in nav.tables.items() if tables else ():
            self.records[src_uri].children = tuple(children)
        for problem in nav.problems:
            self.findings.add_page(self.records[problem.path].display_path, [problem])

    def facts(self, files: Files, jekyll_urls: dict[str, str]) -> SiteFacts:
        """What the extension is told of the site once its files are placed."""
        return SiteFacts(
            published=frozenset(file.src_uri for file in files),
            jekyll_urls=jekyll_urls,
            page_urls={uri: record.file.url for uri, record in self.records.items()},
            site_pages=self._site_pages(jekyll_urls),
            defaulted={
                uri: record.front_matter.from_defaults
                for uri, record in self.records.items()
                if record.front_matter.defaulted
            },
        )

    def display_path(self, file: File) -> str:
        """The path findings name for `file` (`records.display_path`)."""
        return display_path(file, self.working_tree, self.project_dir)

    def _site_pages(self, urls: dict[str, str]) -> list[dict[str, Any]]:
        """`site.pages` as Liquid reads it: each page's front matter, url and path; then each
        collection's documents, in the collection's order (`site.LABEL`)."""
        pages: list[dict[str, Any]] = []
        members: dict[str, list[tuple[Document, dict[str, Any]]]] = {}
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
                if document.dated and "excerpt" not in data:
                    data["excerpt"] = excerpt(file.content_string, record.front_matter.body_start)
                entry = {**data, "url": url, "path": path}
                members.setdefault(document.collection.label, []).append((document, entry))
                continue
            pages.append({**data, "url": url, "path": path})
        for path, document, data in self.unwritten:
            data = {**data, **self.collections.liquid_fields(document, data)}
            entry = {**data, "url": self.collections.url(document, data), "path": path}
            members.setdefault(document.collection.label, []).append((document, entry))
        for items in members.values():
            entries = {document.path: entry for document, entry in items}
            order = ordered(items, items[0][0].collection, self.collections.date)
            pages.extend(entries[document.path] for document in order)
        return pages

    def place_own_layouts(self, files: Files) -> None:
        """A page in the site's own layout where Jekyll writes it (`x.html`, not `x/`): the
        layout's HTML is written as it is, and its relative links hold from there."""
        taken = {file.dest_uri for file in files}
        for record in self.records.values():
            file = record.file
            if record.layout is None or file.src_uri in self.documents or not file.abs_src_path:
                continue
            if "permalink" in record.front_matter.data:
                continue  # placed already
            url = page_url(self.site.source_path(file.abs_src_path)).lstrip("/")
            destination = url + "index.html" if not url or url.endswith("/") else url
            if destination not in taken:
                taken.discard(file.dest_uri)
                move_file(file, destination)
                taken.add(destination)

    def place_permalinks(self, files: Files, config: MkDocsConfig) -> None:
        """Pages at their `permalink`, and a page sending readers on from each of their
        `redirect_from` URLs, so old links and bookmarks keep working.

        No file of the site is replaced: pages, the theme's own (its 404 page), redirects.
        Pages are placed first, so a page keeps a URL a redirect asks for too. Where pages
        ask for the same permalink, the one Jekyll writes last, and so shows there, has it
        (`_written_later_first`); the others keep their own URLs, each with a finding.
        """
        taken = {name: f"the theme's {name}" for name in config.theme.static_templates}
        taken.update({file.dest_uri: f"{file.src_uri}'s URL" for file in files})
        for record in _written_later_first(self.records.values(), self.documents):
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

    def jekyll_urls(self, files: Files) -> dict[str, str]:
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
            if document is None or not file.is_documentation_page():
                continue
            if not document.collection.output:
                self._read_unwritten(file, path, document)
                continue
            if document.dated:
                # A post is read with or without front matter, and left out when in the future.
                front_matter = parse_front_matter(file.content_string).data
                # A post's defaults count (`Document#merge_defaults`), `published` too.
                front_matter = self._defaults_for(file, front_matter, document)
                if not self.collections.published(document, front_matter):
                    continue
            elif not opens_front_matter(file):
                continue
            self.documents[file.src_uri] = document

    def _read_unwritten(self, file: File, path: str, document: Document) -> None:
        """A document Jekyll reads but does not write (`Collection#read`): with front matter
        (a post with or without), and published."""
        if not (document.dated or opens_front_matter(file)):
            return
        data = self._defaults_for(file, parse_front_matter(file.content_string).data, document)
        if not self.collections.published(document, data):
            return
        if data.get("title") is None:
            data = {**data, "title": document_title(document)}
        self.unwritten.append((path, document, data))

    def leave_out_unreadable(self, files: Files, docs_dir: str) -> None:
        """A file of `docs_dir` that is not a regular file inside the project (a FIFO, a
        device, a link to one, or a link that leads out of the project) is left out, as a
        finding, before anything reads it: MkDocs would copy `/dev/zero` forever, or block on
        a FIFO. (The theme's files live elsewhere, and are the theme's.)"""
        # docs_dir is the project's too, wherever mkdocs.yml puts it (`docs_dir: ../pages`).
        inside = {os.path.realpath(top) for top in (self.project_dir, self.working_tree, docs_dir)}
        for file in list(files):
            path = file.abs_src_path
            if not path or file.src_dir != docs_dir:
                continue
            real = os.path.realpath(path)
            try:
                regular = stat.S_ISREG(os.stat(real).st_mode)
            except OSError:
                regular = False
            if not regular:
                why = "is not a regular file (a FIFO, a device or a broken link)"
            elif not any(real == top or real.startswith(top + os.sep) for top in inside):
                why = f"is a link that leads out of the project (to {real})"
            else:
                continue
            files.remove(file)
            # Jekyll publishes nothing under `_` or `.` (an include there is reported where
            # it is included).
            parts = file.src_uri.split("/")
            if self.site.path and any(part.startswith(("_", ".")) for part in parts):
                continue
            self.findings.add(
                self.display_path(file), 0, f"{why}; it is left out of the site, unread"
            )

    def leave_out_unwritable(self, files: Files) -> None:
        """A file whose name holds `?`, `#` or a control character is left out, as a finding:
        its URL would end before its name does, and a newline breaks every log line."""
        for file in list(files):
            unwritable = unwritable_character(file.src_uri)
            if unwritable:
                shown = self.display_path(file).encode("unicode_escape").decode("ascii")
                self.findings.add(
                    shown, 0, f"the file's name holds {unwritable}; it is left out of the site"
                )
                files.remove(file)


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


def _written_later_first(
    records: Iterable[PageRecord], documents: Container[str]
) -> list[PageRecord]:
    """Pages in the reverse of the order Jekyll 4.3 writes them (`Site#each_site_file`: its
    pages, sorted by file name as `Reader#sort_files!` sorts them, then collections'
    documents), so that of two asking for one URL, the one Jekyll writes last, whose page
    Jekyll's site then shows, asks first."""

    def written(record: PageRecord) -> tuple[bool, str, str]:
        uri = record.file.src_uri
        return (uri in documents, posixpath.basename(uri), uri)

    return sorted(records, key=written, reverse=True)
