"""`prepare` refuses a `.playbook` (or `.playbook/docs`) that is a file, not a folder of the
project's own, before writing or deleting anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_adversarial_prepare import WRITTEN, _prepare, _project


@pytest.mark.parametrize("name", [".playbook", ".playbook/docs"])
def test_a_file_where_the_output_folder_goes_is_refused_and_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    project = _project(tmp_path)
    path = project / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("a file of the project's\n", encoding="utf-8")

    assert _prepare(project) == 2
    error = capsys.readouterr().err
    assert f"error: {path} is not a folder: prepare writes its pages there" in error
    assert "Traceback" not in error
    assert path.read_text(encoding="utf-8") == "a file of the project's\n"
    assert not (project / WRITTEN).exists()
