"""Front matter defaults (`defaults:` in `_config.yml`), as Jekyll 4.3.1 applies them.

Follows Jekyll 4.3.1's `lib/jekyll/frontmatter_defaults.rb` (`FrontmatterDefaults#all`),
`Document#merge_defaults` and `Convertible#to_liquid`: a page's or document's data is the
deep merge of the defaults under its own front matter, whose keys always win. Every page
Jekyll renders takes them (with front matter, or made a page by optional front matter);
a file Jekyll copies as it is renders nothing to take them.

- A set is a mapping whose `values` is a mapping; any other entry is skipped, as Jekyll skips
  it (with a warning), and reported. A `scope` that is not a mapping stops Jekyll; we report
  it and skip the set.
- `scope.path` is relative to the site source; missing or empty applies everywhere. It
  matches as Jekyll's `String#start_with?`: a prefix of characters, not of folders (`guide`
  also takes `guidebook/x.md` and `guide.md`; `guide/` does not). Jekyll drops a leading `/`
  only to weigh precedence, so such a path matches no page (reported). With a `*` it is a
  `Dir.glob` under the source folder (Python's `glob`: no `{a,b}` braces), and a page matches
  when its path starts with one of the entries found.
- `scope.type` is `pages`, or a collection's label (`posts` for posts); the old `page`,
  `post`, `draft` read as `pages`, `posts`, `drafts`.
- Of several matching sets, the one with the longer scope path takes precedence; for equal
  lengths a set with a `type`, else the later; a set without precedence fills only the keys
  not yet set (deep merges both ways).
- Jekyll reads one key of a page's data through `FrontmatterDefaults#find`, which can differ
  from `all` when three sets of different lengths match; we follow `all` (what Liquid sees).
  A page's `published` is read with `Hash#fetch`, which skips defaults: only a document's
  (a post's) `published` comes from them.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Jekyll's `update_deprecated_types`.
_OLD_TYPES = {"page": "pages", "post": "posts", "draft": "drafts"}

PAGES = "pages"
"""The scope type of a page that is no collection's document."""


@dataclass(frozen=True)
class DefaultSet:
    """One usable entry of `defaults:`."""

    values: Mapping[str, Any]
    scoped: bool = True
    """Whether the set has a `scope`; one without applies everywhere."""
    path: str = ""
    """The scope's path as written; "" applies everywhere."""
    type: str | None = None


def read_sets(value: Any, warn: Callable[[tuple[str, ...], str], None]) -> tuple[DefaultSet, ...]:
    """The usable sets of `_config.yml`'s `defaults` value; `warn(keys, message)` is told of
    each entry that is not one, by its keys under `defaults`."""
    if value is None:
        return ()
    if not isinstance(value, list):
        warn(("defaults",), "`defaults` should be a list of sets (`- scope: … values: …`)")
        return ()
    sets: list[DefaultSet] = []
    for index, entry in enumerate(value):
        keys = ("defaults", str(index))
        if not isinstance(entry, dict) or not isinstance(entry.get("values"), dict):
            warn((*keys, "values"), "a set of `defaults` needs a mapping of `values`; skipped")
            continue
        values = {str(key): item for key, item in entry["values"].items()}
        if "scope" not in entry:
            sets.append(DefaultSet(values, scoped=False))
            continue
        scope = entry["scope"]
        if not isinstance(scope, dict):
            warn(
                (*keys, "scope"), "the `scope` of a set of `defaults` should be a mapping; skipped"
            )
            continue
        path = scope.get("path")
        kind = scope.get("type")
        if path is not None and not isinstance(path, str):
            warn((*keys, "scope", "path"), "a `scope`'s `path` should be a string; skipped")
            continue
        if "type" in scope and not isinstance(kind, str):
            warn((*keys, "scope", "type"), "a `scope`'s `type` should be a string; skipped")
            continue
        if isinstance(path, str) and path.startswith("/"):
            warn(
                (*keys, "scope", "path"),
                "Jekyll matches no page with a `scope` `path` that starts with `/`",
            )
        path = path or ""
        kind = _OLD_TYPES.get(kind, kind) if isinstance(kind, str) else None
        sets.append(DefaultSet(values, path=path, type=kind))
    return tuple(sets)


@dataclass
class FrontMatterDefaults:
    """The site's sets, matched against pages (one instance per build: its glob cache
    reads the source folder once per pattern)."""

    sets: tuple[DefaultSet, ...] = ()
    source_dir: str = ""
    collections_dir: str = ""
    _globbed: dict[str, tuple[frozenset[str], tuple[int, ...]]] = field(default_factory=dict)

    def values(self, path: str, kind: str) -> dict[str, Any]:
        """Jekyll's `FrontmatterDefaults#all`: the defaults of the page at `path` (relative to
        the source; a document's relative to `collections_dir`) of scope type `kind`."""
        defaults: dict[str, Any] = {}
        old: DefaultSet | None = None
        for entry in self.sets:
            if not self._applies(entry, path, kind):
                continue
            if _has_precedence(old, entry):
                defaults = deep_merge(defaults, entry.values)
                old = entry if entry.scoped else None
            else:
                defaults = deep_merge(entry.values, defaults)
        return defaults

    def applied(self, data: Mapping[str, Any], path: str, kind: str) -> dict[str, Any]:
        """`data` (a page's own front matter) over its defaults."""
        if not self.sets:
            return dict(data)
        return deep_merge(self.values(path, kind), data)

    def _applies(self, entry: DefaultSet, path: str, kind: str) -> bool:
        if entry.type is not None and entry.type != kind:
            return False
        if not entry.path:
            return True
        path = _sanitized(path)
        if "*" not in entry.path:
            return path.startswith(self._stripped(entry.path))
        found, lengths = self._glob(entry.path)
        # A prefix of the path that is an entry found: one look-up per length found.
        return any(path[:length] in found for length in lengths if length <= len(path))

    def _glob(self, pattern: str) -> tuple[frozenset[str], tuple[int, ...]]:
        """What `Dir.glob` finds of `pattern` under the source, relative to it (collections'
        folder stripped), and their lengths; once per build."""
        globbed = self._globbed.get(pattern)
        if globbed is None:
            root = self.source_dir or "."
            matches = glob.glob(pattern, root_dir=root, recursive=True)
            found = frozenset(self._stripped(match.replace(os.sep, "/")) for match in matches)
            globbed = self._globbed[pattern] = (found, tuple({len(name) for name in found}))
        return globbed

    def _stripped(self, path: str) -> str:
        """Jekyll's `strip_collections_dir`."""
        return document_path(path, self.collections_dir)


def _sanitized(path: str) -> str:
    """Jekyll's `sanitize_path`: without its leading slash."""
    return path[1:] if path.startswith("/") else path


def _has_precedence(old: DefaultSet | None, new: DefaultSet) -> bool:
    """Jekyll's `has_precedence?`: the longer scope path, then a set with a type."""
    if old is None or not new.scoped:
        # Without a scope Jekyll 4.3.1 takes the set after none, and stops after one.
        return True
    new_length, old_length = len(_sanitized(new.path)), len(_sanitized(old.path))
    if new_length != old_length:
        return new_length > old_length
    return new.type is not None or old.type is None


def deep_merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """Jekyll's `Utils.deep_merge_hashes`: `over` wins, mappings in both merge."""
    merged = dict(base)
    for key, value in over.items():
        below = merged.get(key)
        if isinstance(below, Mapping) and isinstance(value, Mapping):
            merged[key] = deep_merge(below, value)
        else:
            merged[key] = value
    return merged


def document_path(path: str, collections_dir: str) -> str:
    """A document's `relative_path` in Jekyll: its path under `collections_dir`."""
    prefix = collections_dir.strip("/") + "/" if collections_dir.strip("/") else ""
    return path[len(prefix) :] if prefix and path.startswith(prefix) else path
