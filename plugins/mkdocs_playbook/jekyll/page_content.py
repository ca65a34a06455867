"""`content` of a page in `site.pages` (and `site.posts`): its body as written.

Jekyll gives another page's `content` as its HTML if that page was rendered before the one
asking, else as its Markdown with the front matter stripped (`Convertible#content`, replaced
by `Renderer#run` once the page is rendered; `Site#render` goes through the pages in the
order it read them). That order is Jekyll's, not ours, so the rule here is one that does not
depend on it: the body as written, front matter stripped, which the including page then
converts as Markdown, as kramdown does with a page Jekyll has not rendered yet. Its Liquid is
not rendered again (no value of Liquid's is): a page printing itself, or pages printing each
other, print each other's text once and stop; a page whose printed body holds Liquid is
reported at the printing line.

Its relative links and images are rebased onto the printing page, so they lead where the
author meant from the page that prints them (Jekyll's lead from the printing page's URL:
images break; `.md` links work only where jekyll-relative-links made them absolute).

Bounded: each body is read once per build; what all pages together may print of each other's
bodies is `CONTENT_COPIES` times all of them, so a "full version" page printing every page
fits, and 200 pages each printing every other stop at a finding instead of converting the
site 200 times over. Each page's output is capped besides (`liquid_scope.GROWTH_LIMIT`).
"""

from __future__ import annotations

import os
import posixpath
import re
from typing import Any

from ..page.destinations import DestinationMarks
from ..page.source import Source
from .frontmatter import without_front_matter
from .includes import IncludeError, read_text, resolved

CONTENT_COPIES = 2
"""How many times over the site's pages may print their bodies in all."""


class PageContent(str):
    """A page's body as `content` gives it: the text, and whose it is."""

    path: str
    """The page's path in the site's source (`guide.md`)."""
    refusal: str
    """Why the body is not given (empty text); empty when it is."""

    @classmethod
    def of(cls, text: str, path: str, refusal: str = "") -> PageContent:
        made = cls(text)
        made.path = path
        made.refusal = refusal
        return made

    @property
    def holds_liquid(self) -> bool:
        return "{{" in self or "{%" in self


class PageDrop(dict[str, Any]):
    """A page of `site.pages`: its front matter, `url` and `path`, and `content` read when a
    template asks for it."""

    contents: SiteContents

    def __missing__(self, key: str) -> PageContent:
        if key != "content":
            raise KeyError(key)
        return self.contents.body(str(self.get("path", "")))


class SiteContents:
    """The pages' bodies, read from the site's source folder once each, and what all pages
    may still print of them."""

    def __init__(self, source: str, paths: list[str]) -> None:
        self.source = source
        self.paths = paths
        self._bodies: dict[str, PageContent] = {}
        self._left: int | None = None

    def drop(self, page: dict[str, Any]) -> PageDrop:
        made = PageDrop(page)
        made.contents = self
        return made

    def body(self, path: str) -> PageContent:
        """`path`'s body, counted against what the site may print; empty with a `refusal`
        when it cannot be read or the site has printed its share."""
        if path not in self._bodies:
            self._bodies[path] = self._read(path)
        found = self._bodies[path]
        if found.refusal:
            return found
        left = self._budget()
        if len(found) > left:
            return PageContent.of(
                "",
                path,
                f"the site's pages would print more than {CONTENT_COPIES} times their own "
                "text of each other's content; this and later contents are left out",
            )
        self._left = left - len(found)
        return found

    def _read(self, path: str) -> PageContent:
        if not self.source or not path:
            return PageContent.of("", path, f"{path or 'the page'}'s file is not known")
        try:
            real = resolved(os.path.join(self.source, path), self.source, self.source, path)
            text = read_text(real, path)
        except IncludeError as error:
            return PageContent.of("", path, str(error))
        return PageContent.of(without_front_matter(text), path)

    def _budget(self) -> int:
        if self._left is None:
            total = 0
            for path in self.paths:
                try:
                    total += os.stat(os.path.join(self.source, path)).st_size
                except OSError:
                    continue
            self._left = CONTENT_COPIES * total
        return self._left


_SCHEME_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def rebased(text: str, folder: str) -> str:
    """`text` with each relative link and image destination (Markdown's and raw HTML's)
    prefixed with `folder`, the way from the printing page's folder to the printed page's
    (`../guide`), normalised; site paths, anchors, URLs and Liquid left as they are."""
    if folder in ("", "."):
        return text
    source = Source(text)
    marks: DestinationMarks | None = None  # found once, for the first link
    parts: list[str] = []
    done = 0
    at = source.line_starts
    # In the text's order: an image in a link's text is written before the link's target.
    found = sorted(
        (at[link.line - 1] + link.column - 1, link.kind) for link in source.links if link.column
    )
    for start, kind in found:
        if start < done:
            continue
        if marks is None:
            marks = DestinationMarks.of(text)
        end = _destination_end(text, start, kind, marks)
        written = text[start:end]
        if not written or written.startswith(("/", "#", "{", "?")) or _SCHEME_RE.match(written):
            continue
        path, mark, rest = _split(written)
        parts += [text[done:start], posixpath.normpath(posixpath.join(folder, path)) + mark + rest]
        done = end
    return "".join([*parts, text[done:]])


_HTML_UNQUOTED_RE = re.compile(r"[^\s>]*")
_WORD_RE = re.compile(r"\S*")


def _destination_end(text: str, start: int, kind: str, marks: DestinationMarks) -> int:
    """Where the destination written at `start` ends: a raw HTML value at its quote; a
    Markdown one in `<...>` at its `>`, inline by kramdown's rule, in a reference definition
    at white space."""
    before = text[start - 1 : start]
    if kind == "html":
        if before in ("'", '"'):
            found = text.find(before, start)
            return found if found >= 0 else start
        unquoted = _HTML_UNQUOTED_RE.match(text, start)
        return unquoted.end() if unquoted else start
    if before == "<":
        found = text.find(">", start)
        return found if found >= 0 else start
    inline = marks.inline_end(start)
    if inline >= 0:
        return inline
    word = _WORD_RE.match(text, start)
    return word.end() if word else start


def _split(destination: str) -> tuple[str, str, str]:
    """`a/b.md`, `#`, `x` for `a/b.md#x` (or at a `?`)."""
    cut = min((i for i in (destination.find("#"), destination.find("?")) if i >= 0), default=-1)
    if cut < 0:
        return destination, "", ""
    return destination[:cut], destination[cut], destination[cut + 1 :]
