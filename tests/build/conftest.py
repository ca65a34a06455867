"""What several build tests share: this repository copied as a clone, its wheel built there."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from support import ROOT, Clone, commit


@pytest.fixture(scope="session")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Clone:
    """This repository as its working tree stands (uncommitted changes too, ignored files not),
    with `./scripts/build --wheel` run in it as the README says: `dist/` holds the wheel and
    `.constraints.txt`."""
    path = tmp_path_factory.mktemp("clone") / "playbook"
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
    assert built.returncode == 0, built.stdout + built.stderr
    return Clone(path, f"file://{path}")
