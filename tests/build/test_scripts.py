"""The README's commands do what it says."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import urllib.request

from support import ROOT, free_port

README_TEXT = (ROOT / "README.md").read_text(encoding="utf-8")


def test_serve_script_serves_the_site_with_live_reload_on_the_port_the_readme_says() -> None:
    # The README's way to choose the port, on a free one: the last --dev-addr wins over the
    # script's own 127.0.0.1:8000.
    (documented,) = re.findall(r"`(\./scripts/serve\s+--dev-addr\s[^`]+)`", README_TEXT)
    port = free_port()
    command = re.sub(r":\d+$", f":{port}", " ".join(documented.split()))
    process = subprocess.Popen(
        [str(ROOT / command.split()[0]), *command.split()[1:]],
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
