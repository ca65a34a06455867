"""The files that say what builds a Jekyll site, read once for every reader
(`jekyll.bundler`): the first folder's, bounded, never through a link out of its folder."""

from __future__ import annotations

from pathlib import Path

from mkdocs_playbook.jekyll.bundler import READ_LIMIT, first_file
from mkdocs_playbook.jekyll.site_config import SiteConfig
from mkdocs_playbook.jekyll.theme_version import theme_version
from mkdocs_playbook.published_files import github_pages_rules

LOCK = "GEM\n  specs:\n    just-the-docs (0.9.0)\n"


def test_the_first_folder_holding_the_file_gives_it(tmp_path: Path) -> None:
    source, root = tmp_path / "docs", tmp_path
    source.mkdir()
    assert first_file([str(source), str(root)], "Gemfile") == ""
    (root / "Gemfile").write_text("gem 'github-pages'\n", "utf-8")
    assert first_file([str(source), str(root)], "Gemfile") == "gem 'github-pages'\n"
    (source / "Gemfile").write_text("gem 'jekyll'\n", "utf-8")
    assert first_file([str(source), str(root)], "Gemfile") == "gem 'jekyll'\n"
    (source / "Gemfile").write_text("#" * (READ_LIMIT + 10), "utf-8")
    assert len(first_file([str(source)], "Gemfile")) == READ_LIMIT


def test_a_link_out_of_its_folder_is_not_read_by_any_reader(tmp_path: Path) -> None:
    outside, project = tmp_path / "elsewhere", tmp_path / "project"
    outside.mkdir()
    project.mkdir()
    (outside / "Gemfile.lock").write_text(LOCK, "utf-8")
    (outside / "Gemfile").write_text("gem 'github-pages'\n", "utf-8")
    for name in ("Gemfile.lock", "Gemfile"):
        (project / name).symlink_to(outside / name)
    assert first_file([str(project)], "Gemfile.lock") == ""
    assert theme_version({}, [str(project)]) is None
    rules = github_pages_rules(SiteConfig(), "auto", [str(project)])
    assert "github-pages" not in rules.describe()
    # A link that stays in the folder is the file.
    (project / "Gemfile.lock").unlink()
    (project / "locks").mkdir()
    (project / "locks" / "Gemfile.lock").write_text(LOCK, "utf-8")
    (project / "Gemfile.lock").symlink_to(project / "locks" / "Gemfile.lock")
    assert theme_version({}, [str(project)]) == (0, 9, 0)
