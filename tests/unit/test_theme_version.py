"""The version of Just the Docs a site says it is built with (`jekyll.theme_version`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs_playbook.jekyll.theme_version import CHILDREN_BY_PARENT, theme_version


def test_remote_theme_names_its_version() -> None:
    data = {"remote_theme": "just-the-docs/just-the-docs@v0.5.2"}
    assert theme_version(data, []) == (0, 5, 2)
    assert theme_version({"remote_theme": "pmarsceill/just-the-docs"}, []) is None


def test_the_first_folder_with_a_lock_or_the_theme_s_gemspec_names_it(tmp_path: Path) -> None:
    source, root = tmp_path / "docs", tmp_path
    source.mkdir()
    (root / "Gemfile.lock").write_text(
        "GEM\n  specs:\n    just-the-docs (0.9.0)\n      jekyll (>= 3.8.5)\n", "utf-8"
    )
    assert theme_version({}, [str(source), str(root)]) == (0, 9, 0)
    (source / "just-the-docs.gemspec").write_text('  spec.version = "0.4.0.rc3"\n', "utf-8")
    assert theme_version({}, [str(source), str(root)]) == (0, 4, 0)
    # A dependency's line under another gem is not the theme's own entry.
    (root / "Gemfile.lock").write_text("    jekyll (4.3.1)\n      just-the-docs (0.5.2)\n", "utf-8")
    assert theme_version({}, [str(root)]) is None


def test_before_ten_is_the_legacy_navigation() -> None:
    assert (0, 9, 0) < CHILDREN_BY_PARENT <= (0, 10, 0) < (0, 10, 1) < (1, 0)
