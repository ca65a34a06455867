"""How alike two page texts are: the longest common subsequence (LCS) of their words.

The figure is `2 * LCS / (words of both)`, 1 for two empty texts: difflib's `ratio()`
formula over the true LCS, not over `SequenceMatcher`'s greedy blocks, so no heuristic (its
`autojunk` takes a long page's frequent words out of the matching) decides an outcome.

Its cost is bounded. The common start and end are set aside first (linear). What is left
is compared by a bit-parallel LCS (Allison and Dix; Hyyrö): one big-integer step per word of
the shorter side over a bit vector as long as the other, `n * m / 64` machine words in all,
done only up to `_BIT_PARALLEL_CAP` (two sides of 20,000 differing words each: a tenth of a
second). Beyond that, Myers' O(ND) difference algorithm runs for at most `_STEPS_FLOOR` plus
`_STEPS_PER_WORD` steps per word: it is exact while the texts differ in fewer than about
`sqrt(2 * steps)` words; otherwise the figure is the upper bound it reached (`exact` False).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

_BIT_PARALLEL_CAP = 400_000_000
"""Words left on one side times words left on the other, at most, for the bit-parallel LCS."""
_STEPS_FLOOR = 1_000_000
_STEPS_PER_WORD = 20


@dataclass(frozen=True)
class Similarity:
    value: float
    """0 to 1."""
    exact: bool = True
    """False when too many words differ to measure within the bound: `value` is at most it."""


def word_similarity(jekyll: Sequence[str], ours: Sequence[str]) -> Similarity:
    """How alike two texts (lists of lines) are, word by word; where lines break does not
    matter."""
    first = [word for line in jekyll for word in line.split()]
    second = [word for line in ours for word in line.split()]
    total = len(first) + len(second)
    if not total:
        return Similarity(1.0)
    start = common_prefix(first, second)
    end = common_suffix(first, second, start)
    rest_a = first[start : len(first) - end]
    rest_b = second[start : len(second) - end]
    common = start + end
    if not rest_a or not rest_b:
        return Similarity(2 * common / total)
    if len(rest_a) * len(rest_b) <= _BIT_PARALLEL_CAP:
        return Similarity(2 * (common + _lcs_length(rest_a, rest_b)) / total)
    budget = _STEPS_FLOOR + _STEPS_PER_WORD * (len(rest_a) + len(rest_b))
    distance, exact = _edit_distance(rest_a, rest_b, budget)
    lcs = (len(rest_a) + len(rest_b) - distance) // 2
    return Similarity(2 * (common + lcs) / total, exact)


def common_prefix(a: Sequence[str], b: Sequence[str]) -> int:
    """How many items (words, lines) are equal at the starts."""
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def common_suffix(a: Sequence[str], b: Sequence[str], start: int) -> int:
    """How many items (words, lines) are equal at the ends, none of the first `start`."""
    limit = min(len(a), len(b)) - start
    count = 0
    while count < limit and a[-1 - count] == b[-1 - count]:
        count += 1
    return count


def _lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """The LCS's length, bit-parallel: bit j of `row` is 0 where the LCS grows at word j of
    `b`; each word of `a` updates the whole row in a few big-integer operations."""
    if len(a) > len(b):
        a, b = b, a
    wanted = set(a)
    masks: dict[str, int] = {}
    for position, word in enumerate(b):
        if word in wanted:
            masks[word] = masks.get(word, 0) | (1 << position)
    full = (1 << len(b)) - 1
    row = full
    for word in a:
        match = masks.get(word)
        if match:
            matched = row & match
            row = ((row + matched) | (row - matched)) & full
    return len(b) - row.bit_count()


def _edit_distance(a: Sequence[str], b: Sequence[str], budget: int) -> tuple[int, bool]:
    """Words to delete and insert to turn `a` into `b` (Myers' greedy algorithm), and True;
    or, once `budget` steps are spent, the least that it can be, and False."""
    n, m = len(a), len(b)
    offset = n + m + 1
    furthest = [0] * (2 * offset + 1)
    steps = 0
    for distance in range(n + m + 1):
        for diagonal in range(offset - distance, offset + distance + 1, 2):
            if diagonal == offset - distance or (
                diagonal != offset + distance and furthest[diagonal - 1] < furthest[diagonal + 1]
            ):
                x = furthest[diagonal + 1]
            else:
                x = furthest[diagonal - 1] + 1
            y = x - (diagonal - offset)
            slid = x
            while x < n and y < m and a[x] == b[y]:
                x += 1
                y += 1
            steps += x - slid
            furthest[diagonal] = x
            if x >= n and y >= m:
                return distance, True
        steps += distance + 1
        if steps > budget:
            return distance + 1, False
    return n + m, True
