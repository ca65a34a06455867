"""Thousands of mistyped anchors on a page of thousands of headings build about as fast as an
ordinary page: each missing anchor's "did you mean" is looked for among a few of the page's
ids, not all of them (`links/closest.py`).

Judged, as in `test_adversarial`, by the build's processor time against an ordinary page of
the same size (`RATIO`). Comparing each with every id, 1,000 of each took 18 s against 1 s.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from test_adversarial import bounded_build

COUNT = 2000


def test_mistyped_anchors_among_many_headings(
    ordinary_seconds: Callable[[int], float], tmp_path: Path
) -> None:
    headings = "".join(f"## Restart step {k}\n\n" for k in range(COUNT))
    links = "".join(f"[Step {k}](#restart-stp-{k})\n" for k in range(COUNT))
    text = "# Page\n\n" + headings + links
    baseline = ordinary_seconds(len(text))
    build = bounded_build(tmp_path, text, baseline=baseline)
    found = re.findall(
        r"link target #restart-stp-\d+: no such anchor; did you mean #", build.output
    )
    assert len(found) == COUNT
    first = 3 + 2 * COUNT
    assert (
        f"docs/index.md:{first}:10: link target #restart-stp-0: no such anchor; "
        "did you mean #restart-step-0?"
    ) in build.output
