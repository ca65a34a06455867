"""The README's commands do what it says."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from support import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_script_serves_the_site_with_live_reload() -> None:
    port = free_port()
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "serve"), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/operations/INCIDENT_RESPONSE_PLAYBOOK.html"
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    html = response.read().decode("utf-8")
                break
            except OSError:
                assert process.poll() is None, process.stdout.read().decode()  # type: ignore[union-attr]
                assert time.monotonic() < deadline, "mkdocs serve did not answer"
                time.sleep(0.5)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    assert '<div class="admonition warning">' in html
    assert "livereload" in html


def test_readme_opens_with_the_two_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```sh") + 1 : lines.index("```sh") + 3]
    assert [line.split("#")[0].strip() for line in block] == ["./scripts/serve", "./scripts/test"]
    for script in ("serve", "test", "build"):
        assert os.access(Path(ROOT / "scripts" / script), os.X_OK)
    assert "./scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
