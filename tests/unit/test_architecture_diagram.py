"""The README's "How a page is built" diagram names every processor the extension registers,
in the order Python-Markdown runs them, and every MkDocs hook the plugin implements.

The diagram is what a maintainer reads before changing the pipeline; a processor added or
moved without it would make the diagram quietly wrong.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from mkdocs import plugins
from mkdocs.config import load_config

from mkdocs_playbook.plugin import PlaybookPlugin

ROOT = Path(__file__).resolve().parents[2]
REGISTRIES = ("preprocessors", "parser.blockprocessors", "inlinePatterns", "treeprocessors")


def _diagram() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## How a page is built\n", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"```text\n(.*?)\n```", section, re.DOTALL)
    assert found, "no ```text diagram under 'How a page is built'"
    return found.group(1)


CONFIGS = (
    ROOT / "mkdocs.yml",
    # A Jekyll site (a `_config.yml`) also gets kramdown's GFM reading (jekyll/kramdown_gfm).
    ROOT / "tests" / "fixtures" / "jtd-site" / "mkdocs.yml",
)


def _site_markdown(config_file: Path) -> markdown.Markdown:
    """A Markdown instance with the extensions a site's build runs, the plugin's own
    included (its on_config adds them)."""
    config = load_config(str(config_file))
    config = config.plugins.on_config(config)
    return markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )


def _ours_in_order(md: markdown.Markdown, registry_path: str) -> list[str]:
    registry = md
    for part in registry_path.split("."):
        registry = getattr(registry, part)
    return [
        type(processor).__name__
        for processor in registry  # a Registry iterates by priority, highest first
        if type(processor).__module__.startswith("mkdocs_playbook")
    ]


@pytest.mark.parametrize("config_file", CONFIGS, ids=lambda path: path.parent.name)
def test_every_registered_processor_is_in_the_diagram_in_run_order(config_file: Path) -> None:
    diagram = _diagram()
    md = _site_markdown(config_file)
    checked = 0
    for registry_path in REGISTRIES:
        names = _ours_in_order(md, registry_path)
        found = {name: re.search(rf"(?<![\w.]){name}\b", diagram) for name in names}
        missing = [name for name, at in found.items() if at is None]
        assert missing == [], f"{registry_path}: not in the README diagram: {missing}"
        positions = [at.start() for at in found.values() if at]
        assert positions == sorted(positions), (
            f"{registry_path}: the diagram's order differs from the run order {names}"
        )
        checked += len(names)
    assert checked >= 10  # the extension registers its processors, so the check ran


def test_every_plugin_hook_is_in_the_diagram() -> None:
    diagram = _diagram()
    hooks = [f"on_{event}" for event in plugins.EVENTS if f"on_{event}" in vars(PlaybookPlugin)]
    assert "on_page_markdown" in hooks
    missing = [hook for hook in hooks if hook not in diagram]
    assert missing == [], f"plugin hooks not in the README diagram: {missing}"
