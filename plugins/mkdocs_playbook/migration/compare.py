"""The migration report: Jekyll's built `_site/` (Just the Docs) beside our built `site/`.

Pages are matched by URL path, normalised the same way on both sides (`x.html`, `x/` and
`x/index.html` are page `x`), below each site's base URL (Just the Docs' site title link, else
`baseurl`; Material's canonical link). For each page of Jekyll's: its main text as a
similarity figure (`similarity`: the longest common subsequence of the words) and the
differing lines, where its in-content links lead, and the literal markers (`markers`) our page
shows and Jekyll's does not. Once for the site: the navigation, entry by entry (depth, title,
page).

A link leads to a page key (with its `#anchor`) when the site serves its path as a static host
such as GitHub Pages does (the file, `x/index.html` for `x/` or `x`, `x.html` for `x`), to
`missing:/path` when it does not, to `outside:/path` below neither base. A link that leads to no
page on either side (a `missing:` or `outside:` target on both) leads where Jekyll's does,
nowhere, and the report lists it apart as broken in both sites. An absolute URL under
either site's own URL (`url` + `baseurl` of Jekyll's `_config.yml` beside its `_site/`, else
the canonical links jekyll-seo-tag writes; our canonical links, from `site_url`) is read as a
path of the site it is on, on both sides: that is where it leads once our site is served in
Jekyll's place. Other absolute URLs are compared as written.

A page Jekyll writes with no main text and no links (an empty page) that we do not build loses
nothing: it counts as similarity 1 and is listed as empty in Jekyll's site.

Just the Docs prints callout titles with CSS; they are read from the stylesheets each Jekyll
page links (inside its `_site/`), and from `callouts:` of that `_config.yml`.
"""

from __future__ import annotations

import difflib
import re
import statistics
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import SplitResult, unquote, urljoin, urlsplit, urlunsplit

from ..jekyll.site_config import SiteConfig, load_site_config
from .markers import markers_left
from .pages import PageContent, Theme, read_page
from .similarity import common_prefix, common_suffix, word_similarity
from .stylesheets import callout_titles

_MAX_DIFF_LINES = 40
"""Differing lines shown per page in the report; the rest are counted."""
_DIFF_CAP = 4_000_000
"""Lines of one side times lines of the other, at most, that difflib aligns (its matcher is
quadratic and worse on lines that repeat: 13 s for two pages of 10,000 lines); beyond it,
the differing middle is shown as removed, then added."""
_ORIGIN = "http://site"
"""Where both sites are imagined served, to resolve links with `urljoin`."""
_MISSING = "missing:"
_OUTSIDE = "outside:"


@dataclass(frozen=True)
class NavEntry:
    """One navigation entry: its depth, title and the page it leads to."""

    level: int
    title: str
    page: str | None
    """The page key (see `page_key`), an external URL, or None for a section without one."""

    def __str__(self) -> str:
        target = f" → {_shown(self.page)}" if self.page is not None else ""
        return f"{'  ' * self.level}{_visible(self.title)}{target}"


@dataclass(frozen=True)
class PageComparison:
    """One Jekyll page beside ours."""

    page: str
    """The page key."""
    similarity: float
    """0 to 1; 0 when we did not build the page (1 when Jekyll's is empty)."""
    built: bool
    diff: tuple[str, ...]
    """Differing lines, `- ` Jekyll's and `+ ` ours, at most `_MAX_DIFF_LINES`."""
    diff_more: int
    """Differing lines beyond those."""
    links_total: int
    """In-content links on Jekyll's page."""
    links_same: int
    """Of those, how many lead to a page one of ours leads to (counted with repeats)."""
    links_jekyll_only: tuple[str, ...]
    links_site_only: tuple[str, ...]
    exact: bool = True
    """False when too many words differ to measure them in bounded time: `similarity` is
    then the most it can be (see `similarity`)."""
    markers: tuple[str, ...] = ()
    """Literal markers our page shows and Jekyll's does not."""
    links_nowhere: tuple[str, ...] = ()
    """Jekyll's links, counted among `links_same`, that lead to no page on either side."""
    empty: bool = False
    """Jekyll's page has no main text and no links."""


@dataclass(frozen=True)
class NavRow:
    """One line of the navigation comparison: equal, or what each side has there."""

    jekyll: NavEntry | None
    site: NavEntry | None

    @property
    def equal(self) -> bool:
        return self.jekyll is not None and self.jekyll == self.site


@dataclass(frozen=True)
class Report:
    """The comparison of two built sites."""

    jekyll_dir: Path
    site_dir: Path
    nav: tuple[NavRow, ...]
    pages: tuple[PageComparison, ...]
    """Jekyll's pages, by page key."""
    site_only: tuple[str, ...]
    """Pages we built that Jekyll did not."""
    site_only_markers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Literal markers on those pages, by page key (pages without any left out)."""

    @property
    def nav_equal(self) -> int:
        return sum(row.equal for row in self.nav)

    @property
    def nav_different(self) -> int:
        return len(self.nav) - self.nav_equal

    @property
    def links_same(self) -> int:
        return sum(page.links_same for page in self.pages)

    @property
    def links_different(self) -> int:
        return sum(page.links_total - page.links_same for page in self.pages)

    @property
    def links_nowhere(self) -> int:
        return sum(len(page.links_nowhere) for page in self.pages)

    @property
    def markers(self) -> int:
        """Literal markers our pages show and Jekyll's do not (all of them on pages Jekyll
        does not have)."""
        compared = sum(len(page.markers) for page in self.pages)
        return compared + sum(len(found) for found in self.site_only_markers.values())

    @property
    def marker_pages(self) -> int:
        return sum(bool(page.markers) for page in self.pages) + len(self.site_only_markers)

    def median_similarity(self) -> float:
        return statistics.median(p.similarity for p in self.pages) if self.pages else 1.0

    def minimum(self) -> PageComparison | None:
        return min(self.pages, key=lambda p: p.similarity, default=None)

    def failures(self, min_similarity: float) -> list[str]:
        """Why the site is not yet as Jekyll shows it: pages under the figure, a nav that
        differs. Empty when it is."""
        problems = [
            f"{_shown(p.page)}: similarity {p.similarity:.2f} under {min_similarity:.2f}"
            + ("" if p.built else " (not built)")
            for p in self.pages
            if p.similarity < min_similarity
        ]
        problems += [
            f"{_shown(p.page)}: similarity not measured, too many words differ "
            f"(at most {p.similarity:.2f})"
            for p in self.pages
            if not p.exact and p.similarity >= min_similarity
        ]
        if self.nav_different:
            problems.append(f"navigation: {self.nav_different} entries differ")
        if self.markers:
            problems.append(
                f"literal markers: {self.markers} on {self.marker_pages} pages "
                "that Jekyll's pages do not show"
            )
        return problems

    def summary(self) -> str:
        """A few lines: pages compared, median and minimum similarity, nav and links."""
        lowest = self.minimum()
        low = f"{lowest.similarity:.2f} ({_shown(lowest.page)})" if lowest else "-"
        missing = sum(not p.built for p in self.pages)
        empty = sum(not p.built and p.empty for p in self.pages)
        estimated = sum(not p.exact for p in self.pages)
        return "\n".join(
            [
                f"Pages compared: {len(self.pages)}"
                + (f" ({missing} not built by MkDocs" if missing else "")
                + (f", {empty} of them empty in Jekyll's site" if empty else "")
                + (")" if missing else "")
                + (f"; {len(self.site_only)} only in MkDocs' site" if self.site_only else ""),
                f"Text similarity: median {self.median_similarity():.2f}, minimum {low}"
                + (f" ({estimated} pages not measured exactly)" if estimated else ""),
                f"Navigation: {self.nav_equal} entries equal, {self.nav_different} different",
                f"In-content links: {self.links_same} lead to the same page"
                + (
                    f" ({self.links_nowhere} to no page on either side)"
                    if self.links_nowhere
                    else ""
                )
                + f", {self.links_different} do not",
                f"Literal markers: {self.markers} on {self.marker_pages} pages "
                "(Liquid, kramdown or alert syntax that Jekyll's pages do not show)",
            ]
        )

    def markdown(self) -> str:
        """The whole report, in Markdown."""
        return "\n".join(self._markdown_lines()) + "\n"

    def _markdown_lines(self) -> Iterator[str]:
        yield "# Migration report"
        yield ""
        yield f"Jekyll's site: `{self.jekyll_dir}`; MkDocs' site: `{self.site_dir}`."
        yield ""
        yield "```text"
        yield self.summary()
        yield "```"
        yield ""
        yield "## Navigation"
        yield ""
        yield "| | Jekyll | MkDocs |"
        yield "| --- | --- | --- |"
        for row in self.nav:
            mark = "=" if row.equal else "≠"
            yield f"| {mark} | {_cell(row.jekyll)} | {_cell(row.site)} |"
        yield ""
        yield "## Pages"
        yield ""
        yield "| Page | Similarity | Links the same | Literal markers |"
        yield "| --- | --- | --- | --- |"
        for page in sorted(self.pages, key=lambda p: (p.similarity, p.page)):
            figure = f"{page.similarity:.3f}" if page.built else "not built"
            if not page.built and page.empty:
                figure = "not built (empty in Jekyll's site)"
            if not page.exact:
                figure = f"at most {figure}"
            yield (
                f"| `{_shown(page.page)}` | {figure} | {page.links_same} of {page.links_total} "
                f"| {len(page.markers)} |"
            )
        for name in self.site_only:
            count = len(self.site_only_markers.get(name, ()))
            yield f"| `{_shown(name)}` | only in MkDocs' site | | {count} |"
        yield from self._differences()
        for name, markers in sorted(self.site_only_markers.items()):
            yield ""
            yield f"## `{_shown(name)}`"
            yield from _marker_lines(markers)

    def _differences(self) -> Iterator[str]:
        for page in sorted(self.pages, key=lambda p: p.page):
            differs = page.links_jekyll_only or page.links_site_only or page.links_nowhere
            if not (page.diff or differs or page.markers):
                continue
            yield ""
            yield f"## `{_shown(page.page)}`"
            if not page.exact:
                yield ""
                yield (
                    f"Similarity not measured: too many words differ; it is at most "
                    f"{page.similarity:.3f}."
                )
            if page.diff:
                yield ""
                yield "```diff"
                yield from page.diff
                if page.diff_more:
                    yield f"... {page.diff_more} more differing lines"
                yield "```"
            if page.links_jekyll_only or page.links_site_only:
                yield ""
                yield "Links that do not lead to the same page:"
                yield ""
                for target in page.links_jekyll_only:
                    yield f"- Jekyll: `{_shown(target)}`"
                for target in page.links_site_only:
                    yield f"- MkDocs: `{_shown(target)}`"
            if page.links_nowhere:
                yield ""
                yield "Links that lead to no page on either side (broken in Jekyll's site too):"
                yield ""
                for target in page.links_nowhere:
                    yield f"- `{_shown(target)}`"
            yield from _marker_lines(page.markers)


def _marker_lines(markers: tuple[str, ...]) -> Iterator[str]:
    if markers:
        yield ""
        yield "Literal markers on our page that Jekyll's does not show:"
        yield ""
        yield from (f"- `{_visible(marker, backslashes=True)}`" for marker in markers)


def compare_sites(jekyll_dir: Path, site_dir: Path, jekyll_config: Path | None = None) -> Report:
    """Compare Jekyll's built site (Just the Docs) with ours (Material). `jekyll_config` is
    the site's `_config.yml`, by default the one beside `jekyll_dir` if there is one."""
    config_file = jekyll_config or jekyll_dir.parent / "_config.yml"
    config = _site_config(config_file)
    jekyll = _Site.read(jekyll_dir, "jekyll", config)
    ours = _Site.read(site_dir, "material")
    # Either site's own URL, the longest base first, leads into the site it is written on.
    own = sorted({url for url in (jekyll.own_url, ours.own_url) if url}, key=lambda u: -len(u[1]))
    jekyll.own_urls = ours.own_urls = tuple(own)
    jekyll.repository = ours.repository = _repository(config)
    pages = tuple(_compare_page(key, jekyll, ours) for key in sorted(jekyll.pages))
    site_only = tuple(sorted(key for key in ours.pages if key not in jekyll.pages))
    markers = {key: markers_left([], ours.pages[key].content.lines) for key in site_only}
    return Report(
        jekyll_dir=jekyll_dir,
        site_dir=site_dir,
        nav=tuple(_nav_rows(jekyll.nav(), ours.nav())),
        pages=pages,
        site_only=site_only,
        site_only_markers={key: found for key, found in markers.items() if found},
    )


def page_key(path: str) -> str:
    """A page's URL path below the site's base, as both sites can write it: `a/b.html`,
    `a/b/` and `a/b/index.html` are `a/b`; the home page is ""."""
    path = path.lstrip("/")
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")]
    return path.rstrip("/")


def similarity(jekyll: Sequence[str], ours: Sequence[str]) -> float:
    """How alike two texts are, 0 to 1, word by word (see `similarity.word_similarity`)."""
    return word_similarity(jekyll, ours).value


@dataclass(frozen=True)
class _Built:
    """One built page: its file below the site folder and what it holds."""

    file: str
    content: PageContent


OwnUrl = tuple[str, str]
"""A site's own absolute URL: its host (lower case) and its base path (`/` or `/a/b/`)."""


class _Site:
    """The pages of one built site, by page key, its base URL path, its own URL, and every
    file it serves."""

    def __init__(
        self,
        pages: dict[str, _Built],
        base: str,
        files: frozenset[str],
        own_url: OwnUrl | None,
        folder: Path | None = None,
    ) -> None:
        self.pages = pages
        self.base = base
        self.files = files
        self.folder = folder
        """Where the files are, for `copied`."""
        self.own_url = own_url
        self.own_urls: tuple[OwnUrl, ...] = (own_url,) if own_url else ()
        """The absolute URLs read as paths of this site (`compare_sites` sets both sites')."""
        self.repository: Repository | None = None
        """Where the pages' Markdown is on GitHub: a link to one of them leads to its page
        (our build rewrites such links into the site; the issue counts them the same)."""

    @classmethod
    def read(cls, folder: Path, theme: Theme, config: SiteConfig | None = None) -> _Site:
        files = frozenset(
            path.relative_to(folder).as_posix()
            for path in folder.rglob("*")
            if path.is_file() and not path.is_symlink()
        )
        base = _base(folder, theme, config)
        titles = {
            name: callout.title
            for name, callout in (config.callouts if config else {}).items()
            if callout.title is not None
        }

        @cache
        def stylesheet(path: str) -> Mapping[str, str]:
            if not path.endswith(".css") or path not in files:
                return {}
            return callout_titles((folder / path).read_text("utf-8", errors="replace"))

        pages: dict[str, _Built] = {}
        for name in sorted(files):
            if not name.endswith(".html") or name == "404.html":
                continue

            def linked(href: str, page: str = name) -> Mapping[str, str]:
                if urlsplit(href).scheme or urlsplit(href).netloc:
                    return {}  # another host's: not the theme's
                return stylesheet(_below(urljoin(f"{_ORIGIN}{base}{page}", href), base) or "")

            html = (folder / name).read_text("utf-8", errors="replace")
            content = read_page(html, theme, titles, linked if theme == "jekyll" else None)
            # Pages without content (redirect stubs, asset demos) are not the site's pages.
            if content.has_main:
                pages.setdefault(page_key(name), _Built(name, content))
        own_url = _jekyll_url(config) if config else None
        return cls(pages, base, files, own_url or _canonical_url(pages), folder)

    def copied(self, name: str, other: _Site) -> bool:
        """Whether this site serves `name` as the very file `other` serves: an HTML file that
        is no page of the theme (a generated report, a demo), copied as it is by both."""
        if name not in self.files or self.folder is None or other.folder is None:
            return False
        mine, theirs = self.folder / name, other.folder / name
        return mine.stat().st_size == theirs.stat().st_size and (
            mine.read_bytes() == theirs.read_bytes()
        )

    def served(self, path: str) -> str | None:
        """The file a static host (GitHub Pages) answers `path`, below the base, with: the
        file, `index.html` in a folder, or `x.html` for `x` (so `index` is `index.html`)."""
        if not path or path.endswith("/"):
            names: tuple[str, ...] = (f"{path}index.html",)
        else:
            names = (path, f"{path}/index.html", f"{path}.html")
        return next((name for name in names if name in self.files), None)

    def target(self, href: str, page: _Built) -> str:
        """Where `href`, written on `page`, leads: a page key (with its `#anchor`), an
        external URL as written, `missing:/path` for a path the site does not serve, or
        `outside:/path` for a path outside the site."""
        href = href.strip()
        in_repository = self.repository.page(href) if self.repository else None
        if in_repository is not None:
            return in_repository
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            local = self._local(parts)
            if local is None:
                return href
            href = local
        resolved = urlsplit(urljoin(f"{_ORIGIN}{self.base}{page.file}", href))
        below = _below(resolved.geturl(), self.base)
        if below is None:
            return f"{_OUTSIDE}{unquote(resolved.path)}"
        # Keyed by the file that answers: `/index` is the home page, as `/` is.
        served = self.served(below)
        key = page_key(served) if served is not None else f"{_MISSING}/{page_key(below)}"
        return key + (f"#{resolved.fragment}" if resolved.fragment else "")

    def _local(self, parts: SplitResult) -> str | None:
        """An absolute URL under one of `own_urls` as a path of this site, else None."""
        if parts.scheme.lower() not in ("", "http", "https"):
            return None
        path = parts.path or "/"
        for host, base in self.own_urls:
            if parts.netloc.lower() == host and (path + "/").startswith(base):
                path = self.base + path[len(base) :]
                return urlunsplit(("", "", path, parts.query, parts.fragment))
        # The site's host outside its base: the same place as a root-relative link there.
        if any(parts.netloc.lower() == host for host, _ in self.own_urls):
            return urlunsplit(("", "", path, parts.query, parts.fragment))
        return None

    def nav(self) -> list[NavEntry]:
        home = self.pages.get("") or next(iter(self.pages.values()), None)
        if home is None:
            return []
        return [
            NavEntry(link.level, link.title, self.target(link.href, home) if link.href else None)
            for link in home.content.nav
        ]

    def links(self, page: _Built) -> list[str]:
        return [self.target(href, page) for href in page.content.links]


@dataclass(frozen=True)
class Repository:
    """The repository of a Jekyll site's pages, from Just the Docs' edit-link settings
    (`gh_edit_repository`, `gh_edit_source`)."""

    url: str
    """`https://github.com/owner/name`, without a trailing slash."""
    source: str
    """The Jekyll source folder inside it: `docs/`, or "" for the top."""

    def page(self, href: str) -> str | None:
        """The page key (with its `#anchor`) of a `blob/` or `tree/` link to a file of the
        source folder, read from its path (`docs/guide/setup.md` is `guide/setup`, an
        `index.md` its folder, `docs/assets/x.json` the site's `assets/x.json`, as our build
        rewrites such links); None for any other link. A page's `permalink` is not known
        here: such a page's own key differs, and the link counts as different."""
        for kind in ("/blob/", "/tree/"):
            if href.startswith(self.url + kind):
                rest = href[len(self.url) + len(kind) :]
                break
        else:
            return None
        path, _, fragment = rest.partition("/")[2].partition("#")
        path = path.split("?", 1)[0]
        if not path.startswith(self.source) or "." not in path.rpartition("/")[2]:
            return None
        inside = path[len(self.source) :]
        key = page_key(inside[: -len(".md")] + ".html" if inside.endswith(".md") else inside)
        return key + (f"#{fragment}" if fragment else "")


def _repository(config: SiteConfig | None) -> Repository | None:
    if config is None:
        return None
    url = config.data.get("gh_edit_repository")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        return None
    source = config.data.get("gh_edit_source")
    source = source.strip("/") + "/" if isinstance(source, str) and source.strip("/") else ""
    return Repository(url.rstrip("/"), source)


def _site_config(path: Path) -> SiteConfig | None:
    """The `_config.yml` at `path`, if there is one that reads."""
    try:
        config = load_site_config(path)
    except OSError:
        return None
    return None if config.problem else config


def _base(folder: Path, theme: Theme, config: SiteConfig | None) -> str:
    """The site's base URL path (`/` or `/a/b/`), from its home page: Just the Docs' site
    title link (else `baseurl`), Material's canonical link."""
    home = folder / "index.html"
    written = None
    if home.is_file():
        content = read_page(home.read_text("utf-8", errors="replace"), theme)
        written = content.home_href if theme == "jekyll" else content.canonical
    if written:
        return urlsplit(urljoin(f"{_ORIGIN}/", written)).path.rstrip("/") + "/"
    if config is not None and config.baseurl:
        return "/" + config.baseurl.strip("/") + "/" if config.baseurl.strip("/") else "/"
    return "/"


def _below(url: str, base: str) -> str | None:
    """The path of `url` below `base`, unquoted, runs of `/` as one (as web servers read
    them); None outside it."""
    path = re.sub("/{2,}", "/", unquote(urlsplit(url).path))
    return path[len(base) :] if (path + "/").startswith(base) else None


def _jekyll_url(config: SiteConfig) -> OwnUrl | None:
    """`url` + `baseurl` of Jekyll's `_config.yml`."""
    host = urlsplit(config.url or "").netloc.lower()
    path = (config.baseurl or "").strip("/")
    return (host, f"/{path}/" if path else "/") if host else None


def _canonical_url(pages: dict[str, _Built]) -> OwnUrl | None:
    """The site's own URL from its canonical links (Material's from `site_url`,
    jekyll-seo-tag's from `url`): the home page's, else the first page's whose canonical
    path ends with the page's own."""
    for key, built in sorted(pages.items()):
        parts = urlsplit(built.content.canonical or "")
        if not parts.netloc:
            continue
        written = page_key(parts.path)
        if not key:
            base = written
        elif written == key:
            base = ""
        elif written.endswith("/" + key):
            base = written[: -len(key) - 1]
        else:
            continue
        return parts.netloc.lower(), f"/{base}/" if base else "/"
    return None


def _compare_page(key: str, jekyll: _Site, ours: _Site) -> PageComparison:
    theirs = jekyll.pages[key]
    mine = ours.pages.get(key)
    links = jekyll.links(theirs)
    if mine is None and ours.copied(theirs.file, jekyll):
        # Not a page of either theme: the same file, so the same text and links.
        return PageComparison(key, 1.0, True, (), 0, len(links), len(links), (), ())
    if mine is None:
        empty = not links and not any(line.strip() for line in theirs.content.lines)
        return PageComparison(
            key, float(empty), False, (), 0, len(links), 0, tuple(links), (), empty=empty
        )
    diff = _differing_lines(theirs.content.lines, mine.content.lines)
    wanted, found = Counter(links), Counter(ours.links(mine))
    # A reader of either site follows these to the same place, no page: paired one to one.
    lost_there, lost_here = _nowhere(wanted - found), _nowhere(found - wanted)
    nowhere = lost_there[: len(lost_here)]
    measured = word_similarity(theirs.content.lines, mine.content.lines)
    return PageComparison(
        page=key,
        similarity=measured.value,
        built=True,
        diff=tuple(f"{line[0]} {_visible(line[1:])}" for line in diff[:_MAX_DIFF_LINES]),
        diff_more=max(0, len(diff) - _MAX_DIFF_LINES),
        links_total=len(links),
        links_same=sum((wanted & found).values()) + len(nowhere),
        links_jekyll_only=tuple(sorted((wanted - found - Counter(nowhere)).elements())),
        links_site_only=tuple(
            sorted((found - wanted - Counter(lost_here[: len(lost_there)])).elements())
        ),
        exact=measured.exact,
        markers=markers_left(theirs.content.lines, mine.content.lines),
        links_nowhere=tuple(nowhere),
    )


def _nowhere(unmatched: Counter[str]) -> list[str]:
    """The unmatched links that lead to no page (`missing:` or `outside:`), sorted."""
    return sorted(t for t in unmatched.elements() if t.startswith((_MISSING, _OUTSIDE)))


def _differing_lines(theirs: list[str], mine: list[str]) -> list[str]:
    """Jekyll's lines (`-`) and ours (`+`) that differ, aligned by difflib within the cap."""
    start = common_prefix(theirs, mine)
    end = common_suffix(theirs, mine, start)
    removed, added = theirs[start : len(theirs) - end], mine[start : len(mine) - end]
    if len(removed) * len(added) > _DIFF_CAP:
        return [f"-{line}" for line in removed] + [f"+{line}" for line in added]
    return [
        line
        for line in difflib.unified_diff(removed, added, lineterm="", n=0)
        if not line.startswith(("---", "+++", "@@"))
    ]


def _nav_rows(jekyll: list[NavEntry], ours: list[NavEntry]) -> Iterator[NavRow]:
    """The two navigations aligned: equal entries side by side, the others paired in order."""
    matcher = difflib.SequenceMatcher(None, jekyll, ours)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            yield from (NavRow(entry, entry) for entry in jekyll[i1:i2])
            continue
        theirs, mine = jekyll[i1:i2], ours[j1:j2]
        for index in range(max(len(theirs), len(mine))):
            yield NavRow(
                theirs[index] if index < len(theirs) else None,
                mine[index] if index < len(mine) else None,
            )


def _shown(target: str) -> str:
    """A page key as a reader knows it: `/a/b`, `/` for home; a URL, `missing:` or
    `outside:` as it is; characters one cannot see escaped."""
    return _visible(target if ":" in target else "/" + target, backslashes=True)


def _visible(text: str, *, backslashes: bool = False) -> str:
    """`text` with each character a reader cannot see or tell apart (control and format
    characters, spaces other than the space) written as a Python escape (`\\x02`), and each
    backslash too if `backslashes`, so two texts that differ look different."""
    if text.isprintable() and not (backslashes and "\\" in text):
        return text
    return "".join(
        character
        if character.isprintable() and not (backslashes and character == "\\")
        else character.encode("unicode_escape").decode("ascii")
        for character in text
    )


def _cell(entry: NavEntry | None) -> str:
    if entry is None:
        return ""
    text = f"{'· ' * entry.level}{_visible(entry.title)}"
    if entry.page is not None:
        text += f" → `{_shown(entry.page)}`"
    return text.replace("|", "\\|")
