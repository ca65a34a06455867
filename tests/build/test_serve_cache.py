"""`mkdocs serve` rebuilds with the same plugin instance: a page whose Markdown, front matter
and site are unchanged keeps its conversion, and the site is the one a fresh build makes, with
the same findings."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_playbook.plugin import PlaybookPlugin
from support import make_project, run_build

PAGES = {
    "part.md": "# Part\n\nThe old part.\n",
    "index.md": (
        "# Home\n\nSee [the checklist](runbook.md#checklist), [an anchor no page has]"
        "(runbook.md#nowhere) and [a page no one wrote](missing.md).\n"
    ),
    "runbook.md": (
        "---\ntitle: Runbook\n---\n# Runbook\n\n## Checklist\n\n- [ ] Page the on-call\n"
        "- [ ] Open the incident channel\n\n## Update template\n\n```text\nStatus: {Status}\n```\n"
    ),
    "other.md": "# Other\n\nBack [home](index.md#home) and to [a lost heading](#lost).\n",
}


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture
def conversions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages MkDocs converted (`Page.render` run), in order; MkDocs' log set up as its
    command line does it (its records stop at the `mkdocs` logger)."""
    monkeypatch.setattr(logging.getLogger("mkdocs"), "propagate", False)
    converted: list[str] = []
    render = Page.render

    def counted(page: Page, config: MkDocsConfig, files: Files) -> None:
        converted.append(page.file.src_uri)
        render(page, config, files)

    monkeypatch.setattr(Page, "render", counted)
    return converted


def new_project(root: Path, config: str = "", pages: dict[str, str] = PAGES) -> Path:
    root.mkdir()
    return make_project(root, pages, config)


@contextmanager
def serve_session(project: Path) -> Iterator[tuple[PlaybookPlugin, list[list[str]]]]:
    """Builds as `mkdocs serve` makes them: `on_startup` once, then the configuration loaded
    anew for each build; yields a function's worth of state: the plugin and each build's
    warnings."""
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["playbook"]
    assert isinstance(plugin, PlaybookPlugin)
    try:
        yield plugin, []
    finally:
        config.plugins.on_shutdown()


def rebuild(project: Path, plugin: PlaybookPlugin, warnings: list[list[str]]) -> None:
    config = load_config(str(project / "mkdocs.yml"))
    # MkDocs keeps the plugin between the session's builds, as it does in `mkdocs serve`.
    assert config.plugins["playbook"] is plugin
    handler = _Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        build(config)
    finally:
        logger.removeHandler(handler)
    warnings.append(handler.messages)


def site_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def fresh_warnings(output: str) -> list[str]:
    """The warnings of a `mkdocs build` run, as its log prints them."""
    return [
        line.split(" -  ", 1)[1]
        for line in output.splitlines()
        if line.startswith("WARNING") and " -  " in line
    ]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_rebuild_converts_only_the_edited_page_and_builds_what_a_fresh_build_does(
    tmp_path: Path, conversions: list[str], directory_urls: bool
) -> None:
    project = new_project(
        tmp_path / "project", f"use_directory_urls: {str(directory_urls).lower()}\n"
    )
    with serve_session(project) as (plugin, warnings):
        rebuild(project, plugin, warnings)
        assert sorted(conversions) == sorted(PAGES)
        conversions.clear()
        other = project / "docs" / "other.md"
        other.write_text(other.read_text(encoding="utf-8") + "\nEdited [again](#lost2).\n")
        rebuild(project, plugin, warnings)
        assert conversions == ["other.md"]
        assert plugin.serve_cache is not None and plugin.serve_cache.reused == len(PAGES) - 1

    fresh = run_build(project, strict=False, site_dir=tmp_path / "fresh")
    assert fresh.returncode == 0, fresh.output
    assert site_files(project / "site") == site_files(tmp_path / "fresh")
    # The kept pages' findings too: the broken anchor and missing page of index.md.
    assert sorted(warnings[1]) == sorted(fresh_warnings(fresh.output))
    assert any("index.md:3" in message and "nowhere" in message for message in warnings[1])
    assert any("missing.md" in message for message in warnings[1])
    assert any("#lost2" in message for message in warnings[1])


@pytest.mark.parametrize("directory_urls", [True, False])
def test_a_page_that_lists_the_site_s_pages_follows_another_page_s_front_matter(
    tmp_path: Path, conversions: list[str], directory_urls: bool
) -> None:
    pages = {**PAGES, "list.md": '# List\n\n{{ site.pages | map: "title" | join: ", " }}\n'}
    setting = f"use_directory_urls: {str(directory_urls).lower()}\n"
    project = new_project(tmp_path / "project", setting, pages)
    with serve_session(project) as (plugin, warnings):
        rebuild(project, plugin, warnings)
        runbook = project / "docs" / "runbook.md"
        runbook.write_text(runbook.read_text(encoding="utf-8").replace("Runbook", "Renamed", 1))
        rebuild(project, plugin, warnings)
    fresh = run_build(project, strict=False, site_dir=tmp_path / "fresh")
    assert "Renamed" in fresh.html("list/index.html" if directory_urls else "list.html")
    assert site_files(project / "site") == site_files(tmp_path / "fresh")


def test_a_page_with_a_liquid_tag_is_converted_every_time(
    tmp_path: Path, conversions: list[str]
) -> None:
    pages = {**PAGES, "whole.md": "# Whole\n\n{% include_relative part.md %}\n"}
    project = new_project(tmp_path / "project", pages=pages)
    with serve_session(project) as (plugin, warnings):
        rebuild(project, plugin, warnings)
        (project / "docs" / "part.md").write_text("# Part\n\nThe new part.\n")
        conversions.clear()
        rebuild(project, plugin, warnings)
    # The page it includes, and the page that includes it (a tag may read anything).
    assert sorted(conversions) == ["part.md", "whole.md"]
    assert "The new part." in (project / "site" / "whole" / "index.html").read_text("utf-8")


def test_a_changed_site_config_converts_every_page_again(
    tmp_path: Path, conversions: list[str]
) -> None:
    project = new_project(tmp_path / "project")
    with serve_session(project) as (plugin, warnings):
        rebuild(project, plugin, warnings)
        config = project / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8").replace("site_name: Fixture", "site_name: Moved")
        )
        conversions.clear()
        rebuild(project, plugin, warnings)
        assert sorted(conversions) == sorted(PAGES)
    assert warnings[0] == warnings[1]


def test_a_build_that_is_not_served_keeps_nothing(tmp_path: Path, conversions: list[str]) -> None:
    project = new_project(tmp_path / "project")
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        plugin = config.plugins["playbook"]
        assert isinstance(plugin, PlaybookPlugin) and plugin.serve_cache is None
        rebuild(project, plugin, [])
        rebuild(project, plugin, [])
    finally:
        config.plugins.on_shutdown()
    assert sorted(conversions) == sorted([*PAGES, *PAGES])


def test_a_page_in_a_site_layout_that_prints_the_time_is_converted_every_time(
    tmp_path: Path, conversions: list[str]
) -> None:
    layout = "---\nlayout: default\n---\n{{ content }}\n<p>{{ 'now' | date: '%s' }}</p>\n"
    pages = {
        "_config.yml": "title: Site\n",
        "_layouts/stamped.html": layout,
        "index.md": "# Home\n",
        "stamped.md": "---\nlayout: stamped\n---\n# Stamped\n",
    }
    project = new_project(tmp_path / "project", pages=pages)
    with serve_session(project) as (plugin, warnings):
        rebuild(project, plugin, warnings)
        conversions.clear()
        rebuild(project, plugin, warnings)
    # Its layout's Liquid prints what a fresh build prints anew, as a page's own would.
    assert conversions == ["stamped.md"]


@pytest.mark.parametrize("fails", [False, True])
def test_what_the_build_froze_for_the_collector_is_given_back_when_it_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails: bool
) -> None:
    # The plugin freezes what lives through the build (gc.freeze, plugin.on_nav) so that full
    # collections skip it; a `serve` session's next build must find it collectable again,
    # after a build that failed too.
    project = new_project(tmp_path / "project")
    frozen_while_converting: list[int] = []
    render = Page.render

    def render_counting(page: Page, config: MkDocsConfig, files: Files) -> None:
        frozen_while_converting.append(gc.get_freeze_count())
        if fails and page.file.src_uri == "other.md":
            raise RuntimeError("a page that cannot be converted")
        render(page, config, files)

    monkeypatch.setattr(Page, "render", render_counting)
    monkeypatch.setattr(logging.getLogger("mkdocs"), "propagate", False)
    assert gc.get_freeze_count() == 0
    with serve_session(project) as (plugin, warnings):
        if fails:
            with pytest.raises(RuntimeError, match="cannot be converted"):
                rebuild(project, plugin, warnings)
        else:
            rebuild(project, plugin, warnings)
        assert frozen_while_converting and min(frozen_while_converting) > 0
        assert gc.get_freeze_count() == 0
