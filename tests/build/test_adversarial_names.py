"""A docs file whose name no URL can hold (`?`, `#`, a newline) is left out, as a finding: the
build writes no file it could not link to, under either URL style."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import make_project, run_build

NAMES = {"why?.md": "why?", "a#b.md": "a#b", "new\nline.md": "new\\nline"}


@pytest.mark.parametrize("directory_urls", [True, False])
def test_files_whose_names_no_url_holds_are_left_out(tmp_path: Path, directory_urls: bool) -> None:
    pages = {"index.md": "# Home\n", **{name: "# Odd\n" for name in NAMES}}
    config = f"use_directory_urls: {str(directory_urls).lower()}\n"
    build = run_build(make_project(tmp_path, pages, config), strict=False)
    assert build.returncode == 0, build.output[-3000:]
    assert "Traceback" not in build.output
    for name, shown in NAMES.items():
        what = "`?`" if "?" in name else "`#`" if "#" in name else "a control character"
        assert f"docs/{shown}.md: the file's name holds {what}; it is left out" in build.output
    written = [path.name for path in build.site_dir.rglob("*")]
    assert not [name for name in written if any(c in name for c in "?#\n")]
    assert (build.site_dir / ("index.html")).exists()
