"""Pages in a layout of the site's own that is not Just the Docs' (cedar-docs' 27 `layout:
forward` meta-refresh stubs): Jekyll writes them as that layout's HTML, with no Just the
Docs page around them, so this site writes the same HTML (rendered by `jekyll.rewrite`'s
Liquid) at the same URL instead of a page in its theme.

A layout is the site's own when `_layouts/NAME.html` is in the Jekyll source and neither it
nor any layout it sits in (its `layout:` front matter) is one of Just the Docs' layouts; a
site's `_layouts/default.html` overrides Just the Docs' and stays the theme's.
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
"""The layouts Just the Docs ships (`_layouts/` of the theme): a page in one is the theme's."""
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
    """The site's own layouts a page is written in, innermost first."""

    layouts: tuple[Layout, ...]


def own_layout(jekyll_source: str, name: object) -> OwnLayout | str | None:
    """The site's own layout chain for a page whose `layout:` is `name`; None when the page is
    Just the Docs' (no layout, one of the theme's, or a site layout that sits in one); a
    message saying why, when a layout of the site cannot be read."""
    if not jekyll_source or not isinstance(name, str) or not name:
        return None
    if name == "none":
        return OwnLayout(())  # Jekyll's "no layout": the page's own HTML alone
    folder = os.path.join(jekyll_source, "_layouts")
    layouts: list[Layout] = []
    seen: set[str] = set()
    while name not in JUST_THE_DOCS_LAYOUTS:
        shown = f"_layouts/{name}.html"
        path = os.path.join(folder, f"{name}.html")
        if not os.path.isfile(path):
            # Not the site's: the theme's own (a later Just the Docs', or a missing layout,
            # which Jekyll renders without one).
            return None
        if name in seen or len(layouts) >= LAYOUT_DEPTH:
            return f"{shown} sits in itself, or in more than {LAYOUT_DEPTH} layouts"
        seen.add(name)
        try:
            text = read_text(resolved(path, folder, jekyll_source, shown), shown)
        except IncludeError as error:
            return str(error)
        front_matter = parse_front_matter(text)
        layouts.append(Layout(shown, text[front_matter.body_start :]))
        outer = front_matter.data.get("layout")
        if not isinstance(outer, str) or not outer or outer == "none":
            return OwnLayout(tuple(layouts))
        name = outer
    return None


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
