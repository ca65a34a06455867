"""Navigation from front matter, rule by rule. The whole of it against real Jekyll renders is
tests/unit/test_navigation_jekyll.py."""

from __future__ import annotations

from typing import Any

import pytest

from mkdocs_playbook.findings import Finding
from mkdocs_playbook.jekyll.frontmatter import FrontMatter
from mkdocs_playbook.jekyll.navigation import (
    CASE_INSENSITIVE,
    ExternalLink,
    NavSource,
    build_nav,
)


def page(uri: str, title: Any, **meta: Any) -> NavSource:
    """A page whose front matter keys sit on lines 2, 3, ... in the order given."""
    data = ({} if title is None else {"title": title}) | meta
    lines = {key: number for number, key in enumerate(data, start=2)}
    label = str(title) if title is not None else uri.removesuffix(".md").capitalize()
    return NavSource(uri, label, FrontMatter(data=data, key_lines=lines))


def titles(spec: list[Any] | None) -> list[Any]:
    """The nav as nested titles: sections as (title, [children])."""
    assert spec is not None
    out: list[Any] = []
    for item in spec:
        ((title, value),) = item.items()
        out.append((title, titles(value[1:])) if isinstance(value, list) else title)
    return out


def placed(spec: list[Any] | None) -> list[Any]:
    """The nav as nested page paths: sections as (path, [children])."""
    assert spec is not None
    out: list[Any] = []
    for item in spec:
        (value,) = item.values()
        if isinstance(value, list):
            (own,) = value[0].values()
            out.append((own, placed(value[1:])))
        else:
            out.append(value)
    return out


def test_children_follow_parent_titles() -> None:
    spec, problems = build_nav(
        [
            page("ops/index.md", "Operations", nav_order=2),
            page("ops/playbook.md", "Playbook", parent="Operations", nav_order=1),
            page("index.md", "Home", nav_order=1),
            page("db.md", "Database", parent="Operations", nav_order=2),
        ]
    )
    assert problems == []
    assert titles(spec) == ["Home", ("Operations", ["Playbook", "Database"])]
    # The parent page itself opens its section, so Material can use it as the section index.
    assert spec is not None and spec[1] == {
        "Operations": [
            {"Operations": "ops/index.md"},
            {"Playbook": "ops/playbook.md"},
            {"Database": "db.md"},
        ]
    }


def test_nav_order_numbers_then_strings_then_titles() -> None:
    spec, problems = build_nav(
        [
            page("z.md", "Zeta"),
            page("a.md", "alpha"),
            page("s2.md", "S2", nav_order="b"),
            page("s1.md", "S1", nav_order="A"),
            page("f.md", "Float", nav_order=1.5),
            page("i.md", "Int", nav_order=2),
            page("n.md", "Neg", nav_order=-1),
        ]
    )
    assert problems == []
    # Case-sensitive by default: capitals before lower case.
    assert titles(spec) == ["Neg", "Float", "Int", "S1", "S2", "Zeta", "alpha"]


@pytest.mark.parametrize(
    ("nav_sort", "expected"),
    [
        # Jekyll's sort: "2" and "10" compare as numbers, capitals first.
        (None, ["int 3", "two", "ten", "Upper", "lower"]),
        ("case_sensitive", ["int 3", "two", "ten", "Upper", "lower"]),
        ("anything else", ["int 3", "two", "ten", "Upper", "lower"]),
        # Liquid's sort_natural: text, case folded; numbers (not strings) still come first.
        (CASE_INSENSITIVE, ["int 3", "ten", "two", "lower", "Upper"]),
    ],
)
def test_nav_sort_chooses_how_strings_compare(nav_sort: str | None, expected: list[str]) -> None:
    sources = [
        page("a.md", "ten", nav_order="10"),
        page("b.md", "two", nav_order="2"),
        page("c.md", "lower", nav_order="lower"),
        page("d.md", "Upper", nav_order="Upper"),
        page("e.md", "int 3", nav_order=3),
    ]
    spec, _ = build_nav(sources, nav_sort=nav_sort)
    assert titles(spec) == expected


def test_ties_keep_jekylls_page_order_by_file_name() -> None:
    spec, _ = build_nav(
        [
            page("a/zz.md", "Second by name", nav_order=4),
            page("b/aa.md", "First by name", nav_order=4.0),
        ]
    )
    assert titles(spec) == ["First by name", "Second by name"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("desc", ["C", "B", "A"]), ("reversed", ["C", "B", "A"]), ("DESC", ["A", "B", "C"])],
)
def test_child_nav_order_reverses_children(value: str, expected: list[str]) -> None:
    spec, _ = build_nav(
        [
            page("p.md", "P", child_nav_order=value),
            page("a.md", "A", parent="P", nav_order=1),
            page("b.md", "B", parent="P", nav_order=2),
            page("c.md", "C", parent="P", nav_order=3),
        ]
    )
    assert titles(spec) == [("P", expected)]


def test_nav_exclude_hides_page_and_descendants() -> None:
    spec, problems = build_nav(
        [
            page("a.md", "A"),
            page("hidden.md", "Hidden", nav_exclude=True),
            page("child.md", "Child", parent="Hidden"),
            page("b.md", "B", nav_exclude=False),
            page("c.md", "C", nav_exclude="true"),  # only the boolean hides
        ]
    )
    assert problems == []
    assert titles(spec) == ["A", "B", "C"]


def test_has_children_false_hides_the_children_only() -> None:
    spec, problems = build_nav(
        [
            page("p.md", "P", has_children=False),
            page("c.md", "C", parent="P"),
            page("q.md", "Q", has_children=True),
            page("d.md", "D", parent="Q"),
        ]
    )
    assert problems == []
    assert titles(spec) == ["P", ("Q", ["D"])]


def test_plain_parent_means_the_top_level_page_of_that_title() -> None:
    spec, problems = build_nav(
        [
            page("layout/index.md", "Layout", nav_order=1),
            page("layout/default.md", "Default", parent="Layout"),
            page("utilities/index.md", "Utilities", nav_order=2),
            page("utilities/layout.md", "Layout", parent="Utilities"),
            page("utilities/spacing.md", "Spacing", parent="Layout", grand_parent="Utilities"),
        ]
    )
    assert problems == []
    assert placed(spec) == [
        ("layout/index.md", ["layout/default.md"]),
        (
            "utilities/index.md",
            [("utilities/layout.md", ["utilities/spacing.md"])],
        ),
    ]


def test_grand_parent_and_ancestor_choose_among_equal_titles() -> None:
    sources = [
        page("x.md", "X", nav_order=1),
        page("xs.md", "S", parent="X"),
        page("xt.md", "T", parent="S", grand_parent="X"),
        page("xu.md", "U", parent="T", ancestor="X"),
        page("y.md", "Y", nav_order=2),
        page("ys.md", "S", parent="Y"),
        page("yt.md", "T", parent="S", ancestor="Y"),
        page("yu.md", "U", parent="T", ancestor="Y"),
    ]
    spec, problems = build_nav(sources)
    assert problems == []
    assert placed(spec) == [
        ("x.md", [("xs.md", [("xt.md", ["xu.md"])])]),
        ("y.md", [("ys.md", [("yt.md", ["yu.md"])])]),
    ]


def test_numbers_as_parent_match_titles_as_jekyll_writes_them() -> None:
    spec, problems = build_nav(
        [
            page("year.md", 2024),  # YAML reads `title: 2024` as a number
            page("a.md", "A", parent="2024"),
            page("b.md", "B", parent=2024),
            page("c.md", "C", parent="02024"),  # group_by reads it as 2024 too
        ]
    )
    assert problems == []
    assert placed(spec) == [("year.md", ["a.md", "b.md", "c.md"])]


def test_external_links_follow_the_pages_in_their_order() -> None:
    spec, _ = build_nav(
        [page("b.md", "B", nav_order=2), page("a.md", "A", nav_order=1)],
        external_links=[
            ExternalLink("Zulu", "https://example.com/z"),
            ExternalLink("Alpha", "https://example.com/a"),
        ],
    )
    assert spec == [
        {"A": "a.md"},
        {"B": "b.md"},
        {"Zulu": "https://example.com/z"},
        {"Alpha": "https://example.com/a"},
    ]


@pytest.mark.parametrize(
    "meta",
    [{}, {"title": "Only a title"}, {"tags": ["x"], "description": "d"}],
)
def test_pages_without_just_the_docs_keys_keep_mkdocs_nav(meta: dict[str, Any]) -> None:
    sources = [NavSource("a.md", "A", FrontMatter(data=meta)), page("b.md", None)]
    assert build_nav(sources) == (None, [])


@pytest.mark.parametrize("key", ["parent", "nav_order", "nav_exclude", "layout", "has_children"])
def test_one_just_the_docs_key_builds_the_nav(key: str) -> None:
    spec, _ = build_nav([page("a.md", "A", **{key: 1}), page("b.md", "B")])
    assert spec is not None


def test_external_links_alone_build_the_nav() -> None:
    spec, _ = build_nav([page("a.md", "A")], external_links=[ExternalLink("E", "https://e.org")])
    assert spec == [{"A": "a.md"}, {"E": "https://e.org"}]


def problems_for(
    sources: list[NavSource], hidden: frozenset[str] = frozenset()
) -> tuple[list[Any], dict[str, Finding]]:
    spec, problems = build_nav(sources)
    # No page disappears unexpectedly: every page but the hidden ones (untitled, or left out
    # with a parent Just the Docs cannot place) is in the nav.
    assert set(_uris(spec)) == {s.src_uri for s in sources} - hidden
    by_page = {problem.path: problem for problem in problems}
    assert len(by_page) == len(problems)
    return placed(spec), by_page


def _uris(spec: list[Any] | None) -> list[str]:
    assert spec is not None
    uris: list[str] = []
    for item in spec:
        (value,) = item.values()
        uris.extend(_uris(value) if isinstance(value, list) else [value])
    return uris


def test_unknown_parent_names_nearest_titles_and_leaves_the_page_out_with_its_children() -> None:
    nav, problems = problems_for(
        [
            page("ops.md", "Operations Command Center", nav_order=1),
            page("x.md", "X", parent="Operations Command Centre"),
            page("y.md", "Y", parent="X"),
        ],
        hidden=frozenset({"x.md", "y.md"}),
    )
    assert nav == ["ops.md"]
    assert list(problems) == ["x.md"]  # reported once, at the page whose parent is unknown
    assert problems["x.md"].line == 3
    message = problems["x.md"].message
    assert (
        "unknown parent 'Operations Command Centre'; left out of the navigation with its "
        "children, as in Just the Docs" in message
    )
    assert "nearest titles: 'Operations Command Center'" in message


def test_page_without_title_stays_out_of_the_nav_and_is_reported() -> None:
    nav, problems = problems_for(
        [
            page("p.md", "P"),
            page("notes.md", None, parent="P"),
            page("loose.md", None),
            page("secret.md", None, nav_exclude=True),  # meant to be out: nothing to report
        ],
        hidden=frozenset({"secret.md", "notes.md", "loose.md"}),
    )
    assert nav == ["p.md"]
    assert sorted(problems) == ["loose.md", "notes.md"]
    assert problems["notes.md"].line == 1
    assert problems["notes.md"].message.startswith(
        "no title: Just the Docs leaves the page out of its navigation, and so does this site"
    )


def test_a_page_without_title_is_no_parent() -> None:
    nav, problems = problems_for(
        [page("notes.md", None, nav_order=1), page("c.md", "C", parent="Notes")],
        hidden=frozenset({"notes.md", "c.md"}),
    )
    assert nav == []
    assert "unknown parent 'Notes'" in problems["c.md"].message


def test_ambiguous_parent_lists_the_page_under_each_and_reports_it() -> None:
    nav, problems = problems_for(
        [
            page("a.md", "Team A", nav_order=1),
            page("a-setup.md", "Setup", parent="Team A"),
            page("b.md", "Team B", nav_order=2),
            page("b-setup.md", "Setup", parent="Team B"),
            page("x.md", "X", parent="Setup"),
        ]
    )
    assert nav == [("a.md", [("a-setup.md", ["x.md"])]), ("b.md", [("b-setup.md", ["x.md"])])]
    assert list(problems) == ["x.md"]
    assert problems["x.md"].message.startswith(
        "parent 'Setup' names several pages (a-setup.md, b-setup.md)"
    )


def test_grand_parent_that_fits_no_page_is_reported_at_its_line() -> None:
    nav, problems = problems_for(
        [
            page("a.md", "Team A", nav_order=1),
            page("a-setup.md", "Setup", parent="Team A"),
            page("x.md", "X", parent="Setup", grand_parent="Team B"),
        ],
        hidden=frozenset({"x.md"}),
    )
    assert nav == [("a.md", ["a-setup.md"])]
    assert problems["x.md"].line == 4
    assert problems["x.md"].message.startswith("no page titled 'Setup' fits grand_parent 'Team B'")


def test_title_repeating_an_ancestor_is_listed_once_and_reported() -> None:
    nav, problems = problems_for(
        [page("g.md", "Guides"), page("again.md", "Guides", parent="Guides")]
    )
    assert nav == [("g.md", ["again.md"])]
    assert list(problems) == ["again.md"]
    assert "lists it as '∞', without its children" in problems["again.md"].message


def test_cycle_is_reported_once_and_left_out() -> None:
    nav, problems = problems_for(
        [
            page("a.md", "A", parent="C"),
            page("b.md", "B", parent="A"),
            page("c.md", "C", parent="B"),
            page("d.md", "D"),
        ],
        hidden=frozenset({"a.md", "b.md", "c.md"}),
    )
    assert nav == ["d.md"]
    assert list(problems) == ["a.md"]
    assert problems["a.md"].message.startswith("parent cycle a.md -> c.md -> b.md -> a.md")


def test_own_title_as_parent() -> None:
    nav, problems = problems_for(
        [page("a.md", "A", parent="A"), page("b.md", "B")], hidden=frozenset({"a.md"})
    )
    assert nav == ["b.md"]
    assert "own title" in problems["a.md"].message


def test_shared_titles_at_every_level_cannot_make_the_nav_explode() -> None:
    # Two pages titled T1, two T2 under "T1", ...: Just the Docs lists 2 + 4 + 8 + ... entries.
    sources = [page("root.md", "Root")]
    for level in range(1, 16):
        parent = "Root" if level == 1 else f"T{level - 1}"
        sources += [page(f"t{level}-{k}.md", f"T{level}", parent=parent) for k in range(2)]
    spec, problems = build_nav(sources)
    assert set(_uris(spec)) == {s.src_uri for s in sources}
    assert len(_uris(spec)) <= 20 * len(sources) + 100 + len(sources)
    assert len(problems) == 2 * 14  # every page below T1 names two parents


@pytest.mark.parametrize(
    ("value", "kind"), [([1], "a list"), ({"a": 1}, "a mapping"), (True, "a boolean")]
)
def test_non_scalar_nav_order(value: Any, kind: str) -> None:
    _, problems = problems_for([page("a.md", "A", nav_order=value)])
    assert problems["a.md"].line == 3
    assert f"nav_order must be a number or a string, not {kind}" in problems["a.md"].message


def test_non_string_parent() -> None:
    nav, problems = problems_for(
        [page("a.md", "A", parent=["B"]), page("b.md", "B")], hidden=frozenset({"a.md"})
    )
    assert nav == ["b.md"]
    assert problems["a.md"].message == "parent must be a page title (a string), not a list"
