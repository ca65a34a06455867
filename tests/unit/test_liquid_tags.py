"""The Liquid tags content uses, rendered for one page of a Jekyll site (`jekyll.rewrite`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_playbook.jekyll.rewrite import PageInput, Rewrites

VARIABLES = {"site.url": "https://ops.example.com", "site.baseurl": "/ops", "site.team": "SRE"}


@pytest.fixture
def site(tmp_path: Path) -> Rewrites:
    """A Jekyll source that is the docs folder, with includes and pages."""
    docs = tmp_path / "docs"
    for name, text in {
        "_includes/contact.md": "Ask {{ include.who }} ({{ site.team }}).",
        "_includes/outer.md": "[{% include inner.md %}]",
        "_includes/inner.md": "inner",
        "_includes/loop.md": "{% include loop.md %}",
        "_includes/broken.md": "{{ site.nope }}",
        "guides/setup.md": "# Setup",
        "guides/note.md": "a note",
        "assets/logo.png": "png",
        "index.md": "# Home",
    }.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    published = frozenset({"guides/setup.md", "guides/note.md", "assets/logo.png", "index.md"})
    return Rewrites(VARIABLES, None, published, str(docs))


PAGE = PageInput("guides/setup.md", {}, 0, "guides/setup/")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[Home]({% link index.md %})", "[Home](../index.md)"),
        ("[Note]({% link guides/note.md %}#why)", "[Note](note.md#why)"),
        ('{% include contact.md who="the on-call lead" %}', "Ask the on-call lead (SRE)."),
        ("{% include contact.md who=site.team %}", "Ask SRE (SRE)."),
        ("{% include outer.md %}", "[inner]"),
        ("{% include_relative note.md %}", "a note"),
        # A file of the docs in a Markdown link: from this page's Markdown, as MkDocs reads it.
        ('![Logo]({{ "/assets/logo.png" | relative_url }})', "![Logo](../assets/logo.png)"),
        # Anything else: from this page's URL, as the browser reads it.
        (
            '<img src="{{ "/assets/logo.png" | relative_url }}">',
            '<img src="../../assets/logo.png">',
        ),
        ('{{ "/status/" | absolute_url }}', "https://ops.example.com/ops/status/"),
    ],
)
def test_tags_render(site: Rewrites, text: str, expected: str) -> None:
    result = site.apply(text, PAGE)
    assert (result.text, result.problems) == (expected, [])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{% include missing.md %}", "`{% include missing.md %}`: no file _includes/missing.md"),
        ("{% include ../../secret.md %}", "leaves the site's folders"),
        ("{% include loop.md %}", "includes itself (loop.md -> loop.md"),
        ("{% include broken.md %}", "unknown variable `{{ site.nope }}`"),
        (
            "[x]({% link ../../outside.md %})",
            "`{% link ../../outside.md %}` leaves the docs folder",
        ),
    ],
)
def test_what_cannot_be_rendered_is_reported_at_the_tag(
    site: Rewrites, text: str, message: str
) -> None:
    result = site.apply("first line\n" + text, PAGE)
    assert result.text == "first line\n" + text
    (problem,) = result.problems
    assert (problem.line, message in problem.message) == (2, True), problem.message


def test_an_included_line_maps_back_to_the_including_tag(site: Rewrites) -> None:
    text = "before\n{% include contact.md who=x %} [a](b.md)"
    result = site.apply(text, PAGE)
    written = result.offsets.written(result.text.index("[a]"))
    assert text[written:].startswith("[a](b.md)")
    assert result.offsets.written(result.text.index("SRE")) == text.index("{% include")
