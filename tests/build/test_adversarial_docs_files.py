"""Files of the docs folder that are not regular files of the project: a FIFO, a link to
`/dev/zero`, a link out of the project and a broken link. MkDocs itself would block on the
FIFO, copy `/dev/zero` forever and publish the outside file; the plugin leaves each out,
unread, with a warning naming it, before anything reads the site's files."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from support import make_project, run_module

SECRET = "outside-the-project secret 7f3a"


@pytest.fixture(params=[True, False], ids=["directory-urls", "file-urls"])
def project(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    outside = tmp_path / "outside.md"
    outside.write_text(f"# Outside\n\n{SECRET}\n", encoding="utf-8")
    config = f"use_directory_urls: {str(request.param).lower()}\n"
    (tmp_path / "project").mkdir()
    root = make_project(tmp_path / "project", {"index.md": "# Home\n\nHello.\n"}, config)
    docs = root / "docs"
    os.mkfifo(docs / "pipe.md")
    (docs / "zero.bin").symlink_to("/dev/zero")
    (docs / "leak.md").symlink_to(outside)
    (docs / "gone.md").symlink_to(tmp_path / "no-such-file.md")
    return root


def _build(project: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    # A hang (the FIFO) or an endless copy (/dev/zero) fails at run_module's timeout.
    return run_module(project, "mkdocs", "build", *flags)


def test_each_is_left_out_unread_with_a_warning_naming_it(project: Path) -> None:
    built = _build(project)
    output = built.stdout + built.stderr
    assert built.returncode == 0, output[-3000:]
    assert "Traceback" not in output
    for name in ("pipe.md", "zero.bin", "gone.md"):
        assert f"docs/{name}: is not a regular file" in output, output[-3000:]
    assert "docs/leak.md: is a link that leads out of the project" in output, output[-3000:]
    site = project / "site"
    assert (site / "index.html").is_file()
    written = [path.name for path in site.rglob("*")]
    assert not {"pipe.md", "zero.bin", "gone.md", "leak.md", "leak.html", "leak"} & set(written)
    for path in site.rglob("*.html"):
        assert SECRET not in path.read_text(encoding="utf-8"), path


def test_strict_fails_on_them(project: Path) -> None:
    built = _build(project, "--strict")
    output = built.stdout + built.stderr
    assert built.returncode != 0
    assert "Traceback" not in output
    assert "docs/pipe.md: is not a regular file" in output, output[-3000:]


def test_a_docs_dir_beside_the_config_folder_is_the_projects_and_a_link_out_of_it_is_not(
    tmp_path: Path,
) -> None:
    # `docs_dir: ../pages`: the folder mkdocs.yml names is published; a link out of both
    # folders is still left out.
    (tmp_path / "outside.md").write_text(f"# Outside\n\n{SECRET}\n", encoding="utf-8")
    config = tmp_path / "config"
    config.mkdir()
    make_project(config, {}, "docs_dir: ../pages\n")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "index.md").write_text("# Home\n\nSee [the runbook](runbook.md).\n", "utf-8")
    (pages / "runbook.md").write_text("# Runbook\n\nRestart it.\n", "utf-8")
    (pages / "leak.md").symlink_to(tmp_path / "outside.md")
    built = _build(config)
    output = built.stdout + built.stderr
    assert built.returncode == 0, output[-3000:]
    assert output.count("leads out of the project") == 1, output[-3000:]
    assert "leak.md: is a link that leads out of the project" in output
    assert "Restart it." in (config / "site" / "runbook" / "index.html").read_text("utf-8")
