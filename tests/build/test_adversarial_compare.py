"""`python -m mkdocs_playbook compare` on pathological pages costs about what it costs on
ordinary pages of the same size: judged, as in `test_adversarial`, by the processor time of
the command (the lesser of two runs) against `RATIO` times that of an ordinary pair.

The pathological pairs are what once cost quadratic time or worse: long pages whose words or
lines differ while repeating a few values (difflib's matcher took 13 s on two pages of
10,000 such lines; an exact LCS of 30,000 words by dynamic programming is 900 million
steps), and lines of unclosed Liquid markers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from test_adversarial import RATIO, least_cpu_seconds

from support import run_module

SIZE = 300_000
"""Characters of each page's text: over 20,000 words, beyond the similarity's bit-parallel
bound (`similarity._BIT_PARALLEL_CAP`), so its other bound is tried too."""

JEKYLL = '<html><body><a class="site-title" href="/">S</a><div id="main-content">{}</div></body>'
MATERIAL = (
    '<html><head><link rel="canonical" href="https://s.example/"></head>'
    '<body><article class="md-content__inner">{}</article></body>'
)


def _paragraphs(line: Callable[[int], str]) -> str:
    """Paragraphs `line(0)`, `line(1)`, ... up to `SIZE` characters."""
    parts: list[str] = []
    total = 0
    while total < SIZE:
        parts.append(f"<p>{line(len(parts))}</p>\n")
        total += len(parts[-1])
    return "".join(parts)


ORDINARY = _paragraphs(lambda i: f"Restart worker {i} then check the queue and pods.")
PATHOLOGICAL: dict[str, tuple[str, str]] = {
    # Every word differs.
    "different-words": (
        _paragraphs(lambda i: f"w{i}"),
        _paragraphs(lambda i: f"v{i}"),
    ),
    # A hundred lines repeated in another order: difflib's worst on lines.
    "repeated-lines-reordered": (
        _paragraphs(lambda i: f"line {i % 100} of text"),
        _paragraphs(lambda i: f"line {(i * 7 + 3) % 100} of text"),
    ),
    # Three words, each third, in another order.
    "few-words-reordered": (
        _paragraphs(lambda i: "a b c"),
        _paragraphs(lambda i: "b a c"),
    ),
    # Unclosed Liquid and kramdown markers, a long line of them.
    "unclosed-markers": (
        "<p>" + "{{ {% {: " * (SIZE // 9) + "</p>",
        "<p>" + "{{ {% {: " * (SIZE // 9) + "x</p>",
    ),
}


def _timed_compare(root: Path, jekyll: str, ours: str, within: float | None = None) -> float:
    """The lesser processor time of two runs of `compare` on a one-page site each
    (`least_cpu_seconds`)."""
    for name, page, body in (("jekyll", JEKYLL, jekyll), ("ours", MATERIAL, ours)):
        (root / name).mkdir(parents=True)
        (root / name / "index.html").write_text(page.format(body), "utf-8")

    def compare() -> None:
        result = run_module(
            root,
            *("mkdocs_playbook", "compare", "jekyll", "--site", "ours", "--report", "r.md"),
            fresh=True,
        )
        assert result.returncode in (0, 1), result.stderr[-2000:]

    return least_cpu_seconds(compare, within)[0]


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> float:
    return _timed_compare(tmp_path_factory.mktemp("ordinary"), ORDINARY, ORDINARY)


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_a_pathological_pair_compares_about_as_fast_as_an_ordinary_one(
    name: str, baseline: float, tmp_path: Path
) -> None:
    jekyll, ours = PATHOLOGICAL[name]
    assert abs(len(jekyll) - SIZE) < SIZE // 10
    seconds = _timed_compare(tmp_path, jekyll, ours, within=RATIO * baseline)
    assert seconds <= RATIO * baseline, (name, seconds, baseline)
