"""Golden pairs in tests/fixtures/alerts: NAME.md renders to NAME.html."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

FIXTURES = Path(__file__).parent.parent / "fixtures" / "alerts"
EXTENSIONS = ["playbook", "admonition", "pymdownx.superfences"]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


@pytest.mark.parametrize("source", sorted(FIXTURES.glob("*.md")), ids=lambda p: p.stem)
def test_alert_fixture(source: Path) -> None:
    expected = source.with_suffix(".html").read_text(encoding="utf-8")
    assert render(source.read_text(encoding="utf-8")) + "\n" == expected


@pytest.mark.parametrize("kind", ["note", "tip", "important", "warning", "caution"])
def test_every_kind_has_its_own_class(kind: str) -> None:
    html = render(f"> [!{kind.upper()}]\n> body\n")
    assert html.startswith(f'<div class="admonition {kind}">\n<p class="admonition-title">')


def test_extension_loads_by_its_entry_point_name_alone() -> None:
    assert "admonition warning" in markdown.markdown("> [!WARNING]\n> x", extensions=["playbook"])
