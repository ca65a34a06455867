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
_TIMEOUT = 600.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _lines(stream: IO[str], into: queue.Queue[str]) -> None:
    for line in stream:
        into.put(line)


def _wait_for_build(lines: queue.Queue[str], deadline: float) -> float:
    while True:
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            raise RuntimeError("mkdocs serve did not finish a build in time") from None
        match = _BUILT_RE.search(line)
        if match:
            return float(match.group(1))


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
        deadline = time.monotonic() + _TIMEOUT
        _wait_for_build(lines, deadline)
        # Let the file watcher settle before the edit, as a writer would.
        time.sleep(1.0)
        page.write_text(original + "\nEdited while serving.\n", encoding="utf-8")
        return _wait_for_build(lines, deadline)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        page.write_text(original, encoding="utf-8")
