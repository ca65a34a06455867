"""`compare` on a real build, in both of MkDocs' URL styles: a link written with the site's own
absolute URL (`url` + `baseurl` of `_config.yml`) to a Jekyll output path leads where it
leads on each site once ours is served in Jekyll's place, so it is the same page only where
our site still serves that path (`use_directory_urls: false`). The project is
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


@pytest.mark.parametrize(("directory_urls", "same"), [(True, False), (False, True)])
def test_a_link_to_the_sites_own_url_leads_where_our_site_serves_it(
    tmp_path: Path, directory_urls: bool, same: bool
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
    if same:
        assert "In-content links: 7 lead to the same page, 0 do not" in lines
    else:
        assert "In-content links: 6 lead to the same page, 1 do not" in lines
        report = (root / "migration-report.md").read_text("utf-8")
        assert "- MkDocs: `missing:/guide/setup#check-your-access`" in report
