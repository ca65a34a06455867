"""Under Material's `navigation.indexes`, every section of the nav answers `is_index` (False)
itself, so the theme's nav, which asks each child on every page, pays no Jinja lookup that
fails twice for it (a third of the feature's cost on the bench corpus)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import PluginCollection
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from mkdocs_playbook.jekyll.site_config import SiteConfig
from mkdocs_playbook.nav_indexes import FEATURE, sections_answer_is_index
from mkdocs_playbook.plugin import PlaybookPlugin


def _config(features: list[str]) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "theme": {"name": "material", "features": features}})
    errors, _ = config.validate()
    assert not errors
    return config


class _LeadingSection(Section):
    """A section another plugin made, which answers for itself (mkdocs-section-index's)."""

    @property
    def is_index(self) -> bool:
        return True


def _nav() -> tuple[Navigation, list[Section]]:
    inner = Section("Inner", [Link("Out", "https://example.org/")])
    own = _LeadingSection("Own", [])
    outer = Section("Outer", [inner, own, Link("Home", "/")])
    return Navigation([outer, Link("Top", "/top/")], []), [outer, inner, own]


def test_every_section_answers_is_index_under_the_feature() -> None:
    nav, (outer, inner, own) = _nav()
    sections_answer_is_index(nav, _config(["navigation.prune", FEATURE]))
    assert outer.is_index is False  # type: ignore[attr-defined]
    assert inner.is_index is False  # type: ignore[attr-defined]
    assert own.is_index is True


def test_without_the_feature_sections_are_left_as_mkdocs_makes_them() -> None:
    nav, (outer, inner, _) = _nav()
    sections_answer_is_index(nav, _config(["navigation.prune"]))
    assert not hasattr(outer, "is_index")
    assert not hasattr(inner, "is_index")


def test_the_plugin_answers_for_the_nav_before_the_theme_renders_a_page() -> None:
    plugin = PlaybookPlugin()
    plugin.records = {}
    plugin.site = SiteConfig()
    nav, (outer, inner, _) = _nav()
    page = Page("Home", File("index.md", "docs", "site", False), _config([FEATURE]))
    plugins = PluginCollection()
    plugins["playbook"] = plugin  # MkDocs' own dispatch of each part of the event
    plugins.on_page_context({}, page=page, config=_config([FEATURE]), nav=nav)
    assert outer.is_index is False  # type: ignore[attr-defined]
    assert inner.is_index is False  # type: ignore[attr-defined]
