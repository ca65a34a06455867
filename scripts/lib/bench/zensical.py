"""Zensical's build of the corpus, clean and cached, beside Material's (issue 19).

`python -m mkdocs_playbook prepare` first (timed on its own: it is the step a Zensical site adds),
then `zensical build --clean` and `zensical build` again with its cache, each `runs` times. The
baseline is Material's build of the same corpus with the plugin (`ours`), from the same run.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .builds import Project


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one command, which must succeed."""
    wall, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-4000:]}")
    return time.perf_counter() - wall, _children_cpu() - cpu


def _zensical() -> str:
    beside = Path(sys.executable).with_name("zensical")
    found = str(beside) if beside.exists() else shutil.which("zensical")
    if found is None:
        raise RuntimeError("zensical is not installed (requirements/zensical.txt)")
    return found


def measure(project: Project, runs: int) -> dict[str, Any]:
    config = project.config("ours")
    prepare = _timed(
        [sys.executable, "-m", "mkdocs_playbook", "prepare", "-f", config.name], project.root
    )
    prepared = config.with_name(f"{config.stem}.zensical.yml").name
    clean: list[tuple[float, float]] = []
    cached: list[tuple[float, float]] = []
    for _ in range(runs):
        clean.append(_timed([_zensical(), "build", "--clean", "-f", prepared], project.root))
        cached.append(_timed([_zensical(), "build", "-f", prepared], project.root))
        print(
            f"  {project.pages} pages, zensical: clean {clean[-1][0]:.2f} s, "
            f"cached {cached[-1][0]:.2f} s",
            file=sys.stderr,
        )
    return {
        "prepare_seconds": prepare[0],
        "clean_seconds": [wall for wall, _ in clean],
        "clean_median_seconds": statistics.median(wall for wall, _ in clean),
        "clean_median_cpu_seconds": statistics.median(cpu for _, cpu in clean),
        "cached_seconds": [wall for wall, _ in cached],
        "cached_median_seconds": statistics.median(wall for wall, _ in cached),
        "cached_median_cpu_seconds": statistics.median(cpu for _, cpu in cached),
    }
