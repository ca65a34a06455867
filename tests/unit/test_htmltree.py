from __future__ import annotations

from mkdocs_playbook.page.htmltree import parse_html


def test_offsets_cover_tags_and_content() -> None:
    html = '<h2 id="a">Hi <code>x</code></h2>\n<ul><li>one<ul><li>n</li></ul></li></ul>'
    tree = parse_html(html)
    h2, ul = tree.elements
    assert html[h2.start : h2.end] == '<h2 id="a">Hi <code>x</code></h2>'
    assert html[h2.inner_start : h2.inner_end] == "Hi <code>x</code>"
    assert h2.attrs == {"id": "a"}
    (li,) = ul.elements
    assert html[li.inner_start : li.inner_end] == "one<ul><li>n</li></ul>"
    assert [e.tag for e in tree.iter("li")] == ["li", "li"]
    assert li.elements[0].parent is li


def test_text_collapses_space_and_decodes_entities() -> None:
    (p,) = parse_html("<p>a &amp;\n  <b>b</b>&#33;</p>").elements
    assert p.text() == "a & b!"


def test_void_and_self_closing_elements_have_no_content() -> None:
    tree = parse_html('<p><img src="x.png"><br/>t</p>')
    img, br = tree.elements[0].elements
    assert (img.inner_start, img.end) == (img.inner_start, img.inner_start)
    assert br.tag == "br" and br.children == []


def test_sloppy_html_never_raises() -> None:
    html = "<div><p>open <b>bold</div></i><span>tail"
    tree = parse_html(html)
    div, span = tree.elements
    assert div.end == html.index("</i>")
    assert span.end == len(html)
    assert tree.text() == "open boldtail"
