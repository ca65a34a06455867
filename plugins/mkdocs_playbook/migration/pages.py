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
"""

from __future__ import annotations

from collections import Counter
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
    """`<link rel="canonical">` (Material's, from `site_url`)."""


@dataclass
class _Open:
    tag: str
    main: bool = False
    skip: bool = False
    nav: bool = False
    secondary: bool = False
    item: _NavItem | None = None
    label: bool = False


def read_page(html: str, theme: Theme) -> PageContent:
    """Read one page's HTML as built by `theme`."""
    reader = _PageReader(theme)
    reader.feed(html)
    reader.close()
    return reader.finish()


class _PageReader(HTMLParser):
    def __init__(self, theme: Theme) -> None:
        super().__init__(convert_charrefs=True)
        self.theme = theme
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
        if tag == "link" and attributes.get("rel") == "canonical":
            self.page.canonical = attributes.get("href")
        if tag == "a" and "site-title" in classes and self.page.home_href is None:
            self.page.home_href = attributes.get("href")
        if tag in _VOID:
            if tag in ("br", "hr") and self.in_main and not self.in_skip:
                self.text.append("\n")
            return
        opened = _Open(tag)
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
            # The highlighter's line anchors (pymdownx `anchor_linenums`) are not the author's.
            if (
                tag == "a"
                and attributes.get("href") is not None
                and not (attributes.get("id") or "").startswith("__codelineno-")
            ):
                self.page.links.append(attributes["href"] or "")

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
