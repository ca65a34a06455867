"""`python -m mkdocs_playbook`: set up, compare and prepare a site.

`init [PATH]` writes the MkDocs configuration of a Just the Docs repository and builds it once
(`migration.init`). `compare JEKYLL_SITE_DIR` reports how our built site differs from
Jekyll's (`migration.compare`) and exits 1 when a page is under `--min-similarity` or the
navigation differs.

`prepare` writes what Zensical needs to build the site completely (see `zensical`); then
`zensical build -f mkdocs.zensical.yml`. It writes only into `.playbook/`, a folder of the
project's own (never through a link), and replaces a `mkdocs.zensical.yml` only if it wrote
it (its first line says so) or with `--force`; otherwise it exits with status 2.
`prepare --check`, after that build, reports every finding of the pages and the built site
at file:line:col, and exits non-zero on any that fails a strict build.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from . import __version__
from .migration.compare import compare_sites
from .migration.init import InitError, initialise
from .zensical import PrepareError, check, prepare

_DEFAULT_REPORT = Path("migration-report.md")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mkdocs_playbook", description=__doc__)
    parser.add_argument("--version", action="version", version=f"mkdocs-playbook {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("prepare", help="write a Zensical build configuration")
    command.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    command.add_argument(
        "--check", action="store_true", help="check the pages and the built site instead"
    )
    command.add_argument(
        "--force",
        action="store_true",
        help="overwrite a build configuration that prepare did not write",
    )
    _add_migration_commands(commands)
    arguments = parser.parse_args(argv)
    if arguments.command == "compare":
        return _compare(parser, arguments)
    if arguments.command == "init":
        try:
            return initialise(arguments.path, force=arguments.force, dry_run=arguments.dry_run)
        except InitError as error:
            print(f"mkdocs-playbook init: {error}", file=sys.stderr)
            return 2
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    # The plugin's findings, worded as in a MkDocs build: `playbook: docs/x.md:12: ...`.
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    logging.getLogger("mkdocs.plugins.playbook").setLevel(logging.INFO)
    config_file = arguments.config_file.resolve()
    if arguments.check:
        failing = check(config_file)
        print(f"mkdocs-playbook: {failing} finding(s) that fail a strict build", file=sys.stderr)
        return 1 if failing else 0
    try:
        prepared = prepare(config_file, force=arguments.force)
    except PrepareError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return 2  # argparse's status for a refused command line
    shown = prepared.config_file
    if shown.is_relative_to(Path.cwd()):
        shown = shown.relative_to(Path.cwd())
    print(
        f"Prepared {prepared.pages} pages in {prepared.docs_dir.parent.name}/; build with: "
        f"zensical build -f {shown}",
        file=sys.stderr,
    )
    return 0


def _add_migration_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = commands.add_parser("init", help="write mkdocs.yml for a Just the Docs repository")
    init.add_argument("path", nargs="?", default=Path("."), type=Path, metavar="PATH")
    init.add_argument("--force", action="store_true", help="overwrite an existing config")
    init.add_argument("--dry-run", action="store_true", help="show it, write nothing")
    compare = commands.add_parser("compare", help="compare Jekyll's built site with ours")
    compare.add_argument("jekyll_site", type=Path, metavar="JEKYLL_SITE_DIR")
    compare.add_argument(
        "--site", type=Path, help="our built site (default: mkdocs.yml's site_dir, or site/)"
    )
    compare.add_argument("--report", type=Path, default=_DEFAULT_REPORT, metavar="FILE")
    compare.add_argument(
        "--jekyll-config",
        type=Path,
        metavar="FILE",
        help="the site's _config.yml (default: the one beside JEKYLL_SITE_DIR)",
    )
    compare.add_argument("--min-similarity", type=float, default=0.95, metavar="X")


def _compare(parser: argparse.ArgumentParser, arguments: argparse.Namespace) -> int:
    try:
        site: Path = arguments.site or _configured_site_dir(Path("mkdocs.yml"))
    except ConfigurationError as error:
        parser.error(f"mkdocs.yml: {error}")
    for folder in (arguments.jekyll_site, site):
        if not (folder / "index.html").is_file():
            parser.error(f"{folder}: no built site here (no index.html)")
    if not 0 <= arguments.min_similarity <= 1:
        parser.error("--min-similarity is a figure from 0 to 1")
    if arguments.jekyll_config is not None and not arguments.jekyll_config.is_file():
        parser.error(f"{arguments.jekyll_config}: no such file")
    report = compare_sites(arguments.jekyll_site, site, arguments.jekyll_config)
    try:
        arguments.report.write_text(report.markdown(), encoding="utf-8")
    except OSError as error:
        parser.error(f"cannot write {arguments.report}: {error.strerror}")
    print(report.summary())
    failures = report.failures(arguments.min_similarity)
    for failure in failures:
        print(f"  {failure}")
    print(f"Report written to {arguments.report}")
    return 1 if failures else 0


def _configured_site_dir(config_file: Path) -> Path:
    """`site_dir` of `config_file` as MkDocs resolves it, or `site/` without one."""
    if not config_file.is_file():
        return Path("site")
    site_dir = Path(load_config(str(config_file)).site_dir)
    return site_dir.relative_to(Path.cwd()) if site_dir.is_relative_to(Path.cwd()) else site_dir


if __name__ == "__main__":
    sys.exit(main())
