"""The files beside a Jekyll site that say what builds it: Bundler's `Gemfile` and
`Gemfile.lock`, and the theme's gemspec in a copy of the theme. Read here alone, the same
way for each reader (`publishing`'s rules, `theme_version`): from the first of the site's
folders that holds one, bounded, and never through a link that leaves that folder.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from .includes import within

READ_LIMIT = 1 << 20
"""Bytes read of one: a few kilobytes in any real one."""


def first_file(folders: Sequence[str], name: str) -> str:
    """The text of `name` in the first of `folders` that holds it, "" when none does (or
    when that one resolves outside its folder: the project's files only)."""
    for folder in folders:
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            continue
        if not within(os.path.realpath(path), os.path.realpath(folder)):
            return ""
        with open(path, encoding="utf-8", errors="replace") as stream:
            return stream.read(READ_LIMIT)
    return ""
