"""One settings object per build: the extension's keyword options and the build configuration
`prepare` writes spell the same settings, and the site's facts are handed over as one."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.jekyll.rewrite import PageInput
from mkdocs_playbook.settings import (
    PlaybookSettings,
    RunBarSettings,
    SiteFacts,
    from_options,
    options_of,
)
from mkdocs_playbook.widgets.severity import SeveritySettings

JTD_SITE = Path(__file__).resolve().parents[1] / "fixtures" / "jtd-site"

OPTIONS: dict[str, object] = {
    "site_id": "Ops",
    "checklist_headings": ["checklist", "steps"],
    "site_variables": {"site.title": "Handbook"},
    "repository_url": "https://github.com/example/handbook",
    "repository_branches": ["main"],
    "repository_docs_roots": ["docs/"],
    "unsafe_attributes": "yes",  # as Python-Markdown reads a boolean option
    "severity": {"columns": {"severity": "Level", "description": "What", "examples": "E.g.",
                             "owner": "Who"}, "cadence": {"SEV-1": 10}},
    "jekyll_config": str(JTD_SITE / "docs" / "_config.yml"),
    "docs_dir": str(JTD_SITE / "docs"),
    "jekyll_urls": {"a.md": "/a.html"},
    "page_urls": {"a.md": "a/"},
    "site_pages": [{"title": "A", "url": "/a.html", "path": "a.md"}],
}  # fmt: skip


def test_keyword_options_build_the_settings_and_the_sites_facts() -> None:
    settings, facts = from_options(OPTIONS)
    assert settings.site_id == "Ops"
    assert settings.checklist_headings == ("checklist", "steps")
    assert settings.unsafe_attributes is True
    assert settings.severity == SeveritySettings(
        columns={"severity": "Level", "description": "What", "examples": "E.g.", "owner": "Who"},
        cadence={"default": 15, "SEV-1": 10},
    )
    assert settings.site.path  # _config.yml read once, with the settings
    assert facts == SiteFacts(
        jekyll_urls={"a.md": "/a.html"},
        page_urls={"a.md": "a/"},
        site_pages=({"title": "A", "url": "/a.html", "path": "a.md"},),
    )


def test_the_options_prepare_writes_give_the_same_settings_back() -> None:
    settings, facts = from_options(OPTIONS)
    bar = RunBarSettings("incident-run/", ("SEV-1", "SEV-2"), "ops/update/#update")
    options = options_of(settings, facts, run_bar=bar)
    again, facts_again = from_options(options)
    assert again == PlaybookSettings(**{**vars(settings), "run_bar": bar})
    assert facts_again == facts


def test_an_unknown_option_is_named() -> None:
    with pytest.raises(KeyError, match="no option site_idd"):
        from_options({"site_idd": "Ops"})


def test_settings_and_options_are_not_given_together() -> None:
    with pytest.raises(TypeError, match="site_id"):
        PlaybookExtension(PlaybookSettings(), site_id="Ops")


def test_the_sites_facts_are_handed_over_once_and_replace_the_last() -> None:
    extension = PlaybookExtension(site_variables={"site.title": "Handbook"})
    extension.know_site(SiteFacts(published=frozenset({"a.md"})))
    first = extension.rewrites
    assert "a.md" in first.published
    extension.know_site(SiteFacts(published=frozenset({"b.md"}), site_pages=({"title": "B"},)))
    assert extension.rewrites is not first
    assert "b.md" in extension.rewrites.published and "a.md" not in extension.rewrites.published
    md = markdown.Markdown(extensions=[extension])
    extension.hand_over(PageInput("b.md", {}))
    html = md.convert("{% for page in site.pages %}{{ page.title }}{% endfor %} {{ site.title }}")
    assert html == "<p>B Handbook</p>"
