"""`python -m mkdocs_playbook prepare` writes and deletes only in its own `.playbook` folder,
and replaces only a `mkdocs.zensical.yml` it wrote itself (or any, with `--force`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_playbook.__main__ import main
from mkdocs_playbook.zensical import MARK
from support import make_project

WRITTEN = "mkdocs.zensical.yml"


def _project(root: Path) -> Path:
    (root / "project").mkdir()
    return make_project(root / "project", {"index.md": "# Home\n\n- [ ] First step\n"})


def _prepare(project: Path, *arguments: str) -> int:
    return main(["prepare", "-f", str(project / "mkdocs.yml"), *arguments])


def _tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` (links not followed), with its content."""
    return {
        str(path.relative_to(folder)): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _elsewhere(root: Path) -> Path:
    """A folder outside the project, shaped as `.playbook` is, with files of its own."""
    outside = root / "elsewhere"
    (outside / "docs").mkdir(parents=True)
    (outside / "docs" / "precious.md").write_text("# Not the project's\n", encoding="utf-8")
    (outside / "notes.txt").write_text("keep me\n", encoding="utf-8")
    return outside


@pytest.mark.parametrize("linked", [".playbook", ".playbook/docs"])
def test_a_linked_output_folder_is_refused_and_its_target_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], linked: str
) -> None:
    project = _project(tmp_path)
    outside = _elsewhere(tmp_path)
    link = project / linked
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside if linked == ".playbook" else outside / "docs")
    before = _tree(outside)

    assert _prepare(project) == 2
    error = capsys.readouterr().err
    assert f"error: {link} is a symbolic link" in error
    assert "Traceback" not in error
    assert _tree(outside) == before
    assert not (project / WRITTEN).exists()


def test_a_hand_written_build_configuration_is_kept_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path)
    hand_written = "# Our own Zensical settings\nsite_name: Ours\n"
    (project / WRITTEN).write_text(hand_written, encoding="utf-8")

    assert _prepare(project) == 2
    error = capsys.readouterr().err
    assert f"error: {project / WRITTEN} was not written by prepare" in error
    assert "--force" in error
    assert (project / WRITTEN).read_text(encoding="utf-8") == hand_written
    assert not (project / ".playbook").exists()

    assert _prepare(project, "--force") == 0
    assert (project / WRITTEN).read_text(encoding="utf-8").startswith(MARK)


def test_a_build_configuration_prepare_wrote_is_rewritten_freely(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert _prepare(project) == 0
    written = project / WRITTEN
    first_line = written.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"{MARK} from mkdocs.yml: edit that file, not this one."
    # Edited by hand below its first line: still prepare's, replaced by the next run.
    written.write_text(first_line + "\nsite_name: Edited\n", encoding="utf-8")
    assert _prepare(project) == 0
    assert "site_name: Fixture" in written.read_text(encoding="utf-8")
    assert (project / ".playbook" / "docs" / "index.md").is_symlink()


def test_a_linked_build_configuration_is_replaced_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path)
    outside = _elsewhere(tmp_path) / "notes.txt"
    (project / WRITTEN).symlink_to(outside)

    assert _prepare(project) == 2
    assert f"error: {project / WRITTEN} is a symbolic link" in capsys.readouterr().err
    assert _prepare(project, "--force") == 0
    assert not (project / WRITTEN).is_symlink()
    assert (project / WRITTEN).read_text(encoding="utf-8").startswith(MARK)
    assert outside.read_text(encoding="utf-8") == "keep me\n"
