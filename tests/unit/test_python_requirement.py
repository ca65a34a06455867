"""One Python requirement: `requires-python` in pyproject.toml, which is what the pinned
dependencies need; ruff's target and the workflow's Python follow it."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import metadata

import yaml

from support import ROOT, pins

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def floor(specifier: str) -> tuple[int, ...]:
    """The version a `>=X.Y[.Z]` specifier starts at."""
    found = re.fullmatch(r"\s*>=\s*(\d+(?:\.\d+)*)\s*", specifier)
    assert found, f"not a plain lower bound: {specifier!r}"
    return tuple(int(part) for part in found.group(1).split("."))


REQUIRED = floor(PYPROJECT["project"]["requires-python"])


def test_requires_python_is_what_the_pinned_site_requirements_need() -> None:
    needs = {
        name: floor(metadata(name)["Requires-Python"])
        for name in pins(ROOT / "requirements" / "site.txt")
        if metadata(name)["Requires-Python"]
    }
    assert REQUIRED == max(needs.values()), needs


def test_ruff_targets_that_python() -> None:
    target = PYPROJECT["tool"]["ruff"]["target-version"]
    assert target == f"py{REQUIRED[0]}{REQUIRED[1]}"


def test_the_workflow_runs_that_python() -> None:
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    versions = []
    for job in jobs.values():
        image = (job.get("container") or {}).get("image", "")
        if image.startswith("python:"):
            versions.append(image.removeprefix("python:").split("-")[0])
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/setup-python"):
                versions.append(str(step["with"]["python-version"]))
    assert versions, "no job sets up Python"
    # An image or setup-python's "X.Y" is that minor version's newest release, never below
    # the floor's patch release.
    assert set(versions) == {f"{REQUIRED[0]}.{REQUIRED[1]}"}


def test_no_other_file_states_another_python() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert not re.search(r"Python 3\.\d+", readme)
