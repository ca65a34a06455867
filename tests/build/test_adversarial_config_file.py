"""A `_config.yml` larger than 1 MiB stops the build at once with a message naming it, within
`RATIO` of an ordinary build's processor time, instead of being read and parsed whole."""

from __future__ import annotations

import re
from pathlib import Path

from test_adversarial import _timed_build, bounded_build, ordinary

SIZE = 20_000
CONFIG = "title: Ops\nplugins:\n  - jekyll-optional-front-matter\n"


def test_a_config_file_over_the_limit_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "ordinary").mkdir()
    (tmp_path / "large").mkdir()
    baseline, _ = _timed_build(tmp_path / "ordinary", ordinary(SIZE), {"_config.yml": CONFIG})
    large = {"_config.yml": CONFIG + "# padding\n" * 110_000}
    build = bounded_build(
        tmp_path / "large", ordinary(SIZE), large, succeeds=False, baseline=baseline
    )
    assert re.search(
        r"docs/_config\.yml:1: _config\.yml is larger than 1 MiB; it is not read", build.output
    ), build.output[-3000:]
    assert "Traceback" not in build.output
