"""`init` on Just the Docs repositories of both layouts and on a GitHub Pages one: the
configuration it writes builds with `--strict` on the first try, and it never overwrites one
without `--force` (tests/fixtures/init)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from support import GIT_COMMIT, ROOT, commit, run_module

FIXTURES = ROOT / "tests" / "fixtures" / "init"
LAYOUTS = {
    "docs-layout": "mkdocs.yml",
    "root-layout": "_mkdocs/mkdocs.yml",
    "github-pages": "_mkdocs/mkdocs.yml",
}


def init(project: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return run_module(project, "mkdocs_playbook", "init", *options)


@pytest.fixture(params=sorted(LAYOUTS))
def project(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    root = tmp_path / str(request.param)
    shutil.copytree(FIXTURES / str(request.param), root)
    return root


def test_init_writes_a_config_that_builds_strictly_and_prints_the_commands(
    project: Path,
) -> None:
    result = init(project)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    config = project / LAYOUTS[project.name]
    assert config.is_file()
    assert ": 0 finding(s)." in output
    commands = re.findall(r"^  (?:serve|build): (mkdocs .*)$", result.stdout, re.MULTILINE)
    config_file = LAYOUTS[project.name]
    assert commands == [f"mkdocs serve -f {config_file}", f"mkdocs build --strict -f {config_file}"]
    # The build command, exactly as printed, from the repository's top.
    build = run_module(project, *commands[1].split())
    assert build.returncode == 0, build.stdout + build.stderr
    site = (
        project / "site"
        if project.name == "docs-layout"
        else project.parent / f"{project.name}-site"
    )
    assert (site / "index.html").is_file()
    # A second init leaves the file alone.
    written = config.read_text("utf-8")
    again = init(project)
    assert again.returncode == 2
    assert config.read_text("utf-8") == written


def test_a_second_init_refuses_and_force_overwrites(project: Path) -> None:
    config = project / LAYOUTS[project.name]
    config.parent.mkdir(exist_ok=True)
    config.write_text("site_name: Ours\n", encoding="utf-8")
    refused = init(project)
    assert refused.returncode == 2
    assert f"{LAYOUTS[project.name]} exists already; run with --force" in refused.stderr
    assert config.read_text("utf-8") == "site_name: Ours\n"
    forced = init(project, "--force")
    assert forced.returncode == 0, forced.stdout + forced.stderr
    assert config.read_text("utf-8").startswith("# Written by `python -m mkdocs_playbook init`")


def test_dry_run_writes_nothing(project: Path) -> None:
    before = sorted(path for path in project.parent.rglob("*"))
    result = init(project, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert f"Would write {LAYOUTS[project.name]}:" in result.stdout
    assert "  - playbook" in result.stdout
    assert sorted(path for path in project.parent.rglob("*")) == before


def test_the_config_carries_the_sites_settings(tmp_path: Path) -> None:
    project = tmp_path / "runbooks"
    shutil.copytree(FIXTURES / "docs-layout", project)
    result = init(project, "--dry-run")
    assert result.returncode == 0, result.stderr
    for line in (
        'site_name: "Runbooks"',
        'site_description: "How the on-call team works"',
        'site_url: "https://runbooks.example.com/ops/"',
        'repo_url: "https://github.com/example/runbooks"',
        'edit_uri: "edit/main/docs/"',
        "    scheme: slate",
        "    - content.action.edit",
    ):
        assert f"\n{line}\n" in result.stdout


def test_a_root_layout_builds_beside_the_repository(tmp_path: Path) -> None:
    project = tmp_path / "storage"
    shutil.copytree(FIXTURES / "root-layout", project)
    result = init(project, "--dry-run")
    assert '\ndocs_dir: ..\nsite_dir: "../../storage-site"\n' in result.stdout
    assert 'edit_uri: "tree/main/"' in result.stdout


def test_a_root_layout_downloaded_without_git_or_edit_link_builds_its_pages(
    tmp_path: Path,
) -> None:
    # A repository taken as an archive: no `.git`, and no `gh_edit_*` naming its folder. Its
    # pages are still the project's, not links out of it, and findings name them from the top.
    project = tmp_path / "storage"
    shutil.copytree(FIXTURES / "root-layout", project)
    config = project / "_config.yml"
    kept = [line for line in config.read_text("utf-8").splitlines() if "gh_edit" not in line]
    config.write_text("\n".join(kept) + "\n", "utf-8")
    (project / "procedures" / "broken.md").write_text(
        "---\ntitle: Broken\n---\n\nSee [nothing](nowhere.md).\n", "utf-8"
    )
    result = init(project)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "leads out of the project" not in output
    # MkDocs' own warning, and ours at the link's line.
    assert ": 2 finding(s)." in output, output
    assert "procedures/broken.md:5:15: link target nowhere.md: no such page or file" in output
    assert (tmp_path / "storage-site" / "procedures" / "broken" / "index.html").is_file()


def test_init_compares_with_jekylls_site_when_there_is_one(tmp_path: Path) -> None:
    project = tmp_path / "runbooks"
    shutil.copytree(FIXTURES / "docs-layout", project)
    result = init(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Compared with Jekyll's docs/_site:\nPages compared: 4\n" in result.stdout
    assert "Navigation: 4 entries equal, 0 different" in result.stdout
    assert "python -m mkdocs_playbook compare docs/_site --site site" in result.stdout


STALE = re.compile(
    r"^Note: (\d+) file\(s\) changed after Jekyll's docs/_site was (\w+) \((.*)\);", re.M
)


def docs_project(tmp_path: Path) -> Path:
    project = tmp_path / "runbooks"
    shutil.copytree(FIXTURES / "docs-layout", project)
    return project


def stale(project: Path) -> list[tuple[str, str, str]]:
    """What init's note on an older `_site/` says: how many files, how it was made, which."""
    result = init(project, "--force")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Compared with Jekyll's docs/_site:" in result.stdout
    return STALE.findall(result.stdout)


def test_a_committed_jekyll_site_older_than_its_pages_is_said_to_be(tmp_path: Path) -> None:
    project = docs_project(tmp_path)
    commit(project)
    # As committed: the site is the pages'.
    assert stale(project) == []
    page = project / "docs" / "index.md"
    page.write_text(page.read_text("utf-8") + "\nA line Jekyll never built.\n", "utf-8")
    subprocess.run(["git", "rm", "--quiet", "docs/guide/escalation.md"], cwd=project, check=True)
    # Uncommitted, then committed: either way, after the commit that wrote the site.
    assert stale(project) == [("2", "committed", "docs/guide/escalation.md, docs/index.md")]
    subprocess.run(GIT_COMMIT, cwd=project, check=True, capture_output=True)
    assert stale(project) == [("2", "committed", "docs/guide/escalation.md, docs/index.md")]


def test_a_jekyll_site_built_before_the_last_edits_is_said_to_be(tmp_path: Path) -> None:
    project = docs_project(tmp_path)
    built = project / "docs" / "_site" / "index.html"
    hour_ago = time.time() - 3600
    for path in (project / "docs").rglob("*"):
        os.utime(path, (hour_ago, hour_ago))
    # Written within seconds of each other, as a checkout or a copy writes them: no note.
    assert stale(project) == []
    # Rebuilt in git's working tree, the site is judged by the time it was written.
    commit(project)
    for name in ("index.md", "guide/index.md", "guide/setup.md", "guide/escalation.md"):
        (project / "docs" / name).touch()
    built.write_text(built.read_text("utf-8") + "\n", "utf-8")
    os.utime(built, (hour_ago, hour_ago))
    assert stale(project) == [
        (
            "4",
            "built",
            "docs/guide/escalation.md, docs/guide/index.md, docs/guide/setup.md and 1 more",
        )
    ]


def test_undefined_callouts_are_explained(tmp_path: Path) -> None:
    project = tmp_path / "handbook"
    shutil.copytree(FIXTURES / "github-pages", project)
    site_config = project / "_config.yml"
    text = site_config.read_text("utf-8")
    site_config.write_text(re.sub(r"callouts:\n(  .*\n)+", "", text), "utf-8")
    result = init(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "callout `important` is not defined under `callouts:`" in result.stdout
    assert "add to _config.yml, for example:\n\ncallouts:\n" in result.stdout


def test_no_jekyll_site_is_a_usage_error(tmp_path: Path) -> None:
    result = init(tmp_path)
    assert result.returncode == 2
    assert "no Jekyll site here" in result.stderr


def test_a_config_that_is_not_yaml_is_named_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("title: Runbooks\ncallouts: [\n", encoding="utf-8")
    result = init(tmp_path)
    assert result.returncode == 2
    assert re.search(r"_config\.yml:\d+: malformed _config\.yml: ", result.stderr), result.stderr
    assert not (tmp_path / "_mkdocs").exists()
