"""Another team's site adopts the plugin: the wheel `./scripts/build --wheel` makes, with the
constraints it writes beside it, installs the tested versions into a fresh virtual environment
outside this repository and builds their site strict."""

from __future__ import annotations

import glob
import subprocess
import sys
import venv
from pathlib import Path

from support import ROOT, Clone, pins

SITE = {
    "mkdocs.yml": "site_name: Payments On-call\ntheme:\n  name: material\nplugins:\n  - playbook\n",
    "docs/index.md": "---\ntitle: Home\nnav_order: 1\n---\n\n# Payments On-call\n\n"
    "See the [runbook](runbook.md#first-steps).\n",
    "docs/runbook.md": "---\ntitle: Runbook\nnav_order: 2\n---\n\n# Runbook\n\n"
    "## First steps\n\n- [ ] Page the payments lead\n- [ ] Freeze deploys\n\n"
    "> [!WARNING]\n> Never restart the ledger during settlement.\n",
}


def pins_of(freeze: str) -> dict[str, str]:
    """`pip list --format=freeze`'s versions, by lower-case name."""
    pairs = (line.split("==") for line in freeze.splitlines() if "==" in line)
    return {name.lower(): found for name, found in pairs}


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=900, check=False
    )


def test_the_wheel_installs_elsewhere_with_the_tested_versions_and_builds_another_site(
    tmp_path: Path, clone: Clone
) -> None:
    (wheel,) = (clone.path / "dist").glob("mkdocs_playbook-*.whl")
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
            "-c",
            str(clone.path / "dist" / ".constraints.txt"),
            str(wheel),
        ],
        tmp_path,
    )
    assert installed.returncode == 0, installed.stderr
    # Every pinned requirement the wheel pulls in is at the version the site is tested with.
    listed = run([str(python), "-m", "pip", "list", "--format=freeze"], tmp_path).stdout
    got = pins_of(listed)
    expected = pins(ROOT / "requirements" / "site.txt")
    assert {name: got[name] for name in expected} == expected
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


def test_twine_check_accepts_everything_dist_star_names(clone: Clone) -> None:
    """`twine check dist/*`, as a shell expands it (no dot files): the constraints beside the
    wheel are no distribution, so they must not be among what `dist/*` names."""
    named = sorted(glob.glob(str(clone.path / "dist" / "*")))
    assert named and all(name.endswith((".whl", ".tar.gz")) for name in named), named
    checked = run([sys.executable, "-m", "twine", "check", "--strict", *named], clone.path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert (clone.path / "dist" / ".constraints.txt").is_file()
