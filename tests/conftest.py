"""Fixtures shared by every tier, and each tier's marker, given by its folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import ROOT, Build, run_build


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per session with `mkdocs build --strict` from a copy."""
    project = tmp_path_factory.mktemp("site-project")
    for name in ("mkdocs.yml", "docs", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            shutil.copy2(source, project / name)
    build = run_build(project)
    assert build.returncode == 0, build.output
    return build


TIERS = ("unit", "property", "build", "browser")
"""Test folders, each a marker of the same name: `pytest -m "not browser"` runs the rest."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folder = Path(str(item.path)).parent.name
        if folder in TIERS:
            item.add_marker(getattr(pytest.mark, folder))
