"""The site builds completely on Zensical, after `python -m mkdocs_playbook prepare`.

Zensical runs Python-Markdown extensions but no MkDocs plugin: `prepare` writes what the
plugin would have done (nav, generated pages, assets, the extension's options), and
`prepare --check` reports the same findings as a MkDocs build.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, Build, nav_labels

PLAYBOOK = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"
URL_STYLES = ROOT / "tests" / "fixtures" / "links-url-styles"


def zensical(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`zensical build` (or our CLI, with `prepare ...`) in `project`."""
    command = (
        [sys.executable, "-m", "mkdocs_playbook", *arguments]
        if arguments[0] == "prepare"
        else [str(Path(sys.executable).with_name("zensical")), *arguments]
    )
    return subprocess.run(
        command, cwd=project, capture_output=True, text=True, timeout=600, check=False
    )


def build_with_zensical(project: Path) -> Build:
    """prepare, zensical build, prepare --check: as `./scripts/build --zensical` does."""
    steps = [
        ("prepare",),
        ("build", "--clean", "-f", "mkdocs.zensical.yml"),
        ("prepare", "--check"),
    ]
    output = ""
    for step in steps:
        result = zensical(project, *step)
        output += result.stdout + result.stderr
        if result.returncode != 0:
            return Build(result.returncode, output, project / "site")
    return Build(0, output, project / "site")


@pytest.fixture(scope="module")
def zensical_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built with Zensical."""
    project = tmp_path_factory.mktemp("zensical-site")
    for name in ("mkdocs.yml", "docs", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    build = build_with_zensical(project)
    assert build.returncode == 0, build.output
    return build


def test_the_site_builds_and_checks_clean(zensical_build: Build) -> None:
    assert "0 finding(s) that fail a strict build" in zensical_build.output
    assert (zensical_build.site_dir / "incident-run.html").is_file()


def test_no_liquid_stays_and_repository_links_point_into_the_site(zensical_build: Build) -> None:
    for page in sorted(zensical_build.site_dir.rglob("*.html")):
        assert "{{ site." not in page.read_text(encoding="utf-8"), page
    html = zensical_build.html(PLAYBOOK)
    assert 'href="../DATABASE.html#recovery-procedures"' in html
    assert "github.com/advisoros/advisoros/blob/main/DATABASE.md" not in html


def test_the_widgets_are_there(zensical_build: Build) -> None:
    html = zensical_build.html(PLAYBOOK)
    assert html.count('type="checkbox"') >= 10
    assert 'id="severity-lookup"' in html and 'id="template-form"' in html
    assert re.search(r'<script src="\.\./assets/playbook/playbook\.js"', html)


def test_the_nav_is_the_mkdocs_builds_title_for_title(
    zensical_build: Build, site_build: Build
) -> None:
    def titles(build: Build) -> list[str]:
        labels = [
            re.sub(r"<[^>]+>", "", label).strip() for label in nav_labels(build.html(PLAYBOOK))
        ]
        return [label for label in labels if label]

    assert titles(zensical_build) == titles(site_build)


def test_the_check_reports_what_the_mkdocs_build_reports(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(URL_STYLES, project)
    build = build_with_zensical(project)
    assert build.returncode != 0
    found = re.findall(r"^WARNING +- +playbook: (.*)$", build.output, re.MULTILINE)
    expected = (URL_STYLES / "expected-findings.txt").read_text(encoding="utf-8").splitlines()
    assert found == [line.removeprefix("WARNING ") for line in expected if "WARNING" in line]
