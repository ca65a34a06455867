"""The rebuild `mkdocs serve` does after one page changes: from MkDocs' "Building
documentation..." to its "Reloading browsers", the configuration read again and the build, what
a writer waits for once MkDocs has seen the edit.

Timed by when those lines arrive, not by MkDocs' own "Documentation built in" line: under load,
a server was seen to rebuild and reload without printing that line (nor "Cleaning site
directory"), three servers in a row, so the run failed; its two neighbours always come."""

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

_SERVING_RE = re.compile(r"Serving on (\S+)")
_DETECTED_RE = re.compile(r"(Detected file changes)")
_BUILDING_RE = re.compile(r"(Building documentation\.\.\.)")
# MkDocs keeps serving after a failed rebuild and waits for the next change: stop there.
_RELOADED_OR_FAILED_RE = re.compile(r"(Reloading browsers)|(An error happened during the rebuild)")
_BUILT_OR_FAILED_RE = re.compile(
    r"Documentation built in ([0-9.]+) seconds|(An error happened during the rebuild)"
)
_DETECT_TIMEOUT = 15.0
_TIMEOUT = 600.0
_EDITS = 3
_SERVERS = 3
_POLL_SETTLE = 2.0
"""Seconds after "Serving on" before an edit: MkDocs polls the files every 0.5 s."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _lines(stream: IO[str], into: queue.Queue[tuple[float, str]], seen: list[str]) -> None:
    for line in stream:
        seen.append(line)
        into.put((time.monotonic(), line))


def _write(page: Path, text: str) -> None:
    """Replaces `page` in one step: MkDocs polls the files and may read a half-written one."""
    partial = page.with_name(page.name + ".bench-edit")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, page)


def _wait_for(
    lines: queue.Queue[tuple[float, str]], pattern: re.Pattern[str], deadline: float
) -> tuple[float, str]:
    """When the next line matching `pattern` arrived, and its first matching group; (0, "")
    when `deadline` passes."""
    while True:
        try:
            arrived, line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            return 0.0, ""
        match = pattern.search(line)
        if match:
            return arrived, next(group for group in match.groups() if group is not None)


def rebuild_seconds(config: Path, page: Path, servers: int = _SERVERS) -> float:
    """Start `mkdocs serve`, change `page` once the site is served, return the rebuild time.

    A server that sees the edit and never rebuilds is stopped after ten times its first build,
    and a fresh one tried, rather than waiting out the whole run.
    """
    stalls: list[str] = []
    for _ in range(servers):
        try:
            return _rebuild_once(config, page)
        except _Stalled as stall:
            stalls.append(str(stall))
    raise RuntimeError("\n\n".join(stalls))


class _Stalled(RuntimeError):
    """The server did not rebuild after an edit it may have seen."""


def _rebuild_once(config: Path, page: Path) -> float:
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
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    seen: list[str] = []
    assert process.stdout is not None
    threading.Thread(target=_lines, args=(process.stdout, lines, seen), daemon=True).start()
    original = page.read_text(encoding="utf-8")
    try:
        _, first = _wait_for(lines, _BUILT_OR_FAILED_RE, time.monotonic() + _TIMEOUT)
        if (
            not first
            or not first[0].isdigit()
            or not _wait_for(lines, _SERVING_RE, time.monotonic() + _TIMEOUT)[1]
        ):
            raise RuntimeError(f"mkdocs serve -f {config.name} did not start")
        patience = _DETECT_TIMEOUT + 10 * float(first)
        # MkDocs' polling watcher snapshots the files when it starts, around "Serving on";
        # an edit before the snapshot goes unseen, so edit again until MkDocs sees one.
        for attempt in range(1, _EDITS + 1):
            time.sleep(_POLL_SETTLE)
            _write(page, original + f"\nEdited while serving ({attempt}).\n")
            if _wait_for(lines, _DETECTED_RE, time.monotonic() + _DETECT_TIMEOUT)[1]:
                building, _ = _wait_for(lines, _BUILDING_RE, time.monotonic() + patience)
                reloaded, said = _wait_for(
                    lines, _RELOADED_OR_FAILED_RE, time.monotonic() + patience
                )
                if building and said == "Reloading browsers":
                    return reloaded - building
                break
        tail = "".join(seen[-40:])
        raise _Stalled(
            f"mkdocs serve -f {config.name} did not rebuild after an edit; it said:\n{tail}"
        )
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        _write(page, original)
