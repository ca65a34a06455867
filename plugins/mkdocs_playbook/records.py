"""What the build keeps of each page (one record per page), and the paths findings name."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from mkdocs.structure.files import File

from .jekyll.frontmatter import FrontMatter
from .jekyll.navigation import ChildLink
from .jekyll.own_layouts import Layout, OwnLayout
from .jekyll.rewrite import PageInput
from .jekyll.site_config import SiteConfig
from .links.scan import TemplateLink
from .page.model import PageModel
from .widgets.placeholders import PlaceholderUse


@dataclass
class PageRecord:
    """What the build keeps of one page, from its front matter to its links' verdicts."""

    file: File
    display_path: str
    """Path shown in findings, relative to the project: `docs/operations/RUNBOOK.md`."""
    front_matter: FrontMatter
    children: tuple[ChildLink, ...] = ()
    """The table of contents of child pages Just the Docs prints after its content."""
    input: PageInput | None = None
    """What `on_page_markdown` handed to the extension for its conversion."""
    model: PageModel | None = None
    """Its content, once rendered; only what the end of the build reads is kept."""
    placeholders: set[PlaceholderUse] = field(default_factory=set)
    """How its code spells placeholders, for the site-wide lint."""
    template_links: list[TemplateLink] = field(default_factory=list)
    template_ids: frozenset[str] = frozenset()
    controls: str = ""
    """Its script-only controls' markup (`PageModel.controls`)."""
    controls_after: int = -1
    """While search reads the content without them: how much content followed them."""
    layout: OwnLayout | None = None
    """The site's own layout, not Just the Docs', that Jekyll writes the page in."""
    layouts_in_theme: tuple[Layout, ...] = ()
    """The site's own layouts Jekyll puts its content in, inside Just the Docs' page."""
    html: str | None = None
    """An `.html` page's content: its HTML, Liquid rendered (Jekyll converts no Markdown)."""


def working_tree(project_dir: str, site: SiteConfig) -> str:
    """The repository's folder, where repository links are looked up: the nearest folder
    above mkdocs.yml holding `.git`; else, for a Jekyll site whose edit link names its
    source folder (`gh_edit_source`), the folder that makes; else the folder holding both
    mkdocs.yml and the Jekyll source (a repository downloaded without `.git`, its pages at the
    top and mkdocs.yml in `_mkdocs/`: the top), or mkdocs.yml's folder."""
    project = os.path.abspath(project_dir or ".")
    folder = project
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    if site.path and site.edit_link is not None:
        source = site.source_dir
        inside = site.edit_link.source.strip("/")
        if not inside:
            return source
        if source.replace(os.sep, "/").endswith("/" + inside):
            return source[: -len(inside) - 1]
    if site.path:
        return os.path.commonpath([project, os.path.abspath(site.source_dir)])
    return project


def display_path(file: File, working_tree: str, project_dir: str) -> str:
    """The path findings name: from the repository's folder, as CI annotations and editors
    read it (`docs/x.md` with mkdocs.yml at the top; `index.md` for a Jekyll source at the
    top, built from `_mkdocs/mkdocs.yml`); from mkdocs.yml's folder outside a repository."""
    if not file.abs_src_path:
        return file.src_uri
    return shown_path(file.abs_src_path, working_tree, project_dir)


def shown_path(path: str, working_tree: str, project_dir: str) -> str:
    """The path findings name for the file at `path` (`display_path`), `_config.yml` too."""
    path = os.path.abspath(path)
    shown = os.path.relpath(path, working_tree)
    if shown.startswith(os.pardir + os.sep):
        shown = os.path.relpath(path, project_dir)
    return shown.replace(os.sep, "/")
