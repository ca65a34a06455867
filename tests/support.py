"""Helpers shared by every tier: the repository, and real `mkdocs build` runs."""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import warm_python

from localserver import serve

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A port nothing listens on now, on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Build:
    """The outcome of one real `mkdocs build` (or `properdocs build`)."""

    returncode: int
    output: str
    site_dir: Path

    def html(self, path: str) -> str:
        return (self.site_dir / path).read_text(encoding="utf-8")


def site_copy(project: Path) -> Path:
    """This repository's site (mkdocs.yml, docs, overrides) copied into `project`."""
    for name in ("mkdocs.yml", "docs", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    return project


def run_build(
    project: Path,
    *,
    strict: bool = True,
    tool: str = "mkdocs",
    config: str = "mkdocs.yml",
    site_dir: Path | None = None,
    fresh: bool = False,
) -> Build:
    """Build `project` into `project/site` (or `site_dir`) with the real command line tool,
    run from `project` with the configuration file `config`, in a process of its own: forked
    from a Python that has imported MkDocs already (warm_python.py), or, with `fresh`, a new
    interpreter, whose processor time the caller's children's time counts."""
    site_dir = site_dir or project / "site"
    arguments = [tool, "build", "-f", config, "--site-dir", str(site_dir)]
    if strict:
        arguments.append("--strict")
    result = run_module(project, *arguments, fresh=fresh)
    return Build(result.returncode, result.stdout + result.stderr, site_dir)


def made_once(
    factory: pytest.TempPathFactory, name: str, make: Callable[[Path], dict[str, Any]]
) -> dict[str, Any]:
    """What `make(folder)` returns (JSON), made once for the whole run into a new folder.

    Under pytest-xdist the first worker to ask makes it, in the run's own temporary folder
    that every worker shares, while the others wait on a lock and then read what it returned:
    a site built or a clone set up once, not once per worker. What is made there is read,
    never changed, by the tests.
    """
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return make(factory.mktemp(name))
    # Each worker's base folder is the run's folder/<worker>: its parent is the run's alone.
    shared = factory.getbasetemp().parent
    record = shared / f"{name}.json"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if record.exists():
            return dict(json.loads(record.read_text(encoding="utf-8")))
        # A fresh folder each time: a worker that failed half-way leaves its own behind.
        made = make(Path(tempfile.mkdtemp(prefix=f"{name}-", dir=shared)))
        record.write_text(json.dumps(made), encoding="utf-8")
        return made


def run_build_with_url_style(
    fixture: Path, project: Path, directory_urls: bool, *ignored: str
) -> Build:
    """Copy the project `fixture` (less the `ignored` file patterns) to `project` and build it
    with `use_directory_urls` set as asked."""
    shutil.copytree(fixture, project, ignore=shutil.ignore_patterns(*ignored))
    config = project / "mkdocs.yml"
    setting = f"use_directory_urls: {str(directory_urls).lower()}\n"
    config.write_text(config.read_text(encoding="utf-8") + setting, encoding="utf-8")
    return run_build(project)


def run_pages_build(root: Path, pages: dict[str, str], directory_urls: bool) -> Build:
    """`make_project(root, pages)` built with `use_directory_urls` set as asked."""
    setting = f"use_directory_urls: {str(directory_urls).lower()}\n"
    return run_build(make_project(root, pages, setting))


def run_module(cwd: Path, *arguments: str, fresh: bool = False) -> subprocess.CompletedProcess[str]:
    """`python -m <arguments>` with this interpreter, in `cwd`, as a user types it there: in a
    process forked from a Python that has imported MkDocs already (warm_python.py), or, with
    `fresh`, a new interpreter, whose processor time the caller's children's time counts."""
    # Material prints a notice that contains the word WARNING unless this is set.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if not fresh and arguments[0] in warm_python.FOR_MODULES:
        return warm_python.run_module(cwd, env, *arguments, timeout=300)
    return subprocess.run(
        [sys.executable, "-m", *arguments],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _zensical(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`zensical build` (or our CLI, with `prepare ...`) in `project`."""
    command = (
        [sys.executable, "-m", "mkdocs_playbook", *arguments]
        if arguments[0] == "prepare"
        else [str(Path(sys.executable).with_name("zensical")), *arguments]
    )
    return subprocess.run(
        command, cwd=project, capture_output=True, text=True, timeout=600, check=False
    )


def build_with_zensical(project: Path) -> Build:
    """prepare, zensical build, prepare --check: as `./scripts/build --zensical` does."""
    steps = [
        ("prepare",),
        ("build", "--clean", "-f", "mkdocs.zensical.yml"),
        ("prepare", "--check"),
    ]
    output = ""
    for step in steps:
        result = _zensical(project, *step)
        output += result.stdout + result.stderr
        if result.returncode != 0:
            return Build(result.returncode, output, project / "site")
    return Build(0, output, project / "site")


def make_project(
    root: Path, pages: dict[str, str], config: str = "", plugin_options: str = ""
) -> Path:
    """A minimal Material project under `root` with `pages` written into `docs/`.

    `plugin_options` are YAML lines indented by 6 spaces, under `- playbook:`.
    """
    (root / "mkdocs.yml").write_text(
        "site_name: Fixture\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - playbook:\n" + (plugin_options or "      {}\n") + config,
        encoding="utf-8",
    )
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def nav_labels(html: str) -> list[str]:
    """The labels of Material's primary navigation, in order (its nested navs included)."""
    start = html.index('class="md-nav md-nav--primary"')
    nav = html[start : html.index('class="md-sidebar md-sidebar--secondary"', start)]
    return [
        re.sub(r"\s+", " ", label).strip()
        for label in re.findall(r'<span class="md-ellipsis">(.*?)</span>', nav, re.DOTALL)
    ]


@dataclass
class NavItem:
    """One item of Material's primary navigation: its label and the items nested in it."""

    label: str = ""
    children: list[NavItem] = field(default_factory=list)
    href: str | None = None
    """Where its own link leads, as written; None for a section label that is no link."""

    def shape(self) -> tuple[str, list[object]]:
        return (self.label, [child.shape() for child in self.children])


def nav_tree(html: str) -> list[tuple[str, list[object]]]:
    """Material's primary navigation as nested (label, children), without the page's own
    table of contents."""
    return [item.shape() for item in nav_items(html)]


def nav_items(html: str) -> list[NavItem]:
    """Material's primary navigation as nested items, each with its own link."""
    reader = _NavTreeReader()
    reader.feed(html)
    return reader.root


class _NavTreeReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.root: list[NavItem] = []
        self.items: list[NavItem] = []  # open items, innermost last
        self.navs: list[str] = []  # open <nav> classes, while inside the primary one
        self.label: NavItem | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "nav" and (self.navs or "md-nav--primary" in classes):
            self.navs.append(" ".join(classes))
        if not self.navs or any("md-nav--secondary" in nav for nav in self.navs):
            return
        if tag == "li" and "md-nav__item" in classes:
            item = NavItem()
            (self.items[-1].children if self.items else self.root).append(item)
            self.items.append(item)
        elif tag == "span" and "md-ellipsis" in classes and self.items and not self.items[-1].label:
            self.label = self.items[-1]
        elif tag == "a" and "md-nav__link" in classes and self.items and not self.items[-1].href:
            self.items[-1].href = dict(attrs).get("href")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.navs:
            self.navs.pop()
        elif tag == "li" and self.items and not any("md-nav--secondary" in n for n in self.navs):
            self.items.pop()
        elif tag == "span" and self.label is not None:
            self.label.label = " ".join(self.label.label.split())
            self.label = None

    def handle_data(self, data: str) -> None:
        if self.label is not None:
            self.label.label += data


@contextmanager
def instant_site(root: Path, pages: dict[str, str], config: str) -> Iterator[str]:
    """`pages` built under `root` with `config` (mkdocs.yml but its site_url), served on
    127.0.0.1 for the block; yields the base URL.

    Material's instant navigation swaps only pages of its sitemap, matched by host and port, so
    the server starts before the build and its URL is the site_url. It runs over http only.
    """
    with serve(root / "site") as site_url:
        make_project(root, pages)
        (root / "mkdocs.yml").write_text(f"site_url: {site_url}\n" + config, encoding="utf-8")
        build = run_build(root)
        assert build.returncode == 0, build.output
        yield site_url


@dataclass(frozen=True)
class Clone:
    """A copy of this repository's working tree, as a git repository of its own."""

    path: Path
    url: str
    """Its `file://` URL, for `git+` requirements."""


GIT_COMMIT = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "t"]
"""Commits every change to tracked files."""


def commit(path: Path) -> None:
    """Makes `path` a git repository holding its files in one commit."""
    for command in (
        ["git", "init", "--quiet", "--initial-branch=main"],
        ["git", "add", "--all"],
        GIT_COMMIT,
    ):
        subprocess.run(command, cwd=path, check=True, capture_output=True)


def pins(requirements: Path) -> dict[str, str]:
    """`name==version` lines of a requirements file."""
    lines = requirements.read_text(encoding="utf-8").splitlines()
    return dict(line.split("==") for line in lines if "==" in line and not line.startswith("#"))


_SPOT = re.compile(r'<span data-playbook-spot="[^"]*" data-playbook-kind="[^"]*">([^<]*)</span>')


def without_spots(html: str) -> str:
    """A built page as written: placeholders in code are wrapped for the run's values to fill
    (widgets/code_placeholders.py), which is neither the page's text nor its controls."""
    return _SPOT.sub(r"\1", html)


_H1_MD_RE = re.compile(r"^# (.+)$", re.MULTILINE)
_H1_RE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)


def built_pages(site: Path, docs: Path) -> dict[str, Path]:
    """Each built page of `site` by the docs path of its source in `docs`, found by its title
    (the level-1 heading every page of a Jekyll facts fixture starts with)."""
    sources = {
        _H1_MD_RE.findall(path.read_text(encoding="utf-8"))[0]: path.relative_to(docs).as_posix()
        for path in docs.rglob("*.md")
    }
    pages: dict[str, Path] = {}
    for path in site.rglob("*.html"):
        title = built_title(path)
        if title in sources and path.name != "404.html":
            pages[sources[title]] = path
    return pages


def built_title(page: Path) -> str:
    """The text of a built page's first level-1 heading; "" without one."""
    match = _H1_RE.search(page.read_text(encoding="utf-8"))
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else ""


def build_jekyll_fixture(fixture: Path, project: Path, directory_urls: bool) -> Build:
    """A site fixture as scripts/jekyll-main renders it (its `docs/`, with `_config.yml` beside
    them) built with Material in `project`: `docs/` is the Jekyll source, as GitHub Pages
    publishes it."""
    shutil.copytree(fixture / "docs", project / "docs")
    shutil.copy(fixture / "_config.yml", project / "docs" / "_config.yml")
    make_project(project, {}, f"use_directory_urls: {str(directory_urls).lower()}\n")
    return run_build(project)


def built_jekyll_fixture(fixture: Path) -> Any:
    """A test module's `built` fixture: `fixture` built once per URL style
    (`build_jekyll_fixture`)."""

    @pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
    def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
        project = tmp_path_factory.mktemp(fixture.name) / "project"
        return build_jekyll_fixture(fixture, project, request.param)

    return built


def main_texts(site: Path, uri: str, jekyll_html: str) -> tuple[list[str], list[str]]:
    """The main text of our built page at docs path `uri` and of Jekyll's (`jekyll_main`), as
    `compare` reads them."""
    from mkdocs_playbook.migration.pages import read_page

    ours = built_page(site, uri).read_text(encoding="utf-8")
    return read_page(ours, "material").lines, read_page(jekyll_html, "jekyll").lines


def jekyll_main(fixture: Path) -> dict[str, str]:
    """Each page's `<main>` as Jekyll wrote it (scripts/jekyll-main), by its docs path."""
    folder = fixture / "jekyll-main"
    return {
        path.relative_to(folder).as_posix().removesuffix(".html") + ".md": path.read_text("utf-8")
        for path in sorted(folder.rglob("*.html"))
    }


def built_page(site: Path, uri: str) -> Path:
    """The built file of the page at docs path `uri`, under either URL style."""
    stem = uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / f"{stem}.html"
    folder = site / stem / "index.html"
    return folder if folder.is_file() else site / f"{stem}.html"


def link_targets(page: Path, hrefs: list[str]) -> list[Path]:
    """The file each relative link of the built `page` leads to (a folder's `index.html`)."""
    targets = [(page.parent / href).resolve() for href in hrefs]
    return [target / "index.html" if target.is_dir() else target for target in targets]
