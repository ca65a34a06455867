"""`compare` on a real build, in both of MkDocs' URL styles: a link written with the site's own
absolute URL (`url` + `baseurl` of `_config.yml`) to a Jekyll output path is read as a path of
Jekyll's site, and our build leads the same link to the page (jekyll/urls.py), so both lead to
the same page in either style. (That a path our site does not serve counts as different is
tests/unit/test_migration_compare_reading.py's.) The project is
tests/fixtures/init/docs-layout, with its hand-written `_site/` of what Jekyll renders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_compare_build import CONFIG

from support import ROOT, run_build, run_module

FIXTURE = ROOT / "tests" / "fixtures" / "init" / "docs-layout"
ABSOLUTE = "https://runbooks.example.com/ops/guide/setup.html#check-your-access"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_link_to_the_sites_own_url_leads_to_the_same_page(
    tmp_path: Path, directory_urls: bool
) -> None:
    root = tmp_path / "runbooks"
    shutil.copytree(FIXTURE, root)
    (root / "mkdocs.yml").write_text(
        f"{CONFIG}use_directory_urls: {str(directory_urls).lower()}\n", "utf-8"
    )
    sentence = "Page the secondary when the primary has not answered within ten minutes."
    _edit(root / "docs" / "guide" / "escalation.md", sentence, f"{sentence} [Setup]({ABSOLUTE}).")
    _edit(
        root / "docs" / "_site" / "guide" / "escalation.html",
        sentence,
        f'{sentence} <a href="{ABSOLUTE}">Setup</a>.',
    )
    build = run_build(root, strict=False)
    assert build.returncode == 0, build.output
    result = run_module(root, "mkdocs_playbook", "compare", "docs/_site")
    lines = result.stdout.splitlines()
    assert "In-content links: 7 lead to the same page, 0 do not" in lines
