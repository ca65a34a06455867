"""Problems found in the content of a build, each tied to a source file and line."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

# Control characters, line and paragraph separators and bidirectional overrides: in a log
# line they would start a new line (on GitHub Actions, `::error` there is a workflow command),
# steer the terminal, or show text in another order than it has.
_UNPRINTABLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` for a log line: every unprintable character shown as its escape (`\\n`)."""
    return _UNPRINTABLE_RE.sub(lambda match: repr(match.group(0))[1:-1], text)


@dataclass(frozen=True, order=True)
class Finding:
    """One content problem, in file coordinates: `path:line[:column]: message`.

    The one problem type: what reads a page, its front matter, the nav or `_config.yml` makes
    them, and the build reports them (`Findings`); an extension with no plugin logs them.
    """

    path: str = ""
    """Source path relative to the project, e.g. `docs/operations/RUNBOOK.md`; empty for
    the page being read, whose path the build gives when it reports it (`Findings.add_page`);
    a docs path (`operations/RUNBOOK.md`) from what knows only those (the nav)."""
    line: int = 0
    """1-based line in the source file (0 when the problem concerns the whole file)."""
    column: int = 0
    """1-based column, 0 when unknown."""
    message: str = field(default="", compare=True)
    level: str = field(default="warning", compare=False)
    """`warning` fails `mkdocs build --strict`; `info` is only listed."""
    kind: str = ""
    """What was checked, e.g. `missing_anchor`; empty for other content problems."""

    @property
    def where(self) -> str:
        """`path:line[:column]`; the path alone for a problem of the whole file."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}:{self.column}" if self.column else where

    def __str__(self) -> str:
        return printable(f"{self.where}: {self.message}")

    def at_path(self, path: str) -> Finding:
        """This finding, named in `path` (the build's name for its file)."""
        return replace(self, path=path)


@dataclass
class Findings:
    """Collects the findings of a build so they are reported together, sorted."""

    items: list[Finding] = field(default_factory=list)

    def add(
        self,
        path: str,
        line: int,
        message: str,
        column: int = 0,
        *,
        level: str = "warning",
        kind: str = "",
    ) -> None:
        self.items.append(Finding(path, line, column, message, level, kind))

    def add_page(self, path: str, problems: Iterable[Finding]) -> None:
        """A file's problems, found by what did not know the path the build shows (a page's
        readers give none, the nav its docs path), under `path`."""
        self.items.extend(problem.at_path(path) for problem in problems)

    def sorted(self) -> list[Finding]:
        """Unique findings by file, line and column."""
        return sorted(set(self.items))
