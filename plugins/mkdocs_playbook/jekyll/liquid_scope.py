"""What a text's Liquid is rendered with: its variables, the "did you mean" for names it does
not know, and how much its page may still grow.

A page's scope is made once per page (`Scope.of`); each include it renders gets an inner scope
(`Scope.inner`) that adds the include's parameters and shares the page's growth and
suggestions, so nothing is worked out once per include that could be worked out once per page,
and nothing outlives the page.
"""

from __future__ import annotations

import difflib
from collections import ChainMap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

GROWTH_LIMIT = 2 * 1024 * 1024
"""Characters the rewrites may add to one page, included text and substituted values together:
eight times the 240 KB page the adversarial tests build, and many times any real playbook page.
Past it, includes (of includes) that multiply a few bytes into megabytes stop."""
_CANDIDATES = 50
"""Known names a suggestion is looked for among, at most, twice (see `Suggestions`): a real
site's `_config.yml` has a few dozen keys at one depth."""
_LONGEST_SUGGESTED = 100
"""An unknown name longer than this gets no suggestion (no variable name is that long)."""


class Growth:
    """How much one page's rewrites have added to it, against `GROWTH_LIMIT`."""

    def __init__(self, limit: int = GROWTH_LIMIT) -> None:
        self.limit = limit
        self.added = 0
        self.reported = False
        """Whether a value was left out for it already (the page reports that once)."""

    def take(self, characters: int) -> bool:
        """Whether `characters` more fit; counted when they do."""
        if self.added + characters > self.limit:
            return False
        self.added += characters
        return True

    @property
    def refusal(self) -> str:
        """Why what does not fit is left out."""
        return (
            f"the page would grow by more than {mebibytes(self.limit)} "
            "(its includes and values together)"
        )


def mebibytes(size: int) -> str:
    """`2 MiB` for 2,097,152 bytes (or characters)."""
    return f"{size / 1024 / 1024:g} MiB"


class Suggestions:
    """The known name closest to each unknown one, worked out once per name, among a bounded
    few known names of its namespace (first dotted segment) and depth: the first
    `_CANDIDATES` of them, and the first `_CANDIDATES` whose last segment starts with the same
    letter. Thousands of unknown names against a `_config.yml` of thousands of keys stay cheap.

    An include's suggestions hold its parameters and ask the page's for other namespaces.
    """

    def __init__(self, names: Iterable[str], outer: Suggestions | None = None) -> None:
        self._names = names
        self._outer = outer
        self._groups: dict[tuple[str, int, str], list[str]] | None = None
        self._namespaces: set[str] = set()
        self._closest: dict[str, str | None] = {}

    def closest(self, name: str) -> str | None:
        if name not in self._closest:
            groups = self._grouped()
            namespace = name.partition(".")[0]
            if self._outer is not None and namespace not in self._namespaces:
                self._closest[name] = self._outer.closest(name)
            else:
                candidates = list(
                    dict.fromkeys(known for key in _keys(name) for known in groups.get(key, ()))
                )
                found = (
                    difflib.get_close_matches(name, candidates, n=1)
                    if len(name) <= _LONGEST_SUGGESTED
                    else []
                )
                self._closest[name] = found[0] if found else None
        return self._closest[name]

    def _grouped(self) -> dict[tuple[str, int, str], list[str]]:
        if self._groups is None:
            self._groups = {}
            for known in self._names:
                self._namespaces.add(known.partition(".")[0])
                for key in _keys(known):
                    group = self._groups.setdefault(key, [])
                    if len(group) < _CANDIDATES:
                        group.append(known)
        return self._groups


def _keys(name: str) -> tuple[tuple[str, int, str], tuple[str, int, str]]:
    """`("site", 2, "")` and `("site", 2, "o")` for `site.github.owner_name`."""
    namespace, depth = name.partition(".")[0], name.count(".")
    return (namespace, depth, ""), (namespace, depth, name.rpartition(".")[2][:1])


@dataclass(frozen=True)
class Scope:
    """The variables a text is rendered with, and what its page keeps across its includes."""

    variables: Mapping[str, str]
    """Values by dotted name: `site.title`, `page.title`, `include.who`."""
    suggestions: Suggestions
    growth: Growth

    @classmethod
    def of(cls, variables: Mapping[str, str], growth: Growth | None = None) -> Scope:
        """A page's scope."""
        return cls(variables, Suggestions(variables), growth or Growth())

    def inner(self, parameters: Mapping[str, str]) -> Scope:
        """An include's scope: its parameters over the variables it is included with."""
        return Scope(
            # Layered, not copied: an include costs its parameters, not the site's variables.
            ChainMap(dict(parameters), self.variables),  # type: ignore[arg-type]
            Suggestions(parameters, self.suggestions),
            self.growth,
        )
