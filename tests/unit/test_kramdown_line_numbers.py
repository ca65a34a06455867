"""kramdown's `line_numbers` for code blocks, as Jekyll prints them: each block's numbers
beside its code, in the page's own blocks and in those `markdownify` makes (Just the Docs'
recipe with `fix_linenos.html`). tests/fixtures/jekyll-line-numbers/expected.html is what
`jekyll build` (4.3.1, kramdown 2.4.0, Rouge) rendered of its index.md; compared by what a
reader sees: the numbers, and the code beside them."""

from __future__ import annotations

import re
from html import unescape

import markdown

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.jekyll.frontmatter import parse_front_matter
from mkdocs_playbook.jekyll.kramdown_line_numbers import number_code_blocks
from support import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-line-numbers"
_BLOCK_RE = re.compile(
    r'<pre class="lineno"[^>]*>(?P<numbers>.*?)</pre></td><td class="rouge-code"[^>]*><pre[^>]*>'
    r"(?:<span></span>)?(?:<code[^>]*>)?(?P<code>.*?)(?:</code>)?</pre>",
    re.DOTALL,
)


def _shown(html: str) -> list[tuple[list[str], str]]:
    """Each numbered block: its numbers, and its code as text."""
    return [
        (match["numbers"].split(), unescape(re.sub(r"<[^>]+>", "", match["code"])).strip())
        for match in _BLOCK_RE.finditer(html)
    ]


def _converted() -> str:
    text = (FIXTURE / "index.md").read_text("utf-8")
    extension = PlaybookExtension(jekyll_config=str(FIXTURE / "_config.yml"), docs_dir=str(FIXTURE))
    # MkDocs' own extensions when mkdocs.yml names none.
    md = markdown.Markdown(extensions=["toc", "tables", "fenced_code", extension])
    return md.convert(text[parse_front_matter(text).body_start :])


def test_code_blocks_show_their_line_numbers_as_jekyll_prints_them() -> None:
    expected = _shown((FIXTURE / "expected.html").read_text("utf-8"))
    assert [numbers for numbers, _ in expected] == [["1", "2"], ["1", "2", "3"]]
    assert _shown(_converted()) == expected


def test_a_block_is_numbered_once() -> None:
    once = number_code_blocks("<pre><code>a\nb\n</code></pre>")
    assert number_code_blocks(once) == once
    assert _shown(once) == [(["1", "2"], "a\nb")]
