"""Whether Jekyll's `_site/` is older than the pages it was built from.

`init` compares our build with the `_site/` it finds, and a repository may keep one that no
longer matches its pages: committed once and never rebuilt, or built before the last edits.
The report's figures then measure the difference between two versions of the pages, not
between Jekyll and us, so `init` says so. Where git tracks `_site/`, the files changed in later
commits are what it was not built from (checkouts give every file the same time); otherwise
the files written after `_site/index.html`, by more than `SLACK` seconds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

SHOWN = 3
"""Changed files named in the note; the rest are counted."""

_NOT_PAGES = frozenset({"_site", "_mkdocs", "node_modules", "vendor"})
"""Folders of a Jekyll source that are not its pages: the built site, `init`'s own folder,
installed packages (hidden folders are skipped too: `.git`, `.jekyll-cache`)."""

SLACK = 2.0
"""Seconds by which a file must be newer than the built site to count: a copy or a checkout
writes files one after another, `_site/` among them, milliseconds apart."""

_GIT_SECONDS = 30


def stale_note(source: Path, jekyll_site: Path, shown: Callable[[Path], str]) -> str | None:
    """A note when `jekyll_site` (inside `source`) is older than files of `source`, each path
    written as `shown` writes it; None when there is no built site, when nothing changed
    after it, or when that cannot be told."""
    if not (jekyll_site / "index.html").is_file():
        return None
    changed = _changed_since_commit(source, jekyll_site)
    how = "committed"
    if changed is None:
        changed = _written_after(source, jekyll_site / "index.html")
        how = "built"
    if not changed:
        return None
    names = [shown(source / name) for name in changed]
    named = ", ".join(names[:SHOWN]) + (
        f" and {len(changed) - SHOWN} more" if len(changed) > SHOWN else ""
    )
    return (
        f"Note: {len(changed)} file(s) changed after Jekyll's {shown(jekyll_site)} was {how} "
        f"({named}); "
        "the comparison above is with an older version of the pages. Build it again "
        "(`bundle exec jekyll build`) for figures that measure the migration alone."
    )


def _changed_since_commit(source: Path, jekyll_site: Path) -> list[str] | None:
    """Files of `source` changed, in later commits or not yet committed, since the last commit
    that wrote `jekyll_site`, relative to `source`; None when git does not track `jekyll_site`
    there, or when it was built again since (its files differ from that commit)."""
    if shutil.which("git") is None:
        return None
    site = os.path.relpath(jekyll_site, source)
    last = _git(source, "log", "-1", "--format=%H", "--", site)
    if not last or _git(source, "status", "--porcelain", "--", site) != "":
        return None
    names = _git(source, "diff", "--name-only", "--relative", last, "--", ".", f":(exclude){site}")
    return names.splitlines() if names is not None else None


def _git(folder: Path, *arguments: str) -> str | None:
    """Git's output in `folder`, or None when it failed (not a repository, say)."""
    try:
        done = subprocess.run(
            ["git", *arguments],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=_GIT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _written_after(source: Path, built: Path) -> list[str]:
    """Files of `source` (not hidden, not in `_NOT_PAGES`) written after `built`, relative to
    `source` and sorted. Links are not followed: only the source's own files count."""
    try:
        since = built.stat().st_mtime + SLACK
    except OSError:
        return []
    newer = []
    for folder, folders, files in os.walk(source):
        folders[:] = [name for name in folders if name not in _NOT_PAGES and name[0] != "."]
        for name in files:
            path = os.path.join(folder, name)
            if name[0] != "." and os.lstat(path).st_mtime > since:
                newer.append(os.path.relpath(path, source).replace(os.sep, "/"))
    return sorted(newer)
