"""The migration report: Jekyll's built `_site/` (Just the Docs) beside our built `site/`.

Pages are matched by URL path, normalised the same way on both sides (`x.html`, `x/` and
`x/index.html` are page `x`), below each site's base URL (Just the Docs' site title link;
Material's canonical link). For each page of Jekyll's: its main text as a similarity figure
and the differing lines, and where its in-content links lead. Once for the site: the
navigation, entry by entry (depth, title, page).

Similarity is difflib's `SequenceMatcher.ratio()` over the two pages' words (whitespace
separated), with its `autojunk` heuristic on: words that make up more than 1% of a page of
200 words or more are not used as anchors, which keeps the cost near linear on real pages.
"""

from __future__ import annotations

import difflib
import statistics
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from .pages import PageContent, Theme, read_page

_MAX_DIFF_LINES = 40
"""Differing lines shown per page in the report; the rest are counted."""
_ORIGIN = "http://site"
"""Where both sites are imagined served, to resolve links with `urljoin`."""


@dataclass(frozen=True)
class NavEntry:
    """One navigation entry: its depth, title and the page it leads to."""

    level: int
    title: str
    page: str | None
    """The page key (see `page_key`), an external URL, or None for a section without one."""

    def __str__(self) -> str:
        target = f" → {_shown(self.page)}" if self.page is not None else ""
        return f"{'  ' * self.level}{self.title}{target}"


@dataclass(frozen=True)
class PageComparison:
    """One Jekyll page beside ours."""

    page: str
    """The page key."""
    similarity: float
    """0 to 1; 0 when we did not build the page."""
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
        if self.nav_different:
            problems.append(f"navigation: {self.nav_different} entries differ")
        return problems

    def summary(self) -> str:
        """A few lines: pages compared, median and minimum similarity, nav and links."""
        lowest = self.minimum()
        low = f"{lowest.similarity:.2f} ({_shown(lowest.page)})" if lowest else "-"
        missing = sum(not p.built for p in self.pages)
        return "\n".join(
            [
                f"Pages compared: {len(self.pages)}"
                + (f" ({missing} not built by MkDocs)" if missing else "")
                + (f"; {len(self.site_only)} only in MkDocs' site" if self.site_only else ""),
                f"Text similarity: median {self.median_similarity():.2f}, minimum {low}",
                f"Navigation: {self.nav_equal} entries equal, {self.nav_different} different",
                f"In-content links: {self.links_same} lead to the same page, "
                f"{self.links_different} do not",
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
        yield "| Page | Similarity | Links the same |"
        yield "| --- | --- | --- |"
        for page in sorted(self.pages, key=lambda p: (p.similarity, p.page)):
            figure = f"{page.similarity:.3f}" if page.built else "not built"
            yield f"| `{_shown(page.page)}` | {figure} | {page.links_same} of {page.links_total} |"
        for name in self.site_only:
            yield f"| `{_shown(name)}` | only in MkDocs' site | |"
        yield from self._differences()

    def _differences(self) -> Iterator[str]:
        for page in sorted(self.pages, key=lambda p: p.page):
            if not (page.diff or page.links_jekyll_only or page.links_site_only):
                continue
            yield ""
            yield f"## `{_shown(page.page)}`"
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


def compare_sites(jekyll_dir: Path, site_dir: Path) -> Report:
    """Compare Jekyll's built site (Just the Docs) with ours (Material)."""
    jekyll = _Site.read(jekyll_dir, "jekyll")
    ours = _Site.read(site_dir, "material")
    pages = tuple(_compare_page(key, jekyll, ours) for key in sorted(jekyll.pages))
    site_only = tuple(sorted(key for key in ours.pages if key not in jekyll.pages))
    return Report(
        jekyll_dir=jekyll_dir,
        site_dir=site_dir,
        nav=tuple(_nav_rows(jekyll.nav(), ours.nav())),
        pages=pages,
        site_only=site_only,
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
    """How alike two texts are, 0 to 1, word by word (see the module's docstring)."""
    words = [word for line in jekyll for word in line.split()]
    other = [word for line in ours for word in line.split()]
    if not words and not other:
        return 1.0
    return difflib.SequenceMatcher(None, words, other, autojunk=True).ratio()


@dataclass(frozen=True)
class _Built:
    """One built page: its file below the site folder and what it holds."""

    file: str
    content: PageContent


class _Site:
    """The pages of one built site, by page key, and its base URL path."""

    def __init__(self, pages: dict[str, _Built], base: str, host: str = "") -> None:
        self.pages = pages
        self.base = base
        self.host = host
        """The site's own host (its home page's canonical URL's), lowercase; "" unknown."""

    @classmethod
    def read(cls, folder: Path, theme: Theme) -> _Site:
        pages: dict[str, _Built] = {}
        for path in sorted(folder.rglob("*.html")):
            name = path.relative_to(folder).as_posix()
            if path.is_symlink() or not path.is_file() or name == "404.html":
                continue
            content = read_page(path.read_text("utf-8", errors="replace"), theme)
            # Pages without content (redirect stubs, asset demos) are not the site's pages.
            if content.has_main:
                pages.setdefault(page_key(name), _Built(name, content))
        home = pages.get("")
        base = "/"
        if home is not None:
            written = home.content.home_href if theme == "jekyll" else home.content.canonical
            if written:
                base = urlsplit(urljoin(f"{_ORIGIN}/", written)).path.rstrip("/") + "/"
        canonical = urlsplit(home.content.canonical or "") if home is not None else None
        return cls(pages, base, canonical.netloc.lower() if canonical else "")

    def target(self, href: str, page: _Built) -> str:
        """Where `href`, written on `page`, leads: a page key (with its `#anchor`), an
        external URL as written, or `outside:/path` for a path outside the site."""
        href = href.strip()
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            # A full URL of the site itself is one of its paths (`{{ site.url }}/x.html`).
            if not self.host or parts.scheme.lower() not in ("http", "https"):
                return href
            if parts.netloc.lower() != self.host:
                return href
            href = urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
        resolved = urlsplit(urljoin(f"{_ORIGIN}{self.base}{page.file}", href))
        path = unquote(resolved.path)
        if not (path + "/").startswith(self.base):
            return f"outside:{path}"
        key = page_key(path[len(self.base) :])
        return key + (f"#{resolved.fragment}" if resolved.fragment else "")

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


def _compare_page(key: str, jekyll: _Site, ours: _Site) -> PageComparison:
    theirs = jekyll.pages[key]
    mine = ours.pages.get(key)
    links = jekyll.links(theirs)
    if mine is None:
        return PageComparison(key, 0.0, False, (), 0, len(links), 0, tuple(links), ())
    diff = [
        line
        for line in difflib.unified_diff(theirs.content.lines, mine.content.lines, lineterm="", n=0)
        if not line.startswith(("---", "+++", "@@"))
    ]
    wanted, found = Counter(links), Counter(ours.links(mine))
    return PageComparison(
        page=key,
        similarity=similarity(theirs.content.lines, mine.content.lines),
        built=True,
        diff=tuple(f"{line[0]} {line[1:]}" for line in diff[:_MAX_DIFF_LINES]),
        diff_more=max(0, len(diff) - _MAX_DIFF_LINES),
        links_total=len(links),
        links_same=sum((wanted & found).values()),
        links_jekyll_only=tuple(sorted((wanted - found).elements())),
        links_site_only=tuple(sorted((found - wanted).elements())),
    )


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
    """A page key as a reader knows it: `/a/b`, `/` for home; a URL or `outside:` as it is."""
    return target if ":" in target else "/" + target


def _cell(entry: NavEntry | None) -> str:
    if entry is None:
        return ""
    text = f"{'· ' * entry.level}{entry.title}"
    if entry.page is not None:
        text += f" → `{_shown(entry.page)}`"
    return text.replace("|", "\\|")
