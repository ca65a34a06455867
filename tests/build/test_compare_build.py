"""`compare` on a real build: a tiny Just the Docs project built with the plugin, beside a
hand-written `_site/` of what Jekyll renders for it (tests/fixtures/init/docs-layout)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from support import ROOT, run_build, run_module

FIXTURE = ROOT / "tests" / "fixtures" / "init" / "docs-layout"
CONFIG = """\
site_name: Runbooks
theme:
  name: material
  font: false
  features:
    - navigation.indexes
plugins:
  - playbook
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("compare") / "runbooks"
    shutil.copytree(FIXTURE, root)
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    build = run_build(root)
    assert build.returncode == 0, build.output
    return root


def compare(project: Path, jekyll_site: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """`python -m mkdocs_playbook compare` from the project, its site from mkdocs.yml."""
    return run_module(project, "mkdocs_playbook", "compare", str(jekyll_site), *options)


def test_a_site_as_jekyll_shows_it_passes(project: Path) -> None:
    result = compare(project, Path("docs/_site"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[:5] == [
        "Pages compared: 4",
        # The callout's title, which Just the Docs' CSS prints (from docs/_config.yml, beside
        # the site) and ours writes out, counts on both sides.
        "Text similarity: median 1.00, minimum 1.00 (/)",
        "Navigation: 4 entries equal, 0 different",
        "In-content links: 6 lead to the same page, 0 do not",
        "Literal markers: 0 on 0 pages "
        "(Liquid, kramdown or alert syntax that Jekyll's pages do not show)",
    ]
    report = (project / "migration-report.md").read_text("utf-8")
    assert "| `/guide/escalation` | 1.000 | 1 of 1 | 0 |" in report
    assert "```diff" not in report


def test_a_page_that_reads_otherwise_fails(project: Path, tmp_path: Path) -> None:
    jekyll_site = tmp_path / "_site"
    shutil.copytree(project / "docs" / "_site", jekyll_site)
    page = jekyll_site / "guide" / "escalation.html"
    page.write_text(
        page.read_text("utf-8").replace(
            "within ten minutes.", "within ten minutes, and the manager after half an hour."
        ),
        "utf-8",
    )
    result = compare(project, jekyll_site, "--report", str(tmp_path / "report.md"))
    assert result.returncode == 1, result.stdout + result.stderr
    # 17 words alike of 25 and 18: 2*17/43.
    assert "/guide/escalation: similarity 0.79 under 0.95" in result.stdout
    assert "Navigation: 4 entries equal, 0 different" in result.stdout
    assert compare(project, jekyll_site, "--min-similarity", "0.75").returncode == 0


def test_a_nav_that_differs_fails(project: Path, tmp_path: Path) -> None:
    jekyll_site = tmp_path / "_site"
    shutil.copytree(project / "docs" / "_site", jekyll_site)
    home = jekyll_site / "index.html"
    home.write_text(home.read_text("utf-8").replace(">Escalation</a>", ">Escalate</a>"), "utf-8")
    result = compare(project, jekyll_site, "--report", str(tmp_path / "report.md"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Navigation: 3 entries equal, 1 different" in result.stdout


def test_the_jekyll_config_can_be_named(project: Path, tmp_path: Path) -> None:
    """A Jekyll site rendered elsewhere: its `_config.yml` (here, the callout titles it
    holds) is named with --jekyll-config; a file that is not there is a usage error."""
    jekyll_site = tmp_path / "rendered" / "_site"
    shutil.copytree(project / "docs" / "_site", jekyll_site)
    alone = compare(project, jekyll_site)
    assert "Text similarity: median 1.00, minimum 1.00 (/)" not in alone.stdout
    named = compare(project, jekyll_site, "--jekyll-config", "docs/_config.yml")
    assert named.returncode == 0, named.stdout + named.stderr
    assert "Text similarity: median 1.00, minimum 1.00 (/)" in named.stdout
    missing = compare(project, jekyll_site, "--jekyll-config", "nowhere.yml")
    assert missing.returncode == 2
    assert "nowhere.yml: no such file" in missing.stderr
