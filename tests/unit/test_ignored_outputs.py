"""What the scripts write is ignored by git: `./scripts/build --wheel`'s `dist/`, the site."""

from __future__ import annotations

import subprocess

import pytest

from support import ROOT


@pytest.mark.parametrize(
    "path", ["dist/mkdocs_playbook-0.5.0-py3-none-any.whl", "dist/.constraints.txt", "site/a.html"]
)
def test_build_outputs_are_ignored(path: str) -> None:
    checked = subprocess.run(
        ["git", "check-ignore", "--no-index", "--quiet", path], cwd=ROOT, check=False
    )
    assert checked.returncode == 0, f"{path} is not ignored by .gitignore"
