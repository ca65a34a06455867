"""Bad Jekyll input fails `mkdocs build --strict` with `docs/path.md:LINE: ...`, losing no page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import Build, make_project, nav_labels, run_build

PAGES = {
    "index.md": "---\ntitle: Home\nnav_order: 1\n---\n# Home\n",
    "ops/index.md": "---\ntitle: Operations\nnav_order: 2\n---\n# Operations\n",
    "ops/unknown-parent.md": "---\ntitle: Orphan\nparent: Operation\n---\n# Orphan\n",
    "a/setup.md": "---\ntitle: Setup\n---\n# Setup A\n",
    "b/setup.md": "---\ntitle: Setup\n---\n# Setup B\n",
    "ambiguous.md": "---\ntitle: Step\nlayout: default\nparent: Setup\n---\n# Step\n",
    "cycle-a.md": "---\ntitle: Cycle A\nparent: Cycle B\n---\n# A\n",
    "cycle-b.md": "---\ntitle: Cycle B\nparent: Cycle A\n---\n# B\n",
    "malformed.md": "---\ntitle: Broken\nparent: [Operations\n---\n# Broken\n",
    "not-mapping.md": "---\n- title\n- parent\n---\n# Listy\n",
    "nav-order.md": "---\ntitle: Ordered\nparent: Operations\nnav_order:\n  - 1\n---\n# Ordered\n",
    "liquid.md": "---\ntitle: Liquid\n---\n# Liquid\n\nSee {{ site.github.repo_url }}.\n",
    # A value that would start a GitHub Actions workflow command on a line of its own.
    "hostile.md": "---\ntitle: Hostile\n---\n# Hostile\n\n"
    '<div><a href="gone/\n::error file=x::forged">x</a></div>\n',
}

EXPECTED = [
    ("docs/ops/unknown-parent.md:3:", "unknown parent 'Operation'", "'Operations'"),
    ("docs/ambiguous.md:4:", "parent 'Setup' names several pages", "(a/setup.md, b/setup.md)"),
    ("docs/cycle-a.md:3:", "parent cycle cycle-a.md -> cycle-b.md -> cycle-a.md", ""),
    ("docs/malformed.md:4:", "malformed front matter", ""),
    ("docs/not-mapping.md:2:", "malformed front matter: expected a mapping", ""),
    ("docs/nav-order.md:4:", "nav_order must be a number or a string, not a list", ""),
    ("docs/liquid.md:6:5:", "unknown variable `{{ site.github.repo_url }}`", "repository_url"),
]


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(
        tmp_path_factory.mktemp("broken"),
        PAGES,
        plugin_options="      repository_url: https://github.com/advisoros/advisoros\n",
    )
    return run_build(project)


def test_strict_build_fails(broken_build: Build) -> None:
    assert broken_build.returncode != 0
    assert "Aborted with" in broken_build.output


@pytest.mark.parametrize(("where", "what", "hint"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_each_problem_names_file_and_line(
    broken_build: Build, where: str, what: str, hint: str
) -> None:
    lines = [line for line in broken_build.output.splitlines() if where in line]
    assert lines, broken_build.output
    assert what in lines[0]
    assert hint in lines[0]


def test_a_finding_is_one_log_line_whatever_its_text_holds(broken_build: Build) -> None:
    assert not [line for line in broken_build.output.splitlines() if line.startswith("::")]
    (line,) = [line for line in broken_build.output.splitlines() if "docs/hostile.md" in line]
    assert "link target gone/\\n::error file=x::forged: no such page or file" in line


def test_findings_come_sorted_by_file_and_line(broken_build: Build) -> None:
    ours = re.findall(r"WARNING -  playbook: (docs/\S+?):(\d+)", broken_build.output)
    assert len(ours) >= len(EXPECTED)
    assert ours == sorted(ours, key=lambda f: (f[0], int(f[1])))


def test_no_page_is_lost(broken_build: Build) -> None:
    labels = nav_labels(broken_build.html("index.html"))
    for title in ("Step", "Ordered", "Liquid", "Setup"):
        assert title in labels, title
    # Pages Just the Docs cannot place are out of its nav and of ours, still built, and
    # reported at the line to fix (EXPECTED).
    for title, page in [
        ("Orphan", "ops/unknown-parent"),
        ("Cycle A", "cycle-a"),
        ("Cycle B", "cycle-b"),
    ]:
        assert title not in labels, title
        assert "<h1" in broken_build.html(f"{page}/index.html")


def test_explicit_nav_wins(tmp_path: Path) -> None:
    project = make_project(
        tmp_path,
        {
            "index.md": "---\ntitle: Home\n---\n# Home\n",
            "b.md": "---\ntitle: B\nparent: Nope\n---\n# B\n",
        },
        "nav:\n  - Only: index.md\n  - Bee: b.md\n",
    )
    build = run_build(project)
    assert build.returncode == 0, build.output
    assert "Bee" in build.html("index.html")
    assert "unknown parent" not in build.output
