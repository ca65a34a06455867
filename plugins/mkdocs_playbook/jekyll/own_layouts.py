"""The site's own layouts, as Jekyll applies them: a site's `_layouts/NAME.html` wins over
the theme's layout of that name.

A page whose layouts, followed out through their `layout:` front matter, never reach Just the
Docs' page (cedar-docs' 27 `layout: forward` meta-refresh stubs) is written by Jekyll as
those layouts' HTML alone, with no Just the Docs page around it, so this site writes the same
HTML (rendered by `jekyll.rewrite`'s Liquid) at the same URL instead of a page in its theme
(`OwnLayout`). A page whose site layouts sit in Just the Docs' page (abap-leitfaden's
`home.html`: `layout: default`, `{{ content }}`, then a list of every page) gets them applied
around its content, inside the theme's page (`InTheme`).

Just the Docs' page itself stays the theme's, Material's page standing for it: its `default`,
`minimal`, `table_wrappers` and `vendor/compress` (`PAGE_LAYOUTS`), even where the site has its
own copy of one (a site that copied `default.html` to change its head), and a site layout of
one of the theme's names that sits in no other layout (a copy of the page under another name).
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass

from .frontmatter import parse_front_matter
from .includes import IncludeError, read_text, resolved
from .urls import JekyllUrls

JUST_THE_DOCS_LAYOUTS = frozenset(
    {"about", "default", "home", "minimal", "page", "post", "table_wrappers", "vendor/compress"}
)
"""The layouts Just the Docs ships (`_layouts/` of the theme)."""
PAGE_LAYOUTS = frozenset({"default", "minimal", "table_wrappers", "vendor/compress"})
"""Just the Docs' layouts that print its page (head, nav, footer): Material's page stands for
them, a site's own copy of one too. The others (`home`, `page`, ...) print `{{ content }}` in
`default`."""
_CONTENT_ALONE_RE = re.compile(r"\s*\{\{-?\s*content\s*-?\}\}\s*")
LAYOUT_DEPTH = 10
"""Layouts inside layouts, at most: a cycle is reported long before."""


@dataclass(frozen=True)
class Layout:
    """One layout file: where it is shown from, and its template (front matter removed)."""

    shown: str
    """`_layouts/forward.html`."""
    template: str


@dataclass(frozen=True)
class OwnLayout:
    """The site's own layouts a page is written in, innermost first, with no theme around."""

    layouts: tuple[Layout, ...]


@dataclass(frozen=True)
class InTheme:
    """The site's own layouts a page's content is put in, innermost first, inside Just the
    Docs' page (Material's, here)."""

    layouts: tuple[Layout, ...]


def own_layout(jekyll_source: str, name: object) -> OwnLayout | InTheme | str | None:
    """The site's own layout chain for a page whose `layout:` is `name`: `OwnLayout` when it
    never reaches Just the Docs' page, `InTheme` when site layouts sit in it; None when the
    page is Just the Docs' alone (no layout, the theme's, or a missing one, which Jekyll
    renders without); a message saying why, when a layout of the site cannot be read."""
    if not jekyll_source or not isinstance(name, str) or not name:
        return None
    if name == "none":
        return OwnLayout(())  # Jekyll's "no layout": the page's own HTML alone
    folder = os.path.join(jekyll_source, "_layouts")
    layouts: list[Layout] = []
    seen: set[str] = set()
    while name not in PAGE_LAYOUTS:
        shown = f"_layouts/{name}.html"
        path = os.path.join(folder, f"{name}.html")
        if not os.path.isfile(path):
            # Not the site's: the theme's own (`home`, `page`: its content in `default`; a
            # later Just the Docs'), or a missing layout, which Jekyll renders without one.
            break
        if name in seen or len(seen) >= LAYOUT_DEPTH:
            return f"{shown} sits in itself, or in more than {LAYOUT_DEPTH} layouts"
        seen.add(name)
        try:
            text = read_text(resolved(path, folder, jekyll_source, shown), shown)
        except IncludeError as error:
            return str(error)
        front_matter = parse_front_matter(text)
        outer = front_matter.data.get("layout")
        outer = outer if isinstance(outer, str) and outer != "none" else ""
        if not outer and name in JUST_THE_DOCS_LAYOUTS:
            break  # the site's copy of the theme's page, under one of the theme's names
        template = text[front_matter.body_start :]
        if not _CONTENT_ALONE_RE.fullmatch(template):  # one that adds nothing is not rendered
            layouts.append(Layout(shown, template))
        if not outer:
            return OwnLayout(tuple(layouts))
        name = outer
    return InTheme(tuple(layouts)) if layouts else None


_CHILD_TABLE_RE = re.compile(r"\bhas_toc\b|components/children_nav\.html")


def prints_child_tables(jekyll_source: str) -> bool:
    """Whether Just the Docs' page prints a parent page's table of child pages: every version
    of the theme's `default.html` does (it tests `page.has_toc`, and since 0.5 includes
    `components/children_nav.html`); a site's own copy (a fork of the theme) only if it still
    does either. One that cannot be read is taken as the theme's, and reported elsewhere."""
    folder = os.path.join(jekyll_source, "_layouts")
    path = os.path.join(folder, "default.html")
    if not jekyll_source or not os.path.isfile(path):
        return True
    try:
        text = read_text(
            resolved(path, folder, jekyll_source, "_layouts/default.html"), "_layouts/default.html"
        )
    except IncludeError:
        return True
    return _CHILD_TABLE_RE.search(text) is not None


# A URL in the layout's HTML: `href`/`src`, and a meta refresh's `url=`.
_URL_RE = re.compile(
    r"""(?P<head>\b(?:href|src)\s*=\s*(?P<quote>["'])"""
    r"""|<meta\s[^<>]*?\bcontent\s*=\s*(?P<refresh>["'])\s*\d*\s*;\s*url=)"""
    r"""(?P<value>[^"'<>]*)(?=["'])""",
    re.IGNORECASE,
)


def with_built_links(text: str, urls: JekyllUrls, src_uri: str) -> str:
    """`text` (a layout's output for the page at `src_uri`) with each link to a page's
    Jekyll URL given as the built page's URL, as links in the page's own raw HTML are."""

    def built(match: re.Match[str]) -> str:
        target = urls.target(html.unescape(match.group("value")), src_uri)
        href = urls.built_href(target, src_uri) if target else None
        if href is None:
            return match.group(0)
        return match.group("head") + html.escape(href)

    return _URL_RE.sub(built, text)
