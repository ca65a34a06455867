"""Where a Just the Docs page's `permalink` and `redirect_from` put it in the built site.

A literal permalink is honoured as MkDocs' destination of the page, so old links and bookmarks
keep working; Jekyll's placeholders (`:title`, `:path`) and paths that leave the site are not,
and say why. Each `redirect_from` URL gets a small page that sends the reader on, with a
refresh in the page itself (no script: the site's Content-Security-Policy allows none).
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass


@dataclass(frozen=True)
class Destination:
    """Where a permalink puts a page: a file of the site, or why it cannot."""

    path: str | None
    """`docs/config/index.html`; None when the permalink cannot be honoured."""
    problem: str = ""


def permalink_destination(permalink: object) -> Destination:
    """The site file for a page whose front matter says `permalink: <value>`."""
    if not isinstance(permalink, str) or not permalink.strip():
        return Destination(None, "permalink must be a path such as /docs/page/")
    value = permalink.strip()
    if ":" in value:
        return Destination(
            None,
            f"permalink {value!r} uses Jekyll's placeholders, which MkDocs does not have; "
            "the page keeps the URL of its file (write the path out to keep the old URL)",
        )
    path = posixpath.normpath("/" + value.lstrip("/")).lstrip("/")
    if not path:
        return Destination("index.html")  # the site's home
    if path.startswith(".."):
        return Destination(None, f"permalink {value!r} is not a path inside the site")
    if value.endswith("/"):
        return Destination(f"{path}/index.html")
    if path.endswith((".html", ".htm")):
        return Destination(path)
    return Destination(f"{path}.html")


def redirect_destinations(redirect_from: object) -> list[str]:
    """The site files `redirect_from` asks for (one URL or a list of them)."""
    values = [redirect_from] if isinstance(redirect_from, str) else redirect_from
    if not isinstance(values, (list, tuple)):
        return []
    found: list[str] = []
    for value in values:
        if isinstance(value, str) and value.strip() and ":" not in value:
            destination = permalink_destination(value)
            if destination.path is not None:
                found.append(destination.path)
    return found


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
