"""Where Jekyll publishes each page, and the page a link written for Jekyll's URLs leads to.

Authors of Jekyll sites link to what Jekyll publishes (`maintain/backup.html`,
`/docs/maintain/backup.html`, a page's `permalink`, `{{ site.baseurl }}/docs/`), not to the
Markdown. `page_url` is Jekyll 4.3's URL of a page (not a post or a collection document);
`JekyllUrls.target` finds the page such a link names, so it can be given as the page's
Markdown file, which MkDocs (and Zensical) turn into the page's own URL under either URL style.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import quote, unquote, urlsplit

from .publishing import MARKDOWN_EXTENSIONS

PATH_SAFE = "-._~!$&'()*+,;=:@/"
"""`Jekyll::URL.escape_path`: what a placeholder's value keeps unescaped (RFC 3986 pchar, `/`)."""
# `Utils.add_permalink_suffix`: the named styles whose pages end in their output extension.
_EXTENSION_STYLES = ("date", "ordinal", "none")
OUTPUT_EXT = ".html"
"""What Jekyll renders Markdown to."""
# Links to these are links to pages (or folders); any other extension names a static file.
_PAGE_EXTENSIONS = ("", ".html", ".htm")


_SLASHES = re.compile(r"/{2,}")
# jekyll-redirect-from leaves a `redirect_to` matching this as it is (`%r!^https?://!`).
_HTTP = re.compile(r"https?://")


def page_template(basename: str, style: object) -> str:
    """The URL template of a Markdown page (`Jekyll::Page#template`), by `_config.yml`'s
    `permalink` style (`date` when unset)."""
    if basename == "index":
        return "/:path/"
    return with_permalink_suffix("/:path/:basename", style)


def with_permalink_suffix(template: str, style: object) -> str:
    """`Utils.add_permalink_suffix`: `template` ending as the site's `permalink` style ends
    its URLs (`date` when unset): in `/`, in the output extension, or as it is."""
    name = "date" if style is None else str(style)
    if name == "pretty":
        return template + "/"
    if name in _EXTENSION_STYLES:
        return template + ":output_ext"
    # A template of the site's own: pages end as it ends (a `/`, or the output extension).
    suffix = "/" if name.endswith("/") else ""
    return template + suffix + (":output_ext" if name.endswith(":output_ext") else "")


def page_url(path: str, permalink: object = None, style: object = None) -> str:
    """Jekyll's URL of the Markdown page at `path` (relative to the Jekyll source), from its
    front matter `permalink` (placeholders filled in too) or else the site's style."""
    folder, name = posixpath.split(path)
    basename = posixpath.splitext(name)[0]
    template = permalink if isinstance(permalink, str) else page_template(basename, style)
    placeholders = (("path", folder), ("basename", basename), ("output_ext", OUTPUT_EXT))
    url = template
    for key, value in placeholders:
        url = url.replace(f":{key}", quote(value, safe=PATH_SAFE))
    return sanitized_url(url)


def sanitized_url(url: str) -> str:
    """`Jekyll::URL#sanitize_url`: one leading `/`, no `..` or `./`, no repeated `/`."""
    url = ("/" + url).replace("..", "/").replace("./", "")
    while "//" in url:
        url = url.replace("//", "/")
    return url


@dataclass(frozen=True)
class Target:
    """What a link written for Jekyll names."""

    src_uri: str | None
    """The docs path of the page it leads to; None: a Jekyll URL no page has."""
    suffix: str = ""
    """Its `?query` and `#anchor`, kept as written."""
    protocol_relative: bool = False
    """Written `//name/...`: a browser goes to the host `name`, not to this site."""

    def href(self, from_src: str) -> str:
        """The link as a Markdown file relative to the page at `from_src`."""
        start = posixpath.dirname(from_src) or "."
        return posixpath.relpath(self.src_uri or "", start) + self.suffix


@dataclass(frozen=True)
class JekyllUrls:
    """Every page's Jekyll URL (without the base URL), and the site's base URL."""

    urls: Mapping[str, str]
    """Jekyll URL by docs path: `{"docs/maintain/backup.md": "/docs/maintain/backup.html"}`."""
    baseurl: str = ""
    """`site.baseurl` as `{{ site.baseurl }}` prints it: `/handbook`, or empty."""
    own_sites: tuple[str, ...] = ()
    """Full URLs of the site itself (`https://example.org/handbook`): a link starting with
    one names a page of the site, as a root-relative link does."""
    page_urls: Mapping[str, str] = field(default_factory=dict)
    """Each page's URL in the built site (MkDocs' `File.url`) by docs path, for links in raw
    HTML, which MkDocs leaves as written."""

    @cached_property
    def _pages(self) -> dict[str, str]:
        """Docs path by Jekyll URL, decoded; the first page to claim a URL keeps it."""
        pages: dict[str, str] = {}
        for src_uri, url in self.urls.items():
            pages.setdefault(unquote(url), src_uri)
        return pages

    def target(self, href: str, from_src: str) -> Target | None:
        """The page the link `href`, written in the page at `from_src`, leads to in Jekyll;
        a `Target` without a page for a Jekyll URL no page has; None for anything else (an
        external link, a file, a Markdown path), which stays as it is."""
        parts = urlsplit(href.strip())
        protocol_relative = href.strip().startswith("//")
        own = self._own_path(parts.scheme, parts.netloc, parts.path)
        if own is None and (parts.scheme or (parts.netloc and not protocol_relative)):
            return None
        path = own or unquote(("/" + parts.netloc if protocol_relative else "") + parts.path)
        if not path:
            return None
        base = self.baseurl.rstrip("/")
        under_base = bool(base) and (path == base or path.startswith(base + "/"))
        if posixpath.splitext(path)[1].lower() not in _PAGE_EXTENSIONS:
            # A file's URL written for Jekyll (`{{ site.baseurl }}/tools/build.sh`): that file,
            # where the site has it; any other is left as written.
            if own is None and not under_base:
                return None
            site_path = _SLASHES.sub("/", own or path[len(base) :])
            src_uri = self._pages.get(site_path)
            return Target(src_uri, _suffix(parts.query, parts.fragment)) if src_uri else None
        suffix = _suffix(parts.query, parts.fragment)
        if own is not None:
            site_path, under_base = own, True
        elif path.startswith("/"):
            site_path = (path[len(base) :] or "/") if under_base else path
        else:
            own = self.urls.get(from_src)
            if own is None:
                return None
            folder = own if own.endswith("/") else posixpath.dirname(own) + "/"
            site_path = posixpath.normpath(folder + path) + ("/" if path.endswith("/") else "")
        # As a static host reads `/handbook//docs/x/` (`{{ site.baseurl }}//docs/x/`).
        site_path = _SLASHES.sub("/", site_path)
        src_uri = self._page_at(site_path)
        if src_uri is not None:
            return Target(src_uri, suffix, protocol_relative)
        # Protocol-relative and no page's: a link to another host, as the browser reads it.
        if not protocol_relative and (path.lower().endswith((".html", ".htm")) or under_base):
            return Target(None, suffix)
        return None

    def _own_path(self, scheme: str, netloc: str, path: str) -> str | None:
        """The site path a full URL of the site itself names (`/docs/x.html`), else None;
        `http` and `https` alike."""
        if scheme.lower() not in ("http", "https") or not netloc:
            return None
        address = f"{netloc.lower()}{unquote(path)}"
        for site in self.own_sites:
            site = site.rstrip("/")
            if address == site or address.startswith(site + "/"):
                return address[len(site) :] or "/"
        return None

    def built_href(self, target: Target, from_src: str) -> str | None:
        """The link to `target` as the built site has it, relative to the page at `from_src`
        (for raw HTML); None when either page's URL is unknown."""
        to, start = self.page_urls.get(target.src_uri or ""), self.page_urls.get(from_src)
        if to is None and target.src_uri in self.urls:
            to = target.src_uri  # a file, not a page: MkDocs copies it to its docs path
        if to is None or start is None:
            return None
        return relative_url(unquote(to), unquote(start)) + target.suffix

    def redirect_href(self, to: str, from_src: str) -> str:
        """A `redirect_to` from the built page at `from_src`: a full `http(s)` URL as written;
        else jekyll-redirect-from's `absolute_url` of a site path, so the page it names, when
        one does (else as written)."""
        if _HTTP.match(to):
            return to
        target = self.target("/" + to.lstrip("/"), from_src)
        href = self.built_href(target, from_src) if target and target.src_uri else None
        return href or to

    def resource_href(self, written: str, from_src: str) -> str | None:
        """A relative file path in raw HTML (`<video src="images/demo.mp4">`), which MkDocs
        leaves as written, given from the built page's URL to the file Jekyll's URL of the
        page names; None when it needs nothing (the same path, or not such a path)."""
        parts = urlsplit(written.strip())
        path = unquote(parts.path)
        extension = posixpath.splitext(path)[1].lower()
        if parts.scheme or parts.netloc or not path or path.startswith("/"):
            return None
        # A page is `target`'s; a Markdown path is the link check's (raw HTML is not rewritten).
        if extension in _PAGE_EXTENSIONS or extension in MARKDOWN_EXTENSIONS:
            return None
        jekyll, built = self.urls.get(from_src), self.page_urls.get(from_src)
        if jekyll is None or built is None:
            return None
        folder = jekyll if jekyll.endswith("/") else posixpath.dirname(jekyll) + "/"
        site_path = posixpath.normpath(folder + path).lstrip("/")
        if site_path.startswith("../"):
            return None
        href = quote(relative_url(site_path, unquote(built)), safe=PATH_SAFE)
        href += _suffix(parts.query, parts.fragment)
        return None if href == written.strip() else href

    def _page_at(self, path: str) -> str | None:
        """The page a Jekyll server answers `path` with: the page of that URL, a folder's
        index page (`/x/index.html`, `/x/index`), the `.html` page of an extensionless path, or
        the reverse."""
        candidates = [path]
        if path.endswith("/index.html"):
            candidates.append(path[: -len("index.html")])
        elif path.endswith(".html"):
            candidates.append(path[: -len(".html")])
        elif not path.endswith("/"):
            candidates += [path + ".html", path + "/"]
            # `index` is the folder's `index.html`, which the server answers `/x/index` with.
            if posixpath.basename(path) == "index":
                candidates.append(path[: -len("index")])
        return next((self._pages[c] for c in candidates if c in self._pages), None)


def _suffix(query: str, fragment: str) -> str:
    return ("?" + query if query else "") + ("#" + fragment if fragment else "")


def relative_url(to: str, start: str) -> str:
    """The URL `to` (from the site's root, as MkDocs writes page URLs: `a/b/`, `a/b.html`,
    `./`) relative to the page at URL `start`."""
    folder = start if start.endswith("/") or not start else posixpath.dirname(start)
    relative = posixpath.relpath("/" + to, "/" + folder)
    return relative + "/" if to.endswith("/") and not relative.endswith("/") else relative
