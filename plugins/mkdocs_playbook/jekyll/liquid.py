"""The variables a Jekyll page's Liquid is rendered with (`site`, `page`), and `substitute`,
which renders one text with them alone (no includes, no links): the engine is
`jekyll.liquid_engine`, a page's side of the tags `jekyll.rewrite`.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..page.offsets import OffsetMap
from ..page.source import Source
from .liquid_scope import GROWTH_LIMIT, Scope
from .liquid_values import ruby_str
from .posts import POSTS
from .publishing import MARKDOWN_EXTENSIONS

if TYPE_CHECKING:
    # The engine (and python-liquid) is imported where a text is rendered, not with the
    # site's variables: a site without Liquid never loads it.
    from liquid.token import Token

    from .liquid_engine import JekyllEnvironment, LiquidProblem, PageState
    from .page_content import SiteContents


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


def thawed(value: Any) -> Any:
    """Read-only mappings and tuples (as `_config.yml` and front matter are kept) as the dicts
    and lists Liquid reads."""
    if isinstance(value, Mapping):
        return {str(key): thawed(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [thawed(item) for item in value]
    return value


def site_namespace(
    config: Mapping[str, Any],
    variables: Mapping[str, str],
    pages: Sequence[Mapping[str, Any]],
    data: Mapping[str, Any],
    time: datetime.datetime,
    contents: SiteContents | None = None,
) -> dict[str, Any]:
    """`site`: `_config.yml`'s keys with their lists and mappings, the dotted `variables`
    (mkdocs.yml's settings, which win) where they differ, `site.pages`, `site.html_pages`,
    `site.posts`, `site.data`, `site.time`; each page's `content` read by `contents`."""
    site: dict[str, Any] = thawed(config)
    for name, value in variables.items():
        keys = name.split(".")[1:]
        if not keys:
            continue
        target = site
        for key in keys[:-1]:
            inner = target.get(key)
            if not isinstance(inner, dict):
                inner = target[key] = {}
            target = inner
        current = target.get(keys[-1])
        if isinstance(current, (dict, list)) or (keys[-1] in target and ruby_str(current) == value):
            continue  # the value itself, not its printed form
        target[keys[-1]] = value
    # A collection's documents are not among Jekyll's `site.pages`: `site.LABEL` lists them
    # (`SiteDrop#[]`), in the order they come in; `site.posts` newest first (`Document#<=>`).
    drop = contents.drop if contents is not None else _plain
    posts = [page for page in pages if page.get("collection") == POSTS]
    site["pages"] = [drop(thawed(page)) for page in pages if page.get("collection") is None]
    documents: dict[str, list[Any]] = {}
    for page in pages:
        label = page.get("collection")
        if isinstance(label, str) and label != POSTS:
            documents.setdefault(label, []).append(drop(thawed(page)))
    site.update(documents)
    site["html_pages"] = [page for page in site["pages"] if _is_html(page)]
    ordered = sorted(posts, key=_post_order, reverse=True)
    site["posts"] = [drop(thawed(post)) for post in ordered]
    site["data"] = thawed(data)
    site["time"] = time
    return site


def _plain(page: dict[str, Any]) -> dict[str, Any]:
    return page


def _is_html(page: Mapping[str, Any]) -> bool:
    """Jekyll's `site.html_pages` rule: the page is written as HTML, or its URL is a folder."""
    path, url = str(page.get("path", "")), str(page.get("url", ""))
    return url.endswith("/") or path.lower().endswith((*MARKDOWN_EXTENSIONS, *_HTML_EXTENSIONS))


_HTML_EXTENSIONS = (".html", ".xhtml", ".htm")
"""Jekyll's `Page::HTML_EXTENSIONS`: pages written as HTML as they are."""


def _post_order(post: Mapping[str, Any]) -> tuple[float, str]:
    moment = post.get("date")
    stamp = moment.timestamp() if isinstance(moment, datetime.datetime) else 0.0
    return stamp, str(post.get("path", ""))


@functools.cache
def _environment() -> JekyllEnvironment:
    """One for every text rendered alone: it holds tags and filters, no state."""
    from .liquid_engine import JekyllEnvironment

    return JekyllEnvironment()


class _NoSite:
    """The site side of a text rendered alone: no includes, no links."""

    def __init__(self, source: Source) -> None:
        self.source = source

    def in_code(self, token: Token) -> bool:
        return token.source is self.source.text and self.source.in_code(token.start_index)

    def url(self, path: str, *, absolute: bool, in_link: bool) -> str:
        return path

    def link(self, markup: str, state: PageState) -> str:
        from .liquid_engine import LiquidFailure

        raise LiquidFailure(f"`{{% link {markup} %}}`: the site's pages are not known", token=None)

    def include(self, name: str, markup: str, *_: Any) -> int:
        from .liquid_engine import LiquidFailure

        raise LiquidFailure(
            f"`{{% {name} {markup} %}}`: the site's folder is not known", token=None
        )


def substitute(
    source: Source,
    variables: Mapping[str, str] | Scope,
    *,
    line_numbers: bool = False,
) -> tuple[str, list[LiquidProblem], OffsetMap]:
    """`source` rendered with dotted `variables` (`site.title`) and nothing else: the text,
    what could not be rendered (left as written) with its offset, and where each
    replacement was made."""
    from .liquid_engine import PageState, page_context, render_text

    scope = variables if isinstance(variables, Scope) else Scope.of(variables)
    site = _NoSite(source)
    state = PageState(site, site.in_code, scope.suggestions.closest, line_numbers)
    namespace = {"site": site_namespace({}, scope.variables, (), {}, datetime.datetime.now())}
    for name, value in scope.variables.items():
        root, _, rest = name.partition(".")
        if root != "site" and rest:
            target = namespace.setdefault(root, {})
            for key in rest.split(".")[:-1]:
                target = target.setdefault(key, {})
            target[rest.split(".")[-1]] = value
    context = page_context(_environment(), namespace, state)
    limit = len(source.text.encode("utf-8")) + GROWTH_LIMIT
    rendered = render_text(context, source.text, source.in_code, limit, GROWTH_LIMIT)
    return rendered.text, rendered.problems, rendered.offsets
