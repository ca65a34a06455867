"""Real `mkdocs build`s of the navigation fixture trees: Material shows the nav that Jekyll
and Just the Docs rendered for the same pages, level for level."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from navfixtures import FIXTURES, jekyll_navs, material_shape, sources, titled
from support import nav_tree, run_build

CONFIG = """\
site_name: Navigation fixture
theme:
  name: material
  font: false
plugins:
  - playbook
"""


def build_tree(tree: Path, root: Path, config: str = "", *, strict: bool = True) -> str:
    """Build the fixture `tree` under `root`; the nav Material shows on the home page."""
    shutil.copytree(tree / "docs", root / "docs")
    (root / "mkdocs.yml").write_text(CONFIG + config, encoding="utf-8")
    build = run_build(root, strict=strict)
    assert build.returncode == 0, build.output
    return build.output


def jekyll_nav(tree: str) -> list[dict[str, object]]:
    (nav,) = [nav.nav for nav in jekyll_navs() if nav.id == f"{tree}-default"]
    return nav


@pytest.mark.parametrize(
    "config",
    ["", "use_directory_urls: false\n"],
    ids=["mkdocs-defaults", "use_directory_urls-false"],
)
def test_probe_tree_builds_strict_with_jekylls_nav(tmp_path: Path, config: str) -> None:
    build_tree(FIXTURES / "probe", tmp_path, config)
    shown = nav_tree((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    # The plugin does not read Jekyll's _config.yml (yet), so no nav_external_links here.
    pages = [entry for entry in jekyll_nav("probe") if "page" in entry]
    assert shown == material_shape(pages)
    assert ("Layout", [("Default layout", []), ("Minimal layout", [])]) in shown


def test_an_other_page_shows_the_same_nav(tmp_path: Path) -> None:
    build_tree(FIXTURES / "probe", tmp_path, "use_directory_urls: false\n")
    page = tmp_path / "site" / "ancestry" / "yu.html"
    shown = nav_tree(page.read_text(encoding="utf-8"))
    assert shown == material_shape([e for e in jekyll_nav("probe") if "page" in e])


def test_dropped_pages_are_built_reported_at_their_lines_and_left_out_of_the_nav(
    tmp_path: Path,
) -> None:
    output = build_tree(FIXTURES / "dropped", tmp_path, strict=False)
    reported = sorted(set(re.findall(r"WARNING -  playbook: (docs/[^:]+:\d+): ", output)))
    assert reported == [
        "docs/CHANGELOG.md:1",
        "docs/guides/again.md:3",
        "docs/misc/astray.md:4",
        "docs/misc/loop-a.md:3",
        "docs/misc/orphan.md:3",
        "docs/misc/self.md:3",
        "docs/notes/scratch.md:1",
        "docs/teams/contacts.md:3",
    ]
    shown = nav_tree((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    labels = {page.src_uri: page.title for page in sources(FIXTURES / "dropped")}
    # Jekyll's nav, where "∞" shows the page's own title: the pages Just the Docs cannot
    # place and the untitled ones (notes/scratch.md, CHANGELOG.md) are out of it, in both.
    assert shown == material_shape(titled(jekyll_nav("dropped"), labels))
    # Still built, and linkable.
    for page in ("orphan", "orphan-child", "astray", "loop-a", "loop-b", "self"):
        assert (tmp_path / "site" / "misc" / page / "index.html").is_file()


def test_a_plain_mkdocs_site_keeps_mkdocs_own_nav(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Welcome\n",
        "zebra.md": "---\ntitle: Zebra\n---\n\n# Zebra\n",  # `title` alone is MkDocs' too
        "guide/install.md": "# Install\n",
        "guide/use.md": "# Use\n",
        "about.md": "# About\n",
    }
    navs = []
    for plugins in ("  - playbook\n", "  - search\n"):
        root = tmp_path / plugins.strip(" -\n")
        for name, text in pages.items():
            (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "docs" / name).write_text(text, encoding="utf-8")
        config = CONFIG.replace("  - playbook\n", plugins)
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        build = run_build(root)
        assert build.returncode == 0, build.output
        navs.append(nav_tree((root / "site" / "index.html").read_text(encoding="utf-8")))
    with_plugin, without_plugin = navs
    assert with_plugin == without_plugin
    assert ("Guide", [("Install", []), ("Use", [])]) in with_plugin


@pytest.mark.parametrize(
    "config",
    ["", "use_directory_urls: false\n"],
    ids=["mkdocs-defaults", "use_directory_urls-false"],
)
def test_a_site_pinned_before_0_10_gets_that_version_s_nav(tmp_path: Path, config: str) -> None:
    """The legacy tree pins Just the Docs 0.5.2 in its Gemfile.lock, beside its _config.yml:
    only pages with `has_children` list children, a third level needs `grand_parent`, and
    there is no fourth, as Jekyll rendered it with the theme at v0.5.2."""
    tree = FIXTURES / "legacy"
    shutil.copytree(tree / "docs", tmp_path / "docs")
    for name in ("_config.yml", "Gemfile.lock"):
        shutil.copy(tree / name, tmp_path / "docs" / name)
    (tmp_path / "mkdocs.yml").write_text(CONFIG + config, encoding="utf-8")
    build = run_build(tmp_path, strict=False)
    assert build.returncode == 0, build.output
    shown = nav_tree((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert shown == material_shape(jekyll_nav("legacy"))
    reported = sorted(set(re.findall(r"WARNING -  playbook: (docs/[^:]+:\d+): ", build.output)))
    assert reported == ["docs/on-call.md:3", "docs/rollback-cache.md:3", "docs/rollback-deep.md:3"]

    # The page that does not say has_children prints no table of child pages; one that does,
    # its listed children.
    def page(name: str) -> str:
        built = tmp_path / "site" / (f"{name}.html" if config else f"{name}/index.html")
        return built.read_text(encoding="utf-8")

    assert "playbook-children" not in page("contacts")
    table = page("runbooks").split('class="playbook-children"', 1)[1]
    assert "Rollback" in table and "Failover" in table and "Cache rollback" not in table
