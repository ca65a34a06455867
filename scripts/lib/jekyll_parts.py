"""Render a layout-parts fixture with real Jekyll and Just the Docs; write what the layout prints.

Usage: scripts/jekyll-parts FIXTURE_DIR JUST_THE_DOCS [--commit REV]

FIXTURE_DIR holds `docs/` and `_config.yml`, as for scripts/jekyll-nav. The site is built once
(`jekyll_nav.jekyll_build`) and, for every page, the parts Just the Docs' `default` layout
prints around the content are written to FIXTURE_DIR/jekyll-parts.json: the "Table of
contents" of child pages (its heading and entries: title, page, summary), how many H1s the
page's `<main>` holds, the footer's back-to-top link, `footer_content` and "Page last
modified" text; and the main nav, as scripts/jekyll-nav writes it. Nothing here runs at test time.
"""

from __future__ import annotations

import json
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from jekyll_nav import _page_urls, jekyll_build, render_arguments, render_nav, written_file


def main() -> None:
    render = render_arguments(__doc__.splitlines()[0])
    fixture, theme = render.fixture, render.theme
    urls = _page_urls(fixture / "docs")
    pages: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="jekyll-parts-") as temp:
        site = Path(temp) / "site"
        jekyll_build(fixture, theme, None, site)
        for url, uri in sorted(urls.items(), key=lambda item: item[1]):
            path = written_file(site, url)
            reader = _PartsReader()
            reader.feed(path.read_text(encoding="utf-8"))
            pages[uri] = reader.parts(urls)
    document = {
        "generated_by": "scripts/jekyll-parts",
        "jekyll": render.jekyll,
        "just_the_docs": render.commit,
        "nav": render_nav(fixture, theme, None),
        "pages": pages,
    }
    out = fixture / "jekyll-parts.json"
    out.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(out)


class _PartsReader(HTMLParser):
    """What one page's `<main>` and `<footer>` print, by the theme's own markup."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, list[str], str | None]] = []
        """Open elements: tag, classes, id (compressed HTML still closes each of these)."""
        self.h1 = 0
        self.toc_heading: dict[str, Any] | None = None
        self.toc: list[dict[str, Any]] | None = None
        self.toc_done = False
        self.texts: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("hr", "br", "img", "input", "meta", "link"):
            return
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        inside = [name for name, _, _ in self.stack]
        self.stack.append((tag, classes, attributes.get("id")))
        if "main" not in inside:
            return
        if tag == "h1":
            self.h1 += 1
        elif tag == "h2" and "text-delta" in classes and self.toc_heading is None:
            self.toc_heading = {"level": 2, "text": ""}
        elif tag == "ul" and self.toc_heading is not None and self.toc is None:
            self.toc = []
        elif tag == "a" and self.toc is not None and not self.toc_done and inside[-1] == "li":
            self.toc.append({"href": attributes.get("href"), "title": "", "rest": ""})

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            name, _, _ = self.stack.pop()
            if name == tag:
                break
        if tag == "ul" and self.toc is not None and "ul" not in [n for n, _, _ in self.stack[-3:]]:
            self.toc_done = True

    def handle_data(self, data: str) -> None:
        if not self.stack:
            return
        inside = [name for name, _, _ in self.stack]
        tag, classes, id_ = self.stack[-1]
        if tag == "h2" and self.toc_heading is not None and self.toc is None:
            self.toc_heading["text"] += data
        elif self.toc and not self.toc_done and tag == "a" and inside[-2] == "li":
            self.toc[-1]["title"] += data
        elif self.toc and not self.toc_done and tag == "li":
            self.toc[-1]["rest"] += data
        elif id_ == "back-to-top":
            self.texts["back_to_top"] = self.texts.get("back_to_top", "") + data
        elif "footer" in inside and "d-inline-block" in classes:
            self.texts["last_modified"] = self.texts.get("last_modified", "") + data
        elif "footer" in inside and tag == "p" and "text-small" in classes:
            self.texts["footer_p"] = self.texts.get("footer_p", "") + data

    def parts(self, urls: dict[str, str]) -> dict[str, Any]:
        footer = " ".join(self.texts.get("footer_p", "").split())
        toc = None
        if self.toc_heading is not None:
            toc = {
                "heading": " ".join(self.toc_heading["text"].split()),
                "level": self.toc_heading["level"],
                "entries": [
                    {
                        "title": " ".join(entry["title"].split()),
                        "page": urls[entry["href"]],
                        "summary": " ".join(entry["rest"].split()).removeprefix("- ") or None,
                    }
                    for entry in self.toc or []
                ],
            }
        return {
            "h1": self.h1,
            "toc": toc,
            "back_to_top": " ".join(self.texts.get("back_to_top", "").split()) or None,
            "footer_content": footer.split(" Page last modified")[0] or None,
            "last_modified": " ".join(self.texts.get("last_modified", "").split()) or None,
        }


if __name__ == "__main__":
    main()
