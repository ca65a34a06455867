"""The files `{% include %}` and `{% include_relative %}` bring into a page, found and read
the way Jekyll's safe mode (GitHub Pages) does: each resolved through its symlinks and kept
inside its folder, read only when it is a small regular UTF-8 file, and a page's includes
counted across the whole include tree, so includes of includes cannot multiply a few bytes
into an exponential build.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field

from ..page.source import Source
from .liquid_scope import mebibytes

INCLUDE_DEPTH = 10
"""Includes inside includes, at most: a cycle is reported long before."""
INCLUDES_PER_PAGE = 1000
"""Includes one page may render, counting includes of includes: a page that includes a snippet
in every row of a 1,000-row table is not a playbook; nine files each including the next four
times are 87,381."""
PATH_MAX = 4096
"""The longest path Linux opens: a longer one names no file, and is not resolved (`realpath`
takes time quadratic in the number of its parts)."""
READ_LIMIT = 1024 * 1024
"""Bytes an include may hold: a snippet is a few kilobytes, and the largest real playbook
pages a few hundred; a 1 MiB include is a 25,000-line page of its own."""


class IncludeError(Exception):
    """Why an include is not read: its message names the file."""


def within(path: str, folder: str) -> bool:
    """Whether `path` is `folder` or inside it (both absolute, resolved alike)."""
    return path == folder or path.startswith(os.path.join(folder, ""))


def resolved(path: str, folder: str, source: str, shown: str) -> str:
    """`path`, through its symlinks, checked to stay inside `folder` (itself inside the
    Jekyll `source`); raises `IncludeError` when it leaves either."""
    real_source = os.path.realpath(source)
    real_folder = os.path.realpath(folder)
    real = os.path.realpath(path)
    if not within(real_folder, real_source):
        raise IncludeError(f"{_shown_folder(folder, source)} leads outside the site's source")
    if not within(real, real_folder):
        raise IncludeError(
            f"{shown} leads to {real}, outside {_shown_folder(folder, source)}; includes "
            "never leave it"
        )
    return real


def _shown_folder(folder: str, source: str) -> str:
    relative = os.path.relpath(folder, source).replace(os.sep, "/")
    return "the site's source" if relative == "." else f"{relative}/"


def read_text(path: str, shown: str, limit: int = READ_LIMIT) -> str:
    """The UTF-8 text of the regular file `path`, of at most `limit` bytes, with its line
    ends made `\\n`; raises `IncludeError` saying why not, naming the file as `shown`."""
    try:
        status = os.stat(path)
    except OSError:
        raise IncludeError(f"no file {shown}") from None
    # Checked before opening: a FIFO would block the build, a device never end.
    if not stat.S_ISREG(status.st_mode):
        raise IncludeError(f"{shown} is {_kind(status.st_mode)}, not a file")
    if status.st_size > limit:
        raise IncludeError(_too_large(shown, limit))
    try:
        # Non-blocking, in case the file was swapped for a FIFO since.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise IncludeError(f"{shown} is not a file")
            data = stream.read(limit + 1)
    except OSError as error:
        raise IncludeError(f"cannot read {shown}: {error.strerror}") from None
    if len(data) > limit:
        raise IncludeError(_too_large(shown, limit))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise IncludeError(
            f"{shown} is not UTF-8 (byte 0x{byte:02x} at offset {error.start})"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _too_large(shown: str, limit: int) -> str:
    return f"{shown} is larger than {mebibytes(limit)}, the most an include may hold"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "not a regular file"


@dataclass
class PageIncludes:
    """What one page's includes keep across its include tree: how many were rendered, and
    each file read (or why not), read once however often it is included."""

    rendered: int = 0
    files: dict[str, Source | str] = field(default_factory=dict)
    """Each include's parsed text, or why it is not read, by its path."""

    def count(self) -> bool:
        """Whether one more include fits in the page; counted when it does."""
        if self.rendered >= INCLUDES_PER_PAGE:
            return False
        self.rendered += 1
        return True

    def source(self, path: str, folder: str, jekyll_source: str, shown: str) -> Source:
        """The parsed text of the include at `path` (see `resolved` and `read_text`);
        raises `IncludeError`."""
        if path not in self.files:
            try:
                real = resolved(path, folder, jekyll_source, shown)
                self.files[path] = Source(read_text(real, shown))
            except IncludeError as error:
                self.files[path] = str(error)
        found = self.files[path]
        if isinstance(found, str):
            raise IncludeError(found)
        return found

    def theme_source(self, name: str, template: str) -> Source:
        """The parsed text of the theme's include `name` (`theme_includes`)."""
        key = f"theme:{name}"
        found = self.files.setdefault(key, Source(template))
        assert isinstance(found, Source)
        return found
