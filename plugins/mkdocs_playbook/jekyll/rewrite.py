"""The text-level rewrites a Jekyll page needs before Markdown sees it: Liquid site variables,
then links into the site's own repository.

Both leave code alone where they must, and neither adds or removes a line, so every line of
the rewritten text is the same line as written (columns may move: `page.lines` maps them
back). The code regions come from `page.source`, parsed only when a page holds a candidate.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import dataclass, field

from ..page.model import Problem
from ..page.offsets import OffsetMap
from ..page.source import Source
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

    def apply(self, text: str, page: PageInput | None) -> Rewritten:
        """`text` rewritten, with what could not be substituted and where each replacement
        was made."""
        result = Rewritten(text)
        if "{{" in text or "{%" in text:
            source = Source(text)
            variables = {**self.variables, **page_variables(page.meta if page else {})}
            text, found, offsets = substitute(source, variables)
            first_line = page.first_line if page else 0
            for problem in found:
                line, column = source.line_col(problem.offset)
                result.problems.append(Problem(line + first_line, problem.message, column))
            result = Rewritten(text, result.problems, offsets, source)
        repository = self.repository
        if repository is not None and page is not None and repository.url_in(text):
            reusable = result.source is not None and result.source.text == text
            parsed = result.source if result.source is not None and reusable else Source(text)
            text, moved = repository.rewrite(parsed, page.src_uri, self.published)
            result = Rewritten(text, result.problems, result.offsets.then(moved), parsed)
        return result


@dataclass
class Rewritten:
    """A page's text after the rewrites."""

    text: str
    problems: list[Problem] = field(default_factory=list)
    """What could not be substituted, at its line (in the file) and column."""
    offsets: OffsetMap = field(default_factory=OffsetMap)
    """Where each replacement was made."""
    source: Source | None = None
    """The last parse made of a text on the way; reusable while it is still `text`'s."""
