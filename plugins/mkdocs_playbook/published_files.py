"""A Jekyll site's files, published in MkDocs' `Files` as Jekyll publishes them.

`jekyll.publishing` decides, file by file and without MkDocs; this module applies it: a file
Jekyll does not read (`exclude`, a leading `_`) or does not publish (`published: false`)
leaves the site; a Markdown file Jekyll copies as it is (no front matter) becomes a plain
file, written unrendered and never a page; a README Jekyll makes its folder's index is there,
and one it does not is at its own URL. What is left out is remembered with the reason, for
the finding at each link to it. A site without `_config.yml` is left as MkDocs reads it.
"""

from __future__ import annotations

import dataclasses
import logging
import posixpath
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .jekyll.bundler import first_file
from .jekyll.frontmatter import FrontMatter, parse_front_matter
from .jekyll.publishing import Rules, SourceFile, has_yaml_header, place, rules_for
from .jekyll.site_config import SPECIAL_LEADING, SiteConfig

# Read of a first line, for its dashes: a file with no line break is not read whole.
_FIRST_LINE_LIMIT = 1 << 16


# MkDocs' warning when it drops a README beside an index (`mkdocs/structure/files.py`).
_README_DROPPED = re.compile(r"Excluding '(.*)' from the site because it conflicts with '(.*)'\.")


class ReadmesBesideIndex(logging.Filter):
    """Takes MkDocs' warning for a README it drops beside an index page, on a Jekyll site
    (`enabled`): Jekyll keeps it, so `publish` puts it back, in `dropped`."""

    def __init__(self) -> None:
        super().__init__()
        self.enabled = False
        self.dropped: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        match = _README_DROPPED.match(str(record.msg)) if self.enabled else None
        if match is None or posixpath.basename(match.group(1)).rsplit(".", 1)[0] != "README":
            return True
        self.dropped.append(match.group(1))
        return False


class HtmlPage(File):
    """An `.html` file with front matter: Jekyll renders it (Liquid, then its layout) as a
    page of the site, not a file copied as it is."""

    def is_documentation_page(self) -> bool:
        return True


def html_pages(files: Files, config: MkDocsConfig, site: SiteConfig) -> None:
    """Make each `.html` file of the Jekyll source that opens with front matter a page
    (`HtmlPage`); `404.html` stays the theme's own."""
    for file in list(files):
        if file.generated_by is not None or not file.abs_src_path:
            continue
        if not file.src_uri.lower().endswith((".html", ".htm")) or file.src_uri == "404.html":
            continue
        path = site.source_path(file.abs_src_path)
        if path.startswith("../") or not site.published(path) or not opens_front_matter(file):
            continue
        files.remove(file)
        files.append(
            HtmlPage(file.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
        )


class PlainFile(File):
    """A Markdown file Jekyll copies as it is: written to the site unrendered, never a page."""

    def is_documentation_page(self) -> bool:
        return False


@dataclass
class Publication:
    """What the site publishes of a Jekyll source, as far as pages go."""

    rules: Rules | None = None
    """The rules applied; None for a site without `_config.yml`."""
    front_matter: dict[str, FrontMatter] = field(default_factory=dict)
    """Each page's front matter, read on the way (with the title jekyll-titles-from-headings
    gives it), by docs path."""
    unpublished: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Docs files that are not pages of the site, by docs path: why, and what to do."""
    heading_titles: set[str] = field(default_factory=set)
    """The pages whose title jekyll-titles-from-headings gave, by docs path."""


def github_pages_rules(site: SiteConfig, setting: bool | str, folders: list[str]) -> Rules:
    """The rules of the Jekyll site `site`, its Gemfile looked for in `folders`, in order."""
    return rules_for(site.data, setting, first_file(folders, "Gemfile"))


def publish(
    files: Files,
    config: MkDocsConfig,
    site: SiteConfig,
    rules: Rules,
    readmes: list[str],
    *,
    documents: Collection[str] = (),
) -> Publication:
    """Leave out, make plain, or place each file of `files` as Jekyll publishes it; `readmes`
    are the docs paths of READMEs MkDocs dropped beside an index, which Jekyll keeps;
    `documents` (docs paths) are collection documents, published by their collection's rules."""
    publication = Publication(rules)
    for src_uri in readmes:
        if files.get_file_from_path(src_uri) is None:
            files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    sources: list[SourceFile] = []
    by_path: dict[str, File] = {}
    others: list[str] = []
    for file in list(files):
        if file.generated_by is not None or not file.abs_src_path:
            continue
        if file.src_uri in documents:
            continue
        path = site.source_path(file.abs_src_path)
        if path.startswith("../"):
            continue
        if not site.published(path):
            files.remove(file)
            publication.unpublished[file.src_uri] = _left_out(path)
        elif file.is_documentation_page():
            header = opens_front_matter(file)
            text = file.content_string.replace("\r\n", "\n")
            front_matter = parse_front_matter(text)
            body = text[front_matter.body_start :]
            sources.append(SourceFile(path, header, front_matter, body))
            by_path[path] = file
            publication.front_matter[file.src_uri] = front_matter
        else:
            others.append(path)
    placements = place(sources, others, site, rules)
    for source in sources:
        file, placement = by_path[source.path], placements[source.path]
        if not placement.page:
            files.remove(file)
            del publication.front_matter[file.src_uri]
            publication.unpublished[file.src_uri] = (placement.reason, placement.advice)
            if placement.copied:
                files.append(_plain(file))
            continue
        if placement.title is not None:
            front_matter = source.front_matter
            data = {**front_matter.data, "title": placement.title}
            publication.front_matter[file.src_uri] = dataclasses.replace(front_matter, data=data)
            publication.heading_titles.add(file.src_uri)
        _place_readme(file, placement.folder_index, config.use_directory_urls)
    return publication


def opens_front_matter(file: File) -> bool:
    """Whether Jekyll reads `file` as a page or document (`has_yaml_header`), not a static
    file: its first line, as bytes, is `---`."""
    with open(file.abs_src_path or "", "rb") as stream:
        return has_yaml_header(stream.readline(_FIRST_LINE_LIMIT))


def move_file(file: File, dest_uri: str) -> None:
    """Give `file` another place in the site: its URL and output path follow."""
    for derived in ("url", "abs_dest_path"):
        file.__dict__.pop(derived, None)
    file.dest_uri = dest_uri


def _place_readme(file: File, folder_index: bool, directory_urls: bool) -> None:
    """MkDocs makes every `README.md` its folder's index; Jekyll only the one
    jekyll-readme-index takes, whatever the case of its name."""
    folder, name = posixpath.split(file.src_uri)
    stem = posixpath.splitext(name)[0]
    if folder_index and stem != "README":
        move_file(file, posixpath.join(folder, "index.html"))
    elif not folder_index and stem == "README":
        own = f"{stem}/index.html" if directory_urls else f"{stem}.html"
        move_file(file, posixpath.join(folder, own))


def _plain(file: File) -> PlainFile:
    return PlainFile(
        file.src_uri,
        file.src_dir,
        file.dest_dir,
        file.use_directory_urls,
        inclusion=file.inclusion,
    )


def _left_out(path: str) -> tuple[str, str]:
    """Why Jekyll does not read `path`, which `SiteConfig.published` refused."""
    special = next((n for n in path.split("/") if n.startswith(SPECIAL_LEADING)), None)
    if special is not None:
        why = f"Jekyll does not publish it: the name {special!r} starts with {special[0]!r}"
        return why, "move it, or list it under _config.yml's include:"
    return "Jekyll does not publish it: _config.yml's exclude: names it", "remove the link"
