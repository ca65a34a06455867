"""Render a navigation fixture with real Jekyll and Just the Docs; write the nav it shows.

Usage: scripts/jekyll-nav FIXTURE_DIR JUST_THE_DOCS [--commit REV]

FIXTURE_DIR holds `docs/` (the pages) and `_config.yml` (the site's own settings, such as
`nav_external_links`). JUST_THE_DOCS is a clone of just-the-docs/just-the-docs (a bare one
works): its `_includes`, `_layouts`, `_sass` and `assets` at REV become the theme of a
throw-away site in a temporary folder, rendered by the `jekyll` on PATH (Debian's 4.3.1, with
ruby-jekyll-seo-tag and ruby-jekyll-include-cache) once per `nav_sort`. The main nav of the
rendered pages is written to FIXTURE_DIR/jekyll-nav.<nav_sort>.json as nested entries:
`{"title", "page"}` (the page's path under docs/), `"children"` when it has some, and
`{"title", "url"}` for external links. Nothing here runs at test time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from mkdocs_playbook.jekyll.frontmatter import parse_front_matter
from mkdocs_playbook.jekyll.urls import page_url

THEME_PARTS = ("_includes", "_layouts", "_sass", "assets")
NAV_SORTS = {"case_sensitive": None, "case_insensitive": "case_insensitive"}
"""Fixture name → the `nav_sort` written to `_config.yml` (None: the key is left out)."""


@dataclass(frozen=True)
class Render:
    """What the command line names: the fixture, the theme's parts at the commit, the Jekyll."""

    fixture: Path
    theme: bytes
    """A tar of the theme's `THEME_PARTS` at `commit`."""
    commit: str
    jekyll: str
    """The version of the `jekyll` on PATH."""


def render_arguments(description: str) -> Render:
    """FIXTURE_DIR JUST_THE_DOCS [--commit REV], read from the command line."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("fixture", type=Path)
    parser.add_argument("just_the_docs", type=Path)
    parser.add_argument("--commit", default="HEAD")
    args = parser.parse_args()
    git_dir = _git_dir(args.just_the_docs.resolve())
    commit = _git(git_dir, "rev-parse", f"{args.commit}^{{commit}}").strip()
    theme = _git_bytes(git_dir, "archive", "--format=tar", commit, *THEME_PARTS)
    jekyll = subprocess.run(
        ["jekyll", "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[-1]
    return Render(args.fixture.resolve(), theme, commit, jekyll)


def main() -> None:
    render = render_arguments(__doc__.splitlines()[0])
    fixture, theme, commit, jekyll = render.fixture, render.theme, render.commit, render.jekyll
    for name, nav_sort in NAV_SORTS.items():
        nav = render_nav(fixture, theme, nav_sort)
        document = {
            "generated_by": "scripts/jekyll-nav",
            "jekyll": jekyll,
            "just_the_docs": commit,
            "nav_sort": nav_sort,
            "nav": nav,
        }
        out = fixture / f"jekyll-nav.{name}.json"
        out.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(out)


def _git_dir(path: Path) -> Path:
    return path / ".git" if (path / ".git").exists() else path


def _git(git_dir: Path, *args: str) -> str:
    return _git_bytes(git_dir, *args).decode("utf-8")


def _git_bytes(git_dir: Path, *args: str) -> bytes:
    command = ["git", f"--git-dir={git_dir}", *args]
    return subprocess.run(command, capture_output=True, check=True).stdout


def render_nav(fixture: Path, theme: bytes, nav_sort: str | None) -> list[dict[str, Any]]:
    """The main nav Jekyll renders for the fixture's pages under `nav_sort`."""
    with tempfile.TemporaryDirectory(prefix="jekyll-nav-") as temp:
        site = Path(temp) / "site"
        jekyll_build(fixture, theme, nav_sort, site)
        urls = _page_urls(fixture / "docs")
        # include_cached renders the nav once for every page; any page shows all of it.
        html = (site / "index.html").read_text(encoding="utf-8")
    reader = _NavReader()
    reader.feed(html)
    return [_entry(item, urls) for item in reader.root]


def jekyll_build(fixture: Path, theme: bytes, nav_sort: str | None, site: Path) -> None:
    """Build the fixture's pages with the theme (a tar of its parts) into `site`."""
    config = yaml.safe_load((fixture / "_config.yml").read_text(encoding="utf-8")) or {}
    # The theme's, and those the fixture lists (GitHub Pages' jekyll-default-layout).
    plugins = ["jekyll-seo-tag", "jekyll-include-cache", *config.get("plugins", [])]
    config["plugins"] = plugins
    if "jekyll-default-layout" not in plugins:
        # Every page gets the theme's layout, which holds the nav; the pages need not say so.
        config["defaults"] = [{"scope": {"path": ""}, "values": {"layout": "default"}}]
    config.pop("nav_sort", None)
    # Default URLs (a/b.md → /a/b.html, or a page's own permalink), so each nav link maps
    # back to its page's file.
    config.pop("permalink", None)
    if nav_sort is not None:
        config["nav_sort"] = nav_sort
    with tempfile.TemporaryDirectory(prefix="jekyll-source-") as temp:
        source = Path(temp) / "source"
        source.mkdir()
        subprocess.run(["tar", "-x", "-C", str(source)], input=theme, check=True)
        # The site's files over the theme's: its `_layouts/home.html` wins, as in Jekyll.
        shutil.copytree(fixture / "docs", source, dirs_exist_ok=True)
        (source / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        subprocess.run(
            ["jekyll", "build", "--quiet", "--source", str(source), "--destination", str(site)],
            check=True,
        )


def written_file(site: Path, url: str) -> Path:
    """The file Jekyll wrote in `site` for a page's `url`."""
    if url == "/":
        return site / "index.html"
    return site / (url.strip("/") + ("/index.html" if url.endswith("/") else ""))


def _page_urls(docs: Path) -> dict[str, str]:
    """Jekyll's URL of every page: its front matter `permalink`, else a/b.md → /a/b.html
    and a/index.md → /a/."""
    urls = {}
    for path in sorted(docs.rglob("*.md")):
        uri = path.relative_to(docs).as_posix()
        permalink = parse_front_matter(path.read_text(encoding="utf-8")).data.get("permalink")
        urls[page_url(uri, permalink)] = uri
    return urls


def _entry(item: dict[str, Any], urls: dict[str, str]) -> dict[str, Any]:
    href, title = item["href"], " ".join(item["text"].split())
    if "external" in item["classes"]:
        return {"title": title, "url": href}
    entry: dict[str, Any] = {"title": title, "page": urls[href]}
    if item["children"]:
        entry["children"] = [_entry(child, urls) for child in item["children"]]
    return entry


class _NavReader(HTMLParser):
    """The item tree of Just the Docs' `<nav id="site-nav">`: each item's link and children.

    Items are placed by their `<ul>`s, not by `</li>`, which compressed HTML leaves out.
    """

    def __init__(self) -> None:
        super().__init__()
        self.root: list[dict[str, Any]] = []
        self.in_nav = False
        self.lists: list[tuple[list[dict[str, Any]], list[dict[str, Any]]]] = []
        """Open <ul>s, innermost last: where their items go, and their items so far."""
        self.link: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if not self.in_nav:
            self.in_nav = tag == "nav" and attributes.get("id") == "site-nav"
            return
        if tag == "ul":
            outer = self.lists[-1][1] if self.lists else []
            self.lists.append((outer[-1]["children"] if outer else self.root, []))
        elif tag == "li" and self.lists:
            item = {"classes": (attributes.get("class") or "").split(), "children": []}
            target, items = self.lists[-1]
            target.append(item)
            items.append(item)
        elif tag == "a" and self.lists and "nav-list-link" in (attributes.get("class") or ""):
            self.link = self.lists[-1][1][-1]
            self.link.update(href=attributes.get("href"), text="")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self.in_nav = False
        elif tag == "ul" and self.in_nav and self.lists:
            self.lists.pop()
        elif tag == "a":
            self.link = None

    def handle_data(self, data: str) -> None:
        if self.link is not None:
            self.link["text"] += data


if __name__ == "__main__":
    main()
