"""Attribute lists give no script unless `unsafe_attributes`: the rule, attribute by
attribute, and both kinds of attribute list (kramdown's, Python-Markdown's) applying it."""

from __future__ import annotations

import markdown
import pytest

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.jekyll.rewrite import PageInput, Rewrites
from mkdocs_playbook.page.unsafe_attributes import unsafe_attribute, unsafe_scheme

DROPPED = [
    ("onclick", "alert(1)", "`onclick` is an event handler"),
    ("ONCLICK", "alert(1)", "`ONCLICK` is an event handler"),
    ("onmouseover", "alert(1)", "`onmouseover` is an event handler"),
    ("onload", None, "`onload` is an event handler"),
    ("srcdoc", "<script>alert(1)</script>", "`srcdoc` is a document of its own"),
    ("href", "javascript:alert(1)", "`href` is a `javascript:` URL"),
    ("href", "JaVaScRiPt:alert(1)", "`href` is a `javascript:` URL"),
    ("href", " javascript:alert(1)", "`href` is a `javascript:` URL"),
    ("href", "\x01\n javascript:alert(1)", "`href` is a `javascript:` URL"),
    ("href", "java&#x09;script:alert(1)", "`href` is a `javascript:` URL"),
    ("href", "java\tscr\nipt:alert(1)", "`href` is a `javascript:` URL"),
    ("href", "&#106;avascript:alert(1)", "`href` is a `javascript:` URL"),
    ("href", "javascript&colon;alert(1)", "`href` is a `javascript:` URL"),
    ("HREF", "vbscript:msgbox(1)", "`HREF` is a `vbscript:` URL"),
    ("src", "javascript:alert(1)", "`src` is a `javascript:` URL"),
    ("formaction", "javascript:alert(1)", "`formaction` is a `javascript:` URL"),
    ("href", "data:text/html,<script>alert(1)</script>", "`href` is a `data:` URL"),
    ("data", "DATA:text/html;base64,PHNjcmlwdD4=", "`data` is a `data:` URL"),
]

KEPT = [
    ("href", "page.md#section"),
    ("href", "https://example.com/javascript:x"),
    ("href", "./javascript:alert(1)"),
    ("href", "mailto:ops@example.com"),
    ("src", "data:image/png;base64,iVBORw0KGgo="),
    ("title", "javascript: the language"),
    ("style", "color: red; background: url(x.png)"),
    ("data-step", "on"),
    ("class", "onboarding"),
]


@pytest.mark.parametrize(("name", "value", "why"), DROPPED)
def test_script_is_dropped(name: str, value: str | None, why: str) -> None:
    found = unsafe_attribute(name, value)
    assert found is not None and found.startswith(why)


@pytest.mark.parametrize(("name", "value"), KEPT)
def test_what_runs_no_script_is_kept(name: str, value: str) -> None:
    assert unsafe_attribute(name, value) is None


@pytest.mark.parametrize(
    ("url", "scheme"),
    [("javascript:x", "javascript"), ("data:,x", "data"), ("data: image/gif,x", None)],
)
def test_the_scheme_as_a_browser_reads_it(url: str, scheme: str | None) -> None:
    assert unsafe_scheme(url) == scheme


PAGE = """\
# Title {: onclick="alert(1)" }

[kramdown](a.md){: href="JaVaScRiPt:alert(2)" .kept }

[attr_list](b.md){ onmouseover="alert(3)" title="kept" }

[entity](c.md){ href="java&#x09;script:alert(4)" }

A paragraph
{ style="color: red" ONCLICK="alert(5)" }

<a href="javascript:alert(6)" onclick="alert(7)">raw HTML is the author's</a>
"""


def _convert(text: str, **options: object) -> tuple[str, list[str]]:
    problems: list[str] = []
    extension = PlaybookExtension(
        on_page_model=lambda model: problems.extend(
            f"{problem.line}:{problem.column}: {problem.message}" for problem in model.problems
        ),
        **options,
    )
    return markdown.markdown(text, extensions=[extension]), problems


def test_attribute_lists_of_both_kinds_give_no_script() -> None:
    html, problems = _convert(PAGE)
    assert '<h1 id="title">Title</h1>' in html
    assert '<a class="kept" href="a.md">kramdown</a>' in html
    assert '<a href="b.md" title="kept">attr_list</a>' in html
    assert '<a href="c.md">entity</a>' in html
    assert '<p style="color: red">A paragraph</p>' in html
    assert '<a href="javascript:alert(6)" onclick="alert(7)">' in html
    assert [problem.split("; dropped")[0] for problem in problems] == [
        '1:9: `{: onclick="alert(1)" }`: `onclick` is an event handler: it runs script',
        '3:17: `{: href="JaVaScRiPt:alert(2)" .kept }`: `href` is a `javascript:` URL: it '
        "runs script",
        '5:18: `{ onmouseover="alert(3)" title="kept" }`: `onmouseover` is an event handler: '
        "it runs script",
        '7:15: `{ href="java&#x09;script:alert(4)" }`: `href` is a `javascript:` URL: it runs '
        "script",
        '10:1: `{ style="color: red" ONCLICK="alert(5)" }`: `ONCLICK` is an event handler: it '
        "runs script",
    ]
    assert all("`unsafe_attributes: true`" in problem for problem in problems)


def test_unsafe_attributes_true_keeps_them() -> None:
    html, problems = _convert(PAGE, unsafe_attributes=True)
    assert '<h1 id="title" onclick="alert(1)">' in html
    assert 'href="JaVaScRiPt:alert(2)"' in html
    assert 'onmouseover="alert(3)"' in html
    assert 'href="java&#x09;script:alert(4)"' in html
    assert 'ONCLICK="alert(5)"' in html
    assert problems == []


def test_an_attr_list_registered_after_ours_is_covered_too() -> None:
    html = markdown.markdown(
        'A [link](a.md){ onclick="alert(1)" }\n', extensions=[PlaybookExtension(), "attr_list"]
    )
    assert html == '<p>A <a href="a.md">link</a></p>'


@pytest.mark.parametrize(
    ("tag", "scheme"),
    [
        ("{% link javascript:alert(1) %}", "javascript"),
        ("{% link JaVaScRiPt:alert(1) %}", "javascript"),
        ("{% link vbscript:msgbox(1) %}", "vbscript"),
        ("{% link data:text/html,x %}", "data"),
    ],
)
def test_a_link_tag_gives_no_script_url(tag: str, scheme: str) -> None:
    page = PageInput("guides/setup.md", {}, 0, "guides/setup/")
    safe = Rewrites({}).apply(f"first line\n[Runbook]({tag})", page)
    assert safe.text == "first line\n[Runbook]()"
    (problem,) = safe.problems
    assert (problem.line, problem.column) == (2, 11)
    assert problem.message.startswith(f"`{tag}`: a `{scheme}:` URL; dropped")
    kept = Rewrites({}, unsafe_urls=True).apply(f"[Runbook]({tag})", page)
    assert kept.problems == [] and tag.split()[2] in kept.text


def test_a_dropped_attribute_is_found_at_its_line_past_backslash_escapes() -> None:
    text = 'One\n\nA [link](a.md){ title="a\\*b" onclick="go()" }\n\n[b](b.md){ onclick="x" }\n'
    html, problems = _convert(text)
    assert html.count("onclick") == 0
    assert [problem.split("`: ")[0] for problem in problems] == [
        '3:15: `{ title="a\\*b" onclick="go()" }',
        '5:10: `{ onclick="x" }',
    ]
