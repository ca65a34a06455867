"""Navigation from Just the Docs front matter, computed as Just the Docs computes it.

Written from Just the Docs' `_includes/components/site_nav.html` and `components/nav/`
(`pages.html`, `children.html`, `sorted.html`, `links.html`) at commit b28a655 (0.12.0), as
Jekyll 4.3.1 renders them; the README's "Navigation rules" lists every rule with the fixture
that proves it. Where Just the Docs leaves a page out without a word (a parent it cannot find,
a parent cycle, no title), the page stays out of the nav, as there, and is reported; it is
still built.

The "Table of contents" of child pages that Just the Docs prints at the end of a parent page
(`components/children_nav.html`) lists the page's children in the nav that includes excluded
pages, in the nav's order: `SiteNav.tables`.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding
from .frontmatter import FrontMatter
from .liquid_values import (
    is_json_string,
    is_number,
    jekyll_sort,
    natural_sort,
    parse_sort_input,
    ruby_equal,
    ruby_str,
    truthy,
)

NavSpec = list[Any]
"""The shape of MkDocs' `nav:` setting: `{title: path}` and `{title: [children]}` items."""

CASE_INSENSITIVE = "case_insensitive"
"""The value of Just the Docs' `nav_sort` that sorts case-insensitively; any other value (its
default, `case_sensitive`, included) sorts case-sensitively."""

NAV_KEYS = frozenset(
    {
        "parent",
        "grand_parent",
        "ancestor",
        "nav_order",
        "nav_exclude",
        "child_nav_order",
        "has_children",
        "layout",
    }
)
"""Front matter keys that mark a page as written for Jekyll and Just the Docs. `title` is not
one of them: MkDocs reads it too."""

# A title shared by pages at several levels can make Just the Docs list a subtree under each of
# them, multiplying at every level. Past this many entries a page already listed is not
# listed again, so a hostile tree cannot make the build explode.
_ENTRIES_PER_PAGE = 20


MATERIAL_NAV_KEYS = ("subtitle", "icon", "status")
"""Front matter Material's nav prints beside a page's title (`partials/nav-item.html`: a line
under it, an icon, a status mark) and Just the Docs' nav never reads: R Markdown's
`subtitle:` ("Document de travail - Mai 2024") made trajectoires-pro's nav entry differ."""


MKDOCS_PAGE_KEYS = ("template", "hide")
"""Front matter MkDocs reads as the page's Jinja template and Material as the parts of the page
to hide, and Jekyll and Just the Docs never read: a real handbook's own
`template: true` stopped the build with a traceback."""

_THEME_ONLY_KEYS = (*MATERIAL_NAV_KEYS, *MKDOCS_PAGE_KEYS)


def theme_meta(meta: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """A Jekyll page's `page.meta` as the theme sees it: without `MATERIAL_NAV_KEYS` (its nav
    entry is its title alone, as in Just the Docs) and `MKDOCS_PAGE_KEYS` (the theme's page,
    whole). Liquid's `page.*` keeps them."""
    if not any(key in meta for key in _THEME_ONLY_KEYS):
        return meta
    return {key: value for key, value in meta.items() if key not in _THEME_ONLY_KEYS}


@dataclass(frozen=True)
class ExternalLink:
    """An entry of Just the Docs' `nav_external_links` (`_config.yml`)."""

    title: str
    url: str


@dataclass(frozen=True)
class NavSource:
    """What navigation needs to know of one page."""

    src_uri: str
    title: str
    """The title the nav shows: front matter `title`, else the first H1, else the file name."""
    front_matter: FrontMatter


@dataclass(frozen=True)
class ChildLink:
    """An entry of a parent page's "Table of contents" of child pages."""

    src_uri: str
    title: str
    summary: str | None
    """The child's front matter `summary`, which Just the Docs prints after its link."""


@dataclass(frozen=True)
class SiteNav:
    """The nav, the problems met while placing pages, and each parent page's table of
    contents of child pages (by the parent's path; only pages that show one)."""

    spec: NavSpec | None
    problems: list[Finding]
    tables: dict[str, list[ChildLink]]
    indexes: dict[str, str] = field(default_factory=dict)
    """The pages listed with their children, by path, with their nav titles: each leads its
    section as its own page, the link Just the Docs shows (Material's `navigation.indexes`
    gives a section such a page only when it is an `index.md`)."""


@dataclass(eq=False)
class _Page:
    source: NavSource
    title: Any
    """Just the Docs' title: the front matter value, None when the page has none."""
    group: str
    """The `parent` as Jekyll's `group_by` keys it ("" at the top level)."""

    @property
    def meta(self) -> dict[str, Any]:
        return self.source.front_matter.data

    @property
    def uri(self) -> str:
        return self.source.src_uri

    def line_of(self, key: str) -> int:
        return self.source.front_matter.line_of(key)


@dataclass(eq=False)
class _Entry:
    page: _Page
    children: list[_Entry] = field(default_factory=list)


@dataclass
class _Listing:
    """The pages one rendering listed, and how many entries it made."""

    limit: int
    pages: set[_Page] = field(default_factory=set)
    entries: int = 0


@dataclass(frozen=True)
class CollectionNav:
    """A collection Just the Docs lists (`just_the_docs.collections`), in the order listed."""

    name: str
    """The heading of its section."""
    sources: Sequence[NavSource]
    """Its documents, in the collection's order (`site[label]`)."""
    exclude: bool = False
    """`nav_exclude`: counted among the collections, listed nowhere."""


def build_nav(
    sources: Sequence[NavSource],
    *,
    nav_sort: str | None = None,
    external_links: Sequence[ExternalLink] = (),
    collections: Sequence[CollectionNav] = (),
    legacy: bool = False,
) -> tuple[NavSpec | None, list[Finding]]:
    """The nav Just the Docs shows for `sources`, and the problems met while placing pages."""
    nav = site_nav(
        sources,
        nav_sort=nav_sort,
        external_links=external_links,
        collections=collections,
        legacy=legacy,
    )
    return nav.spec, nav.problems


def site_nav(
    sources: Sequence[NavSource],
    *,
    nav_sort: str | None = None,
    external_links: Sequence[ExternalLink] = (),
    collections: Sequence[CollectionNav] = (),
    legacy: bool = False,
) -> SiteNav:
    """The nav Just the Docs shows for `sources`, its problems, and its tables of contents.

    `nav_sort` and `external_links` are Just the Docs' `nav_sort` and `nav_external_links`.
    The nav is None when no page carries Just the Docs navigation keys and there are no
    external links or collections: such a site keeps MkDocs' own nav (and shows no tables of
    contents).

    `collections` follow (`site_nav.html`), each a namespace of its own for titles: under a
    heading of its name when there are several collections or any top-level page, else
    listed as pages. `legacy`: Just the Docs before 0.10 (`theme_version`), whose pages list
    children only with `has_children`.
    """
    if (
        not external_links
        and not collections
        and not any(NAV_KEYS.intersection(s.front_matter.data) for s in sources)
    ):
        return SiteNav(None, [], {})
    problems: list[Finding] = []
    # Jekyll's page order: `site.pages` sorted by file name. Pages of the same name keep the
    # order Jekyll read their folders in, which is the file system's; here it is the path.
    pages = sorted(sources, key=lambda s: (posixpath.basename(s.src_uri), s.src_uri))
    indexes: dict[str, str] = {}
    spec, tables, top_size = _pages_nav(pages, nav_sort, problems, indexes, legacy)
    spec.extend({link.title: link.url} for link in external_links)
    for collection in collections:
        if collection.exclude:
            continue
        entries, collection_tables, _ = _pages_nav(
            collection.sources, nav_sort, problems, indexes, legacy
        )
        tables.update(collection_tables)
        if not entries:
            # Just the Docs prints a bare heading; Material would make it a link to ".".
            continue
        if len(collections) > 1 or top_size > 0:
            spec.append({collection.name: entries})
        else:
            spec.extend(entries)
    return SiteNav(spec, problems, tables, indexes)


def _pages_nav(
    sources: Sequence[NavSource],
    nav_sort: str | None,
    problems: list[Finding],
    indexes: dict[str, str],
    legacy: bool = False,
) -> tuple[NavSpec, dict[str, list[ChildLink]], int]:
    """pages.html over `sources` in Jekyll's order: the nav, its tables of contents, and how
    many top-level pages it could list (titled, not excluded); its parent pages go to
    `indexes` (`SiteNav.indexes`)."""
    pages = [_page(source) for source in sources]
    for page in pages:
        _check_keys(page, problems)
    nav = _Navigation(pages, nav_sort, legacy)
    limit = _ENTRIES_PER_PAGE * len(pages) + 100
    shown, anywhere = _Listing(limit), _Listing(limit)
    trees: dict[_Page, list[_Entry]] = {}
    for root in nav.top:
        trees[root] = nav.render([root], [], shown)
        nav.render([root], [], anywhere, show_all=True)
    dropped = _report_dropped(nav, pages, anywhere, problems)
    entries = [entry for root in nav.sort(nav.top) for entry in trees[root]]
    roots = nav.sort([*nav.top, *dropped])
    _report_untitled(pages, problems)
    _report_listing(nav, shown, problems)
    top_size = sum(1 for page in nav.top if page.meta.get("nav_exclude") is not True)
    indexes.update(_indexes(entries))
    return _spec(entries), _tables(nav, roots, limit), top_size


def _page(source: NavSource) -> _Page:
    meta = source.front_matter.data
    # `group_by: "parent"` reads the value through `item_property`, which turns "07" into 7.
    return _Page(source, meta.get("title"), ruby_str(parse_sort_input(meta.get("parent"))))


class _Navigation:
    """Just the Docs' main navigation over `pages`, given in Jekyll's page order.

    Pages without a title take no part, as `where_exp: "item", "item.title != nil"` leaves
    them out of Just the Docs' nav.
    """

    def __init__(self, pages: list[_Page], nav_sort: str | None, legacy: bool = False) -> None:
        self.sort_strings = natural_sort if nav_sort == CASE_INSENSITIVE else jekyll_sort
        self.legacy = legacy
        """Just the Docs before 0.10 (`theme_version`): `has_children` and levels by keys."""
        self.by_group: dict[str, list[_Page]] = {}
        self.by_title: dict[str, list[_Page]] = {}
        for page in pages:
            if page.title is not None:
                self.by_group.setdefault(page.group, []).append(page)
                self.by_title.setdefault(ruby_str(page.title), []).append(page)
        self.top = self.by_group.get("", [])
        self.parents: dict[_Page, list[_Page]] = {}
        """The pages each page is listed under (a page listed under two is reported)."""
        self.repeating: list[_Page] = []
        """Pages listed as "∞": their title is also one above them."""
        self.detached: set[_Page] = set()
        """Pages Just the Docs lists nowhere: left out of the nav, roots of their tables."""
        # Excluded pages count here too: pages.html maps the titles before links.html filters.
        self.top_titles = [page.title for page in self.top]

    def sort(self, pages: list[_Page]) -> list[_Page]:
        """sorted.html: numeric nav_order, string nav_order, numeric title, string title."""
        ordered = [p for p in pages if p.meta.get("nav_order") is not None]
        unordered = [p for p in pages if p.meta.get("nav_order") is None]
        return [
            *self._sort_group(ordered, _nav_order),
            *self._sort_group(unordered, _sort_title),
        ]

    def _sort_group(self, pages: list[_Page], value: Callable[[_Page], Any]) -> list[_Page]:
        # Numbers (anything jsonify does not quote) first, then strings, each sorted apart.
        numbers = [p for p in pages if not is_json_string(value(p))]
        strings = [p for p in pages if is_json_string(value(p))]
        return [
            *jekyll_sort(numbers, value),
            *self.sort_strings(strings, value),
        ]

    def children(self, node: _Page, ancestors: list[Any], show_all: bool) -> list[_Page]:
        """children.html: the pages listed under `node`, below the titles `ancestors`."""
        if self.legacy:
            return self._legacy_children(node, ancestors)
        if node.title is None or (not show_all and node.meta.get("has_children") is False):
            return []
        kept = []
        for child in self.by_group.get(ruby_str(node.title), []):
            grand_parent = child.meta.get("grand_parent")
            ancestor = child.meta.get("ancestor")
            if truthy(grand_parent) and not ruby_equal(grand_parent, node.meta.get("parent")):
                continue
            if (
                truthy(ancestor)
                and not ruby_equal(ancestor, node.title)
                and not _contains(ancestors, ancestor)
            ):
                continue
            # A plain `parent` naming a top-level title means that top-level page only.
            if (
                grand_parent is None
                and ancestor is None
                and ancestors
                and _contains(self.top_titles, child.meta.get("parent"))
            ):
                continue
            kept.append(child)
        return self.sort(kept)

    def _legacy_children(self, node: _Page, ancestors: list[Any]) -> list[_Page]:
        """nav.html before 0.10: under a page that says `has_children`, the pages whose
        `parent` is its title: without a `grand_parent` under a top-level page, with its
        parent's title as `grand_parent` under a second-level one; no fourth level. Its
        table of child pages (`children_nav.html`) lists the same."""
        if node.title is None or not truthy(node.meta.get("has_children")) or len(ancestors) > 1:
            return []
        kept = []
        for child in self.by_group.get(ruby_str(node.title), []):
            grand_parent = child.meta.get("grand_parent")
            if ancestors and (grand_parent is None or not ruby_equal(grand_parent, ancestors[0])):
                continue
            if not ancestors and grand_parent is not None:
                continue
            kept.append(child)
        return self.sort(kept)

    def render(
        self,
        pages: list[_Page],
        ancestors: list[Any],
        listing: _Listing,
        show_all: bool = False,
        tables: dict[_Page, list[_Page]] | None = None,
    ) -> list[_Entry]:
        """links.html; `show_all` lists excluded pages and ignores `has_children: false`.

        `tables` gets the children listed under each page's last entry: children_nav.html
        reads the page's last link in the rendered nav.
        """
        entries = []
        for node in pages:
            if not show_all and node.meta.get("nav_exclude") is True:
                continue
            if ancestors and node in self.detached:  # a cycle back to a detached page
                continue
            if listing.entries >= listing.limit and node in listing.pages:
                continue
            listing.pages.add(node)
            listing.entries += 1
            if _contains(ancestors, node.title):
                entries.append(_Entry(node))  # Just the Docs' "∞": no children
                if tables is not None:
                    tables[node] = []
                if not show_all and node not in self.repeating:
                    self.repeating.append(node)
                continue
            children = self.children(node, ancestors, show_all)
            if not show_all:
                for child in children:
                    parents = self.parents.setdefault(child, [])
                    if node not in parents:
                        parents.append(node)
            if node.meta.get("child_nav_order") in ("desc", "reversed"):
                children.reverse()
            if tables is not None:
                tables[node] = children
            below = [*ancestors, node.title]
            entries.append(_Entry(node, self.render(children, below, listing, show_all, tables)))
        return entries


def _nav_order(page: _Page) -> Any:
    return page.meta["nav_order"]


def _sort_title(page: _Page) -> Any:
    return page.title


def _contains(values: list[Any], value: Any) -> bool:
    """Liquid's `contains` on an array."""
    return truthy(value) and any(ruby_equal(item, value) for item in values)


def _report_dropped(
    nav: _Navigation,
    pages: list[_Page],
    anywhere: _Listing,
    problems: list[Finding],
) -> list[_Page]:
    """Report the pages Just the Docs lists nowhere, which stay out of the nav with their
    children, as there; they are still built, and their tables of contents still list their
    children. Returns them.

    A page whose parent is itself dropped goes with it, unreported: the report is at the
    parent. Pages that only wait on each other form a cycle, reported at its first path.
    """
    remaining = sorted(
        (p for p in pages if p not in anywhere.pages and p.title is not None), key=lambda p: p.uri
    )
    roots: list[_Page] = []
    while remaining:
        found = [
            (page, reason) for page in remaining if (reason := _drop_reason(nav, page, anywhere))
        ]
        if not found:
            found = [_cycle(nav, remaining)]
        nav.detached.update(page for page, _ in found)
        for page, (line, message) in found:
            if message:  # empty: the page's `parent` is reported as malformed already
                problems.append(Finding(path=page.uri, line=line, message=message))
            roots.append(page)
            nav.render([page], [], anywhere, show_all=True)
        remaining = [p for p in remaining if p not in anywhere.pages]
    return roots


_LEFT_OUT = "left out of the navigation with its children, as in Just the Docs"


def _drop_reason(nav: _Navigation, page: _Page, anywhere: _Listing) -> tuple[int, str] | None:
    """Why Just the Docs lists `page` nowhere; None while its parent is unplaced itself."""
    parent = page.meta.get("parent")
    if not (is_number(parent) or isinstance(parent, str)):
        return page.line_of("parent"), ""
    candidates = [c for c in nav.by_title.get(page.group, []) if c is not page]
    if not candidates:
        if page.title is not None and ruby_str(page.title) == page.group:
            message = f"parent {parent!r} is the page's own title; {_LEFT_OUT}"
        else:
            close = difflib.get_close_matches(page.group, list(nav.by_title), n=3, cutoff=0.5)
            hint = "; nearest titles: " + ", ".join(map(repr, close)) if close else ""
            message = f"unknown parent {parent!r}; {_LEFT_OUT}{hint}"
        return page.line_of("parent"), message
    if not any(c in anywhere.pages for c in candidates):
        return None
    if nav.legacy:
        reason = _legacy_reason(page, parent, [c for c in candidates if c in anywhere.pages])
        if reason is not None:
            return reason
    given = [
        (key, page.meta.get(key))
        for key in ("grand_parent", "ancestor")
        if truthy(page.meta.get(key))
    ]
    if not given:
        message = (
            f"parent {parent!r}: Just the Docs lists no page of that title with its children; "
            f"{_LEFT_OUT}"
        )
        return page.line_of("parent"), message
    wanted = " and ".join(f"{key} {value!r}" for key, value in given)
    message = (
        f"no page titled {parent!r} fits {wanted} (a grand_parent is that page's parent; an "
        f"ancestor is its title or a title above it); {_LEFT_OUT}"
    )
    return page.line_of(given[0][0]), message


def _legacy_reason(page: _Page, parent: Any, listed: list[_Page]) -> tuple[int, str] | None:
    """Why Just the Docs before 0.10 (`theme_version`) lists `page` under none of the
    `listed` pages of its parent's title."""
    before = "Just the Docs before 0.10 (the version this site pins)"
    if not any(truthy(c.meta.get("has_children")) for c in listed):
        message = (
            f"parent {parent!r} does not say `has_children: true`, which {before} needs to "
            f"list a page's children; {_LEFT_OUT}"
        )
        return page.line_of("parent"), message
    if all(c.meta.get("grand_parent") is not None for c in listed):
        message = f"{before} lists three levels, and {parent!r} is on the third; {_LEFT_OUT}"
        return page.line_of("parent"), message
    if page.meta.get("grand_parent") is None and all(c.meta.get("parent") for c in listed):
        message = (
            f"{parent!r} is under another page, and {before} lists a page under it only "
            f"with that page's title as its `grand_parent`; {_LEFT_OUT}"
        )
        return page.line_of("parent"), message
    return None


def _cycle(nav: _Navigation, remaining: list[_Page]) -> tuple[_Page, tuple[int, str]]:
    """The first page (by path) of the parent cycle that the first remaining page leads into."""
    waiting = set(remaining)
    path: list[_Page] = []
    seen: dict[_Page, int] = {}
    page = remaining[0]
    while page not in seen:
        seen[page] = len(path)
        path.append(page)
        page = next(c for c in nav.by_title[page.group] if c in waiting and c is not page)
    cycle = path[seen[page] :]
    start = cycle.index(min(cycle, key=lambda p: p.uri))
    cycle = cycle[start:] + cycle[:start]
    members = " -> ".join(p.uri for p in [*cycle, cycle[0]])
    first = cycle[0]
    return first, (
        first.line_of("parent"),
        f"parent cycle {members}; {_LEFT_OUT}",
    )


def _tables(nav: _Navigation, roots: list[_Page], limit: int) -> dict[str, list[ChildLink]]:
    """children_nav.html: each page's children in the nav that lists excluded pages too,
    unless the page says `has_toc: false` (the layout) or `has_children: false`."""
    found: dict[_Page, list[_Page]] = {}
    nav.render(roots, [], _Listing(limit), show_all=True, tables=found)
    tables = {}
    for page, children in found.items():
        if children and page.meta.get("has_toc") is not False:
            if page.meta.get("has_children") is not False:
                tables[page.uri] = [_child_link(child) for child in children]
    return tables


def _child_link(page: _Page) -> ChildLink:
    summary = page.meta.get("summary")
    return ChildLink(page.uri, ruby_str(page.title), ruby_str(summary) if truthy(summary) else None)


def _report_untitled(pages: list[_Page], problems: list[Finding]) -> None:
    """A page without a title is left out, as Just the Docs leaves it out, but said: it is
    mostly a title forgotten. `nav_exclude: true` says the page is meant to be out."""
    for page in sorted(pages, key=lambda p: p.uri):
        if page.title is None and page.meta.get("nav_exclude") is not True:
            problems.append(
                Finding(
                    path=page.uri,
                    line=page.line_of("title"),
                    message=(
                        "no title: Just the Docs leaves the page out of its navigation, and so "
                        "does this site (the page is still built and can be linked to); add a "
                        "title to list it (or nav_exclude: true to leave it out without this "
                        "report)"
                    ),
                )
            )


def _report_listing(nav: _Navigation, shown: _Listing, problems: list[Finding]) -> None:
    """Report pages listed under several parents, or listed as "∞"."""
    for page in sorted(shown.pages, key=lambda p: p.uri):
        if len(nav.parents.get(page, [])) > 1:
            names = ", ".join(sorted(p.uri for p in nav.parents[page]))
            problems.append(
                Finding(
                    path=page.uri,
                    line=page.line_of("parent"),
                    message=f"parent {page.meta.get('parent')!r} names several pages ({names}); "
                    "Just the Docs lists this page under each; add grand_parent or ancestor "
                    "to choose one",
                )
            )
    for page in sorted(nav.repeating, key=lambda p: p.uri):
        problems.append(
            Finding(
                path=page.uri,
                line=page.line_of("title"),
                message=f"title {page.title!r} is also the title of a page above it; Just the Docs "
                "lists it as '∞', without its children; give it a title of its own",
            )
        )


def _check_keys(page: _Page, problems: list[Finding]) -> None:
    order = page.meta.get("nav_order")
    if "nav_order" in page.meta and not (is_number(order) or isinstance(order, str)):
        problems.append(
            Finding(
                path=page.uri,
                line=page.line_of("nav_order"),
                message=f"nav_order must be a number or a string, not {_describe(order)}",
            )
        )
    for key in ("parent", "grand_parent", "ancestor"):
        value = page.meta.get(key)
        if key in page.meta and not (is_number(value) or isinstance(value, str)):
            problems.append(
                Finding(
                    path=page.uri,
                    line=page.line_of(key),
                    message=f"{key} must be a page title (a string), not {_describe(value)}",
                )
            )


def _describe(value: Any) -> str:
    names = {list: "a list", dict: "a mapping", bool: "a boolean", type(None): "empty"}
    return names.get(type(value), type(value).__name__)


def _indexes(entries: list[_Entry]) -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in entries:
        if entry.children:
            found[entry.page.uri] = entry.page.source.title
            found.update(_indexes(entry.children))
    return found


def _spec(entries: list[_Entry]) -> NavSpec:
    """A page with children opens its own section, so Material can use it as the section index."""
    spec: NavSpec = []
    for entry in entries:
        title, uri = entry.page.source.title, entry.page.uri
        if entry.children:
            spec.append({title: [{title: uri}, *_spec(entry.children)]})
        else:
            spec.append({title: uri})
    return spec
