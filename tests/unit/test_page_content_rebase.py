"""A printed page's relative links and images lead where its author meant from the page
that prints it (`jekyll.page_content.rebased`): abap-leitfaden's "Komplette Version" printed
48 images and links of pages in other folders that led nowhere from its own."""

from __future__ import annotations

from mkdocs_playbook.jekyll.page_content import rebased

CASES = [
    ("[a](b.md)", "[a](../ops/b.md)"),
    ("![i](./img/x.png)", "![i](../ops/img/x.png)"),
    ('[a](b.md "Title")', '[a](../ops/b.md "Title")'),
    ("[a](<b c.md>)", "[a](<../ops/b c.md>)"),
    ("[a](Some page name)", "[a](../ops/Some page name)"),
    ("[a](b.md#step-2) and [c](d.md?x=1)", "[a](../ops/b.md#step-2) and [c](../ops/d.md?x=1)"),
    ("[a][r]\n\n[r]: b.md", "[a][r]\n\n[r]: ../ops/b.md"),
    (
        '<img src="img/x.png"> <a href=b.md>b</a>',
        '<img src="../ops/img/x.png"> <a href=../ops/b.md>b</a>',
    ),
    # Site paths, anchors, URLs, Liquid and code stay as written.
    ("[a](/b/) [c](#x) [d](https://x.org/y) [e](mailto:me@x.org)", None),
    ("[a]({{ site.baseurl }}/b/)", None),
    ("`[a](b.md)`\n\n```\n[a](b.md)\n```", None),
]


def test_relative_destinations_are_rebased_onto_the_printing_page() -> None:
    for text, expected in CASES:
        assert rebased(text, "../ops") == (text if expected is None else expected), text
    assert rebased("[a](../q.md)", "ops") == "[a](q.md)"
    assert rebased("[a](b.md)", ".") == "[a](b.md)"
