"""The site's own Sass, read for callout colours (`jekyll.sass_colours`), cannot stall the
build: a hostile `setup.scss` (long runs of spaces in declarations never ended, a colour whose
variables refer to one another in a ring) builds within `RATIO` of the processor time of the
same site with an ordinary one of the same size."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_adversarial import _timed_build, bounded_build, ordinary

SIZE = 400_000
"""Bytes of Sass: well under the 1 MiB read of each file."""
PAGE = ordinary(20_000) + "\n{: .tip }\nRestart the worker.\n"
CONFIG = "title: Ops\ncallouts:\n  tip:\n    title: Tip\n    color: own-x\n"
ORDINARY = "$own-x-000: #d7f5f1;\n$own-x-300: #0b7a6e;\n"
HOSTILE = {
    "spaces-never-ended": "$own-x-300:" + " " * 4000 + "!default\n",
    "spaces-before-default": "$a:" + " " * 4000 + "x !default;\n",
    "references-in-a-ring": "$own-x-300: $a;\n$a: $b;\n$b: $a;\n",
}


def sass(piece: str) -> str:
    return piece * (SIZE // len(piece))


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_sass_builds_about_as_fast_as_ordinary_sass(name: str, tmp_path: Path) -> None:
    (tmp_path / "ordinary").mkdir()
    (tmp_path / "hostile").mkdir()
    files = {"_config.yml": CONFIG, "_sass/custom/setup.scss": sass(ORDINARY)}
    baseline, _ = _timed_build(tmp_path / "ordinary", PAGE, files)
    hostile = {**files, "_sass/custom/setup.scss": sass(HOSTILE[name])}
    build = bounded_build(tmp_path / "hostile", PAGE, hostile, baseline=baseline, label=name)
    # Nothing plain to draw the callout with: reported, and shown grey.
    assert "gives no plain `$own-x-300` colour" in build.output, build.output[-2000:]
    assert "Traceback" not in build.output
