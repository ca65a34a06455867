"""What several build tests share: this repository copied as a clone, its wheel built there;
the build time of an ordinary page, the bound of the adversarial pages."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_adversarial import _timed_build, ordinary

from support import ROOT, Clone, commit, made_once


@pytest.fixture(scope="session")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Clone:
    """This repository as its working tree stands (uncommitted changes too, ignored files not),
    with `./scripts/build --wheel` run in it as the README says: `dist/` holds the wheel and
    `.constraints.txt`. Made once per run for every pytest-xdist worker: the tests install from
    it and read it (`python -m build` adds only the egg-info that setuptools writes)."""
    made = made_once(tmp_path_factory, "clone", _set_up_clone)
    assert made["returncode"] == 0, made["output"]
    path = Path(made["path"])
    return Clone(path, f"file://{path}")


def _set_up_clone(folder: Path) -> dict[str, Any]:
    path = folder / "playbook"
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    for name in listed:
        if (ROOT / name).is_file():
            (path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, path / name)
    commit(path)
    built = subprocess.run(
        ["./scripts/build", "--wheel"], cwd=path, capture_output=True, text=True, check=False
    )
    return {
        "returncode": built.returncode,
        "output": built.stdout + built.stderr,
        "path": str(path),
    }


@pytest.fixture(scope="session")
def ordinary_seconds(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], float]:
    """Build time of an ordinary page of a size, timed once per size (and worker): the bound of
    every pathological page of that size, in every module."""
    timed: dict[int, float] = {}

    def seconds(size: int) -> float:
        if size not in timed:
            root = tmp_path_factory.mktemp(f"ordinary-{size}")
            timed[size] = _timed_build(root, ordinary(size))[0]
        return timed[size]

    return seconds
