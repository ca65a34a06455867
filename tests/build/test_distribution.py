"""The package as a registry takes it: `python -m build` makes the sdist and the wheel from a
clone of this repository, and `twine check --strict` passes on both."""

from __future__ import annotations

import email
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from mkdocs_playbook import __version__
from support import Clone


def test_build_makes_an_sdist_and_a_wheel_that_twine_accepts(tmp_path: Path, clone: Clone) -> None:
    source = clone.path
    dist = tmp_path / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(source)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (sdist,) = dist.glob("mkdocs_playbook-*.tar.gz")
    (wheel,) = dist.glob("mkdocs_playbook-*.whl")
    assert sdist.name == f"mkdocs_playbook-{__version__}.tar.gz"
    checked = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(sdist), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = f"mkdocs_playbook-{__version__}.dist-info"
        meta = email.message_from_bytes(archive.read(f"{info}/METADATA"))
        assert f"{info}/licenses/LICENSE" in names
    assert meta["Version"] == __version__
    assert meta["License-Expression"] == "MIT"
    assert meta["Description-Content-Type"] == "text/markdown"
    assert "### Use it in your own site" in str(meta.get_payload())
    assert meta.get_all("Classifier") and meta.get_all("Project-URL")
    with tarfile.open(sdist) as archive:
        assert f"mkdocs_playbook-{__version__}/LICENSE" in archive.getnames()
