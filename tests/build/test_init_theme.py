"""The configuration `init` writes has Material with what is closest to Just the Docs: search,
a parent page leading its children, the colour scheme of `color_scheme`, and the plugin."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from test_init import FIXTURES, init


def test_the_theme_is_material_with_search_navigation_and_the_colour_scheme(
    tmp_path: Path,
) -> None:
    project = tmp_path / "runbooks"
    shutil.copytree(FIXTURES / "docs-layout", project)
    result = init(project, "--dry-run")
    assert result.returncode == 0, result.stderr
    written = yaml.safe_load(result.stdout.split("Would write mkdocs.yml:\n", 1)[1])
    theme = written["theme"]
    assert theme["name"] == "material"
    assert theme["palette"]["scheme"] == "slate"  # color_scheme: dark
    assert {"navigation.indexes", "search.highlight"} <= set(theme["features"])
    assert theme["font"] is False  # no third-party requests
    assert written["plugins"] == ["search", "playbook"]
