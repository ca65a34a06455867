"""Placeholders in code are wrapped where they stand, for the script to fill: in inline and
indented code (the tree) and in highlighted blocks (the highlighter's HTML), whose spans stay
and stay well formed even where a placeholder is split across them."""

from __future__ import annotations

import re
import xml.dom.minidom

import markdown
import pytest

from mkdocs_playbook.widgets.code_placeholders import wrap_highlighted

SPOT = '<span data-playbook-spot="{key}" data-playbook-kind="{kind}">'
# Python-Markdown writes the tree's attributes in name order.
TREE_SPOT = '<span data-playbook-kind="{kind}" data-playbook-spot="{key}">'


def text_of(html: str) -> str:
    return re.sub(r"<[^>]*>", "", html)


def well_formed(html: str) -> None:
    xml.dom.minidom.parseString("<root>" + html.replace("&quot;", '"') + "</root>")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # Split by the highlighter: the placeholder's own spans go inside, untouched.
        (
            '<span class="o">{</span>pod<span class="o">}</span>',
            SPOT.format(key="pod", kind="text")
            + '<span class="o">{</span>pod<span class="o">}</span></span>',
        ),
        # Inside a string token: the token is cut around it, its class on each part.
        (
            '<span class="s2">&quot;{Incident ID}: ok&quot;</span>',
            '<span class="s2">"</span>'
            + SPOT.format(key="incident id", kind="incident")
            + '<span class="s2">{Incident ID}</span></span><span class="s2">: ok"</span>',
        ),
        # Side by side: the first ends before the second begins.
        (
            "{a}{b}",
            SPOT.format(key="a", kind="text")
            + "{a}</span>"
            + SPOT.format(key="b", kind="text")
            + "{b}</span>",
        ),
        # A moment the run knows keeps its kind; a clock time is only ever typed.
        (
            "at {Resolved at} by {UTC Timestamp}",
            "at "
            + SPOT.format(key="resolved at", kind="resolved")
            + "{Resolved at}</span> by "
            + SPOT.format(key="utc timestamp", kind="text")
            + "{UTC Timestamp}</span>",
        ),
        # Not placeholders: left as they are.
        ("${HOME} {{ x }}", "${HOME} {{ x }}"),
    ],
)
def test_a_highlighted_block_wraps_each_placeholder(code: str, expected: str) -> None:
    raw = f'<div class="highlight"><pre><span></span><code>{code}\n</code></pre></div>'
    wrapped = wrap_highlighted(raw)
    assert (
        wrapped == f'<div class="highlight"><pre><span></span><code>{expected}\n</code></pre></div>'
    )
    well_formed(wrapped)
    assert text_of(wrapped).replace("&quot;", '"') == text_of(raw).replace("&quot;", '"')


def test_inline_and_indented_code_wrap_their_placeholders_as_text() -> None:
    page = "Run `freeze --incident {Incident ID} &lt;x&gt;`.\n\n    tail {pod}.log\n"
    html = markdown.markdown(page, extensions=["playbook"])
    assert (
        "<code>freeze --incident "
        + TREE_SPOT.format(key="incident id", kind="incident")
        + "{Incident ID}</span> &amp;lt;x&amp;gt;</code>"
    ) in html
    assert (
        "<pre><code>tail " + TREE_SPOT.format(key="pod", kind="text") + "{pod}</span>.log" in html
    )


def test_a_highlighted_page_block_is_wrapped_once_and_keeps_its_text() -> None:
    page = "```bash\naoctl deploy freeze --incident {Incident ID}\n```\n"
    html = markdown.markdown(
        page, extensions=["playbook", "pymdownx.highlight", "pymdownx.superfences"]
    )
    assert html.count("data-playbook-spot=") == 1
    assert "aoctl deploy freeze --incident {Incident ID}" in text_of(html)
