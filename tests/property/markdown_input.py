"""Hypothesis strategies for Markdown an author, a bad merge or a broken editor might produce."""

from __future__ import annotations

from hypothesis import strategies as st

# Pieces that stress the parsers where they disagree or nest: fences left open, tables with
# missing cells, deep lists, attribute lists, admonitions, alerts, raw HTML, Liquid, mojibake.
FRAGMENTS = [
    "```",
    "~~~python",
    "````",
    "    indented code",
    "# Heading",
    "## Heading {: #same }",
    "### Heading ###",
    "Setext\n===",
    "- item",
    "  - nested",
    "        - deeper",
    "1. first",
    "- [ ] task",
    "- [x] done",
    "| a | b |",
    "|---|",
    "| only one cell",
    "|:-:|--:|---|",
    "!!! note",
    '??? warning "Title"',
    "    admonition body",
    "> [!WARNING]",
    "> [!NOTE] text",
    "> quote",
    "<div markdown>",
    "</div>",
    "<details><summary>x</summary>",
    "<script>alert(1)</script>",
    '<a href="x.md#y" id="z">raw</a>',
    "[link](DATABASE.md#recovery)",
    "[ref][r]",
    "[r]: <a b.md>",
    "![img](i.png)",
    "<https://example.com>",
    "{{ site.title }}",
    "{{ site.nope",
    "{% raw %}",
    "{% endraw %}",
    "{ Summary} {Summary} {#}",
    "ï¿½ â€” Ã©",
    "\ufffd",
    "---",
    "***",
    "\\",
    "`",
    "``code``",
    "&amp; &#0; &#x110000; &bogus;",
    "\x00\x01\x1b\x7f",
    "\u202e\u200b\ufeff",
    "\t\t- tabbed",
    "",
]

# Long runs of one piece: what made scanners backtrack (a `{{` before thousands of spaces) or
# parsers recurse (thousands of list markers on one line) before they were bounded. Not `[`:
# Python-Markdown's own link scan is quadratic in unclosed brackets (README, "Limits").
RUN_PIECES = [
    " ",
    "{{",
    "{{ ",
    "{%",
    "{% raw %}",
    "- ",
    "1. ",
    "> ",
    "    ",
    "`",
    "](<",
    "<div>",
    "{",
    "#",
    "\\",
]

fragments = st.sampled_from(FRAGMENTS)
junk = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
runs = st.builds(
    lambda head, piece, count, tail: head + piece * count + tail,
    st.just("") | fragments,
    st.sampled_from(RUN_PIECES),
    st.integers(min_value=200, max_value=3000),
    fragments,
)
lines = st.one_of(fragments, fragments, fragments, junk, runs)
runs_text = st.lists(runs, min_size=1, max_size=4).map("\n".join)
"""Markdown of long runs only: every example stresses scanning and nesting."""
markdown_text = st.lists(lines, max_size=40).map("\n".join)
"""Markdown made of likely-breaking lines, with random text mixed in."""

front_matter = st.one_of(
    st.just("title: T\nparent: P\n"),
    st.just("- a\n- b\n"),
    st.just("title: [unclosed\n"),
    st.just("!!python/object:os.system ls\n"),
    st.just("&a [*a, *a, *a]\n"),
    st.just("title: x\ntitle: y\n"),
    junk.map(lambda text: text + "\n"),
)
pages = st.tuples(front_matter, markdown_text).map(lambda pair: f"---\n{pair[0]}---\n{pair[1]}")
"""Whole page files: front matter (often broken) and body."""
