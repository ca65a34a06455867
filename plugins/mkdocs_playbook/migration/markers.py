"""Literal markers: Liquid, kramdown and GitHub alert syntax a page shows as text.

What Jekyll's own page shows as well (a `{% raw %}` example, a code sample of kramdown) is not
ours to fix, so only the markers beyond Jekyll's count: `markers_left`. A marker is a Liquid
output or tag (`{{ ... }}`, `{% ... %}`, or an opening one never closed on its line), a
kramdown attribute list or extension (`{: ... }`, `{::name}`), or a GitHub alert marker
(`[!NOTE]`). Each pattern is bounded, so a line of many unclosed `{{` is read in linear time.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_MARKER = re.compile(
    r"\{\{.{0,200}?\}\}|\{%.{0,200}?%\}|\{\{|\{%|\{::?[^{}\n]{0,200}\}"
    r"|\[!(?i:note|tip|important|warning|caution)\]"
)
_SHOWN = 60
"""Characters of a marker shown in the report."""


def literal_markers(lines: Iterable[str]) -> list[str]:
    """The markers in `lines`, in order, each cut to `_SHOWN` characters."""
    return [
        found[:_SHOWN] + ("…" if len(found) > _SHOWN else "")
        for line in lines
        for found in _MARKER.findall(line)
    ]


def markers_left(jekyll: Iterable[str], ours: Iterable[str]) -> tuple[str, ...]:
    """The markers of our lines that Jekyll's lines do not show as well (as many times)."""
    shown = Counter(literal_markers(jekyll))
    left = []
    for marker in literal_markers(ours):
        if shown[marker]:
            shown[marker] -= 1
        else:
            left.append(marker)
    return tuple(left)
