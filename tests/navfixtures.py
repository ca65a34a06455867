"""The navigation fixtures (tests/fixtures/navigation/*): page trees beside the nav that real
Jekyll 4.3.1 and Just the Docs rendered for them (written by scripts/jekyll-nav)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mkdocs_playbook.jekyll.frontmatter import parse_front_matter
from mkdocs_playbook.jekyll.navigation import ExternalLink, NavSource, NavSpec
from support import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "navigation"
_H1_RE = re.compile(r"^# (.+)$", re.MULTILINE)

Entry = dict[str, Any]
"""`{"title", "page"}` (with `"children"` when it has some) or `{"title", "url"}`."""


@dataclass(frozen=True)
class JekyllNav:
    tree: Path
    nav_sort: str | None
    nav: list[Entry]

    @property
    def id(self) -> str:
        return f"{self.tree.name}-{self.nav_sort or 'default'}"


def jekyll_navs() -> list[JekyllNav]:
    navs = []
    for path in sorted(FIXTURES.glob("*/jekyll-nav.*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        navs.append(JekyllNav(path.parent, document["nav_sort"], document["nav"]))
    return navs


def sources(tree: Path) -> list[NavSource]:
    """The tree's pages, titled as the plugin titles them (front matter, else the H1)."""
    pages = []
    for path in sorted((tree / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        front_matter = parse_front_matter(text)
        title = front_matter.data.get("title")
        label = str(title) if title is not None else _H1_RE.findall(text)[0]
        pages.append(NavSource(path.relative_to(tree / "docs").as_posix(), label, front_matter))
    return pages


def external_links(tree: Path) -> list[ExternalLink]:
    config = yaml.safe_load((tree / "_config.yml").read_text(encoding="utf-8")) or {}
    return [
        ExternalLink(link["title"], link["url"]) for link in config.get("nav_external_links", [])
    ]


def entries(spec: NavSpec, pages: set[str]) -> list[Entry]:
    """A nav spec as fixture entries: a section is its own page with children."""
    out: list[Entry] = []
    for item in spec:
        ((title, value),) = item.items()
        if isinstance(value, list):
            (own,) = value[0].values()
            out.append({"title": title, "page": own, "children": entries(value[1:], pages)})
        elif value in pages:
            out.append({"title": title, "page": value})
        else:
            out.append({"title": title, "url": value})
    return out


def titled(nav: list[Entry], labels: dict[str, str]) -> list[Entry]:
    """`nav` with Just the Docs' "∞" (a title repeating one above it) as the page's title."""
    out = []
    for entry in nav:
        entry = dict(entry)
        if entry["title"] == "∞":
            entry["title"] = labels[entry["page"]]
        if "children" in entry:
            entry["children"] = titled(entry["children"], labels)
        out.append(entry)
    return out


def material_shape(nav: list[Entry]) -> list[tuple[str, list[Any]]]:
    """What Material shows for `nav`: each entry with its children, a parent page being its
    section's own page (`navigation.indexes`, which the plugin turns on)."""
    return [(entry["title"], material_shape(entry.get("children", []))) for entry in nav]
