"""`unsafe_attributes`: false (the default) drops script from attribute lists and
`{% link %}`, each a finding at its file:line that fails `mkdocs build --strict`; true keeps
it. Raw HTML is the author's own either way. Zensical gets the same option."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mkdocs_playbook.__main__ import main
from support import Build, make_project, run_build

PAGE = """\
---
title: Hostile
---
# Hostile {: onclick="alert(1)" }

[Runbook]({% link javascript:alert(2) %})

[Runbook](runbook.md){ onmouseover="alert(3)" title="Runbook" }

[Status](runbook.md){: href="JaVaScRiPt:alert(4)" .button }

A plain paragraph
{: style="color: red" }

<a href="javascript:alert(5)" onclick="alert(6)">raw</a>
"""
PAGES = {"index.md": "# Home\n", "hostile.md": PAGE, "runbook.md": "# Runbook\n"}
FINDINGS = [
    'docs/hostile.md:4:11: `{: onclick="alert(1)" }`: `onclick` is an event handler',
    "docs/hostile.md:6:11: `{% link javascript:alert(2) %}`: a `javascript:` URL",
    'docs/hostile.md:8:22: `{ onmouseover="alert(3)" title="Runbook" }`: `onmouseover` is '
    "an event handler",
    'docs/hostile.md:10:21: `{: href="JaVaScRiPt:alert(4)" .button }`: `href` is a '
    "`javascript:` URL",
]


def _build(root: Path, options: str) -> Build:
    root.mkdir()
    return run_build(make_project(root, PAGES, plugin_options=options))


@pytest.fixture(scope="module")
def safe_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The default: no `unsafe_attributes` in mkdocs.yml."""
    return _build(tmp_path_factory.mktemp("safe") / "project", "")


@pytest.fixture(scope="module")
def unsafe_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return _build(tmp_path_factory.mktemp("unsafe") / "project", "      unsafe_attributes: true\n")


def test_script_is_dropped_and_the_rest_kept(safe_build: Build) -> None:
    html = safe_build.html("hostile/index.html")
    for script in ("alert(1)", "alert(2)", "alert(3)", "alert(4)"):
        assert script not in html
    assert '<h1 id="hostile">Hostile' in html
    assert '<a href="../runbook/" title="Runbook">Runbook</a>' in html
    assert '<a class="button" href="../runbook/">Status</a>' in html
    assert '<p style="color: red">A plain paragraph</p>' in html
    # Raw HTML is the author's own: never filtered.
    assert '<a href="javascript:alert(5)" onclick="alert(6)">raw</a>' in html


@pytest.mark.parametrize("finding", FINDINGS, ids=[f.split(":")[1] for f in FINDINGS])
def test_each_drop_is_a_finding_at_its_line(safe_build: Build, finding: str) -> None:
    assert safe_build.returncode != 0
    lines = [line for line in safe_build.output.splitlines() if finding in line]
    assert len(lines) == 1, safe_build.output
    assert lines[0].startswith("WARNING")
    assert "`unsafe_attributes: true`" in lines[0]


def test_unsafe_attributes_true_keeps_what_was_written(unsafe_build: Build) -> None:
    assert "unsafe_attributes" not in unsafe_build.output
    html = unsafe_build.html("hostile/index.html")
    assert 'onclick="alert(1)"' in html
    assert 'href="javascript:alert(2)"' in html
    assert 'onmouseover="alert(3)"' in html
    assert 'href="JaVaScRiPt:alert(4)"' in html


@pytest.mark.parametrize(
    ("options", "expected"), [("", False), ("      unsafe_attributes: true\n", True)]
)
def test_zensical_gets_the_option(tmp_path: Path, options: str, expected: bool) -> None:
    project = make_project(tmp_path, PAGES, plugin_options=options)
    assert main(["prepare", "-f", str(project / "mkdocs.yml")]) == 0
    written = yaml.safe_load((project / "mkdocs.zensical.yml").read_text(encoding="utf-8"))
    (extension,) = [entry for entry in written["markdown_extensions"] if "playbook" in entry]
    assert extension["playbook"]["unsafe_attributes"] is expected
