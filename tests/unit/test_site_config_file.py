"""`load_site_config` reads only a regular file of at most 1 MiB: a FIFO, a link to a device
or a larger file is a problem naming it, and nothing of it is read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mkdocs_playbook.jekyll.site_config import READ_LIMIT, load_site_config


@pytest.mark.parametrize(
    ("kind", "why"),
    [
        ("dev-zero", "is not a regular file"),
        ("fifo", "is not a regular file"),
        ("folder", "is not a regular file"),
        ("large", "is larger than 1 MiB"),
    ],
)
def test_what_is_no_small_regular_file_is_not_read(tmp_path: Path, kind: str, why: str) -> None:
    path = tmp_path / "_config.yml"
    if kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.write_bytes(b"title: Ops\n" + b"#" * READ_LIMIT)
    site = load_site_config(path)
    assert site.problem is not None
    shown = str(site.problem)
    assert shown.startswith(f"{path}:1: _config.yml {why}") and shown.endswith("; it is not read")


def test_a_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "_config.yml"
    text = "title: Ops\n"
    path.write_text(text + "#" * (READ_LIMIT - len(text)), encoding="utf-8")
    site = load_site_config(path)
    assert site.problem is None
