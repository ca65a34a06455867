"""YAML from a site, read within bounds: nesting is capped, aliases may repeat only so much,
and a value Python cannot hold is a YAML error at its line instead of a crash.

PyYAML's composer recurses once per level (a list 900 deep exhausts Python's stack) and hands
every alias its anchor's node, which costs nothing until the values are walked: eight levels
of ten aliases each (395 bytes) are 10^8 values. Jekyll (Psych's `safe_load`) reads aliases in
`_config.yml` and front matter, so they are read here too, up to what they repeat in all. The
composer below is PyYAML's, written as a loop over the parser's events that counts as it goes;
it runs on libyaml's parser and on the pure-Python one alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.error import Mark
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:
    from yaml import CSafeLoader as _LibyamlLoader
except ImportError:  # PyYAML built without libyaml: both read with PyYAML's own parser
    from yaml import SafeLoader as _LibyamlLoader  # type: ignore[assignment]

MAX_DEPTH = 100
"""Collections inside collections, aliases expanded; Jekyll configurations nest a handful, and
each level costs a few frames of Python's stack wherever the values are walked."""
MAX_REPEATED = 100_000
"""What all the aliases of one document may repeat together: the characters of the scalars
they bring in, each value counting at least one. A configuration sharing a few defaults stays
far below; 100 KB more is read in milliseconds."""
_MAX_INT = 10**4000
"""Python prints an int of at most 4,300 digits (`sys.get_int_max_str_digits`); Ruby, any."""


class BoundError(ComposerError):
    """A document deeper, or repeating more through aliases, than the bounds allow."""


@dataclass
class _Open:
    """A collection whose items are still being read."""

    node: SequenceNode | MappingNode
    anchor: str | None
    weight: int = 1
    """Its size with aliases expanded: 1, plus its items' weights."""
    height: int = 0
    """The deepest nesting among its items, aliases expanded."""
    key: Node | None = None
    """In a mapping: the key read, whose value comes next."""

    def add(self, item: Node, weight: int, height: int) -> None:
        self.weight += weight
        self.height = max(self.height, height)
        if isinstance(self.node, SequenceNode):
            self.node.value.append(item)
        elif self.key is None:
            self.key = item
        else:
            self.node.value.append((self.key, item))
            self.key = None


class _Constructor(SafeConstructor):
    """PyYAML's safe constructor, whose value errors (`2024-13-45`, `!!float x`, an int too
    long for Python) are `ConstructorError`s at the value's line."""

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            value = super().construct_object(node, deep)
        except (ValueError, OverflowError) as error:
            raise _unreadable(node, str(error).split(";")[0]) from error
        if isinstance(value, int) and not -_MAX_INT < value < _MAX_INT:
            raise _unreadable(node, "it has more than 4,000 digits")
        return value


def _unreadable(node: Node, reason: str) -> ConstructorError:
    value = node.value if isinstance(node.value, str) else ""
    shown = value if len(value) <= 40 else value[:40] + "…"
    kind = node.tag.rsplit(":", 1)[-1]
    return ConstructorError(
        None, None, f"cannot read {shown!r} as {kind}: {reason}", node.start_mark
    )


class _FastLoader(_Constructor, _LibyamlLoader):
    """libyaml's parser (about 7 times faster; every page has front matter)."""


class _PureLoader(_Constructor, yaml.SafeLoader):
    """PyYAML's own parser, whose messages and marks are the ones shown."""


def load(text: str, *, fast: bool = True) -> tuple[Node | None, Any]:
    """The single document in `text`: its node tree (for lines) and its value, or None and
    None when it is empty. Raises `yaml.YAMLError` (with a mark) on anything it cannot read.

    `fast` reads with libyaml when PyYAML has it; its messages differ from PyYAML's own.
    """
    loader_class = _FastLoader if fast else _PureLoader
    loader = None
    try:
        # The reader rejects control characters as it is built: inside the try, too.
        loader = loader_class(text)
        node = _compose_single(loader)
        return node, loader.construct_document(node) if node is not None else None
    finally:
        if loader is not None:
            loader.dispose()


def _compose_single(loader: Any) -> Node | None:
    """`Composer.get_single_node`, over `_compose_document`."""
    loader.get_event()  # stream start
    document = None
    if not loader.check_event(StreamEndEvent):
        document = _compose_document(loader)
    if not loader.check_event(StreamEndEvent):
        event = loader.get_event()
        raise ComposerError(
            "expected a single document in the stream",
            document.start_mark if document is not None else None,
            "but found another document",
            event.start_mark,
        )
    loader.get_event()  # stream end
    return document


def _compose_document(loader: Any) -> Node:
    """The root node of the next document."""
    loader.get_event()  # document start
    node = _Composer(loader).root()
    loader.get_event()  # document end
    return node


class _Composer:
    """Composes one document without recursion, within the bounds.

    Safe loaders have no path resolvers, so `descend_resolver` is not needed.
    """

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.anchors: dict[str, Node] = {}
        # Weight and height of each anchored node once complete; one still open is absent.
        self.sizes: dict[int, tuple[int, int]] = {}
        self.stack: list[_Open] = []
        self.repeated = 0

    def root(self) -> Node:
        while True:
            event = self.loader.get_event()
            if isinstance(event, AliasEvent):
                node, weight, height = self.alias(event)
            elif isinstance(event, CollectionStartEvent):
                self.open(event)
                continue
            elif isinstance(event, ScalarEvent):
                node, weight, height = self.scalar(event)
            else:  # the end of the innermost collection
                done = self.stack.pop()
                done.node.end_mark = _mark(event.end_mark)
                node, weight, height = done.node, done.weight, done.height + 1
                if done.anchor is not None:
                    self.sizes[id(node)] = (weight, height)
            if not self.stack:
                return node
            self.stack[-1].add(node, weight, height)

    def alias(self, event: AliasEvent) -> tuple[Node, int, int]:
        """The node an alias names, with its weight and height, if within the bounds."""
        mark = _mark(event.start_mark)
        node = self.anchors.get(str(event.anchor))
        if node is None:
            raise ComposerError(None, None, f"found undefined alias {event.anchor!r}", mark)
        size = self.sizes.get(id(node))
        if size is None:
            reason = "is inside the value it names, which would repeat without end"
            raise BoundError(None, None, f"alias *{event.anchor} {reason}", mark)
        weight, height = size
        self.repeated += weight
        if self.repeated > MAX_REPEATED:
            reason = (
                f"the aliases would repeat more than {MAX_REPEATED:,} characters of YAML; "
                "write the values out, or alias less"
            )
            raise BoundError(None, None, f"alias *{event.anchor}: {reason}", mark)
        if len(self.stack) + height > MAX_DEPTH:
            raise _too_deep(mark, f"alias *{event.anchor}: ")
        return node, weight, height

    def scalar(self, event: ScalarEvent) -> tuple[Node, int, int]:
        tag = _tag(self.loader, ScalarNode, event, event.value)
        start, end = _mark(event.start_mark), _mark(event.end_mark)
        node = ScalarNode(tag, event.value, start, end, style=event.style)
        weight = max(1, len(event.value))
        if event.anchor is not None:
            self.anchor(event, node)
            self.sizes[id(node)] = (weight, 0)
        return node, weight, 0

    def open(self, event: CollectionStartEvent) -> None:
        start = _mark(event.start_mark)
        if len(self.stack) >= MAX_DEPTH:
            raise _too_deep(start, "")
        kind = MappingNode if isinstance(event, MappingStartEvent) else SequenceNode
        tag = _tag(self.loader, kind, event, None)
        node = kind(tag, [], start, None, flow_style=event.flow_style)
        if event.anchor is not None:
            self.anchor(event, node)
        self.stack.append(_Open(node, event.anchor))

    def anchor(self, event: NodeEvent, node: Node) -> None:
        if event.anchor in self.anchors:
            raise ComposerError(
                f"found duplicate anchor {event.anchor!r}; first occurrence",
                self.anchors[str(event.anchor)].start_mark,
                "second occurrence",
                _mark(event.start_mark),
            )
        self.anchors[str(event.anchor)] = node


def _mark(mark: Any) -> Mark:
    """A position from either parser (libyaml's marks have the same fields)."""
    return cast(Mark, mark)


def _tag(loader: Any, kind: type[Node], event: Any, value: str | None) -> str:
    """The event's tag, or the one the resolver gives an untagged node."""
    tag = event.tag
    if tag is None or tag == "!":
        return str(loader.resolve(kind, value, event.implicit))
    return str(tag)


def _too_deep(mark: Mark, prefix: str) -> BoundError:
    reason = (
        f"nested more than {MAX_DEPTH} levels deep; YAML is read {MAX_DEPTH} levels deep at most"
    )
    return BoundError(None, None, prefix + reason, mark)
