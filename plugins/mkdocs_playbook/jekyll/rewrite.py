"""The text-level rewrites a Jekyll page needs before Markdown sees it: Liquid site variables,
then links into the site's own repository.

Both leave code alone where they must, and neither adds or removes a line, so every line of
the rewritten text is the same line as written (columns may move: `page.lines` maps them
back). The code regions come from `page.source`, parsed only when a page holds a candidate.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import dataclass

from ..page.model import Problem
from ..page.offsets import OffsetMap
from ..page.source import SourceText
from .liquid import page_variables, substitute
from .repolinks import RepositoryLinks


@dataclass(frozen=True)
class PageInput:
    """What the rewrites know of the page being rendered."""

    src_uri: str
    """Its path in the docs folder: `operations/RUNBOOK.md`."""
    meta: Mapping[str, object]
    """Its front matter (`page.*` variables)."""
    first_line: int = 0
    """Lines of its file before the Markdown rendered (the front matter and what follows)."""


@dataclass(frozen=True)
class Rewrites:
    """The site's side of the rewrites."""

    variables: Mapping[str, str]
    """`site.*` values by dotted name."""
    repository: RepositoryLinks | None = None
    published: Container[str] = frozenset()
    """Docs paths of every file the site publishes, for repository links."""

    def apply(self, text: str, page: PageInput | None) -> tuple[str, list[Problem], OffsetMap]:
        """`text` rewritten; what could not be substituted, at its line and column; and where
        each replacement was made."""
        problems: list[Problem] = []
        offsets = OffsetMap()
        if "{{" in text or "{%" in text:
            source = SourceText(text)
            variables = {**self.variables, **page_variables(page.meta if page else {})}
            text, found, offsets = substitute(source, variables)
            first_line = page.first_line if page else 0
            for problem in found:
                line, column = source.line_col(problem.offset)
                problems.append(Problem(line + first_line, problem.message, column))
        repository = self.repository
        if repository is not None and page is not None and repository.url_in(text):
            text, moved = repository.rewrite(SourceText(text), page.src_uri, self.published)
            offsets = offsets.then(moved)
        return text, problems, offsets
