"""The rebuild `mkdocs serve` does after one page changes, as MkDocs itself times it."""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

_BUILT_RE = re.compile(r"Documentation built in ([0-9.]+) seconds")
_SERVING_RE = re.compile(r"Serving on (\S+)")
_DETECTED_RE = re.compile(r"(Detected file changes)")
_DETECT_TIMEOUT = 15.0
_TIMEOUT = 600.0
_EDITS = 3
_POLL_SETTLE = 2.0
"""Seconds after "Serving on" before an edit: MkDocs polls the files every 0.5 s."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _lines(stream: IO[str], into: queue.Queue[str]) -> None:
    for line in stream:
        into.put(line)


def _wait_for(lines: queue.Queue[str], pattern: re.Pattern[str], deadline: float) -> str:
    """The first group of the next line matching `pattern`; "" when `deadline` passes."""
    while True:
        try:
            line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            return ""
        match = pattern.search(line)
        if match:
            return match.group(1)


def rebuild_seconds(config: Path, page: Path) -> float:
    """Start `mkdocs serve`, change `page` once the site is served, return the rebuild time."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-f",
        str(config),
        "--dev-addr",
        f"127.0.0.1:{_free_port()}",
    ]
    process = subprocess.Popen(
        command,
        cwd=config.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
    original = page.read_text(encoding="utf-8")
    try:
        if not _wait_for(lines, _SERVING_RE, time.monotonic() + _TIMEOUT):
            raise RuntimeError(f"mkdocs serve -f {config.name} did not start")
        # MkDocs' polling watcher snapshots the files when it starts, around "Serving on";
        # an edit before the snapshot goes unseen, so edit again until MkDocs sees one.
        for attempt in range(1, _EDITS + 1):
            time.sleep(_POLL_SETTLE)
            page.write_text(original + f"\nEdited while serving ({attempt}).\n", encoding="utf-8")
            if _wait_for(lines, _DETECTED_RE, time.monotonic() + _DETECT_TIMEOUT):
                seconds = _wait_for(lines, _BUILT_RE, time.monotonic() + _TIMEOUT)
                if not seconds:
                    break
                return float(seconds)
        raise RuntimeError(f"mkdocs serve -f {config.name} did not rebuild after an edit")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        page.write_text(original, encoding="utf-8")
