"""Jekyll's `_config.yml` read into the site model (`jekyll/site_config.py`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_playbook.jekyll.navigation import ExternalLink
from mkdocs_playbook.jekyll.site_config import (
    CALLOUT_COLORS,
    AuxLink,
    Callout,
    load_site_config,
    parse_site_config,
)

JUST_THE_DOCS_LIKE = """\
title: Just the Docs Template
description: A starter template
url: https://example.github.io
baseurl: /docs-site
nav_sort: case_insensitive
aux_links:
  "Template Repository":
    - "https://github.com/example/template"
  Plain: https://example.com/plain
nav_external_links:
  - title: Example on GitHub
    url: https://github.com/example/example
    hide_icon: true
callouts_level: loud
callouts:
  highlight:
    color: yellow
  important:
    title: Important
    color: blue
  note:
    title: Note
    color: purple
    opacity: 0.4
gh_edit_link: true
gh_edit_link_text: "Edit this page on GitHub"
gh_edit_repository: "https://github.com/example/example"
gh_edit_branch: "main"
gh_edit_source: docs
gh_edit_view_mode: "tree"
exclude:
  - notes/
mermaid:
  version: "9.1.3"
"""


def test_reads_the_keys_just_the_docs_gives_a_meaning() -> None:
    config = parse_site_config(JUST_THE_DOCS_LIKE)
    assert config.problem is None
    assert config.warnings == ()
    assert (config.title, config.description) == ("Just the Docs Template", "A starter template")
    assert (config.url, config.baseurl) == ("https://example.github.io", "/docs-site")
    assert config.nav_sort == "case_insensitive"
    assert config.aux_links == (
        AuxLink("Template Repository", "https://github.com/example/template"),
        AuxLink("Plain", "https://example.com/plain"),
    )
    assert config.nav_external_links == (
        ExternalLink("Example on GitHub", "https://github.com/example/example"),
    )
    assert config.callouts_level == "loud"
    assert dict(config.callouts) == {
        "highlight": Callout("highlight", "yellow"),
        "important": Callout("important", "blue", "Important"),
        "note": Callout("note", "purple", "Note"),
    }


def test_every_key_is_a_site_variable_nested_keys_dotted() -> None:
    variables = parse_site_config(JUST_THE_DOCS_LIKE).variables()
    assert variables["site.title"] == "Just the Docs Template"
    assert variables["site.mermaid.version"] == "9.1.3"
    assert variables["site.callouts.note.opacity"] == "0.4"
    assert variables["site.gh_edit_link"] == "true"
    # A list prints its items joined, as Liquid prints an array.
    assert variables["site.exclude"] == "notes/"
    assert variables["site.mermaid"] == '{"version"=>"9.1.3"}'


def test_the_model_is_read_only() -> None:
    config = parse_site_config("exclude: [a]\nnested:\n  list: [1, 2]\n")
    with pytest.raises(TypeError):
        config.data["title"] = "x"  # type: ignore[index]
    assert config.data["nested"]["list"] == (1, 2)


@pytest.mark.parametrize(
    ("settings", "path", "url"),
    [
        (
            "gh_edit_source: docs\n",
            "ops/runbook.md",
            "https://github.com/o/r/tree/main/docs/ops/runbook.md",
        ),
        ("", "index.md", "https://github.com/o/r/tree/main/index.md"),
        ("gh_edit_view_mode: edit\n", "a.md", "https://github.com/o/r/edit/main/a.md"),
        ("gh_edit_link: false\n", "a.md", None),
        ("gh_edit_link_text: null\n", "a.md", None),
        ("gh_edit_view_mode: null\n", "a.md", None),
    ],
)
def test_edit_url_as_just_the_docs_builds_it(settings: str, path: str, url: str | None) -> None:
    base = {
        "gh_edit_link": "true",
        "gh_edit_link_text": "Edit",
        "gh_edit_repository": "https://github.com/o/r",
        "gh_edit_branch": "main",
        "gh_edit_view_mode": "tree",
    }
    overridden = {line.split(":")[0] for line in settings.splitlines()}
    text = "".join(f"{k}: {v}\n" for k, v in base.items() if k not in overridden) + settings
    config = parse_site_config(text)
    assert config.edit_url(path) == url
    if url is not None:
        assert config.edit_link is not None
        assert "https://github.com/o/r/" + config.edit_link.edit_uri + path == url


# Checked with Jekyll 4.3.1 (Debian 12): these files, no front matter, this _config.yml,
# `jekyll build`, and the list of what reached `_site`.
PUBLISHED_CONFIG = """\
exclude:
  - docs/*.txt
  - vendors
  - drafts/one.md
  - notes/
  - deep/a/*.md
  - /star/y
  - "q?.md"
  - lit
include:
  - _partial.md
  - lit
"""


@pytest.mark.parametrize(
    ("path", "published"),
    [
        ("index.md", True),
        ("_hidden.md", False),
        (".dot.md", False),
        ("#hash.md", False),
        ("~tilde.md", False),
        ("backup.md~", False),
        ("ends.", False),
        ("_dir/a.md", False),
        (".dotdir/a.md", False),
        ("sub/_x.md", False),
        ("sub/.y.md", False),
        ("sub/ok.md", True),
        # Jekyll's own excludes, added to the site's.
        ("vendor/bundle/x.md", False),
        ("vendor/other.md", True),
        ("node_modules/x.md", False),
        ("Gemfile", False),
        # `*` crosses folders; a pattern is also a plain prefix: `vendors` hides vendors.md.
        ("docs/a.md", True),
        ("docs/b.txt", False),
        ("vendors.md", False),
        ("docsfoo.md", True),
        ("drafts/one.md", False),
        ("drafts/keep.md", True),
        ("notes/secret.md", False),
        ("notes/public.md", False),
        ("deep/a/b/c.md", False),
        ("deep/a/skip.md", False),
        ("star/x.md", True),
        ("star/y/z.md", False),
        ("q1.md", False),
        ("q22.md", True),
        # The site's `include` replaces the default one (.htaccess) and wins over `exclude`;
        # it is matched against the bare name, at any depth.
        (".htaccess", False),
        ("sub/.htaccess", False),
        ("keep/_partial.md", True),
        ("lit/a.md", True),
        ("_includes/inc.html", False),
        ("_config.yml", False),
        ("ext.MD", True),
    ],
)
def test_published_follows_jekylls_entry_filter(path: str, published: bool) -> None:
    assert parse_site_config(PUBLISHED_CONFIG).published(path) is published


@pytest.mark.parametrize(
    ("path", "published"),
    [(".htaccess", True), ("deep/.htaccess", True), ("_includes/x.html", False), ("a.md", True)],
)
def test_published_with_jekylls_default_include(path: str, published: bool) -> None:
    assert parse_site_config("").published(path) is published


@pytest.mark.parametrize(
    ("pattern", "path", "published"),
    [
        ("[!a]*.md", "b.md", False),
        ("[^a]*.md", "a.md", True),
        ("[a-c].md", "b.md", False),
        ("[z-a].md", "z.md", False),
        ("[z-a].md", "m.md", True),
        ("[]a].md", "a.md", True),
        ("[!]a].md", "b.md", True),
        ("[a*", "[ab.md", True),
        ("\\*.md", "*.md", False),
        ("\\*.md", "x.md", True),
        ("{a,b}.md", "a.md", True),
        ("**/x.md", "x.md", True),
        ("**/x.md", "d/x.md", False),
        ("A.md", "a.md", True),
    ],
)
def test_exclude_patterns_match_as_rubys_fnmatch(pattern: str, path: str, published: bool) -> None:
    config = parse_site_config(f"exclude:\n  - '{pattern}'\n")
    assert config.published(path) is published


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("title: A\ncallouts:\n  note: [unclosed\n", 4, "malformed _config.yml: expected ','"),
        ("title: A\n\tnav_sort: x\n", 2, "malformed _config.yml: found character"),
        ("- a\n- b\n", 1, "malformed _config.yml: expected a mapping of keys, got list"),
        ("title: 'open\n", 2, "malformed _config.yml"),
    ],
)
def test_malformed_config_is_a_problem_naming_file_and_line(
    text: str, line: int, reason: str
) -> None:
    config = parse_site_config(text, "docs/_config.yml")
    assert config.problem is not None
    assert (config.problem.path, config.problem.line) == ("docs/_config.yml", line)
    assert config.problem.message.startswith(reason)
    assert str(config.problem).startswith(f"docs/_config.yml:{line}: malformed _config.yml")
    assert config.data == {} and config.callouts == {}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("exclude: docs\n", 1, "`exclude` should be a list"),
        ("title: x\ncallouts:\n  note:\n    title: Note\n", 3, "callout `note` has no `color`"),
        ("callouts:\n  tip: red\n", 2, "callout `tip` should have a `color`"),
        ("callouts:\n  pink:\n    color: pink\n", 3, "colour `pink` is not one"),
        ("callouts_level: shouting\n", 1, "`callouts_level` is `quiet` or `loud`"),
        ("nav_external_links:\n  - title: x\n", 2, "needs a `title` and a `url`"),
        ("aux_links:\n  x:\n", 2, "aux link `x` has no URL"),
        ("title:\n  a: b\n", 1, "`title` should be a single value"),
    ],
)
def test_keys_of_the_wrong_shape_are_warnings_at_their_line(
    text: str, line: int, words: str
) -> None:
    config = parse_site_config(text, "_config.yml")
    assert config.problem is None
    assert [w.line for w in config.warnings] == [line]
    assert words in config.warnings[0].message


def test_wrong_shapes_read_as_unset() -> None:
    config = parse_site_config("exclude: docs\ncallouts:\n  tip: red\n  ok:\n    color: red\n")
    assert list(config.callouts) == ["ok"]
    assert config.published("docs/a.md") is True


def test_every_predefined_colour_is_read_without_warning() -> None:
    text = "callouts:\n" + "".join(
        f"  c{i}:\n    color: {c}\n" for i, c in enumerate(CALLOUT_COLORS)
    )
    config = parse_site_config(text)
    assert config.warnings == ()
    assert [c.color for c in config.callouts.values()] == list(CALLOUT_COLORS)


def test_an_empty_file_is_an_empty_config() -> None:
    config = parse_site_config("")
    assert (config.problem, config.warnings, config.title, dict(config.callouts)) == (
        None,
        (),
        None,
        {},
    )


def test_load_reads_a_file_and_reports_bad_encoding(tmp_path: Path) -> None:
    good = tmp_path / "_config.yml"
    good.write_text("title: Ops\n", encoding="utf-8")
    assert load_site_config(good).title == "Ops"
    bad = tmp_path / "bad.yml"
    bad.write_bytes(b"title: a\n\xff\n")
    problem = load_site_config(bad).problem
    assert problem is not None and (problem.line, problem.path) == (2, str(bad))
    with pytest.raises(OSError):
        load_site_config(tmp_path / "missing.yml")
