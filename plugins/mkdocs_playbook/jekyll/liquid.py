"""Safe substitution of the Liquid a Jekyll page uses: known values only, never a template.

Jekyll runs Liquid before Markdown, so a known variable is substituted in code as well (Jekyll
authors wrap what must stay literal in `{% raw %}`). Besides `{{ site.* }}` and `{{ page.* }}`
variables, the tags content uses are rendered: `{% highlight lang [linenos] %}` becomes a
fenced code block, and `{% link %}`, `{% include %}`, `{% include_relative %}` and the
`relative_url` and `absolute_url` filters are asked of `Tags` (the site's side of them,
`jekyll.rewrite`). What is not known is left as written; outside code it is reported, inside
code it is assumed to belong to another template language (Helm, Jinja, GitHub Actions) and
left alone silently. Nothing a page holds can run code: there are no loops, no conditions, no
assignments. Nor can it grow without bound: what values and includes add to a page is capped,
and each unknown name's suggestion is worked out once (`jekyll.liquid_scope`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

from ..page.offsets import OffsetMap, Span
from ..page.source import Source
from .liquid_scope import Scope

# One literal-led alternation whose bodies are single character classes that stop at the next
# brace or `%`: each match attempt ends at the next candidate, so a scan is linear in the page
# (a `{{` followed by a long run of spaces and no `}}` no longer backtracks).
_LIQUID_RE = re.compile(r"\{\{(?P<expr>[^{}]*)\}\}|\{%(?P<tag>[^\n%]*)%\}")
_NAME_RE = re.compile(r"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*")
_STRING_RE = re.compile(r"""^(?:"([^"]*)"|'([^']*)')$""")
_BACKTICK_RUN_RE = re.compile(r"`{3,}")
_LINK_TAG_RE = re.compile(r"\{%-?\s*link\s")
URL_FILTERS = ("relative_url", "absolute_url")


@dataclass(frozen=True)
class LiquidProblem:
    offset: int
    message: str


@dataclass(frozen=True)
class Rendered:
    """What a tag becomes: its text, or why it stays as written (text None); a problem with
    a text is reported, and the text used."""

    text: str | None
    problem: str = ""


class Tags(Protocol):
    """The site's side of the tags and filters that need more than a value."""

    def tag(self, name: str, markup: str, scope: Scope) -> Rendered | None:
        """`{% name markup %}` rendered (`link`, `include`, `include_relative`) in `scope`;
        None for a tag it does not know."""

    def url(self, path: str, *, absolute: bool, in_link: bool) -> str:
        """What `path | relative_url` (or `absolute_url`) gives on this page; `in_link`: as a
        Markdown link's destination."""


def site_variables(
    *,
    site_name: str,
    site_url: str | None,
    site_description: str | None,
    site_author: str | None,
    repository_url: str | None,
    extra: Mapping[str, Any],
) -> dict[str, str]:
    """The `site.*` values a Just the Docs site uses, from mkdocs.yml, as dotted names."""
    parts = urlsplit(site_url or "")
    values: dict[str, Any] = {
        "site.title": site_name,
        "site.url": f"{parts.scheme}://{parts.netloc}" if parts.netloc else "",
        "site.baseurl": parts.path.rstrip("/"),
        "site.description": site_description,
        "site.author": site_author,
    }
    if repository_url:
        repository_url = repository_url.rstrip("/")
        path = urlsplit(repository_url).path.strip("/")
        owner, _, name = path.partition("/")
        values.update(
            {
                "site.github.repository_url": repository_url,
                "site.github.repository_nwo": path,
                "site.github.owner_name": owner,
                "site.github.repository_name": name,
                "site.github.project_title": name,
            }
        )
    values.update(_flatten("site", extra))
    return {name: str(value) for name, value in values.items() if value is not None}


def _flatten(prefix: str, value: Any) -> dict[str, Any]:
    if isinstance(value, Mapping):
        flat: dict[str, Any] = {}
        for key, item in value.items():
            flat.update(_flatten(f"{prefix}.{key}", item))
        return flat
    return {prefix: value}


def page_variables(front_matter: Mapping[str, Any]) -> dict[str, str]:
    """`page.*` values: the page's scalar front matter keys."""
    return {
        f"page.{key}": str(value)
        for key, value in front_matter.items()
        if isinstance(value, (str, int, float)) and not isinstance(value, bool)
    }


def substitute(
    source: Source,
    variables: Mapping[str, str] | Scope,
    tags: Tags | None = None,
    *,
    line_numbers: bool = False,
) -> tuple[str, list[LiquidProblem], OffsetMap]:
    """Replace known variables, `{% raw %}` blocks and known tags; report the rest with their
    offsets. Also returns where each replacement was made, for positions in the result.

    `variables`: by dotted name, or a scope (a page's, or an include's within its page).
    `line_numbers`: the site's code blocks can show them (superfences, codehilite), so a
    `{% highlight lang linenos %}` asks for them.
    """
    scope = variables if isinstance(variables, Scope) else Scope.of(variables)
    problems: list[LiquidProblem] = []
    spans = OffsetMap()
    matches = list(_LIQUID_RE.finditer(source.text))
    names = [_tag_name(match) for match in matches]
    pairs = _pairs(names)
    parts: list[str] = []
    length = 0  # of the result so far

    def keep(text: str) -> None:
        nonlocal length
        parts.append(text)
        length += len(text)

    def replace(start: int, end: int, text: str) -> None:
        spans.spans.append(Span(start, end, length, length + len(text)))
        keep(text)

    closing_fences: dict[int, str] = {}
    """Where an open highlight block ends, and the fence that ends it."""
    unsupported: list[str] = []
    """The unsupported blocks (`for`, `if`, ...) the text is in: kept as written, reported once."""
    position = 0
    index = 0
    while index < len(matches):
        match, tag = matches[index], names[index]
        keep(source.text[position : match.start()])
        position = match.end()
        closer = pairs.get(index)
        index += 1
        if tag in ("raw", "comment") and closer is not None:
            # A comment shows nothing; raw shows its text as it is.
            body = "" if tag == "comment" else source.text[match.end() : matches[closer].start()]
            if tag == "raw":
                replace(match.start(), match.end(), "")
                keep(body)
                replace(matches[closer].start(), matches[closer].end(), "")
            else:
                replace(match.start(), matches[closer].end(), "")
            position = matches[closer].end()
            index = closer + 1
            continue
        if index - 1 in closing_fences:
            replace(match.start(), match.end(), closing_fences.pop(index - 1))
            continue
        if unsupported or tag in _BLOCKS:
            if tag in _BLOCKS:
                if not unsupported and not source.in_code(match.start()):
                    shown = f"Liquid tag `{match.group(0)}` is not supported"
                    problems.append(LiquidProblem(match.start(), f"{shown}; left as written"))
                unsupported.append(tag or "")
            elif unsupported and tag == f"end{unsupported[-1]}":
                unsupported.pop()
            keep(match.group(0))
            continue
        if tag == "highlight" and closer is not None:
            body = source.text[match.end() : matches[closer].start()]
            opening, closing_fence = _fences(
                source.text, match, matches[closer], body, line_numbers
            )
            replace(match.start(), match.end(), opening)
            # The body is code; Liquid in it is rendered, as Jekyll renders it.
            closing_fences[closer] = closing_fence
            continue
        value = _replacement(source, match, tag, scope, problems, tags)
        if value is None:
            keep(match.group(0))
        else:
            replace(match.start(), match.end(), value)
    keep(source.text[position:])
    return "".join(parts), problems, spans


_BLOCKS = frozenset({"for", "if", "unless", "case", "capture", "tablerow"})
"""Liquid's blocks that compute: never run, kept as written, their contents too."""


def _pairs(names: list[str | None]) -> dict[int, int]:
    """Where each `raw`, `comment` and `highlight` block ends, by the index of its tags.

    One forward pass: nothing pairs inside `raw` or `comment`, whose contents are not Liquid;
    a block whose closing tag never comes is not a block (its tag is reported).
    """
    later: dict[str, list[bool]] = {}
    for closer in ("endraw", "endcomment", "endhighlight"):
        found = [False] * (len(names) + 1)
        for index in range(len(names) - 1, -1, -1):
            found[index] = names[index] == closer or found[index + 1]
        later[closer] = found
    pairs: dict[int, int] = {}
    opaque: tuple[str, int] | None = None
    highlight: int | None = None
    for index, name in enumerate(names):
        if opaque is not None:
            if name == f"end{opaque[0]}":
                pairs[opaque[1]] = index
                opaque = None
            continue
        if name in ("raw", "comment") and later[f"end{name}"][index + 1]:
            opaque = (name, index)
        elif name == "highlight" and highlight is None and later["endhighlight"][index + 1]:
            highlight = index
        elif name == "endhighlight" and highlight is not None:
            pairs[highlight] = index
            highlight = None
    return pairs


def _fences(
    text: str, opening: re.Match[str], closing: re.Match[str], body: str, line_numbers: bool
) -> tuple[str, str]:
    """The fence lines a highlight block becomes: on lines of their own, longer than any run
    of backticks in the code, with the language and line numbers Jekyll's tag takes."""
    words = opening.group("tag").strip("-").split()[1:]
    language = words[0] if words else ""
    # Line numbers need the attribute form, which superfences and codehilite read (plain
    # fenced_code fails on it).
    if line_numbers and any(word.startswith("linenos") for word in words[1:]):
        language = f'{{.{language or "text"} linenums="1"}}'
    runs = [len(run) for run in _BACKTICK_RUN_RE.findall(body)]
    fence = "`" * max(3, *(run + 1 for run in runs)) if runs else "```"
    before = "" if opening.start() == 0 or text[opening.start() - 1] == "\n" else "\n"
    after = "" if text[opening.end() : opening.end() + 1] == "\n" else "\n"
    closing_before = "" if text[closing.start() - 1 : closing.start()] == "\n" else "\n"
    return (
        f"{before}{fence}{language}{after}",
        f"{closing_before}{fence}",
    )


def _tag_name(match: re.Match[str]) -> str | None:
    """`raw` for `{%- raw -%}`; None for an expression `{{ ... }}`."""
    body = match.group("tag")
    if body is None:
        return None
    words = body.strip("-").split(None, 1)
    return words[0] if words else ""


def _replacement(
    source: Source,
    match: re.Match[str],
    tag: str | None,
    scope: Scope,
    problems: list[LiquidProblem],
    tags: Tags | None,
) -> str | None:
    """What a variable or tag outside `{% raw %}` becomes; None for what stays as written,
    which is reported outside code (asked only then: it needs the page's block parse)."""
    if tag is None:
        expression = _expression(match.group("expr"))
        if expression is None:
            return None
        value = _value(source, match, expression, scope, tags)
        if value is None:
            if not source.in_code(match.start()):
                problems.append(LiquidProblem(match.start(), _explain(expression, scope)))
            return None
        if scope.growth.take(len(value)):
            return value
        if not scope.growth.reported:
            # Once a page: what follows is as long, and as left out.
            scope.growth.reported = True
            message = f"`{{{{ {expression} }}}}`: {scope.growth.refusal}; this and later values"
            problems.append(LiquidProblem(match.start(), f"{message} are left as written"))
        return None
    if tags is not None and tag not in ("raw", "highlight"):
        markup = match.group("tag").strip("-").strip()[len(tag) :].strip()
        rendered = tags.tag(tag, markup, scope)
        if rendered is not None:
            if rendered.problem:
                problems.append(LiquidProblem(match.start(), rendered.problem))
            return rendered.text
    # An end tag is not reported: its opening tag is.
    if not tag.startswith("end") and not source.in_code(match.start()):
        if tag == "raw":
            message = "`{% raw %}` has no matching `{% endraw %}`"
        elif tag == "highlight":
            message = "`{% highlight %}` has no matching `{% endhighlight %}`"
        else:
            message = f"Liquid tag `{match.group(0)}` is not supported; left as written"
        problems.append(LiquidProblem(match.start(), message))
    return None


def _value(
    source: Source, match: re.Match[str], expression: str, scope: Scope, tags: Tags | None
) -> str | None:
    """The value of a known variable, or of a URL filter on one; None for anything else."""
    if expression == "site.baseurl" and _LINK_TAG_RE.match(source.text, match.end()):
        # Jekyll's `{% link %}` gives a path from the site's root, which the base URL leads;
        # ours gives the page's file from this page, which the base URL would only break.
        return ""
    if expression in scope.variables:
        return scope.variables[expression]
    in_link = source.text[max(0, match.start() - 3) : match.start()].endswith(("](", "](<", "]: "))
    return _filtered(expression, scope.variables, tags, in_link)


def _filtered(
    expression: str, variables: Mapping[str, str], tags: Tags | None, in_link: bool
) -> str | None:
    """`"/path" | relative_url` (or a variable, or `absolute_url`): the one filter chain
    content uses for links; None for any other expression with a filter. `in_link`: it is
    a Markdown link's destination."""
    if tags is None or "|" not in expression:
        return None
    operand, _, name = (part.strip() for part in expression.partition("|"))
    if name not in URL_FILTERS:
        return None
    literal = _STRING_RE.match(operand)
    if literal:
        value = next(group for group in literal.groups() if group is not None)
    elif operand in variables:
        value = variables[operand]
    else:
        return None
    return tags.url(value, absolute=name == "absolute_url", in_link=in_link)


def _expression(body: str) -> str | None:
    """The expression of `{{- body -}}`, trimmed; None when it spans lines (not Liquid)."""
    if body.startswith("-"):
        body = body[1:]
    if body.endswith("-"):
        body = body[:-1]
    expression = body.strip()
    return None if "\n" in expression else expression


def _explain(expression: str, scope: Scope) -> str:
    shown = f"`{{{{ {expression} }}}}`"
    if "|" in expression:
        return (
            f"{shown}: Liquid filters are not supported (but for a string or variable piped to "
            "relative_url or absolute_url); left as written"
        )
    if not _NAME_RE.fullmatch(expression):
        return f"{shown} is not a site variable; left as written"
    close = scope.suggestions.closest(expression)
    hint = f"; did you mean `{close}`?" if close else ""
    return f"unknown variable {shown}; left as written{hint}"
