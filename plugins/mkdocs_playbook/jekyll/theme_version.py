"""Which version of Just the Docs a site is built with, where it says so: `remote_theme`'s
`@v0.5.2`, its `Gemfile.lock`'s `just-the-docs (0.5.2)`, or, for a site that is a copy of
the theme, its `just-the-docs.gemspec`. None where nothing says (the newest is assumed).

The version decides one rule of the navigation (`navigation`): before 0.10, a page lists
children only when it says `has_children: true`, a third-level page only under the
`grand_parent` it names, and no fourth level; 0.10 finds children by their `parent` alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from .bundler import first_file

_REMOTE_RE = re.compile(r"just-the-docs@v?(\d+(?:\.\d+)*)", re.IGNORECASE)
_LOCK_RE = re.compile(r"^ {4}just-the-docs \((\d+(?:\.\d+)*)", re.MULTILINE)
_GEMSPEC_RE = re.compile(r"""\.version\s*=\s*["'](\d+(?:\.\d+)*)""")

CHILDREN_BY_PARENT = (0, 10)
"""The version from which a page's children are found by their `parent` alone."""


def theme_version(data: Mapping[str, Any], folders: Sequence[str]) -> tuple[int, ...] | None:
    """The version `_config.yml` (`data`) or the first of `folders` holding a Gemfile.lock
    or the theme's gemspec names."""
    remote = data.get("remote_theme")
    if isinstance(remote, str):
        found = _REMOTE_RE.search(remote)
        if found:
            return _parsed(found.group(1))
    for folder in folders:
        for name, pattern in (("Gemfile.lock", _LOCK_RE), ("just-the-docs.gemspec", _GEMSPEC_RE)):
            found = pattern.search(first_file([folder], name))
            if found:
                return _parsed(found.group(1))
    return None


def _parsed(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))
