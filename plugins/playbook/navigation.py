"""Navigation from Just the Docs front matter (`title`, `parent`, `nav_order`, ...).

Semantics follow Just the Docs: `parent` names another page's `title`; `grand_parent` and
`ancestor` choose among pages with equal titles; siblings sort by numeric `nav_order`, then
string `nav_order` (case-insensitive), then title; `child_nav_order: desc` reverses a page's
children; `nav_exclude: true` hides a page and its descendants. Unlike Just the Docs, a page
whose placement is wrong is reported and shown at the top level, never silently dropped.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .frontmatter import FrontMatter

NavSpec = list[Any]
"""The shape of MkDocs' `nav:` setting: `{title: path}` and `{title: [children]}` items."""


@dataclass(frozen=True)
class NavSource:
    """What navigation needs to know of one page."""

    src_uri: str
    title: str
    front_matter: FrontMatter


@dataclass(frozen=True)
class NavProblem:
    src_uri: str
    line: int
    message: str


@dataclass
class _Node:
    source: NavSource
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    @property
    def meta(self) -> dict[str, Any]:
        return self.source.front_matter.data

    def line_of(self, key: str) -> int:
        return self.source.front_matter.line_of(key)


def build_nav(sources: list[NavSource]) -> tuple[NavSpec, list[NavProblem]]:
    """The nav tree for `sources` and the problems met while placing pages."""
    problems: list[NavProblem] = []
    nodes = [_Node(source) for source in sorted(sources, key=lambda s: s.src_uri)]
    by_title: dict[str, list[_Node]] = {}
    for node in nodes:
        by_title.setdefault(node.source.title, []).append(node)
        _check_keys(node, problems)

    for node in nodes:
        node.parent = _resolve_parent(node, by_title, problems)
    _break_cycles(nodes, problems)
    for node in nodes:
        if node.parent is not None:
            node.parent.children.append(node)

    roots = [node for node in nodes if node.parent is None]
    return _spec(roots), problems


def _check_keys(node: _Node, problems: list[NavProblem]) -> None:
    order = node.meta.get("nav_order")
    if "nav_order" in node.meta and not _is_order(order):
        problems.append(
            NavProblem(
                node.source.src_uri,
                node.line_of("nav_order"),
                f"nav_order must be a number or a string, not {_describe(order)}; "
                "the page is sorted as if it had none",
            )
        )
    for key in ("parent", "grand_parent", "ancestor"):
        value = node.meta.get(key)
        if key in node.meta and not isinstance(value, str):
            problems.append(
                NavProblem(
                    node.source.src_uri,
                    node.line_of(key),
                    f"{key} must be a page title (a string), not {_describe(value)}",
                )
            )


def _is_order(value: Any) -> bool:
    return isinstance(value, (int, float, str)) and not isinstance(value, bool)


def _describe(value: Any) -> str:
    names = {list: "a list", dict: "a mapping", bool: "a boolean", type(None): "empty"}
    return names.get(type(value), type(value).__name__)


def _resolve_parent(
    node: _Node, by_title: dict[str, list[_Node]], problems: list[NavProblem]
) -> _Node | None:
    parent_title = node.meta.get("parent")
    if not isinstance(parent_title, str):
        return None
    uri, line = node.source.src_uri, node.line_of("parent")
    candidates = [c for c in by_title.get(parent_title, []) if c is not node]
    if not candidates:
        if node.source.title == parent_title:
            message = f"parent {parent_title!r} is the page's own title; shown at the top level"
        else:
            close = difflib.get_close_matches(parent_title, list(by_title), n=3, cutoff=0.5)
            hint = "; nearest titles: " + ", ".join(map(repr, close)) if close else ""
            message = f"unknown parent {parent_title!r}; shown at the top level{hint}"
        problems.append(NavProblem(uri, line, message))
        return None
    grand_parent = node.meta.get("grand_parent")
    if isinstance(grand_parent, str):
        candidates = [c for c in candidates if c.meta.get("parent") == grand_parent]
    ancestor = node.meta.get("ancestor")
    if isinstance(ancestor, str):
        candidates = [c for c in candidates if ancestor in _ancestor_titles(c, by_title)]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        problems.append(
            NavProblem(
                uri,
                line,
                f"no page titled {parent_title!r} has the grand_parent/ancestor given; "
                "shown at the top level",
            )
        )
        return None
    pages = ", ".join(c.source.src_uri for c in candidates)
    problems.append(
        NavProblem(
            uri,
            line,
            f"ambiguous parent {parent_title!r}: pages {pages} share that title; "
            "add grand_parent or ancestor to choose; shown at the top level",
        )
    )
    return None


def _ancestor_titles(node: _Node, by_title: dict[str, list[_Node]]) -> set[str]:
    """Titles reachable by following `parent` names upwards (any page of each name)."""
    seen: set[str] = set()
    pending = [node.meta.get("parent")]
    while pending:
        title = pending.pop()
        if not isinstance(title, str) or title in seen:
            continue
        seen.add(title)
        pending.extend(n.meta.get("parent") for n in by_title.get(title, []))
    return seen


def _break_cycles(nodes: list[_Node], problems: list[NavProblem]) -> None:
    """Detach one page of every parent cycle (the first by path) to the top level."""
    for start in nodes:
        path: list[_Node] = []
        on_path: set[int] = set()
        current: _Node | None = start
        while current is not None and id(current) not in on_path:
            path.append(current)
            on_path.add(id(current))
            current = current.parent
        if current is None:
            continue
        cycle = path[path.index(current) :]
        first = min(cycle, key=lambda n: n.source.src_uri)
        members = " -> ".join(n.source.src_uri for n in [*cycle, cycle[0]])
        problems.append(
            NavProblem(
                first.source.src_uri,
                first.line_of("parent"),
                f"parent cycle {members}; shown at the top level",
            )
        )
        first.parent = None


def _sort_key(node: _Node) -> tuple[int, float, str, str, str]:
    order = node.meta.get("nav_order")
    title = node.source.title.casefold()
    if isinstance(order, (int, float)) and not isinstance(order, bool):
        return (0, float(order), "", title, node.source.src_uri)
    if isinstance(order, str):
        return (1, 0.0, order.casefold(), title, node.source.src_uri)
    return (2, 0.0, "", title, node.source.src_uri)


def _visible(nodes: list[_Node]) -> Iterator[_Node]:
    for node in nodes:
        if node.meta.get("nav_exclude") is not True:
            yield node


def _spec(nodes: list[_Node], descending: bool = False) -> NavSpec:
    ordered = sorted(_visible(nodes), key=_sort_key, reverse=descending)
    spec: NavSpec = []
    for node in ordered:
        title, uri = node.source.title, node.source.src_uri
        children = list(_visible(node.children))
        if not children:
            spec.append({title: uri})
            continue
        reverse = str(node.meta.get("child_nav_order", "")).lower() == "desc"
        spec.append({title: [{title: uri}, *_spec(children, reverse)]})
    return spec
