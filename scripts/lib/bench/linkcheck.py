"""Link checking: the plugin's in-build validation (if it times itself) and LinkChecker's wall
time through `scripts/check-links` (if this branch has it)."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parents[3]
CHECK_LINKS = REPOSITORY / "scripts" / "check-links"
_TIMEOUT = 300


def check_links(project: Path | None, *, skip: bool = False) -> dict[str, Any]:
    """Wall time of `scripts/check-links` on the project folder `project`."""
    if not CHECK_LINKS.exists():
        return {"available": False}
    if skip or project is None:
        return {"available": True, "skipped": True}
    command = [str(CHECK_LINKS), str(project)]
    started = time.perf_counter()
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        return {"available": True, "timed_out": True, "seconds": float(_TIMEOUT)}
    return {
        "available": True,
        "timed_out": False,
        "seconds": time.perf_counter() - started,
        "returncode": result.returncode,
        "output_tail": (result.stdout + result.stderr)[-600:],
    }
