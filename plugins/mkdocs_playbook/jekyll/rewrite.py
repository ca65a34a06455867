"""The text-level rewrites a Jekyll page needs before Markdown sees it: Liquid (site variables
and the tags content uses, `jekyll.liquid`), then links into the site's own repository.

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

import os
import posixpath
import re
from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from ..page.model import Problem
from ..page.offsets import OffsetMap
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
from .liquid import Rendered, page_variables, substitute
from .liquid_scope import Scope
from .navigation import ChildLink
from .repolinks import RepositoryLinks
from .urls import JekyllUrls


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

    def apply(self, text: str, page: PageInput | None, *, line_numbers: bool = False) -> Rewritten:
        """`text` rewritten, with what could not be substituted and where each replacement
        was made; `line_numbers`: the site's code blocks can show them."""
        result = Rewritten(text)
        if "{{" in text or "{%" in text:
            source = Source(text)
            variables = {**self.variables, **page_variables(page.meta if page else {})}
            tags = JekyllTags(self, page) if page is not None else None
            # One scope for the page: its growth and suggestions span its includes.
            scope = Scope.of(variables)
            text, found, offsets = substitute(source, scope, tags, line_numbers=line_numbers)
            first_line = page.first_line if page else 0
            for problem in found:
                line, column = source.line_col(problem.offset)
                result.problems.append(Problem(line + first_line, problem.message, column))
            result = Rewritten(text, result.problems, offsets, source)
        repository = self.repository
        if repository is not None and page is not None and repository.url_in(text):
            # The page's parse, when the Liquid pass made one of this very text.
            same = result.source
            parsed = same if same is not None and same.text == text else Source(text)
            text, moved = repository.rewrite(parsed, page.src_uri, self.published)
            result = Rewritten(text, result.problems, result.offsets.then(moved), parsed)
        return result

    @cached_property
    def real_docs_dir(self) -> str:
        """The docs folder, through its symlinks."""
        return os.path.realpath(self.docs_dir)


@dataclass
class Rewritten:
    """A page's text after the rewrites."""

    text: str
    problems: list[Problem] = field(default_factory=list)
    """What could not be substituted, at its line (in the file) and column."""
    offsets: OffsetMap = field(default_factory=OffsetMap)
    """Where each replacement was made."""
    source: Source | None = None
    """The last parse made of a text on the way; reusable while it is still `text`'s."""


# Tried only where a word starts: from inside a long word with no `=`, each attempt would
# read to the word's end again.
_PARAMETER_RE = re.compile(r"""(?<![\w-])([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")


class JekyllTags:
    """`{% link %}`, `{% include %}`, `{% include_relative %}` and the URL filters, for one
    page of the site."""

    def __init__(
        self,
        site: Rewrites,
        page: PageInput,
        chain: tuple[str, ...] = (),
        includes: PageIncludes | None = None,
    ) -> None:
        self.site = site
        self.page = page
        self.chain = chain
        """The includes being rendered, outermost first (a cycle is one already there)."""
        self.includes = includes or PageIncludes()
        """What the page's includes, at every depth, have read and rendered."""

    @property
    def _source(self) -> str:
        return self.site.jekyll_source or self.site.docs_dir

    def tag(self, name: str, markup: str, scope: Scope) -> Rendered | None:
        if name == "link":
            return self._link(markup)
        if name in ("include", "include_relative"):
            return self._include(name, markup, scope)
        return None

    def url(self, path: str, *, absolute: bool, in_link: bool) -> str:
        """A site path (`/assets/x.png`, `/docs/page/`) from this page: relative, so the site
        works from disk; `absolute_url` adds the site's URL when it has one.

        A file of the docs in a Markdown link, or a page's Jekyll URL, is given as the file
        relative to this page's Markdown file, which MkDocs resolves under either URL style
        (and checks); anything else relative to this page's URL, as the browser resolves it.
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
        if in_link and page is not None and page.src_uri is not None:
            return page.href(self.page.src_uri)
        start = self.page.url
        if in_link and target in self.site.published:
            start = self.page.src_uri
        relative = posixpath.relpath(target or ".", posixpath.dirname(start) or ".")
        return relative + "/" if path.endswith("/") and relative != "." else relative

    def _link(self, markup: str) -> Rendered:
        """The page's Markdown file, relative to this page: MkDocs makes it the URL."""
        path = markup.split()[0] if markup.split() else ""
        if not path:
            return Rendered(None, "`{% link %}` names no file")
        scheme = None if self.site.unsafe_urls else unsafe_scheme(path)
        if scheme is not None:
            # Empty, so the link leads nowhere rather than showing the tag.
            return Rendered("", unsafe_message(f"{{% link {path} %}}", f"a `{scheme}:` URL"))
        target = self._docs_path(path)
        if target is None:
            return Rendered(None, f"`{{% link {path} %}}` leaves the docs folder")
        return Rendered(posixpath.relpath(target, posixpath.dirname(self.page.src_uri) or "."))

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

    def _include(self, name: str, markup: str, scope: Scope) -> Rendered:
        words = markup.split(None, 1)
        if not words:
            return Rendered(None, f"`{{% {name} %}}` names no file")
        file = words[0]
        shown_tag = f"`{{% {name} {file} %}}`"
        if not self.site.docs_dir:
            return Rendered(None, f"{shown_tag}: the site's folder is not known")
        if name == "include":
            folder = os.path.join(self._source, "_includes")
        else:
            folder = os.path.dirname(os.path.join(self.site.docs_dir, self.page.src_uri))
        path = os.path.normpath(os.path.join(folder, file))
        inside = folder if name == "include" else self._source
        if not within(path, inside):
            return Rendered(None, f"{shown_tag} leaves the site's folders")
        if len(path) > PATH_MAX:
            return Rendered(None, f"{shown_tag}: no such file (its path is too long)")
        if path in self.chain or len(self.chain) >= INCLUDE_DEPTH:
            cycle = " -> ".join(os.path.basename(p) for p in (*self.chain, path))
            return Rendered(None, f"{shown_tag} includes itself ({cycle})")
        shown = os.path.relpath(path, self._source).replace(os.sep, "/")
        try:
            source = self.includes.source(path, inside, self._source, shown)
        except IncludeError as error:
            return Rendered(None, f"{shown_tag}: {error}")
        # Both counted before the include is rendered: however nested, the page stops there.
        if not self.includes.count():
            return Rendered(
                None,
                f"{shown_tag}: more than {INCLUDES_PER_PAGE:,} includes on one page "
                "(includes of includes count); left as written",
            )
        if not scope.growth.take(len(source.text)):
            return Rendered(None, f"{shown_tag}: {scope.growth.refusal}; left as written")
        variables = scope.variables
        parameters: dict[str, str] = {}
        for match in _PARAMETER_RE.finditer(words[1] if len(words) > 1 else ""):
            key, double, single, bare = match.groups()
            if bare is not None:
                # A bare word is a variable, as in Liquid: its value, when known.
                value = variables.get(bare, bare)
            else:
                value = double if double is not None else single
            parameters[f"include.{key}"] = value
        inner = JekyllTags(self.site, self.page, (*self.chain, path), self.includes)
        rendered, problems, _ = substitute(source, scope.inner(parameters), inner)
        if problems:
            return Rendered(None, f"{shown_tag}: {problems[0].message}")
        return Rendered(rendered)
