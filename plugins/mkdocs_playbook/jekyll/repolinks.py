"""Links into the site's own repository that point at a published page become in-site links.

`{repository_url}/blob/<branch>/<path>[#anchor]` is rewritten to the relative path of the page
built from that file, so readers stay in the site (and offline). The repository path `P`
matches the docs file `P` with a configured root prefix removed, trying the roots in order:
with the default roots `docs/` and the empty root, `docs/DATABASE.md` and `DATABASE.md` both
match `docs/DATABASE.md`. A path that matches no published file stays a repository link.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import unquote

from ..page.offsets import OffsetMap, Span
from ..page.source import Source


@dataclass(frozen=True)
class RepositoryLinks:
    """The rule that maps repository URLs to docs files."""

    repository_url: str
    branches: Sequence[str]
    roots: Sequence[str]

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        # Only link destinations: inline links, reference definitions and HTML attributes.
        return re.compile(
            r"(?P<lead>\]\(\s*<?|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?|\b(?:href|src)=[\"'])"
            + re.escape(self.repository_url.rstrip("/"))
            + r"/blob/(?P<branch>[^/\s)\"'>]+)/(?P<path>[^\s)#?\"'>]+)(?P<fragment>#[^\s)\"'>]*)?",
            re.MULTILINE,
        )

    def url_in(self, text: str) -> bool:
        """Whether `text` mentions the repository at all: most pages need no rewriting."""
        return self.repository_url.rstrip("/") + "/blob/" in text

    def docs_path(self, repository_path: str, published: Container[str]) -> str | None:
        """The docs-relative path of the published file for a repository path, if any."""
        path = unquote(repository_path).lstrip("/")
        for root in self.roots:
            root = root.strip("/")
            if root and not path.startswith(root + "/"):
                continue
            candidate = path[len(root) + 1 :] if root else path
            if candidate in published:
                return candidate
        return None

    def rewrite(
        self, source: Source, page_uri: str, published: Container[str]
    ) -> tuple[str, OffsetMap]:
        """`source` with its repository links to published files made relative to `page_uri`,
        and where each replacement was made."""
        base = posixpath.dirname(page_uri)
        spans = OffsetMap()
        parts: list[str] = []
        length = 0
        position = 0
        for match in self._pattern.finditer(source.text):
            if match.group("branch") not in self.branches or source.in_code(match.start()):
                continue
            target = self.docs_path(match.group("path"), published)
            if target is None:
                continue
            relative = posixpath.relpath(target, base or ".")
            # Only the URL is replaced; what leads to it (`](`, `href="`) stays.
            start = match.end("lead")
            new = relative + (match.group("fragment") or "")
            parts.append(source.text[position:start])
            length += start - position
            spans.spans.append(Span(start, match.end(), length, length + len(new)))
            parts.append(new)
            length += len(new)
            position = match.end()
        parts.append(source.text[position:])
        return "".join(parts), spans
