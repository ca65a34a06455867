"""The plugin stays ruff- and mypy-clean (STYLE.md), checked with the pinned tools."""

from __future__ import annotations

import subprocess
import sys

import pytest

from support import ROOT


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "plugins", "tests", "scripts"],
        ["ruff", "format", "--check", "plugins", "tests", "scripts"],
        ["mypy"],
    ],
    ids=lambda command: " ".join(command[:2]),
)
def test_tool_is_clean(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
