"""Attribute lists that an `{% include %}` brings in apply as kramdown applies them: Jekyll
runs Liquid first and kramdown on its output, so an include holding `{: .tip }` makes a
callout (aider's `help-tip.md`, on 15 pages), not a literal `{: .tip }` line.

tests/fixtures/jekyll-include-ial/expected.html is what `jekyll build` (4.3.1, kramdown 2.4)
rendered of its index.md (Debian 12's, again for the attribute lists written with Liquid)."""

from __future__ import annotations

import re

import markdown

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.jekyll.frontmatter import parse_front_matter
from support import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-include-ial"


def _converted() -> str:
    text = (FIXTURE / "index.md").read_text("utf-8")
    extension = PlaybookExtension(jekyll_config=str(FIXTURE / "_config.yml"), docs_dir=str(FIXTURE))
    md = markdown.Markdown(extensions=["attr_list", "admonition", extension])
    return md.convert(text[parse_front_matter(text).body_start :])


def test_an_included_attribute_list_applies_to_its_block() -> None:
    html = _converted()
    expected = (FIXTURE / "expected.html").read_text("utf-8")
    assert '<p class="label" id="from-include">A styled paragraph.</p>' in expected
    assert re.search(r'<p class="label" id="from-include">A styled paragraph\.</p>', html)


def test_an_included_callout_is_a_callout() -> None:
    html = _converted()
    assert "{:" not in html
    assert re.search(
        r'<div class="admonition [a-z]+ playbook-callout"><p class="admonition-title">Tip</p>'
        r"<p>Use <code>/help &lt;question&gt;</code> to\s+ask for help\.</p></div>",
        html,
    ), html


def test_an_attribute_list_written_with_liquid_applies_once_rendered() -> None:
    # `{: #week-{{ week }} }`: Jekyll renders the Liquid, then kramdown reads `{: #week-1 }`.
    html = _converted()
    expected = (FIXTURE / "expected.html").read_text("utf-8")
    for week in (1, 2):
        assert f'<h2 id="week-{week}" class="week">Week {week} (May)</h2>' in expected
        assert re.search(rf'<h2 class="week" id="week-{week}">Week {week} \(May\)', html), html
    assert "}" not in html
