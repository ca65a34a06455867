"""The heading of Just the Docs' table of child pages: the site's own
`_includes/toc_heading_custom.html`, rendered by its Liquid for the page, in place of the
theme's "Table of contents" (abap-leitfaden's and adt-leitfaden's "Inhalte")."""

from __future__ import annotations

from pathlib import Path

import markdown

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.jekyll.navigation import ChildLink
from mkdocs_playbook.jekyll.rewrite import PageInput
from mkdocs_playbook.page.model import PageModel

CHILDREN = (ChildLink("guide-a.md", "Step A", None),)


def _convert(tmp_path: Path, include: str | None) -> tuple[str, PageModel]:
    (tmp_path / "_config.yml").write_text("title: Site\n", encoding="utf-8")
    if include is not None:
        (tmp_path / "_includes").mkdir()
        (tmp_path / "_includes" / "toc_heading_custom.html").write_text(include, "utf-8")
    models: list[PageModel] = []
    extension = PlaybookExtension(
        on_page_model=models.append,
        docs_dir=str(tmp_path),
        jekyll_config=str(tmp_path / "_config.yml"),
    )
    md = markdown.Markdown(extensions=[extension, "toc"])
    extension.hand_over(PageInput("guide.md", {"title": "Guide"}, children=CHILDREN))
    return md.convert("# Guide\n\nText.\n"), models[0]


def _table(html: str) -> str:
    return html[html.index('<div class="playbook-children"') :]


def test_the_sites_heading_is_printed_rendered_for_the_page(tmp_path: Path) -> None:
    html, model = _convert(tmp_path, '<h2 class="text-delta">Inhalte: {{ page.title }}</h2>\n')
    assert _table(html).startswith(
        '<div class="playbook-children" data-search-exclude=""><hr />'
        '<h2 class="text-delta">Inhalte: Guide</h2><ul>'
    )
    assert model.problems == []


def test_it_gets_no_id_as_the_themes_heading_gets_none(tmp_path: Path) -> None:
    html, model = _convert(tmp_path, "<h2>Inhalte</h2>")
    assert "<h2>Inhalte</h2>" in _table(html)
    assert [heading.text for heading in model.headings] == ["Guide"]


def test_an_id_the_site_writes_is_the_pages(tmp_path: Path) -> None:
    _, model = _convert(tmp_path, '<h2 id="inhalte">Inhalte</h2>')
    assert "inhalte" in model.ids


def test_a_heading_that_prints_nothing_is_no_heading(tmp_path: Path) -> None:
    html, _ = _convert(tmp_path, "{% comment %}no heading{% endcomment %}\n")
    assert _table(html).startswith('<div class="playbook-children" data-search-exclude=""><hr />')
    assert "<h2" not in _table(html) and "<p>" not in _table(html)


def test_a_heading_that_cannot_be_rendered_is_reported_and_the_themes_shown(
    tmp_path: Path,
) -> None:
    html, model = _convert(tmp_path, "<h2>{% include missing.html %}</h2>")
    assert '<h2 class="text-delta">Table of contents</h2>' in _table(html)
    (problem,) = model.problems
    assert problem.message.startswith("`{% include toc_heading_custom.html %}`")
    assert "missing.html" in problem.message
