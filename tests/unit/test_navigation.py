from __future__ import annotations

from typing import Any

import pytest

from playbook.frontmatter import FrontMatter
from playbook.navigation import NavProblem, NavSource, build_nav


def page(uri: str, title: str, **meta: Any) -> NavSource:
    lines = {key: number for number, key in enumerate(meta, start=3)}
    return NavSource(uri, title, FrontMatter(data={"title": title, **meta}, key_lines=lines))


def titles(spec: list[Any]) -> list[Any]:
    """The nav as nested titles: sections as (title, [children])."""
    out: list[Any] = []
    for item in spec:
        ((title, value),) = item.items()
        out.append((title, titles(value[1:])) if isinstance(value, list) else title)
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
    assert spec[1] == {
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
    assert titles(spec) == ["Neg", "Float", "Int", "S1", "S2", "alpha", "Zeta"]


def test_child_nav_order_desc_reverses_children() -> None:
    spec, _ = build_nav(
        [
            page("p.md", "P", child_nav_order="desc"),
            page("a.md", "A", parent="P", nav_order=1),
            page("b.md", "B", parent="P", nav_order=2),
            page("c.md", "C", parent="P", nav_order=3),
        ]
    )
    assert titles(spec) == [("P", ["C", "B", "A"])]


def test_nav_exclude_hides_page_and_descendants() -> None:
    spec, problems = build_nav(
        [
            page("a.md", "A"),
            page("hidden.md", "Hidden", nav_exclude=True),
            page("child.md", "Child", parent="Hidden"),
            page("b.md", "B", nav_exclude=False),
        ]
    )
    assert problems == []
    assert titles(spec) == ["A", "B"]


def test_grand_parent_and_ancestor_choose_among_equal_titles() -> None:
    sources = [
        page("a/index.md", "Team A"),
        page("b/index.md", "Team B"),
        page("a/setup.md", "Setup", parent="Team A"),
        page("b/setup.md", "Setup", parent="Team B"),
        page("a/step.md", "Step", parent="Setup", grand_parent="Team A"),
        page("b/step.md", "Deep step", parent="Setup", ancestor="Team B"),
    ]
    spec, problems = build_nav(sources)
    assert problems == []
    assert titles(spec) == [
        ("Team A", [("Setup", ["Step"])]),
        ("Team B", [("Setup", ["Deep step"])]),
    ]


def test_layout_and_has_children_are_accepted() -> None:
    spec, problems = build_nav(
        [page("p.md", "P", layout="default", has_children=True), page("c.md", "C", parent="P")]
    )
    assert problems == []
    assert titles(spec) == [("P", ["C"])]


def problem_for(sources: list[NavSource], uri: str) -> NavProblem:
    spec, problems = build_nav(sources)
    # No page silently disappears: every page is still somewhere in the nav.
    assert sorted(_uris(spec)) == sorted(s.src_uri for s in sources)
    (problem,) = [p for p in problems if p.src_uri == uri]
    return problem


def _uris(spec: list[Any]) -> list[str]:
    uris: list[str] = []
    for item in spec:
        (value,) = item.values()
        uris.extend(_uris(value) if isinstance(value, list) else [value])
    return uris


def test_unknown_parent_names_nearest_titles() -> None:
    problem = problem_for(
        [
            page("ops.md", "Operations Command Center"),
            page("x.md", "X", parent="Operations Command Centre"),
        ],
        "x.md",
    )
    assert problem.line == 3
    assert "unknown parent 'Operations Command Centre'" in problem.message
    assert "'Operations Command Center'" in problem.message


def test_ambiguous_parent_names_the_candidates() -> None:
    problem = problem_for(
        [page("a.md", "Setup"), page("b.md", "Setup"), page("x.md", "X", parent="Setup")], "x.md"
    )
    assert "ambiguous parent 'Setup'" in problem.message
    assert "a.md, b.md" in problem.message


def test_cycle_is_reported_and_broken() -> None:
    problem = problem_for(
        [
            page("a.md", "A", parent="C"),
            page("b.md", "B", parent="A"),
            page("c.md", "C", parent="B"),
        ],
        "a.md",
    )
    assert problem.message.startswith("parent cycle a.md -> c.md -> b.md -> a.md")


def test_own_title_as_parent() -> None:
    problem = problem_for([page("a.md", "A", parent="A")], "a.md")
    assert "own title" in problem.message


@pytest.mark.parametrize(
    ("value", "kind"), [([1], "a list"), ({"a": 1}, "a mapping"), (True, "a boolean")]
)
def test_non_scalar_nav_order(value: Any, kind: str) -> None:
    problem = problem_for([page("a.md", "A", nav_order=value)], "a.md")
    assert problem.line == 3
    assert f"nav_order must be a number or a string, not {kind}" in problem.message


def test_non_string_parent() -> None:
    problem = problem_for([page("a.md", "A", parent=["B"])], "a.md")
    assert "parent must be a page title (a string), not a list" in problem.message
