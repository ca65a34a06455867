"""Link validation over every page of a build, in memory, once all pages are rendered.

Reads the page models (links with their source lines, ids of the final HTML) and the links the
theme's template adds around the content; resolves each link as a browser would from the
page's URL; and checks the target page or file and its `#anchor` against the ids that are
really in the target page. Imports nothing from MkDocs: the plugin hands it plain data.
"""

from __future__ import annotations

import bisect
import difflib
import html
import os
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from ..page.model import Link
from .external import Settings, broken_urls

MISSING_PAGE = "missing_page"
MISSING_ANCHOR = "missing_anchor"
OUTSIDE_DOCS = "outside_docs"
REPOSITORY = "repository"
EXTERNAL = "external"
FOLDER = "folder"
KINDS = (MISSING_PAGE, MISSING_ANCHOR, OUTSIDE_DOCS, REPOSITORY, EXTERNAL, FOLDER)
"""Kinds of finding, each with its own level in the plugin's `links:` settings."""

_NOUNS = {"a": "link target", "area": "link target", "img": "image", "script": "script"}
_UNCHECKED_SCHEMES = frozenset({"mailto", "tel", "data", "javascript", "ftp", "sms"})
# The theme writes attributes as ` name="value"`. A literal prefix lets `re` skip ahead, so
# one pass per attribute is twice as fast as one alternation over a page with a full nav.
_HREF_RE = re.compile(r' href="([^"]*)"')
_SRC_RE = re.compile(r' src="([^"]*)"')
# A page with the whole nav has an id on every section toggle: a thousand on a big site.
_ID_RE = re.compile(r' id="([^"]*)"')
_TAG_RE = re.compile(r"<(\w+)")
_LANDMARK_RE = re.compile(r"<(?:head|body|header|nav|footer|aside)\b[^>]*>")
_CLASS_RE = re.compile(r"""class\s*=\s*["']([^"'\s]+(?:\s+[^"'\s]+)?)""")
_REPOSITORY_PATH_RE = re.compile(r"(?:blob|tree|raw)/(?P<branch>[^/]+)/(?P<path>[^?#]*)")


@dataclass(frozen=True, slots=True)
class TemplateLink:
    """A link the theme's template adds around the content (nav, header, footer, head)."""

    href: str
    tag: str
    part: str
    """Where in the template: the start tag of the enclosing landmark, e.g. `<nav class=...>`."""


@dataclass
class SitePage:
    """What validation needs of one built page."""

    src_uri: str
    """`operations/RUNBOOK.md`"""
    url: str
    """Its file in the site: `operations/RUNBOOK.html` (not percent-encoded)."""
    display_path: str
    """`docs/operations/RUNBOOK.md`, as findings name it."""
    line_offset: int
    """Lines before the body (front matter), added to the model's body-relative lines."""
    links: list[Link]
    ids: set[str]
    template_links: list[TemplateLink] = field(default_factory=list)
    template_ids: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Repository:
    """The repository the docs live in, checked against its working tree."""

    url: str
    root: str
    """Working tree directory (the folder of mkdocs.yml)."""
    branches: tuple[str, ...]


@dataclass(frozen=True, slots=True)
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
    `docs_dir`. No path outside it is looked up on disk."""

    @property
    def project(self) -> str:
        return self.project_dir or os.path.dirname(self.docs_dir)


@dataclass(frozen=True, order=True, slots=True)
class LinkFinding:
    """One broken (or listed) link: where it is written and what is wrong."""

    path: str
    line: int
    column: int
    message: str
    kind: str
    target: str = field(default="", compare=False)
    """The href as written, for external links fetched in online mode."""


@dataclass(frozen=True, slots=True)
class _Verdict:
    kind: str
    problem: str


class TemplateScanner:
    """Reads the links and ids of each page's full HTML outside its content, without parsing it.

    The content was parsed into the page model already; a regex scan of the rest is enough,
    as the theme's markup is regular. The nav repeats on every page: a link already seen from
    the same folder is skipped at once, and one whose target another page's link already has
    (the nav, written relative to each folder) would be judged alike, so it is not kept either.
    """

    def __init__(self) -> None:
        self._seen: dict[str, set[str]] = {}
        self._targets: set[str] = set()
        # Pages mostly share one set of template ids (the nav's, with a full nav thousands):
        # kept once, not once per page.
        self._id_sets: dict[frozenset[str], frozenset[str]] = {}

    def scan(
        self, page_url: str, output: str, content: str, content_ids: set[str]
    ) -> tuple[list[TemplateLink], frozenset[str]]:
        """The template links worth checking at the end of the build, and the template's ids.

        Fragment-only links to an id of this page are settled here (the table of contents
        repeats every heading), so the checker only sees what may be broken.
        """
        start = output.find(content) if content else -1
        if start < 0:
            spans = [(0, len(output))]
        else:
            spans = [(0, start), (start + len(content), len(output))]
        values: list[str] = []
        found_ids: set[str] = set()
        for begin, end in spans:
            # A full nav makes the page hundreds of kilobytes: see _HREF_RE.
            for value in _ID_RE.findall(output, begin, end):
                found_ids.add(html.unescape(value) if "&" in value else value)
            values.extend(_HREF_RE.findall(output, begin, end))
            values.extend(_SRC_RE.findall(output, begin, end))
        frozen = frozenset(found_ids)
        ids = self._id_sets.setdefault(frozen, frozen)
        unique = set(values)
        seen = self._seen.setdefault(posixpath.dirname(page_url), set())
        # A fragment-only link points into this very page, so it is never shared.
        fragments = {v for v in unique if v.startswith("#")}
        known = content_ids | ids
        keep = (unique - seen - fragments) | {
            f for f in fragments if unquote(html.unescape(f[1:])) not in known
        }
        seen.update(unique)
        keep = {
            value for value in keep if value.startswith("#") or self._new_target(page_url, value)
        }
        if not keep:
            return [], ids
        positions = _first_positions(keep, output, spans)
        landmarks = [(m.start(), m.group(0)) for m in _LANDMARK_RE.finditer(output)]
        starts = [at for at, _ in landmarks]
        links: list[TemplateLink] = []
        for value in sorted(keep):
            position = positions.get(value, 0)
            tag_match = _TAG_RE.match(output, output.rfind("<", 0, position))
            tag = tag_match.group(1).lower() if tag_match else "a"
            index = bisect.bisect_right(starts, position) - 1
            part = _landmark_name(landmarks[index][1]) if index >= 0 else "<html>"
            links.append(TemplateLink(html.unescape(value), tag, part))
        return links, ids

    def _new_target(self, page_url: str, value: str) -> bool:
        target = target_key(page_url, html.unescape(value))
        if target in self._targets:
            return False
        self._targets.add(target)
        return True


def target_key(page_url: str, href: str) -> str:
    """What `href` on the page at `page_url` points to: links that share it are judged alike.

    A trailing slash stays: a link to a folder and one to a file of that name are not alike.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    key = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), href))
    return key + "/" if parts.path.endswith("/") and key != "/" else key


def _first_positions(values: set[str], output: str, spans: list[tuple[int, int]]) -> dict[str, int]:
    """Where each value first stands as an attribute outside the content."""
    positions: dict[str, int] = {}
    if len(values) > 20:  # one pass over every link beats a search per value
        for begin, end in spans:
            for match in _HREF_RE.finditer(output, begin, end):
                if match.group(1) in values:
                    positions.setdefault(match.group(1), match.start())
    for value in values - positions.keys():
        for begin, end in spans:
            found = [output.find(f' {a}="{value}"', begin, end) for a in ("href", "src")]
            if max(found) >= 0:
                positions[value] = min(at for at in found if at >= 0)
                break
    return positions


def original_column(written: str, rendered: str, column: int) -> int:
    """`column` of the `rendered` line (after site variables and link rewriting) in `written`.

    A destination starts just after a character that no rewriting touches (`(`, `<`, a
    quote), so that character is found in the written line and the column is the next one.
    """
    if written == rendered or column < 2:
        return column
    before = column - 2  # 0-based offset of the character before the destination
    matcher = difflib.SequenceMatcher(None, written, rendered, autojunk=False)
    for tag, start, _, rendered_start, rendered_end in matcher.get_opcodes():
        if rendered_start <= before < rendered_end:
            if tag == "equal":
                return start + (before - rendered_start) + 2
            return start + 1
    return column


def _landmark_name(start_tag: str) -> str:
    name = start_tag[1:].split(None, 1)[0].rstrip(">")
    found = _CLASS_RE.search(start_tag)
    return f'<{name} class="{found.group(1)}">' if found else f"<{name}>"


def validate(site: Site) -> list[LinkFinding]:
    """Findings for every broken link of `site`, and one `external` listing per external link.

    Template links repeat on every page: each broken one is reported once, on the first page.
    """
    checker = _Checker(site)
    findings: list[LinkFinding] = []
    template_seen: set[tuple[str, str]] = set()
    for url in sorted(site.pages):
        page = site.pages[url]
        for link in page.links:
            verdict = checker.check(page, link.href, link.source_href)
            if verdict is None:
                continue
            shown = link.source_href or link.href
            message = f"{_NOUNS.get(link.tag, 'link target')} {shown}: {verdict.problem}"
            line = link.line + page.line_offset if link.line else 0
            if not link.line:
                message += " (in the page's HTML: added by an extension or widget)"
            findings.append(
                LinkFinding(page.display_path, line, link.column, message, verdict.kind, link.href)
            )
        for template_link in page.template_links:
            verdict = checker.check(page, template_link.href, None)
            if verdict is None:
                continue
            key = (target_key(page.url, template_link.href), verdict.problem)
            if key in template_seen:
                continue
            template_seen.add(key)
            message = (
                f"{_NOUNS.get(template_link.tag, 'link target')} {template_link.href}: "
                f"{verdict.problem} (in the theme's template, {template_link.part})"
            )
            findings.append(
                LinkFinding(page.display_path, 0, 0, message, verdict.kind, template_link.href)
            )
    return sorted(set(findings))


def external_urls(findings: Iterable[LinkFinding]) -> list[str]:
    """The distinct external URLs, without fragments: what online mode fetches."""
    return sorted({f.target.split("#", 1)[0] for f in findings if f.kind == EXTERNAL})


def leveled(
    site: Site, levels: Mapping[str, str], online: Settings | None
) -> list[tuple[LinkFinding, str]]:
    """`validate(site)` with each finding's level (`ignore`d ones left out).

    Offline, external links are listed as `info`; online, only those that fail are
    reported, at the `external` level.
    """
    findings = validate(site)
    broken = broken_urls(external_urls(findings), online) if online else {}
    result: list[tuple[LinkFinding, str]] = []
    for finding in findings:
        level = levels.get(finding.kind, "warning")
        if finding.kind == EXTERNAL:
            problem = broken.get(finding.target.split("#", 1)[0])
            if online is None:
                level = "info" if level != "ignore" else level
            elif problem is None:
                continue
            else:
                message = finding.message.replace("external link, not checked", problem)
                finding = LinkFinding(
                    finding.path, finding.line, finding.column, message, EXTERNAL, finding.target
                )
        if level != "ignore":
            result.append((finding, level))
    return result


class _Checker:
    """Resolves links as a browser would and judges their targets; results are memoised."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.files_by_lower = {name.lower(): name for name in site.files}
        self._cache: dict[tuple[str, str, str, str | None], _Verdict | None] = {}

    def check(self, page: SitePage, href: str, source_href: str | None) -> _Verdict | None:
        # Links resolve from the page's folder; a fragment-only link from the page itself.
        where = page.url if href.startswith("#") else posixpath.dirname(page.url)
        key = (where, posixpath.dirname(page.src_uri), href, source_href)
        if key not in self._cache:
            self._cache[key] = self._check(page, href, source_href)
        return self._cache[key]

    def _check(self, page: SitePage, href: str, source_href: str | None) -> _Verdict | None:
        href = href.strip()
        if not href:
            return None
        parts = urlsplit(href)
        if self.site.site_url and href.startswith(self.site.site_url.rstrip("/") + "/"):
            verdict = self._check(page, "/" + href[len(self.site.site_url.rstrip("/")) + 1 :], None)
            # A full URL goes to the web server, which answers a folder with its index.html.
            return None if verdict is not None and verdict.kind == FOLDER else verdict
        if parts.scheme in _UNCHECKED_SCHEMES:
            return None
        if parts.scheme or parts.netloc:
            return self._check_absolute(href)
        fragment = unquote(parts.fragment)
        if not parts.path:
            return self._check_anchor(page, fragment)
        path = unquote(parts.path)
        if path.startswith("/"):
            target = posixpath.normpath(path.lstrip("/") or ".")
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page.url), path))
        found = self._find(target, path.endswith("/"))
        if found is None:
            return self._check_missing(page, target, source_href or href)
        target_page = self.site.pages.get(found)
        if target_page is not None and fragment:
            verdict = self._check_anchor(target_page, fragment)
            if verdict is not None:
                return verdict
        if self.site.from_disk and found != target:
            return self._check_folder(page, found, target_page, parts.fragment, source_href)
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
        source_href: str | None,
    ) -> _Verdict:
        """A link to a folder, on a site opened from disk: name its index file instead."""
        if target_page is not None and source_href is not None:
            # Written in Markdown: the author links the page's Markdown file.
            suggestion = _relative(target_page.src_uri, page.src_uri)
        else:
            suggestion = _relative(index, page.url)
        if fragment:
            suggestion += "#" + fragment
        return _Verdict(
            FOLDER,
            "a folder, which opened from disk (file://) shows a list of files, not the page; "
            f"link to {suggestion}",
        )

    def _check_anchor(self, page: SitePage, fragment: str) -> _Verdict | None:
        # An empty fragment and `#top` scroll to the top without any id (HTML standard).
        if not fragment or fragment in page.ids or fragment in page.template_ids:
            return None
        if fragment.lower() == "top":
            return None
        ids = page.ids | page.template_ids
        same_case = [i for i in ids if i.lower() == fragment.lower()]
        guess = same_case or difflib.get_close_matches(fragment, sorted(ids), n=1, cutoff=0.6)
        problem = "no such anchor"
        if guess:
            problem += f"; did you mean #{guess[0]}?"
        return _Verdict(MISSING_ANCHOR, problem)

    def _check_missing(self, page: SitePage, target: str, written: str) -> _Verdict:
        """A relative link to nothing in the site: what is it in the working tree?"""
        written_path = unquote(urlsplit(written).path)
        built = _page_url(target)
        if built != target and built in self.site.files:
            return _Verdict(
                MISSING_PAGE,
                "links the Markdown source, which is not in the site (links in raw HTML are "
                f"not rewritten); link to {_relative(built, page.url)}",
            )
        for candidate, shown in ((target, target), (_page_url(target), written_path)):
            lowered = self.files_by_lower.get(candidate.lower())
            if lowered is None:
                continue
            suggestion = _relative(lowered, page.url)
            if shown.endswith(".md"):  # suggest the Markdown path, as the author writes it
                suggestion = suggestion[: -len(".html")] + ".md"
            return _Verdict(
                MISSING_PAGE,
                f"no such page or file (names are case-sensitive); did you mean {suggestion}?",
            )
        source_dir = os.path.dirname(os.path.join(self.site.docs_dir, page.src_uri))
        on_disk = os.path.normpath(os.path.join(source_dir, written_path))
        if not _inside(on_disk, self.site.project):
            # Whether such a path exists on the build machine is none of the page's business.
            return _Verdict(OUTSIDE_DOCS, "outside the project, so not in the site")
        if written_path.startswith("/") or not os.path.exists(on_disk):
            return _Verdict(MISSING_PAGE, "no such page or file")
        inside_docs = not os.path.relpath(on_disk, self.site.docs_dir).startswith("..")
        if inside_docs:
            return _Verdict(MISSING_PAGE, "exists in docs/ but is not published in the site")
        advice = "outside docs/, so not in the site"
        repository = self.site.repository
        if repository is not None:
            in_repository = os.path.relpath(on_disk, repository.root).replace(os.sep, "/")
            if not in_repository.startswith("../"):
                branch = repository.branches[0] if repository.branches else "main"
                advice += f"; link to {repository.url}/blob/{branch}/{in_repository}"
        return _Verdict(OUTSIDE_DOCS, advice)

    def _check_absolute(self, href: str) -> _Verdict | None:
        repository = self.site.repository
        if repository is not None and href.split("#", 1)[0].rstrip("/") == repository.url:
            return None  # the repository itself: its working tree is where we stand
        if repository is not None and href.startswith(repository.url + "/"):
            match = _REPOSITORY_PATH_RE.match(href[len(repository.url) + 1 :])
            if match and match.group("branch") in repository.branches:
                path = unquote(match.group("path")).strip("/")
                on_disk = os.path.normpath(os.path.join(repository.root, path))
                if not _inside(on_disk, repository.root):
                    return _Verdict(REPOSITORY, f"{path} leaves the repository")
                if os.path.exists(on_disk):
                    return None
                return _Verdict(
                    REPOSITORY,
                    f"no such file in the repository ({path} is not in the working tree)",
                )
        if urlsplit(href).scheme in ("http", "https", ""):
            return _Verdict(EXTERNAL, "external link, not checked")
        return None


def _inside(path: str, folder: str) -> bool:
    """Whether the normalised absolute `path` is `folder` or below it."""
    return os.path.commonpath([path, os.path.abspath(folder)]) == os.path.abspath(folder)


def _page_url(src_uri: str) -> str:
    """The site path MkDocs writes a Markdown page to (`use_directory_urls: false`)."""
    stem, extension = posixpath.splitext(src_uri)
    return stem + ".html" if extension == ".md" else src_uri


def _relative(target: str, page_url: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page_url) or ".")
