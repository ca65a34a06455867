"""`init`: the MkDocs configuration of a Just the Docs repository, written from its `_config.yml`.

Two layouts, as GitHub Pages publishes them: the pages in `docs/` (with its own `_config.yml`;
`mkdocs.yml` goes beside `docs/`), or at the repository's top (`_config.yml` there;
`_mkdocs/mkdocs.yml`, which Jekyll and the plugin do not publish, with `docs_dir: ..`). MkDocs
refuses a `site_dir` inside `docs_dir` and reads it relative to the configuration's folder, so
a top-level layout's site goes beside the repository (`../../<repository>-site`).

After writing, `init` builds once with the current interpreter's MkDocs, prints the build's
findings and, when Jekyll's `_site/` is in the source folder, the migration report's summary.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..jekyll.site_config import SiteConfig, load_site_config
from .compare import compare_sites
from .site_age import stale_note

_CALLOUTS_EXAMPLE = """\
callouts:
  important:
    title: Important
    color: blue
  note:
    title: Note
    color: purple
  warning:
    title: Warning
    color: red"""
"""Callouts as Just the Docs documents them, for a site that uses callouts it never defined."""
_UNDEFINED_CALLOUT = re.compile(r"callout `[^`]+` is not defined under `callouts:`")


class InitError(Exception):
    """Why `init` wrote nothing: no Jekyll site, an unreadable `_config.yml`, a file in the way."""


@dataclass(frozen=True)
class Layout:
    """Where a repository's Jekyll source is, and where its MkDocs configuration goes."""

    root: Path
    """The repository (what `init` was given)."""
    source: Path
    """The Jekyll source folder: `docs/`, or the repository itself."""
    config_file: Path

    @property
    def at_top(self) -> bool:
        return self.source == self.root

    @property
    def site_dir(self) -> Path:
        """Where the configuration written builds the site to."""
        if self.at_top:
            return self.root.parent / f"{self.root.name}-site"
        return self.root / "site"

    def shown(self, path: Path) -> str:
        """`path` as written from the repository's top."""
        return os.path.relpath(path, self.root).replace(os.sep, "/")


def find_layout(root: Path) -> Layout:
    """The layout of the repository at `root`; `InitError` when it holds no Jekyll site."""
    if (root / "docs" / "_config.yml").is_file():
        return Layout(root, root / "docs", root / "mkdocs.yml")
    if (root / "_config.yml").is_file():
        return Layout(root, root, root / "_mkdocs" / "mkdocs.yml")
    raise InitError(f"{root}: no Jekyll site here (no docs/_config.yml, no _config.yml)")


def render_config(site: SiteConfig, layout: Layout) -> str:
    """The text of `mkdocs.yml` for the site `site` describes, in `layout`."""
    source = layout.shown(layout.source / "_config.yml")
    lines = [f"# Written by `python -m mkdocs_playbook init` from {source}."]
    lines.append(f"site_name: {_scalar(site.title or layout.root.name)}")
    if site.description:
        lines.append(f"site_description: {_scalar(site.description)}")
    if site.url:
        base = (site.baseurl or "").strip("/")
        lines.append(
            f"site_url: {_scalar(site.url.rstrip('/') + '/' + base + ('/' if base else ''))}"
        )
    repository = site.data.get("gh_edit_repository")
    if isinstance(repository, str) and repository:
        lines.append(f"repo_url: {_scalar(repository)}")
        # Just the Docs shows the edit link only when every gh_edit_* key is set.
        edit_uri = site.edit_link.edit_uri if site.edit_link else ""
        lines.append(f"edit_uri: {_scalar(edit_uri)}")
    if layout.at_top:
        site_dir = os.path.relpath(layout.site_dir, layout.config_file.parent)
        lines += [
            "# The pages are at the repository's top; MkDocs wants the site outside them.",
            "docs_dir: ..",
            f"site_dir: {_scalar(site_dir.replace(os.sep, '/'))}",
        ]
    lines += [
        "theme:",
        "  name: material",
        "  # The system fonts, not Google's: the site makes no third-party requests.",
        "  font: false",
    ]
    if site.data.get("color_scheme") == "dark":
        lines += ["  palette:", "    scheme: slate"]
    lines += [
        "  features:",
        "    - navigation.indexes  # a parent page leads its children, as in Just the Docs",
        "    - toc.follow",
        "    - search.highlight",
        "    - content.code.copy",
    ]
    if site.edit_link is not None:
        lines.append("    - content.action.edit")
    lines += ["plugins:", "  - search", "  - playbook", ""]
    return "\n".join(lines)


def initialise(path: Path, *, force: bool = False, dry_run: bool = False) -> int:
    """Write the configuration of the repository at `path`, build it once and say what was
    found; the exit status (0, or 1 when the build failed). `InitError` when nothing could
    be written."""
    layout = find_layout(path.resolve())
    config_yml = layout.source / "_config.yml"
    try:
        site = load_site_config(config_yml)
    except OSError as error:
        raise InitError(f"cannot read {config_yml}: {error}") from error
    if site.problem is not None:
        raise InitError(str(site.problem))
    text = render_config(site, layout)
    target = layout.config_file
    shown = layout.shown(target)
    if dry_run:
        print(f"Would write {shown}:\n\n{text}")
        _print_commands(layout)
        return 0
    if target.exists() and not force:
        raise InitError(f"{shown} exists already; run with --force to overwrite it")
    jekyll_site = layout.source / "_site"
    # Before anything is written: `init`'s own files are not the pages'.
    stale = stale_note(layout.source, jekyll_site, layout.shown)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Wrote {shown} from {layout.shown(config_yml)}.")
    status = _build(layout, site)
    if status == 0 and (jekyll_site / "index.html").is_file():
        print(f"\nCompared with Jekyll's {layout.shown(jekyll_site)}:")
        print(compare_sites(jekyll_site, layout.site_dir).summary())
        if stale is not None:
            print(stale)
        print(
            "Full report: python -m mkdocs_playbook compare "
            f"{layout.shown(jekyll_site)} --site {layout.shown(layout.site_dir)}"
        )
    _print_commands(layout)
    return status


def _build(layout: Layout, site: SiteConfig) -> int:
    """Build once (not strict: every finding is shown); print the findings."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(layout.config_file)]
    # Material prints a notice worded as a warning unless this is set.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        command, cwd=layout.root, env=env, capture_output=True, text=True, check=False
    )
    output = (result.stdout + result.stderr).splitlines()
    findings = [line for line in output if line.startswith("WARNING")]
    print(f"\nBuilt into {layout.shown(layout.site_dir)}: {len(findings)} finding(s).")
    for line in findings:
        print(f"  {line}")
    if not site.callouts and any(_UNDEFINED_CALLOUT.search(line) for line in findings):
        print(
            "\nThe pages use callouts that _config.yml does not define (Just the Docs shows "
            "them as plain text). To show them as callouts, add to "
            f"{layout.shown(layout.source / '_config.yml')}, for example:\n\n{_CALLOUTS_EXAMPLE}"
        )
    if result.returncode != 0:
        print("\nThe build failed:")
        for line in output[-20:]:
            print(f"  {line}")
    return 0 if result.returncode == 0 else 1


def _print_commands(layout: Layout) -> None:
    config = layout.shown(layout.config_file)
    print(
        f"\nFrom {layout.root}:\n"
        f"  serve: mkdocs serve -f {config}\n"
        f"  build: mkdocs build --strict -f {config}"
    )


def _scalar(value: str) -> str:
    """`value` as a YAML scalar: JSON's double-quoted string is one."""
    return json.dumps(value, ensure_ascii=False)
