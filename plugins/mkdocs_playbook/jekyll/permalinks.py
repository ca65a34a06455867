"""Where a Just the Docs page's `permalink` and `redirect_from` put it in the built site, and
where its `redirect_to` sends its readers.

A literal permalink is honoured as MkDocs' destination of the page, so old links and bookmarks
keep working; Jekyll's placeholders (`:title`, `:path`), paths that leave the site, and names
no file may have (a NUL, a newline, `?`, `#`, more than 255 bytes) are not, and say why.
Each `redirect_from` URL gets a small page that sends the reader on, with a refresh in the
page itself (no script: the site's Content-Security-Policy allows none).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Never in a file name the build writes: control characters (NUL, newline) break the write or
# the logs, and `?` and `#` would end the URL's path before the name does.
_UNWRITABLE = re.compile("[\x00-\x1f\x7f-\x9f?#]")
MAX_NAME_BYTES = 255
"""The longest file or folder name (in UTF-8 bytes) the usual file systems take."""


@dataclass(frozen=True)
class Destination:
    """Where a permalink (or a `redirect_from` URL) puts a page: a file of the site, or why
    it cannot."""

    path: str | None
    """`docs/config/index.html`; None when the permalink cannot be honoured."""
    problem: str = ""
    given: str = ""
    """The URL as the front matter gives it, for messages."""


def unwritable_character(name: str) -> str:
    """What in `name` no file the build writes may hold (`` `?` ``, a control character), or ""."""
    found = _UNWRITABLE.search(name)
    if found is None:
        return ""
    return f"`{found.group()}`" if found.group() in "?#" else "a control character"


def permalink_destination(permalink: object, key: str = "permalink") -> Destination:
    """The site file for a page whose front matter says `<key>: <value>` (`permalink`, or a
    `redirect_from` URL)."""
    if not isinstance(permalink, str) or not permalink.strip():
        return Destination(None, f"{key} must be a path such as /docs/page/")
    value = permalink.strip()
    if ":" in value:
        return Destination(
            None,
            f"{key} {value!r} uses Jekyll's placeholders, which MkDocs does not have; "
            "the page keeps the URL of its file (write the path out to keep the old URL)",
            value,
        )
    unwritable = unwritable_character(value)
    if unwritable:
        return Destination(
            None, f"{key} {value!r} holds {unwritable}, which no file name may hold", value
        )
    path = posixpath.normpath("/" + value.lstrip("/")).lstrip("/")
    if not path:
        return Destination("index.html", given=value)  # the site's home
    if path.startswith(".."):
        return Destination(None, f"{key} {value!r} is not a path inside the site", value)
    if value.endswith("/"):
        path = f"{path}/index.html"
    elif not path.endswith((".html", ".htm")):
        path = f"{path}.html"
    longest = max(len(name.encode("utf-8")) for name in path.split("/"))
    if longest > MAX_NAME_BYTES:
        return Destination(
            None,
            f"{key} {_shown(value)} makes a file name of {longest} bytes; "
            f"a name holds at most {MAX_NAME_BYTES}",
            value,
        )
    return Destination(path, given=value)


def _shown(value: str) -> str:
    return repr(value) if len(value) <= 60 else repr(value[:60]) + "…"


def redirect_destinations(redirect_from: object) -> list[Destination]:
    """The site files `redirect_from` asks for (one URL or a list of them), each with its
    problem if it cannot be written."""
    values = [redirect_from] if isinstance(redirect_from, str) else redirect_from
    if redirect_from is None:
        return []
    if not isinstance(values, (list, tuple)):
        return [Destination(None, "redirect_from must be a path or a list of paths")]
    return [permalink_destination(value, "redirect_from") for value in values]


def redirect_page(target: str, title: str) -> str:
    """A page that sends the reader to `target` (a URL relative to the page itself)."""
    url = html.escape(target, quote=True)
    name = html.escape(title)
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        f'<link rel="canonical" href="{url}"><title>{name}</title></head>\n'
        f'<body><p>This page moved: <a href="{url}">{name}</a>.</p></body></html>\n'
    )


def redirect_to(data: Mapping[str, Any]) -> str | None:
    """jekyll-redirect-from's `redirect_to` (0.16 `Redirectable#redirect_to`): where the page
    sends its readers instead of showing its content, the first of a list; None for none."""
    value = data.get("redirect_to")
    if isinstance(value, list):
        value = next((item for item in value if item is not None), None)
    return str(value) if isinstance(value, (str, int, float)) else None
