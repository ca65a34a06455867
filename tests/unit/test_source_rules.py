"""Where markdown-it and Python-Markdown disagree, `page.source` reads as Python-Markdown renders.

Golden fixtures in tests/fixtures/source, one per disagreement: NAME.md beside NAME.json
(what is code, which links are written where). Each fixture is also rendered by
Python-Markdown as the site renders it, and the expectation is checked against that HTML, so a
fixture cannot claim what Python-Markdown does not do.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest

from mkdocs_playbook.page.source import Source

FIXTURES = Path(__file__).parent.parent / "fixtures" / "source"
EXTENSIONS = [
    "admonition",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "md_in_html",
    "tables",
]


def reading(text: str) -> dict[str, list[object]]:
    source = Source(text)
    return {
        "code": [text[start:end] for start, end in source.code_intervals if end > start],
        "links": [[link.href, link.line, link.column] for link in source.links],
    }


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.md")), ids=lambda p: p.stem)
def test_source_reads_as_python_markdown_renders(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert reading(text) == {key: expected[key] for key in ("code", "links")}
    html = markdown.markdown(text, extensions=EXTENSIONS)
    # Every link found is a link of the page, and what is code renders as code.
    for href, _, _ in expected["links"]:
        assert f'href="{href}"' in html, href
    rendered = re.sub(r"<[^>]+>", "", "".join(re.findall(r"<code[^>]*>(.*?)</code>", html, re.S)))
    for code in expected["code"]:
        assert str(code).strip("`~ ") in rendered, code
    # What is not code renders outside code (its first word, as a sample).
    prose = re.sub(r"<code[^>]*>.*?</code>", "", html, flags=re.S)
    for sample in expected.get("prose", []):
        assert str(sample) in prose, sample
