"""Helpers shared by every tier: the repository, and real `mkdocs build` runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from localserver import serve

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Build:
    """The outcome of one real `mkdocs build` (or `properdocs build`)."""

    returncode: int
    output: str
    site_dir: Path

    def html(self, path: str) -> str:
        return (self.site_dir / path).read_text(encoding="utf-8")


def run_build(project: Path, *, strict: bool = True, tool: str = "mkdocs") -> Build:
    """Build `project` into `project/site` with the real command line tool."""
    site_dir = project / "site"
    command = [sys.executable, "-m", tool, "build", "-f", "mkdocs.yml", "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    # Material prints a notice that contains the word WARNING unless this is set.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    return Build(result.returncode, result.stdout + result.stderr, site_dir)


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
