"""Hostile YAML and page data cannot stall or crash the build: each is reported at its file and
line, without a traceback, within `RATIO` of the processor time of an ordinary build.

An alias bomb in `_config.yml` (395 bytes) ended in `MemoryError`; `title: *l7` in front matter
took 67 s; 5,000 nested lists raised a `RecursionError` naming no file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_adversarial import RATIO, _timed_build, ordinary

from support import alias_bomb, nested_yaml

SIZE = 20_000


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> float:
    """Build time of an ordinary page of `SIZE`, with an ordinary `_config.yml`."""
    root = tmp_path_factory.mktemp("ordinary")
    return _timed_build(root, ordinary(SIZE), {"_config.yml": "title: Ops\n"})[0]


@pytest.mark.parametrize(
    ("config", "line", "message"),
    [
        pytest.param(alias_bomb(8), 5, r"alias \*l3: the aliases would repeat", id="alias-bomb"),
        pytest.param(nested_yaml(5_000), 1, "nested more than 100 levels deep", id="nested"),
    ],
)
def test_a_hostile_config_stops_the_build_at_its_line(
    config: str, line: int, message: str, baseline: float, tmp_path: Path
) -> None:
    seconds, build = _timed_build(tmp_path, ordinary(SIZE), {"_config.yml": config}, succeeds=False)
    assert seconds <= RATIO * baseline, (seconds, baseline)
    assert re.search(rf"docs/_config\.yml:{line}: malformed _config\.yml: {message}", build.output)
    assert "Traceback" not in build.output


@pytest.mark.parametrize(
    ("front_matter", "line", "message"),
    [
        pytest.param(
            alias_bomb(7) + "title: *l7\n", 6, r"alias \*l3: the aliases would", id="alias-bomb"
        ),
        pytest.param(nested_yaml(5_000), 2, "nested more than 100 levels", id="nested"),
        pytest.param("title: A\nd: &d [1, *d]\n", 3, r"alias \*d is inside", id="cycle"),
        pytest.param("title: A\ndate: 2024-13-45\n", 3, "cannot read '2024-13-45'", id="date"),
    ],
)
def test_hostile_front_matter_is_a_finding_at_its_line(
    front_matter: str, line: int, message: str, baseline: float, tmp_path: Path
) -> None:
    page = f"---\n{front_matter}---\n{ordinary(SIZE)}"
    seconds, build = _timed_build(tmp_path, page, {"_config.yml": "title: Ops\n"})
    assert seconds <= RATIO * baseline, (seconds, baseline)
    assert re.search(rf"docs/index\.md:{line}: malformed front matter: {message}", build.output)
    assert "Traceback" not in build.output
    assert "Restart the worker" in build.html("index.html")
