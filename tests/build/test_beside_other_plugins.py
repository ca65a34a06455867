"""The plugin beside plugins that convert Markdown inside a page's conversion: mkdocstrings
renders docstrings with the site's own extension instances, pymdownx.snippets inserts files.
A page's findings stay the page's: the same as without them, at the same lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import make_project, run_build

_RUNBOOK = """# Runbook

## Checklist

- [ ] Freeze deploys
- [ ] Page the owner
{reference}
## After the reference

See [missing](nowhere.md) and [anchor](#no-such-anchor).
"""
"""Line 12 holds the two real problems whatever `reference` is, blank or `::: pkg`."""

_PACKAGE = '''"""Incident helpers.

## Usage

See [the runbook](runbook.md#checklist).
"""


def freeze() -> None:
    """Freeze deploys."""
'''

_MKDOCSTRINGS = """  - mkdocstrings:
      handlers:
        python:
          paths: [.]
"""


def _findings(output: str) -> list[str]:
    return sorted(re.findall(r"^WARNING +- +playbook: (docs/\S+: .*)", output, re.MULTILINE))


@pytest.mark.parametrize("directory_urls", [True, False])
def test_mkdocstrings_leaves_a_page_its_own_findings(tmp_path: Path, directory_urls: bool) -> None:
    # Continues make_project's plugin list; mkdocstrings is there in both builds.
    config = _MKDOCSTRINGS + f"use_directory_urls: {str(directory_urls).lower()}\n"
    results = {}
    for reference in ("", "\n::: pkg\n"):
        root = tmp_path / ("with" if reference else "without")
        root.mkdir()
        text = _RUNBOOK.format(reference=reference or "\n\n")
        assert text.splitlines()[11].startswith("See [missing]")
        project = make_project(root, {"index.md": "# Home\n", "runbook.md": text}, config)
        (project / "pkg").mkdir()
        (project / "pkg" / "__init__.py").write_text(_PACKAGE, encoding="utf-8")
        build = run_build(project, strict=False)
        assert build.returncode == 0, build.output[-3000:]
        results[bool(reference)] = _findings(build.output)
        if reference:
            # The reference really rendered, its heading ids with it.
            html = build.html("runbook/index.html" if directory_urls else "runbook.html")
            assert 'id="pkg.freeze"' in html
    assert results[True] == results[False]
    assert results[True] == [
        "docs/runbook.md:12:15: link target nowhere.md: no such page or file",
        "docs/runbook.md:12:40: link target #no-such-anchor: no such anchor",
    ]


def test_snippets_leave_a_page_its_own_lines(tmp_path: Path) -> None:
    page = "# Snip\n\n- [ ] one\n\n{insert}\n\n## After\n\nSee [missing](nowhere.md).\n"
    results = {}
    for insert in ("", '--8<-- "part.md"'):
        root = tmp_path / ("with" if insert else "without")
        root.mkdir()
        config = "markdown_extensions:\n  - pymdownx.snippets:\n      base_path: [snips]\n"
        project = make_project(root, {"index.md": page.format(insert=insert)}, config)
        (project / "snips").mkdir()
        (project / "snips" / "part.md").write_text("One\n\nTwo\n\nThree\n", encoding="utf-8")
        build = run_build(project, strict=False)
        assert build.returncode == 0, build.output[-3000:]
        results[bool(insert)] = _findings(build.output)
        if insert:
            assert "<p>Three</p>" in build.html("index.html")
    assert results[True] == results[False]
    assert results[True] == ["docs/index.md:9:15: link target nowhere.md: no such page or file"]


_HOOK = """import markdown


def on_page_markdown(text, page, config, files):
    # Renders a snippet with the site's own extensions, as macro plugins do.
    markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    ).convert("# Snippet\\n\\n[gone](gone.md)\\n")
    return text
"""


def test_a_plugin_converting_markdown_in_on_page_markdown_takes_no_page(tmp_path: Path) -> None:
    page = "# Page\n\n- [ ] one\n\n## After\n\nSee [missing](nowhere.md).\n"
    project = make_project(tmp_path, {"index.md": page}, "hooks:\n  - hook.py\n")
    (project / "hook.py").write_text(_HOOK, encoding="utf-8")
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output[-3000:]
    assert _findings(build.output) == [
        "docs/index.md:7:15: link target nowhere.md: no such page or file"
    ]


_CONTENT_HOOK = _HOOK.replace("on_page_markdown(text,", "on_page_content(text,")


def test_an_empty_page_hands_nothing_to_a_later_conversion(tmp_path: Path) -> None:
    """Python-Markdown returns "" for a page of white space without starting a conversion,
    so the page handed over must not wait for the next conversion (here, a plugin's, in
    on_page_content) to take it."""
    pages = {"empty.md": "\n\n", "index.md": "# Home\n"}
    project = make_project(tmp_path, pages, "hooks:\n  - hook.py\n")
    (project / "hook.py").write_text(_CONTENT_HOOK, encoding="utf-8")
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output[-3000:]
    assert _findings(build.output) == []
