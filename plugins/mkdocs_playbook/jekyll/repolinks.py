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

from ..page.source import SourceText


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

    def rewrite(self, source: SourceText, page_uri: str, published: Container[str]) -> str:
        """`source` with its repository links to published files made relative to `page_uri`."""
        base = posixpath.dirname(page_uri)

        def replace(match: re.Match[str]) -> str:
            if match.group("branch") not in self.branches or source.in_code(match.start()):
                return match.group(0)
            target = self.docs_path(match.group("path"), published)
            if target is None:
                return match.group(0)
            relative = posixpath.relpath(target, base or ".")
            return match.group("lead") + relative + (match.group("fragment") or "")

        return self._pattern.sub(replace, source.text)
