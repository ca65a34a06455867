"""Golden pairs in tests/fixtures/kramdown: NAME.md renders to NAME.html, reporting exactly
NAME.problems (`line:column: message`, none when absent), with `md.toc_tokens` as NAME.toc
when there is one.

Rendered by a Markdown instance configured as mkdocs.yml configures the site, with the
kramdown syntax, Just the Docs callouts (from `_config.yml` beside the fixtures, or
NAME.config.yml) and UI classes registered, as the playbook extension registers them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.utils.yaml import yaml_load

from mkdocs_playbook.jekyll.callouts import register_callouts
from mkdocs_playbook.jekyll.kramdown import KramdownSettings, register_kramdown
from mkdocs_playbook.jekyll.site_config import load_site_config
from mkdocs_playbook.jekyll.ui_classes import register_ui_classes
from support import ROOT

FIXTURES = Path(__file__).parent.parent / "fixtures" / "kramdown"


def site_markdown_extensions() -> tuple[list[str], dict[str, Any]]:
    """`markdown_extensions` of the site's mkdocs.yml, as names and their settings."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        config = yaml_load(file)
    names: list[str] = []
    settings: dict[str, Any] = {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = options or {}
    return names, settings


def render(source: Path) -> tuple[str, list[str], markdown.Markdown]:
    """`source` as the site renders it, the problems reported, and the Markdown instance."""
    own_config = source.with_suffix(".config.yml")
    site = load_site_config(own_config if own_config.exists() else FIXTURES / "_config.yml")
    names, settings = site_markdown_extensions()
    md = markdown.Markdown(extensions=names, extension_configs=settings)
    problems: list[str] = []

    def report(line: int, column: int, message: str) -> None:
        problems.append(f"{line}:{column}: {message}")

    register_kramdown(md, KramdownSettings.from_site(site.data, heading_ids=True), report)
    register_callouts(md, site.callouts, report, level=site.callouts_level)
    register_ui_classes(md)
    return md.convert(source.read_text(encoding="utf-8")), problems, md


def toc_ids(tokens: list[dict[str, Any]]) -> list[Any]:
    return [[token["id"], toc_ids(token["children"])] for token in tokens]


@pytest.mark.parametrize("source", sorted(FIXTURES.glob("*.md")), ids=lambda p: p.stem)
def test_kramdown_fixture(source: Path) -> None:
    html, problems, md = render(source)
    assert html + "\n" == source.with_suffix(".html").read_text(encoding="utf-8")
    expected = source.with_suffix(".problems")
    written = expected.read_text(encoding="utf-8").splitlines() if expected.exists() else []
    assert problems == written
    toc = source.with_suffix(".toc")
    if toc.exists():
        assert toc_ids(md.toc_tokens) == json.loads(toc.read_text(encoding="utf-8"))  # type: ignore[attr-defined]


def test_every_fixture_has_its_expected_html() -> None:
    sources = {p.stem for p in FIXTURES.glob("*.md")}
    expected = {p.stem for p in FIXTURES.glob("*.html") if not p.stem.endswith(".kramdown")}
    assert sources and sources == expected
