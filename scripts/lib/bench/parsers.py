"""The page model's source, measured: Python-Markdown's element tree, or a parse of the HTML?

Run as `python -m bench.parsers CONFIG`: one `mkdocs build` of CONFIG (with the plugin) in this
fresh process, printing JSON. For every page it times, in the same build:

- `tree`: `page.reader.read_page`, as the extension calls it (headings, ids, links, code and
  code blocks, read from the tree the page is rendered from);
- the stdlib's `html.parser`, selectolax (Lexbor) and, where it is installed, lxml over the
  same page's rendered HTML (`page.content`): a bare parse, and a parse that reads the same
  facts (`read_*` below), which is what a model read from HTML would cost before the widgets
  read anything. (Lexbor, as HTML says, leaves `<template>` contents out of the document, so
  it reads the widgets' cloned controls' ids and links, which the others read, as absent.)

Issue 18 asked to keep the HTML parse with a faster parser if the measurement showed it
winning; `bench/README.md` gives the figures and the decision.
"""

from __future__ import annotations

import json
import logging
import statistics
import sys
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from selectolax.lexbor import LexborHTMLParser

from mkdocs_playbook import extension
from mkdocs_playbook.page.tree import _LINK_ATTRIBUTES as LINK_ATTRIBUTES

from . import builds

try:
    import lxml.html as lxml_html
except ImportError:  # not a requirement (PARSERS)
    lxml_html = None

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
Facts = tuple[list[str], list[tuple[str, str]], list[tuple[int, str]], list[str]]
"""What the model reads from a page: ids, links (tag, value), headings (level, text), code."""


class _Bare(HTMLParser):
    """Tokenises and calls no handler of ours: the floor of any html.parser design."""


class _Reader(HTMLParser):
    """The model's facts from HTML, in one html.parser pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.headings: list[tuple[int, str]] = []
        self.code: list[str] = []
        self._heading: list[str] | None = None
        self._level = 0
        self._code: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if values.get("id"):
            self.ids.append(values["id"])
        name = LINK_ATTRIBUTES.get(tag)
        if name is not None and name in values:
            self.links.append((tag, values[name]))
        if tag in HEADINGS:
            self._heading, self._level = [], int(tag[1])
        elif tag == "code":
            self._code = []
        elif tag == "a" and self._heading is not None and "headerlink" in values.get("class", ""):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in HEADINGS and self._heading is not None:
            self.headings.append((self._level, " ".join("".join(self._heading).split())))
            self._heading = None
        elif tag == "code" and self._code is not None:
            self.code.append("".join(self._code))
            self._code = None
        elif tag == "a" and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._heading is not None and not self._skip:
            self._heading.append(data)
        if self._code is not None:
            self._code.append(data)


def read_stdlib(html: str) -> Facts:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.ids, reader.links, reader.headings, reader.code


def parse_stdlib(html: str) -> None:
    parser = _Bare()
    parser.feed(html)
    parser.close()


def _heading_text(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        if "headerlink" not in (child.get("class") or ""):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def read_lxml(html: str) -> Facts:
    ids: list[str] = []
    links: list[tuple[str, str]] = []
    headings: list[tuple[int, str]] = []
    code: list[str] = []
    for element in lxml_html.fragment_fromstring(html, create_parent="div").iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue  # comments, processing instructions
        identifier = element.get("id")
        if identifier:
            ids.append(identifier)
        name = LINK_ATTRIBUTES.get(tag)
        if name is not None and element.get(name) is not None:
            links.append((tag, element.get(name)))
        if tag in HEADINGS:
            headings.append((int(tag[1]), _heading_text(element)))
        elif tag == "code":
            code.append(element.text_content())
    return ids, links, headings, code


def parse_lxml(html: str) -> None:
    lxml_html.fragment_fromstring(html, create_parent="div")


def read_selectolax(html: str) -> Facts:
    ids: list[str] = []
    links: list[tuple[str, str]] = []
    headings: list[tuple[int, str]] = []
    code: list[str] = []
    tree = LexborHTMLParser(html)
    for node in tree.root.traverse() if tree.root is not None else ():
        tag = node.tag
        if tag is None or tag.startswith("-"):
            continue  # text, comments
        attributes = node.attributes
        identifier = attributes.get("id")
        if identifier:
            ids.append(identifier)
        name = LINK_ATTRIBUTES.get(tag)
        if name is not None and name in attributes:
            links.append((tag, attributes[name] or ""))
        if tag in HEADINGS:
            parts = [
                child.text()
                for child in node.iter(include_text=True)
                if "headerlink" not in (child.attributes.get("class") or "")
            ]
            headings.append((int(tag[1]), " ".join("".join(parts).split())))
        elif tag == "code":
            code.append(node.text())
    return ids, links, headings, code


def parse_selectolax(html: str) -> None:
    LexborHTMLParser(html)


PARSERS: dict[str, Callable[[str], object]] = {
    "html.parser": parse_stdlib,
    "html.parser, read": read_stdlib,
    "selectolax": parse_selectolax,
    "selectolax, read": read_selectolax,
}
"""Each way to get the model's facts from the rendered HTML, by the name the report gives.
selectolax (pinned in requirements/test.txt) is the fastest HTML parser Python has: if the
tree beats it, it beats the others. lxml is measured too where it is installed (it is not a
requirement: `pip install lxml` to see its figures)."""
if lxml_html is not None:
    PARSERS |= {"lxml": parse_lxml, "lxml, read": read_lxml}


class _Timings(BasePlugin):  # type: ignore[type-arg]
    """Times every parser on each page's HTML, as soon as the page is rendered."""

    def __init__(self) -> None:
        super().__init__()
        self.tree_seconds = 0.0
        self.pages: list[dict[str, Any]] = []

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        timings = {"tree": self.tree_seconds}
        self.tree_seconds = 0.0
        for name, parse in PARSERS.items():
            started = time.perf_counter()
            parse(html)
            timings[name] = time.perf_counter() - started
        self.pages.append({"page": page.file.src_uri, "bytes": len(html), "seconds": timings})
        return html


def _summary(pages: list[dict[str, Any]]) -> dict[str, Any]:
    names = ["tree", *PARSERS]
    return {
        "pages": len(pages),
        "median_bytes": statistics.median(page["bytes"] for page in pages),
        "ms_per_page": {
            name: sum(page["seconds"][name] for page in pages) * 1000 / len(pages) for name in names
        },
        "median_ms": {
            name: statistics.median(page["seconds"][name] for page in pages) * 1000
            for name in names
        },
    }


def measure(config: Path) -> dict[str, Any]:
    """One instrumented build of `config` in a fresh interpreter, as `builds.build_round`
    builds."""
    return builds.in_child("bench.parsers", config)


def main(config_file: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    timings = _Timings()
    read_page = extension.read_page

    def timed_read(*args: Any) -> Any:
        started = time.perf_counter()
        blocks = read_page(*args)
        timings.tree_seconds += time.perf_counter() - started
        return blocks

    # The extension looks the name up in its module on every page.
    extension.read_page = timed_read  # type: ignore[assignment]
    config = load_config(config_file=config_file)
    config.plugins["bench-parsers"] = timings
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    json.dump(_summary(timings.pages), sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
