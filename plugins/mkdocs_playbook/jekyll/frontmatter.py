"""Jekyll-style YAML front matter, read with the line of every key.

The block is recognised as Jekyll 4.3.1 recognises it (`Document::YAML_FRONT_MATTER_REGEXP`,
read by `Convertible#read_yaml`): a closing `---` or `...` at the very end of the file, CRLF
line endings, a byte order mark and an empty block all count, where MkDocs' narrower
`YAML_RE` leaves the block in the page's text. Unlike either, a block that is not valid YAML or
not a mapping is reported instead of being published as text. `read_yaml_mapping` is the one
reader of YAML mappings: Jekyll's `_config.yml` (`site_config`) reports its problems the same way,
and both are read within `bounded_yaml`'s bounds (nesting, what aliases repeat).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ..findings import Finding
from . import bounded_yaml

# The YAML text starts on the file's second line.
_FIRST_YAML_LINE = 2
# Ruby's `\s` within a line (its `\n` ends the line).
_BLANKS = " \t\r\f\v"


@dataclass(frozen=True)
class Block:
    """Where a front matter block lies in a (newline-normalised) text."""

    yaml: str
    """The YAML between the dashes."""
    body_start: int
    """Offset where the page's content starts."""


def find_block(text: str) -> Block | None:
    r"""The front matter block `text` starts with, by Jekyll's `YAML_FRONT_MATTER_REGEXP`
    (`\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)`, multi-line), in linear time.

    It opens with a line of `---` and blanks; it closes at the first later line of `---` or
    `...` and blanks, which may end the file without a line break; the lines of blanks after
    it are not the body (the pattern's greedy `\s*$\n?`).
    """
    first_end = text.find("\n")
    if not text.startswith("---") or first_end < 0 or text[3:first_end].strip(_BLANKS):
        return None
    start = first_end + 1
    while start <= len(text):
        end = text.find("\n", start)
        line = text[start : len(text) if end < 0 else end]
        if line[:3] in ("---", "...") and not line[3:].strip(_BLANKS):
            return Block(text[first_end + 1 : start], _body_start(text, start + 3))
        if end < 0:
            return None
        start = end + 1
    return None


def _body_start(text: str, after: int) -> int:
    """After the closing dashes at `after`: the start of the first line that is not blank."""
    rest = len(text[after:].lstrip(_BLANKS + "\n"))
    if rest == 0:
        return len(text)
    return text.rfind("\n", after, len(text) - rest) + 1


@dataclass(frozen=True)
class FrontMatter:
    """The front matter of one page; empty when the page has none."""

    data: dict[str, Any] = field(default_factory=dict)
    """Top-level keys and their values."""
    key_lines: dict[str, int] = field(default_factory=dict)
    """1-based file line of each top-level key."""
    problem: Finding | None = None
    """Why a block that looks like front matter could not be used."""
    body_start: int = 0
    """Offset in the (newline-normalised) text where the body starts."""
    defaulted: frozenset[str] = frozenset()
    """The keys `_config.yml`'s defaults gave or merged into (`frontmatter_defaults`)."""

    @property
    def from_defaults(self) -> dict[str, Any]:
        """The keys defaults gave or merged into, with their values (as if written)."""
        return {key: self.data[key] for key in self.defaulted}

    def line_of(self, key: str) -> int:
        """Line of `key`, or of the block's first line when the key is absent."""
        return self.key_lines.get(key, 1)


def parse_front_matter(text: str) -> FrontMatter:
    """Read the front matter at the top of `text`, never raising on bad input."""
    block = find_block(text.replace("\r\n", "\n").lstrip("\ufeff"))
    if block is None:
        return FrontMatter()
    document = read_yaml_mapping(block.yaml, _FIRST_YAML_LINE)
    if document.problem is not None:
        line, reason = document.problem
        return FrontMatter(problem=Finding(line=line, message=f"malformed front matter: {reason}"))
    if document.node is None:
        return FrontMatter(body_start=block.body_start)
    return FrontMatter(
        data=document.data, key_lines=document.key_lines(), body_start=block.body_start
    )


@dataclass(frozen=True)
class YamlMapping:
    """A YAML document that should hold a mapping: its keys, or why it cannot be used."""

    data: dict[str, Any] = field(default_factory=dict)
    """Top-level keys (as strings) and their values; empty when the document is."""
    node: yaml.MappingNode | None = None
    """The document's node tree, for the lines of keys at any depth; None when empty."""
    first_line: int = 1
    """The file line of the document's first line."""
    problem: tuple[int, str] | None = None
    """File line and reason when the text is not YAML or not a mapping."""

    def key_lines(self) -> dict[str, int]:
        """1-based file line of each top-level key."""
        if self.node is None:
            return {}
        return {str(key.value): self.first_line + key.start_mark.line for key, _ in self.node.value}


def read_yaml_mapping(text: str, first_line: int) -> YamlMapping:
    """Read `text`, whose first line is file line `first_line`, as a YAML mapping.

    Never raises on bad input: a syntax error, a document that is not a mapping, or one beyond
    `bounded_yaml`'s bounds (nesting, aliases) is a `problem` naming the file line, in the
    words of PyYAML's pure-Python loader.
    """
    try:
        try:
            node, data = bounded_yaml.load(text)
        except yaml.YAMLError:
            # Again with the pure-Python loader, whose messages (and marks) are the ones we show.
            node, data = bounded_yaml.load(text, fast=False)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = first_line + (mark.line if mark else 0)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return YamlMapping(first_line=first_line, problem=(line, str(reason)))
    except (MemoryError, RecursionError) as error:
        # Past the bounds, only a document too large for this machine: said, never a traceback.
        reason = f"too large to read ({type(error).__name__})"
        return YamlMapping(first_line=first_line, problem=(first_line, reason))
    if data is None:
        return YamlMapping(first_line=first_line)
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        kind = type(data).__name__
        return YamlMapping(
            first_line=first_line,
            problem=(first_line, f"expected a mapping of keys, got {kind}"),
        )
    return YamlMapping(data={str(k): v for k, v in data.items()}, node=node, first_line=first_line)


def without_front_matter(text: str) -> str:
    """`text` without the front matter block it starts with, if any (newlines normalised)."""
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    block = find_block(text)
    return text[block.body_start :] if block else text
