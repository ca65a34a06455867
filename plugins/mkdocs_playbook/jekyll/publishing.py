"""What Jekyll 4.3.1 makes of a site's Markdown files, and how GitHub Pages' plugins change it.

Jekyll's `Reader` renders a file as a page only when its first line is `---` and blanks
(`Utils.has_yaml_header?`, which reads raw bytes: a byte order mark before the dashes makes
it a plain file); every other file it copies as it is, so a Markdown file without front matter
is published as Markdown, not as a page. A page whose `published` is `false` or empty is not
written (`Publisher#publish?`). Names Jekyll never reads (`exclude`, a leading `_` or `.`) are
`SiteConfig.published`'s rule.

A site built by GitHub Pages always runs the plugins github/pages-gem lists as
`DEFAULT_PLUGINS`; any Jekyll site runs those its `_config.yml` lists under `plugins:`. Those
that change what is published are followed as Debian packages them, which is what
`scripts/jekyll-publishing` renders the fixtures with: jekyll-optional-front-matter 0.3.2,
jekyll-readme-index 0.3.0, jekyll-titles-from-headings 0.5.3 (site pages; its `collections`
and `strip_title` options are not followed) and jekyll-redirect-from 0.16.0 (only where
listed: GitHub Pages allows it but does not run it by default). jekyll-relative-links 0.7.0
and jekyll-default-layout 0.1.5 need nothing here: MkDocs resolves links to Markdown files on
every site, and gives every page the theme's layout.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import markdown

from .frontmatter import FrontMatter
from .kramdown_typography import register_typography
from .site_config import SiteConfig

OPTIONAL_FRONT_MATTER = "jekyll-optional-front-matter"
README_INDEX = "jekyll-readme-index"
TITLES_FROM_HEADINGS = "jekyll-titles-from-headings"
RELATIVE_LINKS = "jekyll-relative-links"
DEFAULT_LAYOUT = "jekyll-default-layout"
REDIRECT_FROM = "jekyll-redirect-from"
# github/pages-gem `GitHubPages::Plugins::DEFAULT_PLUGINS` that bear on what is published, in
# the order the log names them.
GITHUB_PAGES_PLUGINS = (
    OPTIONAL_FRONT_MATTER,
    README_INDEX,
    TITLES_FROM_HEADINGS,
    RELATIVE_LINKS,
    DEFAULT_LAYOUT,
)
_LABELS = {
    OPTIONAL_FRONT_MATTER: "optional front matter",
    README_INDEX: "readme index",
    TITLES_FROM_HEADINGS: "titles from headings",
    RELATIVE_LINKS: "relative links",
    DEFAULT_LAYOUT: "default layout",
    REDIRECT_FROM: "redirect-from",
}
# Each plugin's `_config.yml` key, whose `enabled: false` turns it off.
_CONFIG_KEYS = {
    OPTIONAL_FRONT_MATTER: "optional_front_matter",
    README_INDEX: "readme_index",
    TITLES_FROM_HEADINGS: "titles_from_headings",
    RELATIVE_LINKS: "relative_links",
}
# Jekyll's default `markdown_ext` ("markdown,mkdown,mkdn,mkd,md").
MARKDOWN_EXTENSIONS = (".markdown", ".mkdown", ".mkdn", ".mkd", ".md")
# jekyll-optional-front-matter `FILENAME_BLACKLIST`: left plain files unless `include`d.
_PLAIN_NAMES = frozenset(
    {
        "README",
        "LICENSE",
        "LICENCE",
        "COPYING",
        "CODE_OF_CONDUCT",
        "CONTRIBUTING",
        "ISSUE_TEMPLATE",
        "PULL_REQUEST_TEMPLATE",
    }
)
# jekyll-readme-index `INDEX_REGEX`: what makes a folder's index, beside an index page.
_INDEX_NAME = re.compile(r"index\.(?:html?|xhtml|xml)", re.IGNORECASE)


def _indexed_folder(url: str) -> str | None:
    """The folder (from the source, `` for the top) a page or file at `url` is the index of:
    its URL is the folder's (`/guide/`) or that and `index.html`; None for any other."""
    folder, _, name = url.rpartition("/")
    return folder.strip("/") if not name or _INDEX_NAME.fullmatch(name) else None


REDIRECTS_NOT_WRITTEN = (
    "redirect_from: _config.yml's plugins do not list jekyll-redirect-from, so Jekyll writes "
    "no redirect, nor does this build; list it under plugins: to have them"
)
_GITHUB_PAGES_GEM = re.compile(r"""^[ \t]*gem[ \t(]+["']github-pages["']""", re.MULTILINE)
_YAML_HEADER = re.compile(rb"---\s*\n")
# Ruby's `\s`.
_BLANKS = " \t\r\n\f\v"
_ATX_TITLE = re.compile(r"#{1,3}[ \t\r\n\f\v]+(.*)")
_UNDERLINE = re.compile(r"[-=]+[ \t\r\f\v]*")
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]]*\]")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Rules:
    """The publishing rules a Jekyll site is built with."""

    github_pages: str = ""
    """Why the site is taken as built by GitHub Pages; empty when it is not."""
    plugins: frozenset[str] = frozenset()
    """The plugins that run, of those that bear on what is published."""

    @property
    def redirects(self) -> bool:
        """Whether `redirect_from` writes redirects (jekyll-redirect-from runs)."""
        return REDIRECT_FROM in self.plugins

    def describe(self) -> str:
        """One line for the build's log."""
        if self.github_pages:
            head = f"GitHub Pages ({self.github_pages})"
        else:
            head = "Jekyll's own, not GitHub Pages'"
        running = [label for name, label in _LABELS.items() if name in self.plugins]
        if not running:
            return f"Jekyll publishing rules: {head}: Markdown without front matter is a plain file"
        return f"Jekyll publishing rules: {head}: {', '.join(running)}"


def default_layout(rules: Rules | None, path: str, url: str, kind: str) -> str | None:
    """The layout jekyll-default-layout gives the page at `path` (Jekyll's `url`) whose front
    matter, defaults included, names none: `home` at the site's root, `page` for a page
    (`kind` "page"), `post` for a post ("post"); Just the Docs has all three, so a site's own
    of that name is the one it gets. None when the plugin does not run, for a page that is
    not Markdown, and for another collection's document (the theme's `default`)."""
    if rules is None or DEFAULT_LAYOUT not in rules.plugins:
        return None
    if not path.lower().endswith(MARKDOWN_EXTENSIONS) or kind not in ("page", "post"):
        return None
    return "home" if url == "/" else kind


def rules_for(config: Mapping[str, Any], github_pages: bool | str, gemfile: str) -> Rules:
    """The rules of a site with `_config.yml` keys `config`, the plugin's `github_pages`
    setting (`auto`, `true`, `false`) and its Gemfile's text ("" when it has none)."""
    why = ""
    if github_pages is True:
        why = "plugins.playbook.github_pages: true"
    elif github_pages == "auto":
        if _GITHUB_PAGES_GEM.search(gemfile):
            why = "Gemfile has github-pages"
        elif "remote_theme" in config:
            why = "_config.yml has remote_theme"
    listed = {str(name) for key in ("plugins", "gems") for name in _as_list(config.get(key))}
    running = {name for name in _LABELS if name in listed}
    if why:
        running.update(GITHUB_PAGES_PLUGINS)
    for name, key in _CONFIG_KEYS.items():
        options = config.get(key)
        if isinstance(options, Mapping) and options.get("enabled") is False:
            running.discard(name)
    if config.get("require_front_matter") not in (None, False):
        running.discard(OPTIONAL_FRONT_MATTER)
    return Rules(why, frozenset(running))


def has_yaml_header(first_line: bytes) -> bool:
    """`Utils.has_yaml_header?` on a file's first line, as read (a BOM is not stripped)."""
    return _YAML_HEADER.match(first_line) is not None


@dataclass(frozen=True)
class SourceFile:
    """A Markdown file of the site, as Jekyll's reader sees it."""

    path: str
    """Relative to the Jekyll source folder."""
    header: bool
    """Whether its first line opens front matter (`has_yaml_header`)."""
    front_matter: FrontMatter
    body: str
    """Its text after the front matter, newlines normalised."""


@dataclass(frozen=True)
class Placement:
    """What Jekyll makes of one Markdown file."""

    page: bool
    """Rendered as a page; else copied as it is when `copied`, else left out."""
    copied: bool = False
    reason: str = ""
    """Why it is not a page, said of a link to it."""
    advice: str = ""
    folder_index: bool = False
    """A README published as its folder's index (jekyll-readme-index)."""
    title: str | None = None
    """The title jekyll-titles-from-headings gives a page without one."""


@dataclass
class _Walk:
    """The pages found so far, and the folders they give an index."""

    placements: dict[str, Placement] = field(default_factory=dict)
    indexed: set[str] = field(default_factory=set)


def place(
    sources: Sequence[SourceFile], others: Iterable[str], site: SiteConfig, rules: Rules
) -> dict[str, Placement]:
    """Each Markdown file's placement, by path, in the order Jekyll decides them: its reader
    (front matter, `published`), then the generators by priority (optional front matter at
    `normal`, readme index at `low`, titles from headings at `lowest`). `others` are the
    site's other files (an `index.html` gives its folder an index)."""
    from .urls import page_url  # which reads this module's extensions

    walk = _Walk()
    # jekyll-readme-index asks whether a page or a file has the folder's URL, or that URL and
    # `index.html` (`.htm`, `.xhtml`, `.xml`); a static file's URL is its path.
    for path in others:
        folder = _indexed_folder("/" + path)
        if folder is not None:
            walk.indexed.add(folder)
    for source in sources:
        walk.placements[source.path] = _read(source, site, rules)
    style = site.data.get("permalink")
    for source in sources:
        if walk.placements[source.path].page:
            permalink = source.front_matter.data.get("permalink")
            # `permalink: /` makes a page the top folder's index.
            folder = _indexed_folder(page_url(source.path, permalink, style))
            if folder is not None:
                walk.indexed.add(folder)
    if README_INDEX in rules.plugins:
        for source in sources:
            folder = posixpath.dirname(source.path)
            readme = _stem(source.path).upper() == "README"
            if readme and not walk.placements[source.path].page and folder not in walk.indexed:
                walk.placements[source.path] = Placement(page=True, copied=True, folder_index=True)
                walk.indexed.add(folder)
    if TITLES_FROM_HEADINGS in rules.plugins:
        for source in sources:
            placement = walk.placements[source.path]
            if placement.page and source.front_matter.data.get("title") is None:
                title = heading_title(source.body)
                if title is not None:
                    walk.placements[source.path] = _with_title(placement, title)
    return walk.placements


def _read(source: SourceFile, site: SiteConfig, rules: Rules) -> Placement:
    """What Jekyll's reader, then jekyll-optional-front-matter, make of one file."""
    if source.header:
        # Ruby's truth: `published: 0` publishes, an empty `published:` does not.
        published = source.front_matter.data.get("published", True)
        if published is None or published is False:
            return Placement(
                page=False,
                reason="`published: false` in its front matter: Jekyll does not publish it",
                advice="remove the link, or publish the page",
            )
        return Placement(page=True)
    name = _stem(source.path).upper()
    advice = "start it with front matter (a line `---`, its keys, a line `---`)"
    if OPTIONAL_FRONT_MATTER not in rules.plugins:
        if source.front_matter.body_start or source.front_matter.data:
            # Front matter once the byte order mark is stripped: only the raw check missed it.
            reason = "it starts with a byte order mark, which hides its front matter from Jekyll"
            advice = "save it without the byte order mark"
        else:
            reason = "it has no front matter"
    elif name not in _PLAIN_NAMES or site.includes(source.path):
        return Placement(page=True, copied=True)
    else:
        reason = (
            f"GitHub Pages' optional-front-matter plugin makes no page of a {name} file "
            "without front matter"
        )
    reason += ", so Jekyll publishes it as a plain file: the link shows its Markdown, not a page"
    return Placement(page=False, copied=True, reason=reason, advice=advice)


def heading_title(body: str) -> str | None:
    r"""The title jekyll-titles-from-headings takes from a page's text, or None.

    Its `TITLE_REGEX` (`\A\s*(?:#{1,3}\s+(.*)(?:\s+#{1,3})?|(.*)\r?\n[-=]+\s*)$`) only
    matches a heading the text starts with: ATX of level 1 to 3 (the rest of its line,
    closing hashes and all), or setext. Worked out by hand here, in linear time, where the
    pattern backtracks over leading blanks.
    """
    rest = body.lstrip(_BLANKS)
    atx = _ATX_TITLE.match(rest)
    if atx is not None:
        return _plain(atx.group(1))
    first, newline, after = rest.partition("\n")
    if newline and _UNDERLINE.fullmatch(after.partition("\n")[0].removesuffix("\r")):
        return _plain(first.removesuffix("\r"))
    # Backtracked into the blank lines before: the last one is an empty title over an
    # underline.
    if "\n" in body[: len(body) - len(rest)] and _UNDERLINE.fullmatch(first):
        return ""
    return None


def _plain(title: str) -> str:
    """The plugin's `strip_markup`: `markdownify`, `strip_html`, `normalize_whitespace`, less
    footnote marks. Python-Markdown with kramdown's typography stands in for kramdown
    (`Don't add --flags` gets a curly apostrophe and an en dash, in the title and the nav)."""
    rendered = markdownified(title) if any(c in title for c in "#*_`[<&\\!'\"-.>") else title
    text = html.unescape(_TAG.sub("", rendered))
    return _FOOTNOTE_MARK.sub("", " ".join(text.split()))


def markdownified(text: str) -> str:
    """`text` as HTML, with kramdown's typography (Jekyll's `markdownify`, closely)."""
    md = markdown.Markdown()
    register_typography(md)
    return md.convert(text)


def _with_title(placement: Placement, title: str) -> Placement:
    return Placement(
        placement.page,
        placement.copied,
        placement.reason,
        placement.advice,
        placement.folder_index,
        title,
    )


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else []


def _basename(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _stem(path: str) -> str:
    name = _basename(path)
    for extension in MARKDOWN_EXTENSIONS:
        if name.lower().endswith(extension):
            return name[: -len(extension)]
    return name.rsplit(".", 1)[0]
