"""`python -m mkdocs_playbook prepare [-f mkdocs.yml] [--check] [--force]`: builds without
MkDocs plugins.

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

from . import __version__
from .zensical import PrepareError, check, prepare


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
    arguments = parser.parse_args(argv)
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


if __name__ == "__main__":
    sys.exit(main())
