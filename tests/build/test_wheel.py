"""Another team's site adopts the plugin: the wheel `./scripts/build --wheel` makes installs
into a fresh virtual environment outside this repository and builds their site strict."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from support import ROOT

SITE = {
    "mkdocs.yml": "site_name: Payments On-call\ntheme:\n  name: material\nplugins:\n  - playbook\n",
    "docs/index.md": "---\ntitle: Home\nnav_order: 1\n---\n\n# Payments On-call\n\n"
    "See the [runbook](runbook.md#first-steps).\n",
    "docs/runbook.md": "---\ntitle: Runbook\nnav_order: 2\n---\n\n# Runbook\n\n"
    "## First steps\n\n- [ ] Page the payments lead\n- [ ] Freeze deploys\n\n"
    "> [!WARNING]\n> Never restart the ledger during settlement.\n",
}


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=900, check=False
    )


def test_the_wheel_installs_elsewhere_and_builds_another_site(tmp_path: Path) -> None:
    wheels = tmp_path / "dist"
    built = run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), "."],
        ROOT,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("mkdocs_playbook-*.whl")
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    installed = run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            str(wheel),
            "-r",
            str(ROOT / "requirements" / "site.txt"),
        ],
        tmp_path,
    )
    assert installed.returncode == 0, installed.stderr
    site = tmp_path / "their-site"
    for name, text in SITE.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    build = run([str(python), "-m", "mkdocs", "build", "--strict"], site)
    assert build.returncode == 0, build.stdout + build.stderr
    assert "mkdocs-playbook 0." in build.stderr
    html = (site / "site" / "runbook" / "index.html").read_text(encoding="utf-8")
    assert 'class="admonition warning"' in html and 'type="checkbox"' in html
    # Installed, not read from this repository.
    where = run(
        [str(python), "-c", "import mkdocs_playbook; print(mkdocs_playbook.__file__)"], site
    )
    assert str(environment) in where.stdout and str(ROOT) not in where.stdout
