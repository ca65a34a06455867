"""Jekyll's `_config.yml`, read into a frozen model of what a Just the Docs site configures.

Every key stays available (`data`, and `variables()` for `{{ site.<key> }}`); the keys Just the
Docs and Jekyll give a meaning are typed: callouts, navigation, auxiliary links, the edit link,
and what Jekyll publishes (`exclude`, `include` and its `_`/`.` rule, in `published`).

Reading never raises on bad content: YAML that does not parse, or is not a mapping, is the
`problem` (file and line, worded as for front matter, `frontmatter.read_yaml_mapping`), and
the model is then empty. A key of the wrong shape (`exclude: docs`, a callout without a
colour) is one of the `warnings`, and the key is read as unset or the entry is skipped.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import yaml

from ..findings import Finding
from .frontmatter import read_yaml_mapping
from .frontmatter_defaults import DefaultSet, read_sets
from .globs import fnmatch
from .liquid_scope import mebibytes
from .liquid_values import ruby_str, truthy
from .navigation import ExternalLink
from .sass_colours import SASS_FILES, callout_colour, site_variables

CALLOUT_COLORS = ("grey-lt", "grey-dk", "purple", "blue", "green", "yellow", "red")
"""The colours Just the Docs predefines for callouts (`_sass/support/_variables.scss`); any
other needs the site's own SCSS, which a Material site does not have."""

CalloutsLevel = Literal["quiet", "loud"]

# Jekyll 4.3.1 `Configuration::DEFAULT_EXCLUDES`, added to every site's `exclude`, and the
# default `include`, which a site's own `include` replaces.
_DEFAULT_EXCLUDES = (
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
)
_DEFAULT_INCLUDE = (".htaccess",)
SPECIAL_LEADING = (".", "_", "#", "~")
"""Jekyll's `EntryFilter::SPECIAL_LEADING_CHAR_REGEX`: names it reads only when included."""
# Where patterns and entries are joined, as Jekyll joins them to the site's source folder.
_SOURCE = "/source"


@dataclass(frozen=True)
class Callout:
    """One entry of `callouts:`, as Just the Docs reads it."""

    name: str
    color: str
    """One of `CALLOUT_COLORS`, or a colour the site defines in its own SCSS."""
    title: str | None = None
    """Shown above the callout; None: the callout has no title. (An `opacity` key, which Just
    the Docs read before 0.11 and then dropped, is ignored.)"""
    shade: str | None = None
    """For a colour of the site's own Sass: its `-300` shade, a CSS colour (`sass_colours`)."""


@dataclass(frozen=True)
class AuxLink:
    """An entry of `aux_links` (the links at the top of every page)."""

    title: str
    url: str


@dataclass(frozen=True)
class EditLink:
    """Just the Docs' "Edit this page" link (`gh_edit_*`)."""

    repository: str
    branch: str
    view_mode: str
    """`tree` or `edit`, as `gh_edit_view_mode` says."""
    source: str
    """`gh_edit_source`: the Jekyll source folder inside the repository; "" for its root."""
    text: str
    """`gh_edit_link_text`."""

    @property
    def edit_uri(self) -> str:
        """The part between the repository URL and the page path (MkDocs' `edit_uri`)."""
        source = f"/{self.source}" if self.source else ""
        return f"{self.view_mode}/{self.branch}{source}/"

    def url(self, path: str) -> str:
        """The edit URL of the page at `path`, relative to the Jekyll source folder."""
        return f"{self.repository}/{self.edit_uri}{path}"


@dataclass(frozen=True)
class SiteConfig:
    """A Jekyll site's `_config.yml`. Empty (every key unset) when there is none."""

    path: str = ""
    """Where it was read from, as given; problems name it."""
    data: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    """Every key, read-only (mappings stay mappings, lists become tuples)."""
    title: str | None = None
    description: str | None = None
    url: str | None = None
    baseurl: str | None = None
    callouts: Mapping[str, Callout] = field(default_factory=lambda: MappingProxyType({}))
    """Callouts by name (the class that makes a paragraph or block quote one)."""
    callouts_level: CalloutsLevel | None = None
    """None: quiet in light colour schemes, loud in dark ones (Just the Docs' default)."""
    nav_sort: str | None = None
    nav_external_links: tuple[ExternalLink, ...] = ()
    aux_links: tuple[AuxLink, ...] = ()
    aux_links_new_tab: bool = False
    exclude: tuple[str, ...] = _DEFAULT_EXCLUDES
    """Jekyll's default excludes, then the site's."""
    include: tuple[str, ...] = _DEFAULT_INCLUDE
    edit_link: EditLink | None = None
    """Set when Just the Docs would show the edit link: all of `gh_edit_link`,
    `gh_edit_link_text`, `gh_edit_repository`, `gh_edit_branch` and `gh_edit_view_mode`."""
    defaults: tuple[DefaultSet, ...] = ()
    """`defaults:`, its usable sets in order (`frontmatter_defaults`)."""
    problem: Finding | None = None
    """Why the file could not be read at all; every other field is then unset."""
    warnings: tuple[Finding, ...] = ()
    """Keys of the wrong shape, each read as unset (or the entry skipped)."""

    @property
    def source_dir(self) -> str:
        """The Jekyll source folder (where `_config.yml` is), absolute; "" without one."""
        return os.path.dirname(os.path.abspath(self.path)) if self.path else ""

    def source_path(self, path: str) -> str:
        """`path`, a file on disk, relative to the source folder, with `/` between names."""
        return os.path.relpath(path, self.source_dir).replace(os.sep, "/")

    def variables(self) -> dict[str, str]:
        """`site.<key>` values as Liquid prints them, nested keys dotted (`site.a.b`)."""
        values: dict[str, str] = {}
        for key, value in self.data.items():
            for name, item in _flatten(f"site.{key}", value):
                values[name] = _liquid_output(item)
        return values

    def edit_url(self, path: str) -> str | None:
        """The edit URL Just the Docs shows for the page at `path` (relative to the source)."""
        return self.edit_link.url(path) if self.edit_link else None

    def published(self, path: str) -> bool:
        """Whether Jekyll publishes `path` (a file, relative to the source folder).

        Jekyll 4.3.1's `EntryFilter#filter`, applied to each folder of the path and then the
        file, as its `Reader` walks the source: names ending in `.` are never published; a name
        that `include` matches always is; else one that `exclude` matches is not, nor one
        starting with `.`, `_`, `#` or `~`, nor one ending in `~`. A pattern matches Ruby's
        `File.fnmatch?` way (`*` crosses `/`), or as a plain prefix of the path (`vendor`
        excludes `vendors.md` too), or, ending in `/`, the folder it names. `include` patterns
        are matched against the bare name only, at any depth. Symlinks are not checked (Jekyll
        checks them in safe mode only).
        """
        names = [name for name in path.split("/") if name]
        excluded = tuple(pattern for pattern in self.exclude if pattern not in self.include)
        folder = ""
        for index, name in enumerate(names):
            is_folder = index < len(names) - 1
            if not _entry_kept(name, folder, is_folder, excluded, self.include):
                return False
            folder = f"{folder}/{name}"
        return bool(names)

    def includes(self, entry: str) -> bool:
        """`EntryFilter#included?`: an `include` pattern matches `entry` or its bare name."""
        name = entry.rsplit("/", 1)[-1]
        return _matches_any(self.include, entry, False) or _matches_any(self.include, name, False)

    def excludes(self, path: str) -> bool:
        """`EntryFilter#excluded?`: an `exclude` pattern (not also included) matches `path`,
        a file relative to the source folder."""
        excluded = tuple(pattern for pattern in self.exclude if pattern not in self.include)
        return _matches_any(excluded, path, False)


READ_LIMIT = 1024 * 1024
"""Bytes a `_config.yml` may hold: real ones hold a few kilobytes."""


def load_site_config(path: Path) -> SiteConfig:
    """Read `path`; I/O errors (a missing file) raise `OSError`, bad content is a `problem`,
    and so is a `path` that is no regular file or is larger than `READ_LIMIT`."""
    status = path.stat()
    # Checked before opening: a FIFO would block the build, a device (/dev/zero) never end.
    if not stat.S_ISREG(status.st_mode):
        return _unread(path, "is not a regular file (a device, a FIFO or a folder)")
    with path.open("rb") as stream:
        data = stream.read(READ_LIMIT + 1)
    if len(data) > READ_LIMIT:
        return _unread(path, f"is larger than {mebibytes(READ_LIMIT)}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return SiteConfig(
            path=str(path), problem=Finding(path=str(path), line=line, message="not UTF-8")
        )
    return parse_site_config(text, str(path))


def _unread(path: Path, why: str) -> SiteConfig:
    problem = Finding(path=str(path), line=1, message=f"{path.name} {why}; it is not read")
    return SiteConfig(path=str(path), problem=problem)


def parse_site_config(text: str, path: str = "_config.yml") -> SiteConfig:
    """Read the text of a `_config.yml`; `path` names it in problems."""
    document = read_yaml_mapping(text, 1)
    if document.problem is not None:
        line, reason = document.problem
        return SiteConfig(
            path=path,
            problem=Finding(path=path, line=line, message=f"malformed _config.yml: {reason}"),
        )
    reader = _Reader(path, document.data, _key_lines(document.node))
    return reader.config()


class _Reader:
    """Reads the typed keys of one `_config.yml`, collecting warnings."""

    def __init__(self, path: str, data: dict[str, Any], lines: dict[tuple[str, ...], int]):
        self.path = path
        self.data = data
        self.lines = lines
        self.warnings: list[Finding] = []
        self._sass: Mapping[str, str] | None = None

    def warn(self, keys: tuple[str, ...], message: str) -> None:
        line = next(
            (self.lines[keys[:n]] for n in range(len(keys), 0, -1) if keys[:n] in self.lines), 1
        )
        self.warnings.append(Finding(path=self.path, line=line, message=message))

    def config(self) -> SiteConfig:
        data = self.data
        exclude = self.patterns("exclude")
        include = self.patterns("include")
        return SiteConfig(
            path=self.path,
            data=_frozen(data),
            title=self.scalar("title"),
            description=self.scalar("description"),
            url=self.scalar("url"),
            baseurl=self.scalar("baseurl"),
            callouts=MappingProxyType(dict(self.callouts())),
            callouts_level=self.callouts_level(),
            nav_sort=self.scalar("nav_sort"),
            nav_external_links=tuple(self.external_links()),
            aux_links=tuple(self.aux_links()),
            aux_links_new_tab=truthy(data.get("aux_links_new_tab", False)),
            exclude=_unique((*(exclude or ()), *_DEFAULT_EXCLUDES)),
            include=tuple(include) if include is not None else _DEFAULT_INCLUDE,
            edit_link=self.edit_link(),
            defaults=read_sets(data.get("defaults"), self.warn),
            warnings=tuple(self.warnings),
        )

    def scalar(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, (dict, list)):
            self.warn((key,), f"`{key}` should be a single value, not a {_shape(value)}")
            return None
        return ruby_str(value)

    def patterns(self, key: str) -> list[str] | None:
        """`exclude` or `include`: Jekyll refuses anything but a list, and matches strings."""
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            self.warn((key,), f"`{key}` should be a list of paths, not a {_shape(value)}")
            return None
        return [item for item in value if isinstance(item, str)]

    def callouts(self) -> Iterator[tuple[str, Callout]]:
        value = self.data.get("callouts")
        if value is None:
            return
        if not isinstance(value, dict):
            self.warn(("callouts",), "`callouts` should map callout names to a colour and title")
            return
        for raw_name, entry in value.items():
            name = ruby_str(raw_name)
            keys = ("callouts", name)
            if not isinstance(entry, dict):
                self.warn(keys, f"callout `{name}` should have a `color` (and a `title`)")
                continue
            color = entry.get("color")
            if not isinstance(color, str) or not color:
                self.warn(keys, f"callout `{name}` has no `color`; it is left out")
                continue
            shade = None
            if color not in CALLOUT_COLORS:
                own = callout_colour(self.sass_variables(), color, CALLOUT_COLORS)
                if own is None:
                    self.warn(
                        (*keys, "color"),
                        f"callout `{name}`: colour `{color}` is not one Just the Docs "
                        f"predefines ({', '.join(CALLOUT_COLORS)}), and the site's "
                        f"{' or '.join(SASS_FILES)} gives no plain `${color}-300` colour; "
                        "it is shown as grey-dk",
                    )
                else:
                    color, shade = own
            title = entry.get("title")
            yield name, Callout(name, color, ruby_str(title) if truthy(title) else None, shade)

    def sass_variables(self) -> Mapping[str, str]:
        """The site's own Sass variables, read once (beside `_config.yml`)."""
        if self._sass is None:
            folder = os.path.dirname(self.path)
            self._sass = site_variables(folder) if os.path.isfile(self.path) else {}
        return self._sass

    def callouts_level(self) -> CalloutsLevel | None:
        value = self.data.get("callouts_level")
        if value is None:
            return None
        if value == "quiet" or value == "loud":
            return "quiet" if value == "quiet" else "loud"
        self.warn(("callouts_level",), f"`callouts_level` is `quiet` or `loud`, not `{value}`")
        return None

    def external_links(self) -> Iterator[ExternalLink]:
        value = self.data.get("nav_external_links")
        if value is None:
            return
        if not isinstance(value, list):
            self.warn(("nav_external_links",), "`nav_external_links` should be a list")
            return
        for index, entry in enumerate(value):
            keys = ("nav_external_links", str(index))
            if not isinstance(entry, dict) or entry.get("title") is None or not entry.get("url"):
                self.warn(keys, "a `nav_external_links` entry needs a `title` and a `url`")
                continue
            yield ExternalLink(ruby_str(entry["title"]), ruby_str(entry["url"]))

    def aux_links(self) -> Iterator[AuxLink]:
        value = self.data.get("aux_links")
        if value is None:
            return
        if not isinstance(value, dict):
            self.warn(("aux_links",), "`aux_links` should map link titles to URLs")
            return
        for title, url in value.items():
            # Just the Docs prints `link.last`: a list of URLs prints joined, as Liquid does.
            if url is None or isinstance(url, dict):
                self.warn(("aux_links", ruby_str(title)), f"aux link `{title}` has no URL")
                continue
            yield AuxLink(ruby_str(title), _liquid_output(url))

    def edit_link(self) -> EditLink | None:
        data = self.data
        keys = ("gh_edit_link", "gh_edit_link_text", "gh_edit_repository", "gh_edit_branch")
        if not all(truthy(data.get(key)) for key in (*keys, "gh_edit_view_mode")):
            return None
        source = data.get("gh_edit_source")
        return EditLink(
            repository=_liquid_output(data["gh_edit_repository"]),
            branch=_liquid_output(data["gh_edit_branch"]),
            view_mode=_liquid_output(data["gh_edit_view_mode"]),
            source=_liquid_output(source) if truthy(source) else "",
            text=_liquid_output(data["gh_edit_link_text"]),
        )


def _key_lines(node: yaml.MappingNode | None) -> dict[tuple[str, ...], int]:
    """The 1-based line of every key, at any depth; list items are keyed by their index."""
    lines: dict[tuple[str, ...], int] = {}
    stack: list[tuple[tuple[str, ...], yaml.Node]] = [((), node)] if node is not None else []
    while stack:
        keys, current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                path = (*keys, str(key.value))
                lines.setdefault(path, key.start_mark.line + 1)
                stack.append((path, value))
        elif isinstance(current, yaml.SequenceNode):
            for index, value in enumerate(current.value):
                path = (*keys, str(index))
                lines.setdefault(path, value.start_mark.line + 1)
                stack.append((path, value))
    return lines


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({ruby_str(k): _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


def _flatten(name: str, value: Any) -> Iterator[tuple[str, Any]]:
    yield name, value
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _flatten(f"{name}.{key}", item)


def _liquid_output(value: Any) -> str:
    """What `{{ value }}` prints: nothing for nil, a list's items joined, else `to_s`."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "".join(_liquid_output(item) for item in value)
    if isinstance(value, Mapping):
        return ruby_str(_thawed(value))
    return ruby_str(value)


def _thawed(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thawed(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thawed(item) for item in value]
    return value


def _shape(value: Any) -> str:
    return "mapping" if isinstance(value, dict) else "list" if isinstance(value, list) else "value"


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _entry_kept(
    name: str, folder: str, is_folder: bool, exclude: Sequence[str], include: Sequence[str]
) -> bool:
    """`EntryFilter#filter` for the entry `name` of `folder` ("" or "/a/b")."""
    if name.endswith("."):
        return False
    included = _matches_any(include, name, is_folder)
    if not included and _matches_any(exclude, f"{folder}/{name}", is_folder):
        return False
    if included:
        return True
    return not (name.startswith(SPECIAL_LEADING) or name.endswith("~"))


def _matches_any(patterns: Sequence[str], entry: str, is_folder: bool) -> bool:
    """`EntryFilter#glob_include?`: patterns and entry joined to the source folder first."""
    path = _join(_SOURCE, entry)
    for pattern in patterns:
        full = _join(_SOURCE, pattern)
        if fnmatch(full, path) or path.startswith(full) or (is_folder and full == path + "/"):
            return True
    return False


def _join(base: str, item: str) -> str:
    """Ruby's `File.join(base, item)`: one `/` between the two."""
    return base.rstrip("/") + "/" + item.lstrip("/")
