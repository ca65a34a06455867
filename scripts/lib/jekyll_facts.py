"""Render a Jekyll site fixture with real Jekyll and Just the Docs; write where its links lead.

Usage: scripts/jekyll-facts FIXTURE_DIR JUST_THE_DOCS [--commit REV]

FIXTURE_DIR/docs is the Jekyll source (its own `_config.yml`, collections and all). Its
pages each start with a level-1 heading of their own, which names them in the facts. The theme
is Just the Docs' `_includes`, `_layouts`, `_sass` and `assets` at REV (as scripts/jekyll-nav
takes them), every page gets its `default` layout, and the `jekyll` on PATH (Debian's 4.3.1)
renders the site in a temporary folder. FIXTURE_DIR/jekyll-facts.json then holds:

- `nav`: the main nav, `{"title", "page"}` entries (with `"children"`), and for each
  collection Just the Docs heads, `{"title", "category": true, "fold", "children"}`;
- `links`: each link the Markdown of each page writes, `{"page", "text", "href"}` as Jekyll
  rendered it, with `"target"` (the docs path of the page it leads to; null when no page is
  there) and `"anchor"`, or an external link's URL under `"external"`;
- `texts`: each page's paragraphs that start with `Values:`, as Jekyll printed them (what
  its Liquid gave), by docs path.

The fixture's own `defaults:` are kept, after the one that gives every page the layout.

A root-relative link outside the base URL is read from the site's root, as the plugin reads it
(`jekyll serve --baseurl ""`). Nothing here runs at test time.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml
from jekyll_nav import render_arguments

_H1_MD_RE = re.compile(r"^# (.+)$", re.MULTILINE)


def main() -> None:
    setup = render_arguments(__doc__.splitlines()[0])
    fixture = setup.fixture
    nav, links, texts = render(fixture, setup.theme)
    document = {
        "generated_by": "scripts/jekyll-facts",
        "jekyll": setup.jekyll,
        "just_the_docs": setup.commit,
        "nav": nav,
        "links": links,
    }
    if texts:
        document["texts"] = texts
    out = fixture / "jekyll-facts.json"
    out.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(out)


def render(
    fixture: Path, theme: bytes
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, list[str]]]:
    docs = fixture / "docs"
    config = yaml.safe_load((docs / "_config.yml").read_text(encoding="utf-8")) or {}
    config["plugins"] = ["jekyll-seo-tag", "jekyll-include-cache"]
    own_defaults = config.get("defaults") or []
    config["defaults"] = [{"scope": {"path": ""}, "values": {"layout": "default"}}, *own_defaults]
    url = str(config.get("url") or "")
    baseurl = str(config.get("baseurl") or "").rstrip("/")
    titles = _source_titles(docs)
    with tempfile.TemporaryDirectory(prefix="jekyll-facts-") as temp:
        source, site = Path(temp) / "source", Path(temp) / "site"
        shutil.copytree(docs, source)
        subprocess.run(["tar", "-x", "-C", str(source)], input=theme, check=True)
        (source / "_config.yml").write_text(
            yaml.safe_dump(config, sort_keys=False), encoding="utf-8"
        )
        subprocess.run(
            ["jekyll", "build", "--quiet", "--source", str(source), "--destination", str(site)],
            check=True,
        )
        pages: dict[str, tuple[str, _Page]] = {}
        for path in sorted(site.rglob("*.html")):
            page = _Page(path.read_text(encoding="utf-8"))
            if page.h1 in titles:
                pages[path.relative_to(site).as_posix()] = (titles[page.h1], page)
        resolver = _Resolver(site, url, baseurl, {out: src for out, (src, _) in pages.items()})
        links = []
        texts = {src: page.values for src, page in pages.values() if page.values}
        for out, (src, page) in sorted(pages.items(), key=lambda item: item[1][0]):
            written = (docs / src).read_text(encoding="utf-8")
            # The links the page's Markdown writes, not those the theme adds (a child TOC).
            for href, text in page.links:
                if f"[{text}]" not in written and f">{text}</a>" not in written:
                    continue
                fact = {"page": src, "text": text, "href": href}
                fact.update(resolver.follow(out, href))
                links.append(fact)
        home = next(page for out, (src, page) in pages.items() if out == "index.html")
        nav = [_nav_entry(item, resolver) for item in home.nav]
    return nav, links, dict(sorted(texts.items()))


def _source_titles(docs: Path) -> dict[str, str]:
    """Each page's docs path by the text of its level-1 heading."""
    titles = {}
    for path in sorted(docs.rglob("*.md")):
        found = _H1_MD_RE.search(path.read_text(encoding="utf-8"))
        if found:
            titles[found.group(1).strip()] = path.relative_to(docs).as_posix()
    return titles


class _Resolver:
    def __init__(self, site: Path, url: str, baseurl: str, sources: dict[str, str]) -> None:
        self.site, self.url, self.baseurl, self.sources = site, url.rstrip("/"), baseurl, sources

    def follow(self, out: str, href: str) -> dict[str, Any]:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            own = f"{parts.scheme}://{parts.netloc}" == self.url
            if not own or not (parts.path + "/").startswith(self.baseurl + "/"):
                return {"external": href}
        path = unquote(parts.path)
        if path.startswith("/"):
            if self.baseurl and (path + "/").startswith(self.baseurl + "/"):
                path = path[len(self.baseurl) :] or "/"
        elif path:
            path = posixpath.join("/" + posixpath.dirname(out), path)
        else:
            path = "/" + out
        normal = posixpath.normpath(path) + ("/" if path.endswith("/") and path != "/" else "")
        file = normal.lstrip("/")
        candidates = [file + "index.html"] if normal.endswith("/") else [file, file + ".html"]
        if not normal.endswith("/"):
            candidates.append(file + "/index.html")
        target = next((self.sources[c] for c in candidates if c in self.sources), None)
        return {"target": target, "anchor": parts.fragment}

    def page(self, href: str) -> str:
        found = self.follow("index.html", href).get("target")
        assert found is not None, href
        return str(found)


def _nav_entry(item: dict[str, Any], resolver: _Resolver) -> dict[str, Any]:
    title = " ".join(item["text"].split())
    if item.get("category"):
        children = [_nav_entry(child, resolver) for child in item["children"]]
        return {"title": title, "category": True, "fold": item["fold"], "children": children}
    if "external" in item["classes"]:
        return {"title": title, "url": item["href"]}
    entry: dict[str, Any] = {"title": title, "page": resolver.page(item["href"])}
    if item["children"]:
        entry["children"] = [_nav_entry(child, resolver) for child in item["children"]]
    return entry


class _Page(HTMLParser):
    """One rendered page: the H1 and links of its content, and its main nav's items."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.h1: str | None = None
        self.links: list[tuple[str, str]] = []
        self.values: list[str] = []
        self._paragraph: str | None = None
        self.nav: list[dict[str, Any]] = []
        self._in_main = self._in_nav = False
        self._h1: str | None = None
        self._link: list[str] | None = None
        # The nav: open <ul>s (None for a folding collection's outer list), where top-level
        # items go (the root, or the children of the collection heading above), and the
        # item or heading whose text is being read.
        self._lists: list[dict[str, Any] | None] = []
        self._top = self.nav
        self._text_of: dict[str, Any] | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "main":
            self._in_main = True
        elif tag == "nav" and attributes.get("id") == "site-nav":
            self._in_nav = True
        elif self._in_nav:
            self._nav_start(tag, attributes, classes)
        elif self._in_main and tag == "p":
            self._paragraph = ""
        elif self._in_main and tag == "h1" and self.h1 is None:
            self._h1 = ""
        elif self._in_main and tag == "a" and "anchor-heading" not in classes:
            self._link = [attributes.get("href") or "", ""]

    def _nav_start(self, tag: str, attributes: dict[str, str | None], classes: list[str]) -> None:
        if tag == "ul":
            if "nav-category-list" in classes:
                self._lists.append(None)
                return
            outer = self._lists[-1] if self._lists else None
            container = outer["last"]["children"] if outer else self._top
            self._lists.append({"container": container, "last": None})
        elif tag == "li" and self._lists and self._lists[-1] is not None:
            item = {"classes": classes, "children": []}
            self._lists[-1]["container"].append(item)
            self._lists[-1]["last"] = item
        elif tag == "div" and "nav-category" in classes:
            folded = bool(self._lists) and self._lists[-1] is None
            category = {"category": True, "fold": folded, "text": "", "children": []}
            self.nav.append(category)
            self._top = category["children"]
            self._text_of = category
        elif tag == "a" and "nav-list-link" in classes and self._lists and self._lists[-1]:
            self._text_of = self._lists[-1]["last"]
            self._text_of.update(href=attributes.get("href"), text="")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self._in_main = False
        elif tag == "nav" and self._in_nav:
            self._in_nav = False
        elif self._in_nav:
            if tag == "ul" and self._lists:
                self._lists.pop()
            elif tag in ("a", "div"):
                self._text_of = None
        elif tag == "p" and self._paragraph is not None:
            text = " ".join(self._paragraph.split())
            if text.startswith("Values:"):
                self.values.append(text)
            self._paragraph = None
        elif tag == "h1" and self._h1 is not None:
            self.h1, self._h1 = " ".join(self._h1.split()), None
        elif tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._text_of is not None:
            self._text_of["text"] += data
        if self._h1 is not None:
            self._h1 += data
        if self._link is not None:
            self._link[1] += data
        if self._paragraph is not None:
            self._paragraph += data


if __name__ == "__main__":
    main()
