"""Page weight: what the plugin's assets cost a reader, against Material's own assets."""

from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from mkdocs_playbook import extension

ASSETS_URI = "assets/playbook/"
# Level 6: what common web servers use for on-the-fly compression.
GZIP_LEVEL = 6


class _Resources(HTMLParser):
    """The URLs a page makes the browser fetch: scripts, stylesheets, images, frames..."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.stylesheets: list[str] = []
        self.other: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script" and values.get("src"):
            self.scripts.append(values["src"])
        elif tag == "link" and values.get("href"):
            rel = values.get("rel", "").split()
            if "stylesheet" in rel:
                self.stylesheets.append(values["href"])
            elif {"preload", "prefetch", "preconnect", "icon", "manifest"} & set(rel):
                self.other.append(values["href"])
        elif tag in ("img", "iframe", "audio", "video", "source", "embed") and values.get("src"):
            self.other.append(values["src"])


def _sizes(path: Path) -> dict[str, int]:
    data = path.read_bytes()
    return {"raw": len(data), "gzip": len(gzip.compress(data, GZIP_LEVEL, mtime=0))}


def page_weight(site: Path, page: str) -> dict[str, Any]:
    """Bytes and requests the plugin adds to `page` of the built `site`, and Material's own."""
    parser = _Resources()
    parser.feed((site / page).read_text(encoding="utf-8"))
    base = f"http://127.0.0.1/{page}"
    fetched = [*parser.scripts, *parser.stylesheets, *parser.other]
    third_party = [
        url for url in fetched if urlsplit(urljoin(base, url)).hostname not in ("127.0.0.1", None)
    ]
    ours_in_page = [u for u in parser.stylesheets + parser.scripts if ASSETS_URI in u]
    ours: list[dict[str, Any]] = []
    # What the page loads (a site with runs loads playbook-runs.js instead of playbook.js), as
    # served: the built site holds them minified.
    for url in ours_in_page:
        name = urlsplit(url).path.rsplit("/", 1)[-1]
        ours.append({"name": name, **_sizes(site / ASSETS_URI / name)})
    material: list[dict[str, Any]] = []
    for url in parser.scripts + parser.stylesheets:
        path = urlsplit(urljoin(base, url)).path.lstrip("/")
        if ASSETS_URI in url or not re.match(r"assets/(javascripts|stylesheets)/", path):
            continue
        material.append({"name": path, **_sizes(site / path)})
    return {
        "page": page,
        "assets": ours,
        "raw": sum(a["raw"] for a in ours),
        "gzip": sum(a["gzip"] for a in ours),
        "requests_added": len(ours_in_page),
        "requests_expected": len(extension.STYLESHEETS) + len(extension.SCRIPTS),
        "material_assets": material,
        "material_raw": sum(a["raw"] for a in material),
        "material_gzip": sum(a["gzip"] for a in material),
        "third_party_requests": third_party,
    }
