"""A Just the Docs site renders as Jekyll shows it, with nothing configured but the plugin.

The fixture (tests/fixtures/jtd-site) is written as a Just the Docs team writes: kramdown
attribute lists and `{:toc}`, callouts named in `_config.yml`, `{% link %}`, `{% include %}`,
`{% highlight %}`, `relative_url`, footnotes and definition lists, `_includes/` and excluded
drafts. It is built under MkDocs' defaults and with `use_directory_urls: false`.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from support import ROOT, Build, nav_labels, run_build

FIXTURE = ROOT / "tests" / "fixtures" / "jtd-site"
MARKERS = ("{:", "{::", "{% link", "{% highlight", "{% include", "relative_url")


@pytest.fixture(scope="module", params=[True, False], ids=["mkdocs-defaults", "from-disk"])
def jtd_build(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("jtd") / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    style = str(request.param).lower()
    config.write_text(f"use_directory_urls: {style}\n" + config.read_text("utf-8"), "utf-8")
    return run_build(project, strict=False)


def whole_page(build: Build, name: str) -> str:
    """The HTML of page `name` (`docs/configuration`), whatever the URL style."""
    for path in (f"{name}/index.html", f"{name}.html"):
        if (build.site_dir / path).exists():
            return build.html(path)
    raise AssertionError(f"{name} was not built")


def page(build: Build, name: str) -> str:
    """The content of page `name`."""
    html = whole_page(build, name)
    return html[html.index("<article") : html.index("</article>")]


def warnings(build: Build) -> list[str]:
    return re.findall(r"^WARNING +- +(.*)$", build.output, re.MULTILINE)


def test_a_loop_over_the_site_s_pages_renders_and_nothing_is_reported(jtd_build: Build) -> None:
    assert jtd_build.returncode == 0, jtd_build.output
    assert warnings(jtd_build) == []
    # `{% for page in site.pages %}{{ page.title }}{% endfor %}`: every page's title.
    content = page(jtd_build, "docs/configuration")
    assert "{% for" not in content
    assert re.search(
        r"<p>[^<]*Configuration[^<]*Colors[^<]*</p>|<p>[^<]*Colors[^<]*Configuration", content
    )


@pytest.mark.parametrize("name", ["index", "docs/configuration", "docs/customization/colors"])
def test_no_kramdown_or_liquid_marker_is_printed(jtd_build: Build, name: str) -> None:
    content = re.sub(r"<code.*?</code>", "", page(jtd_build, name), flags=re.S)
    assert not [marker for marker in MARKERS if marker in content]


def test_callouts_are_admonitions_with_their_titles(jtd_build: Build) -> None:
    content = page(jtd_build, "docs/configuration")
    assert re.search(
        r'<div class="admonition danger[^"]*"><p class="admonition-title">Warning</p>'
        r"<p>Restart the worker",
        content,
    )
    # A `-title` callout takes its first paragraph as its title.
    assert re.search(
        r'<div class="admonition note[^"]*">\s*<p class="admonition-title">Good to know</p>',
        content,
    )


def test_link_tags_resolve_to_the_pages_and_anchors(jtd_build: Build) -> None:
    home = page(jtd_build, "index")
    assert re.search(r'href="docs/configuration(/|\.html)#callouts">configuration guide', home)
    assert re.search(r'href="docs/customization/colors(/|\.html)"', home)
    back = page(jtd_build, "docs/customization/colors")
    assert re.search(r'href="\.\./(\.\./)?configuration(/|\.html)">configuration', back)


def test_no_toc_headings_stay_out_of_both_tables_of_contents(jtd_build: Build) -> None:
    content = page(jtd_build, "docs/configuration")
    toc = content[content.index('id="markdown-toc"') :]
    toc = toc[: toc.index("</ol>")]
    assert re.findall(r'href="#([\w-]+)"', toc) == ["callouts", "highlight", "assets"]
    html = whole_page(jtd_build, "docs/configuration")
    sidebar = html[html.index('class="md-nav md-nav--secondary"') :]
    sidebar = sidebar[: sidebar.index("</nav>")]
    assert re.findall(r'href="#([\w-]+)"', sidebar) == ["callouts", "highlight", "assets"]


def test_includes_highlight_and_relative_urls_render(jtd_build: Build) -> None:
    home = page(jtd_build, "index")
    # The include's parameter, and a site variable only _config.yml defines.
    assert '<a href="mailto:oncall@example.com">the on-call team</a>' in home
    content = page(jtd_build, "docs/configuration")
    assert re.search(r'<code class="language-yaml">callouts:\n  warning:', content)
    assert re.search(r'<img alt="Logo" src="\.\./(\.\./)?assets/logo\.png"', content)
    assert "<dt>Term</dt>" in content and 'class="footnote"' in content


def test_ui_classes_become_material_buttons_and_labels(jtd_build: Build) -> None:
    home = page(jtd_build, "index")
    assert re.search(r'<a class="btn btn-primary mr-2 md-button md-button--primary"', home)
    assert '<p class="label label-green">Stable</p>' in home


def test_what_jekyll_does_not_publish_stays_out(jtd_build: Build) -> None:
    site = jtd_build.site_dir
    for path in ("_config.yml", "_includes", "drafts"):
        assert not (site / path).exists(), path
    assert (site / "assets" / "logo.png").exists()


def test_config_yml_gives_nav_header_links_and_edit_links(jtd_build: Build) -> None:
    html = jtd_build.html("index.html")
    assert nav_labels(html)[:4] == ["Home", "Configuration", "Customization", "Colors"]
    assert "Incident tracker" in nav_labels(html)
    assert 'class="playbook-aux__link" href="https://status.example.com">Status page</a>' in html
    html = whole_page(jtd_build, "docs/configuration")
    assert "https://github.com/example/runbooks/edit/main/docs/docs/configuration.md" in html


def test_a_jekyll_source_at_the_top_builds_from_a_config_folder_of_its_own(
    tmp_path: Path, jtd_build: Build
) -> None:
    """The layout "Migrating a Just the Docs site" gives for pages at the repository's top:
    `_mkdocs/mkdocs.yml` with `docs_dir: ..` (Jekyll ignores `_mkdocs/`, and so do we), the
    site written outside the repository, as MkDocs requires, findings named from the top."""
    repository = tmp_path / "runbooks"
    shutil.copytree(FIXTURE / "docs", repository)
    (repository / ".git").mkdir()
    (repository / "_mkdocs").mkdir()
    config = (FIXTURE / "mkdocs.yml").read_text("utf-8")
    (repository / "_mkdocs" / "mkdocs.yml").write_text(
        "docs_dir: ..\nuse_directory_urls: true\n" + config, "utf-8"
    )
    build = run_build(
        repository, strict=False, config="_mkdocs/mkdocs.yml", site_dir=tmp_path / "site"
    )
    assert build.returncode == 0, build.output
    assert warnings(build) == []
    assert not (build.site_dir / "_mkdocs").exists()
    assert nav_labels(build.html("index.html")) == nav_labels(jtd_build.html("index.html"))
