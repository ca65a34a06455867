"""What several build tests share: this repository copied as a clone, its wheel built there."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

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
