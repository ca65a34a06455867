"""The links and ids the theme's template adds around each page's content.

The content was read into the page model already; a regex scan of the rest of the page is
enough, as the theme's markup is regular.
"""

from __future__ import annotations

import bisect
import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

# The theme writes attributes as ` name="value"`. A literal prefix lets `re` skip ahead, so
# one pass per attribute is twice as fast as one alternation over a page with a full nav.
_HREF_RE = re.compile(r' href="([^"]*)"')
_SRC_RE = re.compile(r' src="([^"]*)"')
# A page with the whole nav has an id on every section toggle: a thousand on a big site.
_ID_RE = re.compile(r' id="([^"]*)"')
_TAG_RE = re.compile(r"<(\w+)")
_LANDMARK_RE = re.compile(r"<(?:head|body|header|nav|footer|aside)\b[^>]*>")
_CLASS_RE = re.compile(r"""class\s*=\s*["']([^"'\s]+(?:\s+[^"'\s]+)?)""")


@dataclass(frozen=True, slots=True)
class TemplateLink:
    """A link the theme's template adds around the content (nav, header, footer, head)."""

    href: str
    tag: str
    part: str
    """Where in the template: the start tag of the enclosing landmark, e.g. `<nav class=...>`."""


class TemplateScanner:
    """Reads the links and ids of each page's full HTML outside its content, without parsing it.

    The content was parsed into the page model already; a regex scan of the rest is enough,
    as the theme's markup is regular. The nav repeats on every page: a link already seen from
    the same folder is skipped at once, and one whose target another page's link already has
    (the nav, written relative to each folder) would be judged alike, so it is not kept either.
    """

    def __init__(self) -> None:
        self._seen: dict[str, set[str]] = {}
        self._targets: set[str] = set()
        # Pages mostly share one set of template ids (the nav's, with a full nav thousands):
        # kept once, not once per page.
        self._id_sets: dict[frozenset[str], frozenset[str]] = {}

    def scan(
        self, page_url: str, output: str, content: str, content_ids: set[str]
    ) -> tuple[list[TemplateLink], frozenset[str]]:
        """The template links worth checking at the end of the build, and the template's ids.

        Fragment-only links to an id of this page are settled here (the table of contents
        repeats every heading), so the checker only sees what may be broken.
        """
        start = output.find(content) if content else -1
        if start < 0:
            spans = [(0, len(output))]
        else:
            spans = [(0, start), (start + len(content), len(output))]
        values: list[str] = []
        found_ids: set[str] = set()
        for begin, end in spans:
            # A full nav makes the page hundreds of kilobytes: see _HREF_RE.
            for value in _ID_RE.findall(output, begin, end):
                found_ids.add(html.unescape(value) if "&" in value else value)
            values.extend(_HREF_RE.findall(output, begin, end))
            values.extend(_SRC_RE.findall(output, begin, end))
        frozen = frozenset(found_ids)
        ids = self._id_sets.setdefault(frozen, frozen)
        unique = set(values)
        seen = self._seen.setdefault(posixpath.dirname(page_url), set())
        # A fragment-only link points into this very page, so it is never shared.
        fragments = {v for v in unique if v.startswith("#")}
        known = content_ids | ids
        keep = (unique - seen - fragments) | {
            f for f in fragments if unquote(html.unescape(f[1:])) not in known
        }
        seen.update(unique)
        keep = {
            value for value in keep if value.startswith("#") or self._new_target(page_url, value)
        }
        if not keep:
            return [], ids
        positions = _first_positions(keep, output, spans)
        landmarks = [(m.start(), m.group(0)) for m in _LANDMARK_RE.finditer(output)]
        starts = [at for at, _ in landmarks]
        links: list[TemplateLink] = []
        for value in sorted(keep):
            position = positions.get(value, 0)
            tag_match = _TAG_RE.match(output, output.rfind("<", 0, position))
            tag = tag_match.group(1).lower() if tag_match else "a"
            index = bisect.bisect_right(starts, position) - 1
            part = _landmark_name(landmarks[index][1]) if index >= 0 else "<html>"
            links.append(TemplateLink(html.unescape(value), tag, part))
        return links, ids

    def _new_target(self, page_url: str, value: str) -> bool:
        target = target_key(page_url, html.unescape(value))
        if target in self._targets:
            return False
        self._targets.add(target)
        return True


def target_key(page_url: str, href: str) -> str:
    """What `href` on the page at `page_url` points to: links that share it are judged alike.

    A trailing slash stays: a link to a folder and one to a file of that name are not alike.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    key = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), href))
    return key + "/" if parts.path.endswith("/") and key != "/" else key


def _first_positions(values: set[str], output: str, spans: list[tuple[int, int]]) -> dict[str, int]:
    """Where each value first stands as an attribute outside the content."""
    positions: dict[str, int] = {}
    if len(values) > 20:  # one pass over every link beats a search per value
        for begin, end in spans:
            for match in _HREF_RE.finditer(output, begin, end):
                if match.group(1) in values:
                    positions.setdefault(match.group(1), match.start())
    for value in values - positions.keys():
        for begin, end in spans:
            found = [output.find(f' {a}="{value}"', begin, end) for a in ("href", "src")]
            if max(found) >= 0:
                positions[value] = min(at for at in found if at >= 0)
                break
    return positions


def _landmark_name(start_tag: str) -> str:
    name = start_tag[1:].split(None, 1)[0].rstrip(">")
    found = _CLASS_RE.search(start_tag)
    return f'<{name} class="{found.group(1)}">' if found else f"<{name}>"
