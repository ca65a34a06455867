"""A broken link whose destination holds spaces (abap-leitfaden's
`[Mocking ...](Testdatenverwaltung in ECATT-Containern)`, a heading's text written as the
target; kramdown and Python-Markdown keep it as a link) is reported at its line and column,
with its whole target, where it was said to be "in the page's HTML: added by an extension or
widget"; on a page with Liquid too, whose rewrites move offsets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import make_project, run_build

BODY = """---
title: Tests
---
# Tests

Intro{suffix}.

Mehr dazu:

Siehe [Mocking mit ECATT](Testdatenverwaltung in ECATT-Containern) dort.
"""


@pytest.mark.parametrize("suffix", ["", " zu {{ site.title }}"], ids=["plain", "liquid"])
def test_a_destination_with_spaces_is_reported_where_it_is_written(
    tmp_path: Path, suffix: str
) -> None:
    files = {
        "_config.yml": "title: Leitfaden\n",
        "index.md": "---\ntitle: Home\n---\n# Home\n",
        "x.md": BODY.format(suffix=suffix),
    }
    build = run_build(make_project(tmp_path, files), strict=False)
    found = re.findall(r"^WARNING +- +playbook: (.*)$", build.output, re.MULTILINE)
    assert found == [
        "docs/x.md:10:27: link target Testdatenverwaltung in ECATT-Containern: no such page or file"
    ], build.output
