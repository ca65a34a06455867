"""One built page of either theme, read once: its navigation, its main text and its links.

Just the Docs (0.12) marks its navigation `<nav id="site-nav">` holding `ul.nav-list` >
`li.nav-list-item` > `a.nav-list-link`, nested (a collection's `div.nav-category` heads its
pages), and its content `<div id="main-content">`
(older versions: `<main>`), which also holds the edit link's `<footer>` and the headings'
`a.anchor-heading`. Material marks its navigation `nav.md-nav--primary` > `li.md-nav__item`,
whose first `span.md-ellipsis` is the title and first `a.md-nav__link` the target (the page's
own table of contents, `nav.md-nav--secondary`, sits inside it), and its content
`article.md-content__inner`, which also holds the edit button and the headings' `a.headerlink`.
What is not content (those, scripts, `<template>`s and our hidden widget controls) is skipped.

Just the Docs prints a callout's title with CSS (`p.note::before { content: "Note" }`), so its
HTML has no text for it; `read_page` is given those titles and reads them as a line of text
before the callout's own, as Material's `p.admonition-title` is read.

End tags that HTML lets a page leave out are implied as the HTML parsing specification
implies them (Just the Docs' `compress_html` with `endings: all` drops `</li>`, `</dd>`,
`</tr>`, `</td>` and more): a new `<li>` closes the open one, a block closes an open `<p>`,
a new row or cell closes the open one, each only within its scope (an `<li>` of a nested list
does not close its parent's). Each step is O(1): every open element records the nearest open
element of each scope below it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Literal

Theme = Literal["jekyll", "material"]

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Elements that end a line of text.
_BLOCK = frozenset(
    """address article aside blockquote br dd details div dl dt figcaption figure footer form
    h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td th thead
    tr ul""".split()
)
_NOT_TEXT = frozenset({"script", "style", "template", "svg", "noscript"})
# The parsing specification's "special" elements: a new <li>, <dd> or <dt> looks for an open
# one to close only up to the nearest of these that is not an address, div or p.
_SPECIAL = frozenset(
    """address applet area article aside base basefont bgsound blockquote body br button
    caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure
    footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input
    keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p
    param plaintext pre script search section select source style summary table tbody td
    template textarea tfoot th thead title tr track ul wbr xmp""".split()
)
_DEFAULT_SCOPE = frozenset("applet caption html table td th marquee object template".split())
_TABLE_SCOPE = frozenset({"html", "table", "template"})
# Per scope, the elements a search down the open elements stops at: the ones it looks for
# and the scope's boundaries.
_SCOPES: dict[str, frozenset[str]] = {
    "item": _SPECIAL - {"address", "div", "p"},
    "p": _DEFAULT_SCOPE | {"button", "p"},
    "li": _DEFAULT_SCOPE | {"ol", "ul", "li"},
    "dd": _DEFAULT_SCOPE | {"dd"},
    "dt": _DEFAULT_SCOPE | {"dt"},
    "cell": _TABLE_SCOPE | {"td", "th", "tr"},
    "row": _TABLE_SCOPE | {"tr", "tbody", "thead", "tfoot"},
    "section": _TABLE_SCOPE | {"tbody", "thead", "tfoot"},
}
_SCOPE_INDEX = {name: index for index, name in enumerate(_SCOPES)}
_SCOPE_TAGS = tuple(_SCOPES.values())
_NO_SCOPE = (-1,) * len(_SCOPES)
# Start tags that close an open <p> (in button scope).
_CLOSES_P = frozenset(
    """address article aside blockquote center details dialog dir div dl fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre search
    section summary table ul li dd dt listing plaintext xmp""".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# What an open element of each start tag closes: the scope searched and the tags it closes.
_CLOSED_BY_START: dict[str, tuple[str, frozenset[str]]] = {
    "li": ("item", frozenset({"li"})),
    "dd": ("item", frozenset({"dd", "dt"})),
    "dt": ("item", frozenset({"dd", "dt"})),
    "td": ("cell", frozenset({"td", "th"})),
    "th": ("cell", frozenset({"td", "th"})),
    "tr": ("row", frozenset({"tr"})),
    "tbody": ("section", frozenset({"tbody", "thead", "tfoot"})),
    "thead": ("section", frozenset({"tbody", "thead", "tfoot"})),
    "tfoot": ("section", frozenset({"tbody", "thead", "tfoot"})),
}
# The scope an end tag must find its element in, or it closes nothing.
_END_SCOPE = {
    "p": "p",
    "li": "li",
    "dd": "dd",
    "dt": "dt",
    "td": "cell",
    "th": "cell",
    "tr": "row",
    "tbody": "section",
    "thead": "section",
    "tfoot": "section",
}
# Markup inside the content that is the theme's, not the page's.
_SKIPPED_CLASSES = frozenset(
    {"headerlink", "md-content__button", "anchor-heading", "md-source-file", "md-feedback"}
)


@dataclass(frozen=True)
class NavLink:
    """One navigation entry: its depth (0 at the top), its title and its `href` as written."""

    level: int
    title: str
    href: str | None


@dataclass
class _NavItem:
    level: int
    title: str = ""
    href: str | None = None
    titled: bool = False


@dataclass
class PageContent:
    """What one built page holds, as read."""

    nav: list[NavLink] = field(default_factory=list)
    has_main: bool = False
    lines: list[str] = field(default_factory=list)
    """The main text, one line per block, whitespace collapsed (kept inside `<pre>`)."""
    links: list[str] = field(default_factory=list)
    """The `href` of each link in the main text, in order."""
    home_href: str | None = None
    """Just the Docs' site title link (`{{ '/' | relative_url }}`: the base URL)."""
    canonical: str | None = None
    """`<link rel="canonical">` (Material's, from `site_url`; jekyll-seo-tag's, from `url`)."""


CalloutTitles = Callable[[str], Mapping[str, str]]
"""The callout titles (by class) that the stylesheet a page links with `href` prints."""


@dataclass
class _Open:
    tag: str
    nearest: tuple[int, ...] = ()
    """Per scope (`_SCOPES`), the index of the nearest open element it stops at, or -1."""
    main: bool = False
    skip: bool = False
    nav: bool = False
    secondary: bool = False
    item: _NavItem | None = None
    label: bool = False


def read_page(
    html: str,
    theme: Theme,
    callout_titles: Mapping[str, str] | None = None,
    stylesheet: CalloutTitles | None = None,
) -> PageContent:
    """Read one page's HTML as built by `theme`. For Just the Docs, `callout_titles` (by
    class) and those of the stylesheets the page links (`stylesheet`, later ones winning)
    are read where its CSS prints them."""
    reader = _PageReader(theme, callout_titles or {}, stylesheet)
    reader.feed(html)
    reader.close()
    return reader.finish()


class _PageReader(HTMLParser):
    def __init__(
        self, theme: Theme, callout_titles: Mapping[str, str], stylesheet: CalloutTitles | None
    ) -> None:
        super().__init__(convert_charrefs=True)
        self.theme = theme
        self.callout_titles = dict(callout_titles)
        self.stylesheet = stylesheet
        self.page = PageContent()
        self.stack: list[_Open] = []
        self.text: list[str] = []
        self.items: list[_NavItem] = []
        self.nav_done = False
        # Depth counters of the open elements' roles, so each data call is O(1).
        self.in_main = 0
        self.in_skip = 0
        self.in_nav = 0
        self.in_secondary = 0
        self.in_pre = 0
        self.labels: list[_NavItem] = []
        # The open nav items, innermost last, and how many of each element are open: every
        # step is O(1), however deep a careless page nests.
        self.open_items: list[_NavItem] = []
        self.category: _NavItem | None = None
        """The unfolded collection whose pages are being read (Just the Docs), if any."""
        self.open_tags: Counter[str] = Counter()

    def finish(self) -> PageContent:
        lines = "".join(self.text).split("\n")
        self.page.lines = [" ".join(line.split()) for line in lines if line.strip()]
        self.page.nav = [NavLink(i.level, " ".join(i.title.split()), i.href) for i in self.items]
        return self.page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        rel = (attributes.get("rel") or "").lower().split()
        if tag == "link" and "canonical" in rel and self.page.canonical is None:
            self.page.canonical = attributes.get("href")
        if tag == "link" and "stylesheet" in rel and self.stylesheet and attributes.get("href"):
            self.callout_titles.update(self.stylesheet(attributes["href"] or ""))
        if tag == "a" and "site-title" in classes and self.page.home_href is None:
            self.page.home_href = attributes.get("href")
        self._imply_end_tags(tag)
        if tag in _VOID:
            if tag in ("br", "hr") and self.in_main and not self.in_skip:
                self.text.append("\n")
            return
        below = self.stack[-1].nearest if self.stack else _NO_SCOPE
        here = len(self.stack)
        nearest = tuple(here if tag in stops else below[i] for i, stops in enumerate(_SCOPE_TAGS))
        opened = _Open(tag, nearest)
        self.stack.append(opened)
        self.open_tags[tag] += 1
        self._open_nav(opened, tag, attributes, classes)
        if self._is_main(tag, attributes, classes):
            opened.main = True
            self.page.has_main = True
        elif self.in_main and (
            tag in _NOT_TEXT
            or "hidden" in attributes
            or classes & _SKIPPED_CLASSES
            or (self.theme == "jekyll" and tag == "footer")
        ):
            opened.skip = True
        elif tag in _NOT_TEXT:
            opened.skip = True
        self._count(opened, 1)
        if self.in_main and not self.in_skip:
            if tag in _BLOCK:
                self.text.append("\n")
            if self.theme == "jekyll" and tag in ("p", "blockquote") and self.callout_titles:
                self._callout_title(classes)
            # The highlighter's line anchors (pymdownx `anchor_linenums`) are not the author's.
            if (
                tag == "a"
                and attributes.get("href") is not None
                and not (attributes.get("id") or "").startswith("__codelineno-")
            ):
                self.page.links.append(attributes["href"] or "")

    def _callout_title(self, classes: set[str]) -> None:
        """The title Just the Docs' CSS prints before a callout (the last rule wins)."""
        titles = [title for name, title in self.callout_titles.items() if name in classes]
        if titles:
            self.text.append(titles[-1] + "\n")

    def _imply_end_tags(self, tag: str) -> None:
        """Close what HTML's parser closes before `tag` opens: an open `<li>` before a new
        one, an open `<p>` before a block, an open row or cell before a new one."""
        closes = _CLOSED_BY_START.get(tag)
        if closes is not None:
            self._close_nearest(closes[0], closes[1])
        elif tag in ("option", "optgroup") and self.stack and self.stack[-1].tag == "option":
            self._close_from(len(self.stack) - 1)
        if tag == "optgroup" and self.stack and self.stack[-1].tag == "optgroup":
            self._close_from(len(self.stack) - 1)
        if tag in _CLOSES_P:
            self._close_nearest("p", frozenset({"p"}))
        if tag in _HEADINGS and self.stack and self.stack[-1].tag in _HEADINGS:
            self._close_from(len(self.stack) - 1)

    def _close_nearest(self, scope: str, tags: frozenset[str]) -> bool:
        """Close the nearest open element of `scope`, and all above it, if it is one of
        `tags`; whether it was."""
        if not self.stack:
            return False
        index = self.stack[-1].nearest[_SCOPE_INDEX[scope]]
        if index < 0 or self.stack[index].tag not in tags:
            return False
        self._close_from(index)
        return True

    def _close_from(self, index: int) -> None:
        while len(self.stack) > index:
            self._close(self.stack.pop())

    def _is_main(self, tag: str, attributes: dict[str, str | None], classes: set[str]) -> bool:
        if self.in_main or self.page.has_main:
            return False
        if self.theme == "material":
            return tag == "article" and "md-content__inner" in classes
        return attributes.get("id") == "main-content" or tag == "main"

    def _open_nav(
        self, opened: _Open, tag: str, attributes: dict[str, str | None], classes: set[str]
    ) -> None:
        """Navigation entries, read from the first navigation of the page only."""
        if self.nav_done or self.in_main:
            return
        if self.theme == "material":
            if tag == "nav" and (self.in_nav or "md-nav--primary" in classes):
                opened.nav = True
                opened.secondary = "md-nav--secondary" in classes
            inside = self.in_nav or opened.nav
            if not inside or self.in_secondary or opened.secondary:
                return
            if tag == "li" and "md-nav__item" in classes:
                self._open_item(opened)
            elif tag == "span" and "md-ellipsis" in classes:
                self._start_title(opened)
            elif tag == "a" and "md-nav__link" in classes:
                self._take_href(attributes.get("href"))
            return
        if tag == "nav" and (attributes.get("id") == "site-nav" or "site-nav" in classes):
            opened.nav = True
        if tag == "ul" and "nav-category-list" in classes:
            self._end_category()
        elif tag == "div" and "nav-category" in classes and (self.in_nav or opened.nav):
            self._category(opened)
        elif tag == "li" and "nav-list-item" in classes:
            self._open_item(opened)
        elif tag == "a" and "nav-list-link" in classes:
            self._take_href(attributes.get("href"))
            self._start_title(opened)

    def _category(self, opened: _Open) -> None:
        """A collection's heading (`div.nav-category`): the title of the item that folds its
        pages, or else an entry of its own with the pages that follow one level down, as
        Material shows a section."""
        item = self._current_item()
        if item is None or item is self.category:
            self._end_category()
            self.category = _NavItem(0)
            self.items.append(self.category)
            self.open_items.append(self.category)
        self._start_title(opened)

    def _end_category(self) -> None:
        if self.category is not None and self.open_items and self.open_items[-1] is self.category:
            self.open_items.pop()
        self.category = None

    def _open_item(self, opened: _Open) -> None:
        opened.item = _NavItem(len(self.open_items))
        self.items.append(opened.item)
        self.open_items.append(opened.item)

    def _current_item(self) -> _NavItem | None:
        return self.open_items[-1] if self.open_items else None

    def _start_title(self, opened: _Open) -> None:
        item = self._current_item()
        if item is not None and not item.titled:
            item.titled = True
            opened.label = True
            self.labels.append(item)

    def _take_href(self, href: str | None) -> None:
        item = self._current_item()
        if item is not None and item.href is None and href is not None:
            item.href = href

    def _count(self, opened: _Open, step: int) -> None:
        self.in_main += step if opened.main else 0
        self.in_skip += step if opened.skip else 0
        self.in_nav += step if opened.nav else 0
        self.in_secondary += step if opened.secondary else 0
        self.in_pre += step if opened.tag == "pre" else 0

    def handle_endtag(self, tag: str) -> None:
        scope = _END_SCOPE.get(tag)
        if scope is not None:
            self._close_nearest(scope, frozenset({tag}))
            return  # out of its scope, it closes nothing
        if tag in _VOID or not self.open_tags[tag]:
            return  # a stray end tag closes nothing
        while self.stack:
            opened = self.stack.pop()
            self._close(opened)
            if opened.tag == tag:
                break

    def _close(self, opened: _Open) -> None:
        if self.in_main and not self.in_skip and opened.tag in _BLOCK:
            self.text.append("\n")
        self._count(opened, -1)
        self.open_tags[opened.tag] -= 1
        if opened.item is not None:
            self.open_items.pop()
        if opened.label and self.labels:
            self.labels.pop()
        if opened.nav and not self.in_nav and self.items:
            self.nav_done = True

    def handle_data(self, data: str) -> None:
        if self.labels:
            self.labels[-1].title += data
        if not self.in_main or self.in_skip:
            return
        self.text.append(data if self.in_pre else data.replace("\n", " "))
