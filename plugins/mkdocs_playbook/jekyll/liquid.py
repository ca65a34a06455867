"""Safe substitution of Jekyll's `{{ site.* }}` variables: known values only, never a template.

Jekyll runs Liquid before Markdown, so a known variable is substituted in code as well (Jekyll
authors wrap what must stay literal in `{% raw %}`). What is not a known variable is left as
written; outside code it is reported, inside code it is assumed to belong to another template
language (Helm, Jinja, GitHub Actions) and left alone silently.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..page.offsets import OffsetMap, Span
from ..page.source import Source

# One literal-led alternation whose bodies are single character classes that stop at the next
# brace or `%`: each match attempt ends at the next candidate, so a scan is linear in the page
# (a `{{` followed by a long run of spaces and no `}}` no longer backtracks).
_LIQUID_RE = re.compile(r"\{\{(?P<expr>[^{}]*)\}\}|\{%(?P<tag>[^\n%]*)%\}")
_NAME_RE = re.compile(r"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*")


@dataclass(frozen=True)
class LiquidProblem:
    offset: int
    message: str


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
    source: Source, variables: Mapping[str, str]
) -> tuple[str, list[LiquidProblem], OffsetMap]:
    """Replace known variables and `{% raw %}` blocks; report the rest with their offsets.

    Also returns where each replacement was made, for positions in the result.
    """
    problems: list[LiquidProblem] = []
    spans = OffsetMap()
    matches = list(_LIQUID_RE.finditer(source.text))
    # Where each match's next `{% endraw %}` is, found in one backward pass: a page of unclosed
    # `{% raw %}` tags must not rescan the rest of the page for each of them.
    next_endraw: list[int | None] = [None] * (len(matches) + 1)
    for index in range(len(matches) - 1, -1, -1):
        is_endraw = _tag_name(matches[index]) == "endraw"
        next_endraw[index] = index if is_endraw else next_endraw[index + 1]
    parts: list[str] = []
    length = 0  # of the result so far

    def keep(text: str) -> None:
        nonlocal length
        parts.append(text)
        length += len(text)

    def replace(start: int, end: int, text: str) -> None:
        spans.spans.append(Span(start, end, length, length + len(text)))
        keep(text)

    position = 0
    index = 0
    while index < len(matches):
        match = matches[index]
        index += 1
        keep(source.text[position : match.start()])
        position = match.end()
        tag = _tag_name(match)
        if tag == "raw":
            end = next_endraw[index]
            if end is not None:
                replace(match.start(), match.end(), "")
                keep(source.text[match.end() : matches[end].start()])
                replace(matches[end].start(), matches[end].end(), "")
                position = matches[end].end()
                index = end + 1
                continue
        value = _replacement(source, match, tag, variables, problems)
        if value is None:
            keep(match.group(0))
        else:
            replace(match.start(), match.end(), value)
    keep(source.text[position:])
    return "".join(parts), problems, spans


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
    variables: Mapping[str, str],
    problems: list[LiquidProblem],
) -> str | None:
    """What a variable outside `{% raw %}` becomes; None for what stays as written, which is
    reported outside code."""
    in_code = source.in_code(match.start())
    if tag is None:
        expression = _expression(match.group("expr"))
        if expression is not None and expression in variables:
            return variables[expression]
        if expression is not None and not in_code:
            problems.append(LiquidProblem(match.start(), _explain(expression, variables)))
        return None
    if not in_code:
        message = (
            "`{% raw %}` has no matching `{% endraw %}`"
            if tag == "raw"
            else f"Liquid tag `{match.group(0)}` is not supported; left as written"
        )
        problems.append(LiquidProblem(match.start(), message))
    return None


def _expression(body: str) -> str | None:
    """The expression of `{{- body -}}`, trimmed; None when it spans lines (not Liquid)."""
    if body.startswith("-"):
        body = body[1:]
    if body.endswith("-"):
        body = body[:-1]
    expression = body.strip()
    return None if "\n" in expression else expression


def _explain(expression: str, variables: Mapping[str, str]) -> str:
    shown = f"`{{{{ {expression} }}}}`"
    if "|" in expression:
        return f"{shown}: Liquid filters are not supported; left as written"
    if not _NAME_RE.fullmatch(expression):
        return f"{shown} is not a site variable; left as written"
    close = difflib.get_close_matches(expression, list(variables), n=1)
    hint = f"; did you mean `{close[0]}`?" if close else ""
    return f"unknown variable {shown}; left as written{hint}"
