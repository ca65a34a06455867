"""Link validation over every page of a build, in memory, once all pages are rendered.

Reads the page models (links, and the ids of the final HTML) and the links the theme's
template adds around the content; resolves each link as a browser would from the page's URL;
and checks the target page or file and its `#anchor` against the ids that are really in the
target page. Page URLs are MkDocs' own (`File.dest_uri`, handed over as `SitePage.url`),
whatever `use_directory_urls` says. Imports nothing from MkDocs: the plugin hands it plain
data. A finding's line and column are worked out only for links that fail (`page.lines`).
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from urllib.parse import unquote, urlsplit

from ..findings import Finding
from ..page.lines import Lines, LinkSource
from ..page.model import DuplicateHeadings, Link
from .closest import ClosestIds
from .scan import TemplateLink, target_key

MISSING_PAGE = "missing_page"
MISSING_ANCHOR = "missing_anchor"
OUTSIDE_DOCS = "outside_docs"
REPOSITORY = "repository"
EXTERNAL = "external"
FOLDER = "folder"
AMBIGUOUS_ANCHOR = "ambiguous_anchor"
KINDS = (MISSING_PAGE, MISSING_ANCHOR, AMBIGUOUS_ANCHOR, OUTSIDE_DOCS, REPOSITORY, EXTERNAL, FOLDER)
"""Kinds of finding, each with its own level in the plugin's `links:` settings."""

_NOUNS = {"a": "link target", "area": "link target", "img": "image", "script": "script"}
_UNCHECKED_SCHEMES = frozenset({"mailto", "tel", "data", "javascript", "ftp", "sms"})
_REPOSITORY_PATH_RE = re.compile(r"(?:blob|tree|raw)/(?P<branch>[^/]+)/(?P<path>[^?#]*)")


@dataclass
class SitePage:
    """What validation needs of one built page."""

    src_uri: str
    """`operations/RUNBOOK.md`"""
    url: str
    """Its file in the site, as MkDocs writes it: `operations/RUNBOOK.html`, or
    `operations/RUNBOOK/index.html` with directory URLs (not percent-encoded)."""
    display_path: str
    """`docs/operations/RUNBOOK.md`, as findings name it."""
    links: list[Link]
    ids: set[str]
    lines: Lines | None = None
    """The page's Markdown, where a failing link's line is looked up."""
    duplicates: Sequence[DuplicateHeadings] = ()
    """Headings that share their text: a link to one of them is ambiguous."""
    template_links: list[TemplateLink] = field(default_factory=list)
    template_ids: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Repository:
    """The repository the docs live in, checked against its working tree."""

    url: str
    root: str
    """Working tree directory (the folder of mkdocs.yml)."""
    branches: tuple[str, ...]


@dataclass(frozen=True)
class Site:
    """Every file of the build, and where the sources live."""

    pages: Mapping[str, SitePage]
    """By `url`."""
    files: frozenset[str]
    """Every file written to the site (pages, assets, images), by path in the site."""
    docs_dir: str
    """Absolute path of `docs/`."""
    site_dir: str = ""
    """Absolute path of `site/`, for files other plugins write after the build."""
    site_url: str = ""
    repository: Repository | None = None
    from_disk: bool = False
    """Built to be opened from disk (`use_directory_urls: false`): there a folder link lists
    the folder's files, as only a web server answers it with the folder's index.html."""
    project_dir: str = ""
    """Absolute path of the project (the folder of mkdocs.yml); empty: the parent of
    `docs_dir`. No path outside it or `docs_dir` is looked up on disk."""
    sources: Mapping[str, str] = field(default_factory=dict)
    """Every file's place in the site by its docs path (`DATABASE.md` -> `DATABASE.html`):
    a link written in Markdown names the file, as MkDocs and Zensical resolve it."""
    unpublished: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Docs files that Jekyll does not publish as pages, by docs path: why, and what to do.
    A Markdown file it copies as it is stays in the site at that same path."""

    @property
    def project(self) -> str:
        return self.project_dir or os.path.dirname(self.docs_dir)

    @cached_property
    def by_source(self) -> dict[str, SitePage]:
        """Pages by docs path, for links that name a Markdown file."""
        return {page.src_uri: page for page in self.pages.values()}


@dataclass(frozen=True, slots=True)
class Verdict:
    """What is wrong with one link target."""

    kind: str
    problem: str
    """What is wrong, for people: `no such anchor`."""
    advice: str = ""
    """What to do instead, when known: `did you mean #recovery-procedures?`."""

    def __str__(self) -> str:
        return f"{self.problem}; {self.advice}" if self.advice else self.problem


@dataclass(frozen=True, order=True)
class LinkFinding(Finding):
    """One broken (or listed) link: a finding, with what judging it again online needs."""

    target: str = field(default="", compare=False)
    """The href, for external links fetched in online mode."""
    shown: str = field(default="", compare=False)
    """The link as the message shows it: as written when known."""
    noun: str = field(default="link target", compare=False)
    """`link target`, `image`, ...: how the message names what holds the link."""
    where: str = field(default="", compare=False)
    """Where a link with no source line comes from, for the message."""

    def judged(self, verdict: Verdict) -> LinkFinding:
        """This finding with another verdict (an external link found broken online)."""
        message = describe(self.noun, self.shown, verdict, self.where)
        return replace(self, message=message, kind=verdict.kind)


def check_site(site: Site) -> Iterator[LinkFinding]:
    """Every broken (or external) link of `site`, in page order.

    Template links repeat on every page: each broken one is reported once, on the first page.
    """
    checker = _Checker(site)
    template_seen: set[tuple[str, str]] = set()
    for url in sorted(site.pages):
        page = site.pages[url]
        for link in page.links:
            verdict = checker.check(page, link)
            if verdict is None:
                continue
            source = _source(page, link)
            line, column = (source.line, source.column) if source else (0, 0)
            shown = source.text if source else link.written or link.href
            where = "" if line else "in the page's HTML: added by an extension or widget"
            yield _finding(page, link.tag, shown, link.href, verdict, where, line, column)
        for template_link in page.template_links:
            verdict = checker.check(page, Link(template_link.href, template_link.tag, None))
            if verdict is None:
                continue
            key = (target_key(page.url, template_link.href), verdict.problem)
            if key in template_seen:
                continue
            template_seen.add(key)
            where = f"in the theme's template, {template_link.part}"
            href = template_link.href
            yield _finding(page, template_link.tag, href, href, verdict, where, 0, 0)


def _finding(
    page: SitePage,
    tag: str,
    shown: str,
    href: str,
    verdict: Verdict,
    where: str,
    line: int,
    column: int,
) -> LinkFinding:
    noun = _NOUNS.get(tag, "link target")
    message = describe(noun, shown, verdict, where)
    return LinkFinding(
        page.display_path,
        line,
        column,
        message,
        kind=verdict.kind,
        target=href,
        shown=shown,
        noun=noun,
        where=where,
    )


def describe(noun: str, shown: str, verdict: Verdict, where: str) -> str:
    """A finding's message: `link target X: what is wrong; advice (where it comes from)`."""
    message = f"{noun} {shown}: {verdict}"
    return f"{message} ({where})" if where else message


def validate(site: Site) -> list[LinkFinding]:
    """Findings for every broken link of `site`, and one `external` listing per external link."""
    return sorted(set(check_site(site)))


def _source(page: SitePage, link: Link) -> LinkSource | None:
    """Where a failing link is written, if the page's Markdown shows it."""
    if link.written is None or page.lines is None:
        return None
    return page.lines.link(link.written, link.rank, raw_html=link.raw_html)


class _Checker:
    """Resolves links as a browser would and judges their targets; results are memoised."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.files_by_lower = {name.lower(): name for name in site.files}
        self.sources_by_lower = {uri.lower(): uri for uri in site.by_source}
        self._cache: dict[tuple[str, str, str, str | None], Verdict | None] = {}
        self._closest_ids: dict[str, ClosestIds] = {}
        """By page URL: each page's ids grouped once, for the anchors missing from it."""

    def check(self, page: SitePage, link: Link) -> Verdict | None:
        # Links resolve from the page's folder; a fragment-only link from the page itself.
        where = page.url if link.href.startswith("#") else posixpath.dirname(page.url)
        key = (where, posixpath.dirname(page.src_uri), link.href, link.written)
        if key not in self._cache:
            verdict = self._check_written(page, link.written) if not link.raw_html else None
            if verdict is _UNRESOLVED and _names_markdown(link.href):
                # Given as a page's Markdown file after it was written (a link written for
                # Jekyll's URLs), and not made a URL: rendered without MkDocs (Zensical's check).
                verdict = self._check_written(page, link.href)
            if verdict is _UNRESOLVED or link.raw_html:
                verdict = self._check(page, link.href, link.written, link.raw_html)
            self._cache[key] = verdict
        return self._cache[key]

    def _check_written(self, page: SitePage, written: str | None) -> Verdict | None:
        """A Markdown link by the file it names, relative to the page's own file: what MkDocs
        and Zensical turn into the page's URL. `_UNRESOLVED` when it names no file of the
        site (then it is judged as the URL it stays)."""
        if written is None:
            return _UNRESOLVED
        parts = urlsplit(written.strip())
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return _UNRESOLVED
        source = posixpath.normpath(
            posixpath.join(posixpath.dirname(page.src_uri), unquote(parts.path))
        )
        found = self.site.sources.get(source)
        if found is None:
            return _UNRESOLVED
        if source in self.site.unpublished:
            return Verdict(MISSING_PAGE, *self.site.unpublished[source])
        target = self.site.pages.get(found)
        fragment = unquote(parts.fragment)
        if target is not None and fragment:
            return self._check_anchor(target, fragment, authored=True)
        return None

    def _check(
        self, page: SitePage, href: str, written: str | None, raw_html: bool
    ) -> Verdict | None:
        href = href.strip()
        if not href or "{{" in href or "{%" in href:
            return None  # Liquid left as written: reported where it stands, as Liquid
        parts = urlsplit(href)
        if self.site.site_url and href.startswith(self.site.site_url.rstrip("/") + "/"):
            local = "/" + href[len(self.site.site_url.rstrip("/")) + 1 :]
            verdict = self._check(page, local, None, raw_html)
            # A full URL goes to the web server, which answers a folder with its index.html.
            return None if verdict is not None and verdict.kind == FOLDER else verdict
        if parts.scheme in _UNCHECKED_SCHEMES:
            return None
        if parts.scheme or parts.netloc:
            return self._check_absolute(href)
        fragment = unquote(parts.fragment)
        if not parts.path:
            return self._check_anchor(page, fragment, authored=written is not None)
        path = unquote(parts.path)
        if path.startswith("/"):
            target = posixpath.normpath(path.lstrip("/") or ".")
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page.url), path))
        found = self._find(target, path.endswith("/"))
        if found is None:
            return self._check_missing(page, target, written or href, raw_html)
        if found in self.site.unpublished:
            return Verdict(MISSING_PAGE, *self.site.unpublished[found])
        target_page = self.site.pages.get(found)
        if target_page is not None and fragment:
            verdict = self._check_anchor(target_page, fragment, authored=written is not None)
            if verdict is not None:
                return verdict
        if self.site.from_disk and found != target:
            return self._check_folder(page, found, target_page, parts.fragment, raw_html)
        return None

    def _find(self, target: str, directory: bool) -> str | None:
        """The site file a resolved path serves (a folder serves its index.html), or None."""
        if target == ".." or target.startswith("../"):
            return None
        index = "index.html" if target == "." else posixpath.join(target, "index.html")
        candidates = [index] if directory or target == "." else [target, index]
        for candidate in candidates:
            if candidate in self.site.files:
                return candidate
        if self.site.site_dir and not directory and target != ".":
            if os.path.isfile(os.path.join(self.site.site_dir, target)):
                return target  # written by another plugin after the pages (search index)
        return None

    def _check_folder(
        self,
        page: SitePage,
        index: str,
        target_page: SitePage | None,
        fragment: str,
        raw_html: bool,
    ) -> Verdict:
        """A link to a folder, on a site opened from disk: name its index file instead."""
        if target_page is not None and not raw_html:
            # Written in Markdown: the author links the page's Markdown file.
            suggestion = _relative(target_page.src_uri, page.src_uri)
        else:
            suggestion = _relative(index, page.url)
        if fragment:
            suggestion += "#" + fragment
        return Verdict(
            FOLDER,
            "a folder, which opened from disk (file://) shows a list of files, not the page",
            f"link to {suggestion}",
        )

    def _check_anchor(self, page: SitePage, fragment: str, *, authored: bool) -> Verdict | None:
        """Whether `fragment` is an id of `page`; an `authored` link (not the theme's table of
        contents) to a heading whose text repeats on the page is ambiguous."""
        if fragment in page.ids:
            group = next((g for g in page.duplicates if fragment in g.ids), None)
            if group is None or not authored:
                return None
            return Verdict(
                AMBIGUOUS_ANCHOR,
                f"ambiguous anchor: {page.display_path} has several headings {group.describe()}, "
                "and which one #" + fragment + " names depends on their order",
                "give each heading its own text, or link a heading whose text is unique",
            )
        # An empty fragment and `#top` scroll to the top without any id (HTML standard).
        if not fragment or fragment in page.template_ids:
            return None
        if fragment.lower() == "top":
            return None
        if page.url not in self._closest_ids:
            self._closest_ids[page.url] = ClosestIds(page.ids | page.template_ids)
        guess = self._closest_ids[page.url].closest(fragment)
        return Verdict(MISSING_ANCHOR, "no such anchor", f"did you mean #{guess}?" if guess else "")

    def _check_missing(self, page: SitePage, target: str, written: str, raw_html: bool) -> Verdict:
        """A relative link to nothing in the site: what is it in the working tree?"""
        written_path = unquote(urlsplit(written).path)
        # Resolved from the page's folder in the docs: a Markdown path names a page's source.
        source = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), written_path))
        named = self.site.by_source.get(source) if raw_html else None
        if named is not None:
            return Verdict(
                MISSING_PAGE,
                "links the Markdown source, which is not in the site (links in raw HTML are "
                "not rewritten)",
                f"link to {_relative(named.url, page.url)}",
            )
        lowered = self.files_by_lower.get(target.lower())
        if lowered is not None:
            return _case_verdict(_relative(lowered, page.url))
        lowered = self.sources_by_lower.get(source.lower())
        if lowered is not None:
            # Suggested as the author writes it: the Markdown path.
            return _case_verdict(_relative(lowered, page.src_uri))
        if written_path.startswith("/"):
            return Verdict(MISSING_PAGE, "no such page or file")  # a path of the site
        source_dir = os.path.dirname(os.path.join(self.site.docs_dir, page.src_uri))
        on_disk = os.path.normpath(os.path.join(source_dir, written_path))
        # docs_dir is the project's too, wherever mkdocs.yml is (`_mkdocs/`, `docs_dir: ..`).
        if not (_inside(on_disk, self.site.project) or _inside(on_disk, self.site.docs_dir)):
            # Whether such a path exists on the build machine is none of the page's business.
            return Verdict(OUTSIDE_DOCS, "outside the project, so not in the site")
        if not os.path.exists(on_disk):
            return Verdict(MISSING_PAGE, "no such page or file")
        inside_docs = not os.path.relpath(on_disk, self.site.docs_dir).startswith("..")
        if inside_docs and os.path.isdir(on_disk):
            # A folder link from a page whose URL is not its folder's (directory URLs).
            index = "index.md" if os.path.isfile(os.path.join(on_disk, "index.md")) else ""
            advice = f"link to {written_path.rstrip('/')}/{index}" if index else ""
            fragment = urlsplit(written).fragment
            return Verdict(
                MISSING_PAGE,
                "a folder of docs/, not a page",
                advice + (f"#{fragment}" if advice and fragment else ""),
            )
        if inside_docs:
            unpublished = self.site.unpublished.get(_docs_path(on_disk, self.site.docs_dir))
            if unpublished is not None:
                return Verdict(MISSING_PAGE, *unpublished)
            return Verdict(MISSING_PAGE, "exists in docs/ but is not published in the site")
        repository = self.site.repository
        if repository is not None:
            in_repository = os.path.relpath(on_disk, repository.root).replace(os.sep, "/")
            if not in_repository.startswith("../"):
                branch = repository.branches[0] if repository.branches else "main"
                return Verdict(
                    OUTSIDE_DOCS,
                    "outside docs/, so not in the site",
                    f"link to {repository.url}/blob/{branch}/{in_repository}",
                )
        return Verdict(OUTSIDE_DOCS, "outside docs/, so not in the site")

    def _check_absolute(self, href: str) -> Verdict | None:
        repository = self.site.repository
        if repository is not None and href.split("#", 1)[0].rstrip("/") == repository.url:
            return None  # the repository itself: its working tree is where we stand
        if repository is not None and href.startswith(repository.url + "/"):
            match = _REPOSITORY_PATH_RE.match(href[len(repository.url) + 1 :])
            if match and match.group("branch") in repository.branches:
                path = unquote(match.group("path")).strip("/")
                on_disk = os.path.normpath(os.path.join(repository.root, path))
                if not _inside(on_disk, repository.root):
                    return Verdict(REPOSITORY, f"{path} leaves the repository")
                if os.path.exists(on_disk):
                    return None
                return Verdict(
                    REPOSITORY,
                    f"no such file in the repository ({path} is not in the working tree)",
                )
        if urlsplit(href).scheme in ("http", "https", ""):
            return Verdict(EXTERNAL, "external link, not checked")
        return None


_UNRESOLVED = Verdict("", "")
"""A Markdown link that names no file of the site: judged as a URL instead."""
_MARKDOWN_SUFFIXES = (".md", ".markdown")


def _names_markdown(href: str) -> bool:
    """Whether `href` is a Markdown file's path: MkDocs makes every one that names a page a
    URL, so one left in a built page's link is still as the Markdown gave it."""
    return urlsplit(href).path.lower().endswith(_MARKDOWN_SUFFIXES)


def _case_verdict(suggestion: str) -> Verdict:
    return Verdict(
        MISSING_PAGE,
        "no such page or file (names are case-sensitive)",
        f"did you mean {suggestion}?",
    )


def _inside(path: str, folder: str) -> bool:
    """Whether the normalised absolute `path` is `folder` or below it."""
    return os.path.commonpath([path, os.path.abspath(folder)]) == os.path.abspath(folder)


def _relative(target: str, page_url: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page_url) or ".")


def _docs_path(path: str, docs_dir: str) -> str:
    """`path`, a file on disk, as a docs path (`guide/README.md`)."""
    return os.path.relpath(path, docs_dir).replace(os.sep, "/")
