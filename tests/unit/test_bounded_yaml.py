"""YAML from a site is read within bounds, by libyaml's parser and PyYAML's alike, and whatever
it cannot read is a problem at its line: nothing crashes, nothing runs away."""

from __future__ import annotations

import pytest
import yaml
from hostile_yaml import alias_bomb, nested_yaml

from mkdocs_playbook.jekyll import bounded_yaml
from mkdocs_playbook.jekyll.bounded_yaml import MAX_DEPTH
from mkdocs_playbook.jekyll.frontmatter import parse_front_matter, read_yaml_mapping


def merge_bomb(levels: int) -> str:
    """Merge keys that each merge the mapping before twice."""
    lines = ["m0: &m0 {a: 1, b: 2}"]
    for level in range(1, levels + 1):
        lines.append(f"m{level}: &m{level} {{<<: [*m{level - 1}, *m{level - 1}], c{level}: 3}}")
    return "\n".join(lines) + "\n"


def block_nested(depth: int) -> str:
    """The same in block style, one level a line."""
    items = "".join(" " * level + "-\n" for level in range(1, depth - 1))
    return "d:\n" + items + " " * (depth - 1) + "- x\n"


def pyyaml_load(text: str) -> tuple[str, object]:
    """PyYAML's own nodes (after construction, which flattens merge keys) and value."""
    loader = yaml.SafeLoader(text)
    node = loader.get_single_node()
    data = loader.construct_document(node) if node is not None else None
    return repr(node), data


LONG = "y" * 2_000

# (YAML, 1-based line of the problem, words of its reason)
REFUSED = [
    pytest.param(alias_bomb(8), 5, "the aliases would repeat more than", id="alias-bomb"),
    pytest.param(alias_bomb(7), 5, "the aliases would repeat more than", id="alias-bomb-7"),
    pytest.param(merge_bomb(30), 14, "the aliases would repeat more than", id="merge-bomb"),
    pytest.param(
        f"long: &long {LONG}\nmany: [{', '.join(['*long'] * 60)}]\n",
        2,
        "the aliases would repeat more than",
        id="long-scalar-repeated",
    ),
    pytest.param("a: &a [1, *a]\n", 1, "alias *a is inside the value it names", id="cycle"),
    pytest.param("a: &a {b: *a}\n", 1, "alias *a is inside the value it names", id="map-cycle"),
    pytest.param(nested_yaml(5_000), 1, f"nested more than {MAX_DEPTH} levels", id="flow-5000"),
    pytest.param(nested_yaml(MAX_DEPTH + 1), 1, f"nested more than {MAX_DEPTH}", id="flow-101"),
    pytest.param(
        block_nested(MAX_DEPTH + 1), MAX_DEPTH + 1, f"more than {MAX_DEPTH}", id="block-101"
    ),
    pytest.param(
        "x: 1\nd: &d " + "[" * 60 + "]" * 60 + "\ne: " + "[" * 40 + "*d" + "]" * 40 + "\n",
        3,
        f"alias *d: nested more than {MAX_DEPTH} levels deep",
        id="deep-through-alias",
    ),
    pytest.param("title: x\ndate: 2024-13-45\n", 2, "as timestamp: month must be", id="date"),
    pytest.param("n: " + "1" * 5_000 + "\n", 1, "as int: Exceeds the limit", id="long-int"),
    pytest.param("n: 0x" + "f" * 5_000 + "\n", 1, "more than 4,000 digits", id="long-hex"),
    pytest.param("a: 1\nn: !!float x\n", 2, "cannot read 'x' as float", id="bad-float"),
]


@pytest.mark.parametrize(("text", "line", "reason"), REFUSED)
@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure-python"])
def test_both_parsers_refuse_at_the_line(text: str, line: int, reason: str, fast: bool) -> None:
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        bounded_yaml.load(text, fast=fast)
    assert raised.value.problem_mark is not None
    assert raised.value.problem_mark.line + 1 == line
    # libyaml stops at 1,000 levels on its own, scanning ahead of the events read.
    libyaml_limit = fast and raised.value.problem == "exceeded maximum nesting depth"
    assert reason in str(raised.value.problem) or libyaml_limit


@pytest.mark.parametrize(("text", "line", "reason"), REFUSED)
def test_the_reader_reports_a_problem_at_the_file_line(text: str, line: int, reason: str) -> None:
    # Only the problem is kept: a failing assertion would print the document, aliases expanded.
    problem = read_yaml_mapping(text, 10).problem
    assert problem is not None
    assert problem[0] == 9 + line
    assert reason in problem[1]


def test_a_front_matter_alias_bomb_is_malformed_front_matter_at_the_alias() -> None:
    text = "---\n" + alias_bomb(7) + "title: *l7\n---\n# Page\n"
    problem = parse_front_matter(text).problem
    assert problem is not None
    assert problem.line == 6
    assert problem.message.startswith("malformed front matter: alias *l3: the aliases")


ACCEPTED = [
    pytest.param(nested_yaml(MAX_DEPTH), id="flow-100"),
    pytest.param(block_nested(MAX_DEPTH), id="block-100"),
    pytest.param(alias_bomb(3), id="a-thousand-aliased-values"),
    pytest.param(f"long: &long {LONG}\nmany: [{', '.join(['*long'] * 40)}]\n", id="80-KB-repeated"),
    pytest.param(
        "defaults: &defaults {layout: default, nav_exclude: false}\n"
        + "".join(f"page{n}: {{<<: *defaults, title: P{n}}}\n" for n in range(50)),
        id="merged-defaults",
    ),
]


@pytest.mark.parametrize("text", ACCEPTED)
@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure-python"])
def test_within_the_bounds_yaml_reads_as_pyyaml_reads_it(text: str, fast: bool) -> None:
    node, data = bounded_yaml.load(text, fast=fast)
    assert (repr(node), data) == pyyaml_load(text)


ORDINARY = [
    "layout: default\ntitle: Restart\nparent: Ops\nnav_order: 3\npermalink: /ops/\n",
    "a: 1\nb: [x, {c: d}]\nk: &k {x: 1}\nm: {<<: *k, y: 2}\nt: !!str 1\nu: 2024-01-02\n",
    "v: |\n  text\n  more\nw: 'q'\nx: \"\\u00e9\"\ny: ~\nz: 1.5\n",
    "- a\n- &x b\n- *x\n- {? c : d}\n",
    "--- !!map\na: b\n...\n",
    "just text\n",
    "# only a comment\n",
    "",
]


@pytest.mark.parametrize("text", ORDINARY)
@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure-python"])
def test_composes_the_nodes_pyyaml_composes(text: str, fast: bool) -> None:
    node, data = bounded_yaml.load(text, fast=fast)
    assert (repr(node), data) == pyyaml_load(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a: 1\n---\nb: 2\n", "expected a single document in the stream"),
        ("a: *nowhere\n", "found undefined alias 'nowhere'"),
        ("a: &x 1\nb: &x 2\n", "second occurrence"),
    ],
)
@pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure-python"])
def test_keeps_pyyaml_composer_errors(text: str, reason: str, fast: bool) -> None:
    with pytest.raises(yaml.composer.ComposerError, match=reason):
        bounded_yaml.load(text, fast=fast)


@pytest.mark.parametrize("error", [MemoryError, RecursionError])
def test_a_resource_error_is_a_problem_at_the_first_line(
    error: type[BaseException], monkeypatch: pytest.MonkeyPatch
) -> None:
    def exhausted(text: str, *, fast: bool = True) -> None:
        raise error

    monkeypatch.setattr(bounded_yaml, "load", exhausted)
    document = read_yaml_mapping("title: x\n", 2)
    assert document.problem == (2, f"too large to read ({error.__name__})")
