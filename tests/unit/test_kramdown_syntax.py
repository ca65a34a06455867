"""kramdown's constructs found in the text as written (`jekyll/kramdown_syntax.py`)."""

from __future__ import annotations

import pytest

from mkdocs_playbook.jekyll.kramdown_syntax import (
    FILL,
    MARK,
    Attributes,
    expand,
    marker,
    marker_index,
    mask,
    parse_attributes,
    scan,
)
from mkdocs_playbook.page.source import Source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (".a", Attributes(classes=("a",))),
        (" .a .b ", Attributes(classes=("a", "b"))),
        (".a.b#c", Attributes(classes=("a", "b"), id="c")),
        ("#one #two", Attributes(id="two")),
        ('k="v w"', Attributes(pairs=(("k", "v w"),))),
        ("k='v'", Attributes(pairs=(("k", "v"),))),
        (r'k="a \" b \} c"', Attributes(pairs=(("k", 'a " b } c'),))),
        ('k="a"b c"', Attributes(pairs=(("k", 'a"b c'),))),
        ("ref other-ref", Attributes(refs=("ref", "other-ref"))),
        ("toc", Attributes(refs=("toc",))),
        ("k=v", Attributes(junk=("k=v",))),
        ("#9", Attributes(junk=("#9",))),
        ('"quoted"', Attributes(junk=('"quoted"',))),
        ('k="open .a', Attributes(classes=("a",), junk=('k="open',))),
        ("", Attributes()),
        (".é", Attributes(classes=("é",))),
    ],
)
def test_attributes_read_as_kramdown_reads_them(text: str, expected: Attributes) -> None:
    assert parse_attributes(text) == expected


def kinds(text: str) -> list[tuple[str, int, int, str]]:
    return [(c.kind, c.line, c.column, c.text) for c in scan(Source(text)).constructs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("para\n{: .x}\n", [("ial", 2, 1, "{: .x}")]),
        ("*a*{:.b} c", [("ial", 1, 4, "{:.b}")]),
        ("{:ref: .c}\n", [("ald", 1, 1, "{:ref: .c}")]),
        ("text {:ref: .c}\n", [("ial", 1, 6, "{:ref: .c}")]),
        ("{::comment}\nx\n{:/comment}\n", [("comment", 1, 1, "{::comment}")]),
        ('a {::options toc_levels="2" /} b', [("options", 1, 3, '{::options toc_levels="2" /}')]),
        ("{::nomarkdown}<b>{:/}", [("nomarkdown", 1, 1, "{::nomarkdown}"), ("end", 1, 18, "{:/}")]),
        ("x {:/x}", [("end", 1, 3, "{:/x}")]),
        ("\\{: .x}", []),
        ("\\\\{: .x}", [("ial", 1, 3, "{: .x}")]),
        ("{:}", []),
        ("{::} {::a-b}", []),
        ("> para\n> {: .q}\n", [("ial", 2, 3, "{: .q}")]),
    ],
)
def test_scan_finds_constructs_outside_code_with_line_and_column(
    text: str, expected: list[tuple[str, int, int, str]]
) -> None:
    assert kinds(text) == expected


def test_in_code_only_attribute_lists_are_found_flagged_and_their_problems_wait() -> None:
    # Python-Markdown may not read as code what markdown-it does: where the marker lands
    # decides (see `Construct.in_code`); an extension there must stay as written.
    text = "`{: .x}` and\n\n    {: .y bad=1}\n    {:ref: .z}\n    {::comment}c{:/comment}\n"
    found = scan(Source(text))
    assert [(c.kind, c.line, c.column, c.in_code) for c in found.constructs] == [
        ("ial", 1, 2, True),
        ("ial", 3, 5, True),
        ("ald", 4, 5, True),
    ]
    assert found.problems == []
    assert not scan(Source("para\n{: .x}\n")).constructs[0].in_code


@pytest.mark.parametrize(
    ("text", "follows", "precedes"),
    [
        ("para\n{: .x}\n", True, False),
        ("para\n\n{: .x}\npara\n", False, True),
        ("{: .x}\n", False, False),
        ("{:r: .a}\n{: .x}\npara", False, True),
        ("para\n{: .a}\n{: .x}\n", True, False),
        ("> q\n>\n> {: .x}\n", False, False),
    ],
)
def test_a_block_attribute_list_knows_its_neighbours(
    text: str, follows: bool, precedes: bool
) -> None:
    last = scan(Source(text)).constructs[-1]
    assert last.alone and (last.follows_text, last.precedes_text) == (follows, precedes)


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("{: .a\n", 1, 1, "not closed by `}` on its line"),
        ("{::comment}\nnever closed\n", 1, 1, "has no stop tag `{:/comment}`"),
        ("a\n  {:/}", 2, 3, "closes no extension"),
        ("{::foo}x{:/foo}", 1, 1, "is not one Just the Docs sites use"),
        ("{: .a bad=1 }", 1, 1, "`bad=1` in kramdown attribute list"),
        ("{::comment", 1, 1, "is not closed by `}` on its line"),
    ],
)
def test_scan_reports_what_it_cannot_read(text: str, line: int, column: int, words: str) -> None:
    problems = scan(Source(text)).problems
    assert [(p.line, p.column) for p in problems] == [(line, column)]
    assert words in problems[0].message


def test_a_block_comment_ends_only_at_a_stop_tag_alone_on_its_line() -> None:
    problems = scan(Source("{::comment}\nx {:/comment}\n")).problems
    assert [(p.line, p.column) for p in problems] == [(1, 1), (2, 3)]
    assert "has no stop tag" in problems[0].message
    assert "closes no extension" in problems[1].message
    assert kinds("{::comment}\nx\n  {:/comment}\n") == [("comment", 1, 1, "{::comment}")]
    assert kinds("a {::comment}x {:/comment} b") == [("comment", 1, 3, "{::comment}")]


def test_many_parts_that_are_not_attributes_are_one_problem() -> None:
    problems = scan(Source("{: " + "x=1 " * 1000 + "}")).problems
    assert len(problems) == 1
    assert "`x=1`, `x=1`, `x=1` (and 997 more)" in problems[0].message
    assert len(problems[0].message) < 400


@pytest.mark.parametrize(
    "text",
    [
        "para\n{: .x}\n",
        "a *b*{: .c} d {:/} e\n{::comment}\nhidden\n{:/comment}\nf",
        "{::nomarkdown}\n<b>x</b>\n{:/nomarkdown}\n\ttab {: .t}\r\n",
    ],
)
def test_mask_keeps_every_offset_and_line_break(text: str) -> None:
    found = scan(Source(text)).constructs
    masked = mask(text, found)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]
    assert "{:" not in masked.replace("{::nomarkdown}", "")
    for index, construct in enumerate(found):
        assert marker_index(masked, construct.start) == index


def test_markers_number_constructs_in_two_digits() -> None:
    for index in (0, 1, 4095, 4096, 4096 * 4096 - 1):
        assert marker_index(marker(index) + "x", 0) == index
    assert marker_index(MARK + "ab", 0) is None
    assert marker_index("x", 0) is None


def test_expand_drops_comments_and_stores_nomarkdown() -> None:
    text = "a\n\n{::comment}\nx\n{:/comment}\n\nb {::nomarkdown}<i>{{ v }}</i>{:/nomarkdown} c\n"
    found = scan(Source(text)).constructs
    # A rewrite between the two, of the kind text rewrites make (Liquid, inside nomarkdown).
    masked = mask(text, found).replace("{{ v }}", "value")
    stored: list[str] = []

    def store(html: str) -> str:
        stored.append(html)
        return f"<{len(stored) - 1}>"

    assert expand(masked, found, store) == "a\n\n\nb <0> c\n"
    assert stored == ["<i>value</i>"]


def test_expand_leaves_markers_for_attribute_lists() -> None:
    text = "para\n{: .x}\n"
    found = scan(Source(text)).constructs
    assert expand(mask(text, found), found, str) == "para\n" + marker(0) + "\n"
    assert FILL not in expand(mask(text, found), found, str)
