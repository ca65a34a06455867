"""The text-level rewrites a Jekyll page needs before Markdown sees it: Liquid, rendered by
python-liquid in Jekyll's dialect (`jekyll.liquid_engine`), then links into the site's own
repository.

Each replacement is recorded (`page.offsets`), so a position in the rewritten text maps back
to the text as written, even where an include brought in lines of its own. The code regions
come from `page.source`, parsed only when a page holds a candidate. `JekyllTags` is the
site's side of the tags: `{% link %}` resolves to the page's Markdown file (which MkDocs then
turns into a URL and the link check checks, at the tag's line and column), `{% include %}`
reads `_includes/` in the Jekyll source, never outside it, symlinks resolved
(`jekyll.includes`); how much a page's includes and values may add to it is capped
(`jekyll.liquid_scope`).
"""

from __future__ import annotations

import datetime
import os
import posixpath
import re
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from ..findings import Finding
from ..page.offsets import OffsetMap
from ..page.positions import Positions
from ..page.source import Source
from ..page.unsafe_attributes import unsafe_message, unsafe_scheme
from .includes import (
    INCLUDE_DEPTH,
    INCLUDES_PER_PAGE,
    PATH_MAX,
    IncludeError,
    PageIncludes,
    within,
)
from .kramdown_settings import KramdownSettings
from .liquid import site_namespace, thawed
from .liquid_data import load_data
from .liquid_scope import GROWTH_LIMIT, Growth, Suggestions
from .navigation import ChildLink
from .own_layouts import Layout
from .page_content import PageContent, SiteContents, rebased
from .repolinks import RepositoryLinks
from .theme_includes import THEME_INCLUDES
from .urls import PATH_SAFE, JekyllUrls

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.token import Token

    from .liquid_engine import JekyllEnvironment, PageState


@dataclass(frozen=True)
class PageInput:
    """What the rewrites know of the page being rendered."""

    src_uri: str
    """Its path in the docs folder: `operations/RUNBOOK.md`."""
    meta: Mapping[str, object]
    """Its front matter (`page.*` variables)."""
    first_line: int = 0
    """Lines of its file before the Markdown rendered (the front matter and what follows)."""
    url: str = ""
    """Its URL relative to the site's root, as MkDocs writes it (`operations/RUNBOOK.html`,
    `operations/RUNBOOK/`), for `relative_url`."""
    children: tuple[ChildLink, ...] = ()
    """Its children, for the table of contents Just the Docs prints after a parent page's
    content (`jekyll.children_toc`); none when it prints none."""
    layouts: tuple[Layout, ...] = ()
    """The site's own layouts its content is put in, innermost first, inside the theme's page
    (`jekyll.own_layouts.InTheme`)."""
    dead_jekyll_links: set[str] = field(default_factory=set, compare=False)
    """Filled by its conversion: each link (as written) to a Jekyll URL no page has. The
    link check reports it at its line, so MkDocs' own warning (no line) need not repeat it."""
    # Not in its repr either: the serve cache keys a page on it (`serve_cache`).
    positions: Positions | None = field(default=None, compare=False, repr=False)
    """Its texts and their parses, as the plugin found them: its conversion goes on with
    them when it is handed the same text (else it starts its own)."""


@dataclass(frozen=True)
class Rewrites:
    """The site's side of the rewrites."""

    variables: Mapping[str, str]
    """`site.*` values by dotted name."""
    repository: RepositoryLinks | None = None
    published: Container[str] = frozenset()
    """Docs paths of every file the site publishes, for repository links."""
    docs_dir: str = ""
    """Absolute path of the docs folder; empty: includes are not read."""
    jekyll_source: str = ""
    """Absolute path of the Jekyll source folder (where `_config.yml` is); empty: the docs
    folder."""
    unsafe_urls: bool = False
    """`{% link %}` may give a `javascript:` (or `vbscript:`, `data:`) URL; False: it is
    dropped and reported."""
    jekyll_urls: JekyllUrls | None = None
    """Each page's Jekyll URL, for `relative_url` in a link; None: not a Jekyll site."""
    site_data: Mapping[str, Any] = field(default_factory=dict)
    """The Jekyll `_config.yml`'s keys (`site.*`, with their lists and mappings)."""
    pages: Sequence[Mapping[str, Any]] = ()
    """`site.pages`: each page's title, url, path and front matter."""
    environment_name: str = "production"
    """`jekyll.environment`."""

    def apply(
        self,
        text: str,
        page: PageInput | None,
        *,
        line_numbers: bool = False,
        positions: Positions | None = None,
    ) -> Rewritten:
        """`text` rewritten, with what could not be rendered and where each replacement was
        made; `line_numbers`: the site's code blocks can show them. `positions`: the page's,
        which parse `text` once and place its lines in the file (else `text` is the page's
        body, after its `first_line`)."""
        if positions is None:
            positions = Positions(text, page.first_line if page else 0)
        result = Rewritten(text)
        # A page without Liquid costs one search of its text.
        if "{{" in text or "{%" in text:
            # Here: python-liquid is imported by the first page that holds Liquid, if any.
            from .liquid_engine import PageState, page_context, render_text

            source = positions.parse(text)
            tags = JekyllTags(self, page or PageInput("", {}), source)
            state = PageState(tags, tags.in_code, tags.suggestions.closest, line_numbers)
            state.block_line_numbers = self._block_line_numbers
            context = page_context(self.environment, self.namespace(page), state)
            limit = len(text.encode("utf-8")) + GROWTH_LIMIT
            rendered = render_text(context, text, source.in_code, limit, GROWTH_LIMIT)
            for problem in rendered.problems:
                line, column = source.line_col(problem.offset)
                result.problems.append(
                    Finding(line=positions.file_line(line), message=problem.message, column=column)
                )
            text = rendered.text
            result = Rewritten(text, result.problems, rendered.offsets)
        repository = self.repository
        if repository is not None and page is not None and repository.url_in(text):
            # The page's parse, when the Liquid pass made one of this very text.
            parsed = positions.parse(text)
            text, moved = repository.rewrite(parsed, page.src_uri, self.published)
            result = Rewritten(text, result.problems, result.offsets.then(moved))
        return result

    def apply_to_layout(self, text: str, page: PageInput, content: str) -> Rewritten:
        """`text`, a layout's HTML, rendered for `page` with `content` its content: every tag
        is Liquid's, as nothing in HTML is Markdown's code; problems at lines of `text`."""
        from .liquid_engine import PageState, page_context, render_text

        source = Source(text)
        tags = JekyllTags(self, page, source, markdown=False)
        state = PageState(tags, _nowhere, tags.suggestions.closest)
        context = page_context(
            self.environment, {**self.namespace(page), "content": content}, state
        )
        limit = len(text.encode("utf-8")) + len(content.encode("utf-8")) + GROWTH_LIMIT
        rendered = render_text(context, text, _nowhere, limit, GROWTH_LIMIT)
        problems = [
            Finding(line=line, message=problem.message, column=column)
            for problem in rendered.problems
            for line, column in [source.line_col(problem.offset)]
        ]
        return Rewritten(rendered.text, problems)

    @property
    def source(self) -> str:
        """The Jekyll source: its own folder, else the docs folder ("" when neither is known)."""
        return self.jekyll_source or self.docs_dir

    def site_include(self, name: str, page: PageInput) -> Rewritten | None:
        """The site's own `_includes/NAME` rendered for `page`, as HTML (nothing in it is
        code); None when the site has none, and the theme's is Just the Docs' own."""
        source = self.source
        if not source or not os.path.lexists(os.path.join(source, "_includes", name)):
            return None
        return self.apply_to_layout(f"{{% include {name} %}}", page, "")

    @cached_property
    def environment(self) -> JekyllEnvironment:
        """The site's Liquid, made once."""
        from .liquid_engine import JekyllEnvironment

        return JekyllEnvironment()

    @cached_property
    def _site(self) -> dict[str, Any]:
        paths = [str(page.get("path", "")) for page in self.pages]
        return site_namespace(
            self.site_data,
            self.variables,
            self.pages,
            self._data,
            datetime.datetime.now(),
            SiteContents(self.source, paths),
        )

    @cached_property
    def _block_line_numbers(self) -> bool:
        """kramdown numbers code blocks (`KramdownSettings`), read once for the site."""
        return KramdownSettings.from_site(self.site_data).line_numbers

    @cached_property
    def _data(self) -> dict[str, Any]:
        if not self.source:
            return {}
        return load_data(os.path.join(self.source, "_data"))

    @cached_property
    def names(self) -> list[str]:
        """Every `site.*` name, dotted, for "did you mean"."""
        return list(self.variables)

    def namespace(self, page: PageInput | None) -> dict[str, Any]:
        """The variables a page is rendered with: `site`, `page`, `jekyll`."""
        page_values: dict[str, Any] = dict(thawed(page.meta)) if page else {}
        if page is not None:
            jekyll_url = self.jekyll_urls.urls.get(page.src_uri) if self.jekyll_urls else None
            page_values.setdefault("url", jekyll_url or "/" + page.url)
            page_values.setdefault("path", page.src_uri)
        return {
            "site": self._site,
            "page": page_values,
            "jekyll": {"environment": self.environment_name, "version": "4.3.1"},
        }

    @cached_property
    def real_docs_dir(self) -> str:
        """The docs folder, through its symlinks."""
        return os.path.realpath(self.docs_dir)


def _nowhere(_: object) -> bool:
    """No position of a layout is in code."""
    return False


@dataclass
class Rewritten:
    """A page's text after the rewrites."""

    text: str
    problems: list[Finding] = field(default_factory=list)
    """What could not be substituted, at its line (in the file) and column."""
    offsets: OffsetMap = field(default_factory=OffsetMap)
    """Where each replacement was made."""


# Tried only where a word starts: from inside a long word with no `=`, each attempt would
# read to the word's end again.
_PARAMETER_RE = re.compile(r"""(?<![\w-])([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")


class JekyllTags:
    """`{% link %}`, `{% include %}`, `{% include_relative %}` and the URL filters, for one
    page of the site; what its includes, at every depth, have read and rendered."""

    def __init__(
        self, site: Rewrites, page: PageInput, source: Source, *, markdown: bool = True
    ) -> None:
        self.site = site
        self.page = page
        self.markdown = markdown
        """Whether the text rendered is Markdown, whose code regions (an include's too) keep
        their Liquid; False for a layout's HTML, where nothing is code."""
        self.chain: list[str] = []
        """The includes being rendered, outermost first (a cycle is one already there)."""
        self.includes = PageIncludes()
        self.growth = Growth()
        self.sources: dict[int, Source] = {id(source.text): source}
        """Each text rendered (the page, its includes), for where its code is."""
        self.parsed: dict[str, Any] = {}
        page_names = [f"page.{key}" for key in page.meta]
        self.suggestions = Suggestions([*site.names, *page_names])

    @property
    def _source(self) -> str:
        return self.site.source

    def in_code(self, token: Token) -> bool:
        source = self.sources.get(id(token.source))
        return source is not None and source.in_code(token.start_index)

    def url(self, path: str, *, absolute: bool, in_link: bool) -> str:
        """A site path (`/assets/x.png`, `/docs/page/`) from this page: relative, so the site
        works from disk; `absolute_url` adds the site's URL when it has one.

        A file of the docs in a Markdown link, or a page's Jekyll URL, is given as the file
        relative to this page's Markdown file, which MkDocs resolves under either URL style
        (and checks); a page's Jekyll URL elsewhere (raw HTML) as Jekyll prints it, from the
        site's root, for raw HTML's links to be made the built page's; anything else relative
        to this page's URL, as the browser resolves it.
        """
        if absolute:
            base = self.site.variables.get("site.url", "") + self.site.variables.get(
                "site.baseurl", ""
            )
            if base:
                return base.rstrip("/") + "/" + path.lstrip("/")
        target = path.lstrip("/")
        jekyll_urls = self.site.jekyll_urls
        page = jekyll_urls.target("/" + target, self.page.src_uri) if jekyll_urls else None
        if jekyll_urls is not None and page is not None and page.src_uri is not None:
            if in_link:
                return page.href(self.page.src_uri)
            # Elsewhere (raw HTML: `<a href="{{ p.url | relative_url }}">`) as Jekyll prints
            # it, from the site's root: raw HTML's links to Jekyll URLs are made the built
            # page's URL once the page is converted, whatever URL style builds it.
            return jekyll_urls.baseurl.rstrip("/") + "/" + target
        start = self.page.url
        if in_link and target in self.site.published:
            start = self.page.src_uri
        relative = posixpath.relpath(target or ".", posixpath.dirname(start) or ".")
        return relative + "/" if path.endswith("/") and relative != "." else relative

    def printed_content(self, content: PageContent) -> str:
        """Another page's body as this page prints it: its relative links rebased here."""
        source = self._source
        printed_from = os.path.dirname(os.path.join(source, content.path))
        printing_at = os.path.dirname(os.path.join(self.site.docs_dir, self.page.src_uri))
        folder = os.path.relpath(printed_from, printing_at).replace(os.sep, "/")
        return rebased(content, folder)

    def link(self, markup: str, state: PageState) -> str:
        """The page's Markdown file, relative to this page: MkDocs makes it the URL."""
        from .liquid_engine import LiquidFailure

        # Jekyll's tag takes the whole markup as the path: a file's name may hold spaces.
        path = markup.strip()
        if not path:
            raise LiquidFailure("`{% link %}` names no file", token=None)
        scheme = None if self.site.unsafe_urls else unsafe_scheme(path)
        if scheme is not None:
            # Empty, so the link leads nowhere rather than showing the tag.
            state.notes.append(unsafe_message(f"{{% link {path} %}}", f"a `{scheme}:` URL"))
            return ""
        target = self._docs_path(path)
        if target is None:
            raise LiquidFailure(f"`{{% link {path} %}}` leaves the docs folder", token=None)
        jekyll_urls = self.site.jekyll_urls
        url = jekyll_urls.urls.get(target) if jekyll_urls else None
        if not state.in_link and jekyll_urls is not None and url is not None:
            # Raw HTML, which MkDocs leaves as written: the page's Jekyll URL, as Jekyll
            # prints it, which the raw-HTML link pass makes the built page's.
            return jekyll_urls.baseurl.rstrip("/") + url
        relative = posixpath.relpath(target, posixpath.dirname(self.page.src_uri) or ".")
        # Written into a Markdown link's destination, where white space would end it.
        return quote(relative, safe=PATH_SAFE)

    def _docs_path(self, path: str) -> str | None:
        """A path relative to the Jekyll source, as a docs path; None outside the docs."""
        if not self.site.docs_dir:
            return path.lstrip("/")
        absolute = os.path.normpath(os.path.join(self._source, path.lstrip("/")))
        relative = os.path.relpath(absolute, self.site.docs_dir).replace(os.sep, "/")
        if relative.startswith("../") or relative == "..":
            return None
        if len(absolute) > PATH_MAX:
            return relative  # names no file: the link check says so
        # A symlink in the docs that leads out of them leaves them too.
        return relative if within(os.path.realpath(absolute), self.site.real_docs_dir) else None

    def include(
        self, name: str, markup: str, context: RenderContext, buffer: TextIO, token: Token
    ) -> int:
        """The include rendered into `buffer` in `context`, its parameters as `include.*`;
        raises `LiquidFailure` naming the tag (and the include inside it that failed)."""
        from liquid.exceptions import OutputStreamLimitError
        from liquid.output import LimitedStringIO

        from .liquid_engine import (
            RENDER_ERRORS,
            JekyllEnvironment,
            LiquidFailure,
            message_of,
            render_text,
        )

        words = markup.split(None, 1)
        if not words:
            raise LiquidFailure(f"`{{% {name} %}}` names no file", token=token)
        file = words[0]
        shown_tag = f"`{{% {name} {file} %}}`"

        def failure(message: str) -> LiquidFailure:
            return LiquidFailure(f"{shown_tag}{message}", token=token)

        if not self.site.docs_dir:
            raise failure(": the site's folder is not known")
        if name == "include":
            folder = os.path.join(self._source, "_includes")
        else:
            folder = os.path.dirname(os.path.join(self.site.docs_dir, self.page.src_uri))
        path = os.path.normpath(os.path.join(folder, file))
        inside = folder if name == "include" else self._source
        if not within(path, inside):
            raise failure(" leaves the site's folders")
        if len(path) > PATH_MAX:
            raise failure(": no such file (its path is too long)")
        if path in self.chain or len(self.chain) >= INCLUDE_DEPTH:
            cycle = " -> ".join(os.path.basename(p) for p in (*self.chain, path))
            raise failure(f" includes itself ({cycle})")
        shown = os.path.relpath(path, self._source).replace(os.sep, "/")
        try:
            if name == "include" and file in THEME_INCLUDES and not os.path.lexists(path):
                source = self.includes.theme_source(file, THEME_INCLUDES[file])
            else:
                source = self.includes.source(path, inside, self._source, shown)
        except IncludeError as error:
            raise failure(f": {error}") from None
        # Both counted before the include is rendered: however nested, the page stops there.
        if not self.includes.count():
            raise failure(
                f": more than {INCLUDES_PER_PAGE:,} includes on one page "
                "(includes of includes count); left as written"
            )
        if not self.growth.take(len(source.text)):
            raise failure(f": {self.growth.refusal}; left as written")
        parameters = self._parameters(words[1] if len(words) > 1 else "", context, token)
        self.sources[id(source.text)] = source
        in_code = source.in_code if self.markdown else _nowhere
        if path not in self.parsed:
            environment = context.env
            assert isinstance(environment, JekyllEnvironment)
            self.parsed[path] = environment.nodes(source.text, in_code)
        limit = buffer.limit - buffer.size if isinstance(buffer, LimitedStringIO) else GROWTH_LIMIT
        self.chain.append(path)
        try:
            with context.extend({"include": parameters}):
                rendered = render_text(
                    context, source.text, in_code, limit, GROWTH_LIMIT, self.parsed[path]
                )
        except OutputStreamLimitError:
            raise
        except RENDER_ERRORS as error:
            raise failure(f": {message_of(error)}") from None
        finally:
            self.chain.pop()
        if rendered.problems:
            raise failure(f": {rendered.problems[0].message}")
        return buffer.write(rendered.text)

    def _parameters(self, markup: str, context: RenderContext, token: Token) -> dict[str, Any]:
        """`key="value"`, `key='value'` and `key=variable`, as Jekyll's include reads them."""
        from liquid.builtin.expressions import FilteredExpression
        from liquid.builtin.expressions._tokenize import tokenize as tokenize_expression
        from liquid.stream import TokenStream
        from liquid.undefined import Undefined

        parameters: dict[str, Any] = {}
        for match in _PARAMETER_RE.finditer(markup):
            key, double, single, bare = match.groups()
            if bare is None:
                parameters[key] = double if double is not None else single
                continue
            # A bare word is a variable, as in Liquid: its value, when known; else the word.
            stream = TokenStream(tokenize_expression(bare, token))
            value = FilteredExpression.parse(context.env, stream).evaluate(context)
            parameters[key] = bare if isinstance(value, Undefined) else value
        return parameters
