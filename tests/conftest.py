"""Fixtures shared by every tier, and each tier's marker, given by its folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from support import Build, build_with_zensical, made_once, run_build, site_copy


def _shared(build: Callable[[Path], Build]) -> Callable[[Path], dict[str, Any]]:
    """`build` as `made_once` takes it: its Build as JSON."""

    def make(folder: Path) -> dict[str, Any]:
        done = build(folder)
        return {"returncode": done.returncode, "output": done.output, "site": str(done.site_dir)}

    return make


def _from_shared(made: dict[str, Any]) -> Build:
    return Build(made["returncode"], made["output"], Path(made["site"]))


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per run with `mkdocs build --strict` from a copy (once for
    every pytest-xdist worker: the tests only read it)."""
    made = made_once(tmp_path_factory, "site-project", _shared(lambda p: run_build(site_copy(p))))
    build = _from_shared(made)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def zensical_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per run with Zensical, as `./scripts/build --zensical`
    builds it (prepare, zensical build, prepare --check), from a copy."""
    made = made_once(
        tmp_path_factory,
        "zensical-site",
        _shared(lambda p: build_with_zensical(site_copy(p))),
    )
    build = _from_shared(made)
    assert build.returncode == 0, build.output
    return build


TIERS = ("unit", "property", "build", "browser")
"""Test folders, each a marker of the same name: `pytest -m "not browser"` runs the rest."""


SLOWEST_FIRST = "clone"
"""The modules whose tests take this fixture (fresh virtual environments, pip installs, the
wheel: minutes) run first, so that no worker starts them when the others are done."""


BETWEEN_SLOWEST = 8
"""Other modules between two of those taking SLOWEST_FIRST: as long, with the heavy tiers'
modules, as making the clone takes."""


def _run_order(items: list[pytest.Item]) -> dict[Path, int]:
    """Each module's place: those taking SLOWEST_FIRST first, BETWEEN_SLOWEST others after
    each, then the rest in collection order (the heavy tiers, browser and build, before the
    light).

    pytest-xdist (--dist loadscope, --no-loadscope-reorder: scripts/test) hands the modules out
    in this order, two to each worker at first. The modules between the slowest go to the other
    workers, which run them while the first makes the clone, instead of waiting for it."""
    modules = list(dict.fromkeys(item.path for item in items))
    slowest = {item.path for item in items if SLOWEST_FIRST in getattr(item, "fixturenames", ())}
    first = [module for module in modules if module in slowest]
    rest = [module for module in modules if module not in slowest]
    ordered = []
    for index, module in enumerate(first):
        ordered += [module, *rest[index * BETWEEN_SLOWEST : (index + 1) * BETWEEN_SLOWEST]]
    ordered += rest[len(first) * BETWEEN_SLOWEST :]
    return {module: place for place, module in enumerate(ordered)}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folder = Path(str(item.path)).parent.name
        if folder in TIERS:
            item.add_marker(getattr(pytest.mark, folder))
    order = _run_order(items)
    # A stable sort: each module's tests keep their order.
    items.sort(key=lambda item: order[item.path])
