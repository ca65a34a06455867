"""The id a missing `#anchor` most likely meant, among a bounded few of a page's ids.

difflib costs each comparison time quadratic in the two names' length, so comparing every
missing anchor with every id of its page made a page of 1,000 headings and 1,000 mistyped
anchors take 18 s to build, and 3,000 of each more than 5 minutes. Each page's ids are sorted
once; a missing anchor is compared only with the ids next to it in that order, and in the
order of the reversed names (a typo near the end, or near the start), and each is worked out
once. On a page of at most `2 * NEIGHBOURS` ids, every id is compared.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable

NEIGHBOURS = 10
"""Ids taken on each side of a missing anchor, in each order."""
LONGEST_GUESSED = 100
"""Anchors and ids longer than this take part in no guess: difflib is quadratic in length."""


class ClosestIds:
    """A page's ids, ready to answer which one a missing anchor meant."""

    def __init__(self, ids: Iterable[str]) -> None:
        known = sorted(ids)
        self._by_lower: dict[str, str] = {}
        for name in known:
            self._by_lower.setdefault(name.lower(), name)
        self._forward = [name for name in known if len(name) <= LONGEST_GUESSED]
        self._backward = sorted(name[::-1] for name in self._forward)
        self._guesses: dict[str, str | None] = {}

    def closest(self, fragment: str) -> str | None:
        """The id that differs from `fragment` only in case, else the most similar, if any."""
        if fragment not in self._guesses:
            same_case = self._by_lower.get(fragment.lower())
            self._guesses[fragment] = same_case or self._similar(fragment)
        return self._guesses[fragment]

    def _similar(self, fragment: str) -> str | None:
        if len(fragment) > LONGEST_GUESSED:
            return None
        candidates = dict.fromkeys(_around(self._forward, fragment))
        candidates.update(
            dict.fromkeys(name[::-1] for name in _around(self._backward, fragment[::-1]))
        )
        found = difflib.get_close_matches(fragment, sorted(candidates), n=1, cutoff=0.6)
        return found[0] if found else None


def _around(ordered: list[str], name: str) -> list[str]:
    """The `NEIGHBOURS` names of `ordered` on each side of where `name` would stand."""
    at = bisect.bisect_left(ordered, name)
    return ordered[max(0, at - NEIGHBOURS) : at + NEIGHBOURS]
