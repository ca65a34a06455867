"""The site builds completely on Zensical, after `python -m mkdocs_playbook prepare`.

Zensical runs Python-Markdown extensions but no MkDocs plugin: `prepare` writes what the
plugin would have done (nav, generated pages, assets, the extension's options), and
`prepare --check` reports the same findings as a MkDocs build.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from support import ROOT, Build, build_with_zensical, nav_labels

PLAYBOOK = "operations/INCIDENT_RESPONSE_PLAYBOOK.html"
URL_STYLES = ROOT / "tests" / "fixtures" / "links-url-styles"


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
    # The site has incident runs: the bundle with the run bar.
    assert re.search(r'<script src="\.\./assets/playbook/playbook-runs\.js"', html)


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


def test_a_sites_own_widget_fragments_apply_on_zensical_too(tmp_path: Path) -> None:
    """A fragment in the theme's custom_dir replaces ours, as in a MkDocs build."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Page\n\n- [ ] First step\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Fixture\ntheme:\n  name: material\n  custom_dir: overrides\n"
        "plugins:\n  - playbook\n",
        "utf-8",
    )
    fragment = tmp_path / "overrides" / "playbook" / "checklist.html"
    fragment.parent.mkdir(parents=True)
    fragment.write_text('<p class="our-own-checklist">ours</p>\n', "utf-8")
    build = build_with_zensical(tmp_path)
    assert build.returncode == 0, build.output
    assert '<p class="our-own-checklist">ours</p>' in build.html("index.html")


def test_the_run_bar_and_the_run_page_link_the_templates_as_in_the_mkdocs_build(
    zensical_build: Build, site_build: Build
) -> None:
    """The run bar's "next update in ..." leads to the update template; the run page drafts
    the review from the template `runs.review_template` names."""

    def due_link(build: Build) -> str:
        found = re.search(r'<a class="playbook-runbar__due" href="([^"]*)"', build.html(PLAYBOOK))
        assert found is not None
        return found.group(1)

    def review(build: Build) -> str:
        found = re.search(
            r'<script type="application/json" data-playbook-review-template>(.+?)</script>',
            build.html("incident-run.html"),
        )
        assert found is not None
        return found.group(1)

    assert due_link(zensical_build) == due_link(site_build)
    assert due_link(zensical_build).endswith("#template-form")
    assert review(zensical_build) == review(site_build)
