"""Jekyll collections: which files are documents of which collection, and each document's URL.

Read from `_config.yml` as Jekyll 4.3.1 reads it (`Configuration`, `Collection`, `Document`,
`Drops::UrlDrop`): `collections:` as a list of labels or a mapping of label to metadata
(`output`, `permalink`, `sort_by`), documents in `<collections_dir>/_<label>/`. Documents of a
collection with `output: true` are published at the URL Jekyll gives them; the others are not
published at all. Just the Docs' `just_the_docs.collections` names the collections its
navigation and search show (`NavCollection`). `posts` is always an output collection, its
documents read from every `_posts/` folder (`jekyll.posts`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from .frontmatter import FrontMatter
from .liquid_values import is_number, ruby_sort, ruby_str, truthy
from .navigation import CollectionNav, NavSource
from .posts import (
    POSTS,
    categories,
    date_placeholders,
    dated_name,
    document_date,
    is_future,
    posts_folder,
    posts_template,
)
from .site_config import SPECIAL_LEADING, SiteConfig
from .urls import OUTPUT_EXT, PATH_SAFE, sanitized_url, with_permalink_suffix

# `Utils::SLUGIFY_DEFAULT_REGEXP` and `SLUGIFY_PRETTY_REGEXP` (\p{L}, \p{M}, \p{Nd}: `\w` less `_`,
# which the pretty one keeps).
_SLUG_DEFAULT = re.compile(r"(?:[^\w]|_)+")
_SLUG_PRETTY = re.compile(r"[^\w._~!$&'()+,;=@]+")
_PLACEHOLDER = re.compile(r":([a-z_]+)")


@dataclass(frozen=True)
class Collection:
    """One entry of `collections:`."""

    label: str
    folder: str
    """Where its documents are, relative to the Jekyll source: `_tests`, `stuff/_tests`."""
    output: bool = False
    """Whether Jekyll writes its documents out as pages."""
    permalink: str | None = None
    """Its URL template; None: `/:collection/:path` and the site style's ending."""
    sort_by: str | None = None
    order: tuple[str, ...] | None = None
    """Its `order:` list: documents by their path in its folder, before all others."""


@dataclass(frozen=True)
class NavCollection:
    """An entry of Just the Docs' `just_the_docs.collections`, in the order it is written."""

    label: str
    name: str
    """The heading of its section in the nav."""
    nav_exclude: bool = False
    nav_fold: bool = False
    search_exclude: bool = False


@dataclass(frozen=True)
class Document:
    """A file of a collection, as Jekyll reads it."""

    collection: Collection
    path: str
    """Relative to the Jekyll source: `_tests/sub/first.md`."""

    @property
    def dated(self) -> bool:
        """Whether it is a post: Jekyll reads it with or without front matter, and not when
        dated after the build."""
        return self.collection.label == POSTS

    @property
    def relative(self) -> str:
        """Its path inside the collection's folder: `sub/first.md`."""
        return self.path[len(self.collection.folder) + 1 :]


@dataclass(frozen=True)
class Collections:
    """A site's collections, and the ones Just the Docs shows."""

    collections: tuple[Collection, ...] = ()
    nav: tuple[NavCollection, ...] = ()
    style: object = None
    """`_config.yml`'s `permalink` style, which ends each collection's default template."""
    timezone: object = None
    """`_config.yml`'s `timezone`, which a date with an offset is shown in."""
    future: bool = False
    """`_config.yml`'s `future`: posts dated after the build are published too."""
    now: datetime = field(default_factory=lambda: datetime.now().astimezone())
    """When the build runs (`site.time`)."""

    def document(self, path: str, site: SiteConfig) -> Document | None:
        """The document at `path` (relative to the source), if a collection reads that file:
        under the collection's folder and kept by Jekyll's `EntryFilter` there; a post also
        named `YYYY-MM-DD-slug.ext`, in any `_posts` folder Jekyll reads."""
        for collection in self.collections:
            if collection.label == POSTS:
                root = posixpath.dirname(collection.folder)
                folder = posts_folder(path, root)
                if folder is None:
                    continue
                document = Document(replace(collection, folder=folder), path)
                dated = dated_name(posixpath.basename(path)) is not None
                return document if dated and _kept(document, site) else None
            if path.startswith(collection.folder + "/"):
                document = Document(collection, path)
                return document if _kept(document, site) else None
        return None

    def published(self, document: Document, front_matter: Mapping[str, Any]) -> bool:
        """`Publisher#publish?` of a post: not `published: false`, and not dated after the
        build unless `future`."""
        if not truthy(front_matter.get("published", True)):
            return False
        moment = self.date(document, front_matter)
        return self.future or moment is None or not is_future(moment, self.now)

    def date(self, document: Document, front_matter: Mapping[str, Any]) -> datetime | None:
        """Its front matter's `date`, else its file name's; None when neither says."""
        return document_date(posixpath.basename(document.path), front_matter, self.timezone)

    def liquid_fields(self, document: Document, front_matter: Mapping[str, Any]) -> dict[str, Any]:
        """What Jekyll adds to a document's front matter for Liquid: its `collection`, its
        `slug` and `ext` where the front matter has none (`Document#populate_title`), and a
        post's `date` and `categories`."""
        fields: dict[str, Any] = {"collection": document.collection.label}
        for key, value in (("slug", _slug(document)), ("ext", _extension(document))):
            if front_matter.get(key) is None:
                fields[key] = value
        if document.dated:
            fields["date"] = self.date(document, front_matter)
            fields["categories"] = _categories(document, front_matter)
        return fields

    def url(self, document: Document, front_matter: Mapping[str, Any]) -> str:
        """`Document#url`: its front matter `permalink`, else the collection's template,
        placeholders filled in (`:collection`, `:path`, `:name`, `:title`, `:slug`,
        `:categories`, `:slugified_categories`, `:output_ext`, and the date ones for a document
        with a date: a post, or one named or front-mattered with it; without one they are left
        as written)."""
        permalink = front_matter.get("permalink")
        template = permalink if isinstance(permalink, str) else self.template(document.collection)
        placeholders = _placeholders(document, front_matter)
        moment = self.date(document, front_matter)
        if moment is not None:
            placeholders.update(date_placeholders(moment))

        def filled(match: re.Match[str]) -> str:
            value = placeholders.get(match.group(1))
            return match.group(0) if value is None else quote(value, safe=PATH_SAFE)

        return sanitized_url(_PLACEHOLDER.sub(filled, template))

    def template(self, collection: Collection) -> str:
        """`Collection#url_template`."""
        if collection.permalink is not None:
            return collection.permalink
        return with_permalink_suffix("/:collection/:path", self.style)

    def nav_of(self, label: str) -> NavCollection | None:
        return next((entry for entry in self.nav if entry.label == label), None)

    def search_excluded(self, document: Document) -> bool:
        """Whether Just the Docs keeps the document's collection out of search."""
        listed = self.nav_of(document.collection.label)
        return listed is not None and listed.search_exclude


def read_collections(site: SiteConfig) -> Collections:
    """The collections `_config.yml` declares, and `posts`, which is always one and always
    written out (`Configuration#add_default_collections`)."""
    data = site.data
    declared = data.get("collections")
    entries: list[tuple[str, Any]]
    if isinstance(declared, (list, tuple)):
        entries = [(ruby_str(label), {}) for label in declared]
    elif isinstance(declared, Mapping):
        entries = [(ruby_str(label), value) for label, value in declared.items()]
    else:
        entries = []
    root = data.get("collections_dir")
    root_folder = ruby_str(root).strip("/") if truthy(root) else ""
    if POSTS not in (label for label, _ in entries):
        entries.append((POSTS, {}))
    collections = []
    for label, metadata in entries:
        if not label:
            continue
        meta = metadata if isinstance(metadata, Mapping) else {}
        permalink = meta.get("permalink")
        if label == POSTS and not isinstance(permalink, str):
            permalink = posts_template(data.get("permalink"))
        sort_by = meta.get("sort_by")
        order = meta.get("order")
        collections.append(
            Collection(
                label,
                posixpath.join(root_folder, f"_{label}") if root_folder else f"_{label}",
                output=label == POSTS or truthy(meta.get("output", False)),
                permalink=permalink if isinstance(permalink, str) else None,
                sort_by=sort_by if isinstance(sort_by, str) else None,
                order=tuple(map(ruby_str, order)) if isinstance(order, (list, tuple)) else None,
            )
        )
    return Collections(
        tuple(collections),
        tuple(_nav_collections(data)),
        data.get("permalink"),
        timezone=data.get("timezone"),
        future=truthy(data.get("future", False)),
    )


def _nav_collections(data: Mapping[str, Any]) -> Iterable[NavCollection]:
    theme = data.get("just_the_docs")
    listed = theme.get("collections") if isinstance(theme, Mapping) else None
    if not isinstance(listed, Mapping):
        return
    for label, entry in listed.items():
        meta = entry if isinstance(entry, Mapping) else {}
        # `{{ collection_value.name }}`: nothing printed when unset.
        name = meta.get("name")
        yield NavCollection(
            ruby_str(label),
            "" if name is None else ruby_str(name),
            nav_exclude=meta.get("nav_exclude") is True,
            nav_fold=meta.get("nav_fold") is True,
            search_exclude=meta.get("search_exclude") is True,
        )


def document_title(document: Document) -> str:
    """The title Jekyll gives a document without one (`Document#populate_title`)."""
    return " ".join(word.capitalize() for word in _slug(document).split("-"))


def with_title(front_matter: FrontMatter, document: Document) -> FrontMatter:
    """`front_matter` as Jekyll's document sees it: with a title, always."""
    if front_matter.data.get("title") is not None:
        return front_matter
    return replace(front_matter, data={**front_matter.data, "title": document_title(document)})


def _undated(document: Document, front_matter: Mapping[str, Any]) -> datetime | None:
    return None


def ordered(
    documents: Iterable[tuple[Document, Mapping[str, Any]]],
    collection: Collection,
    date: Callable[[Document, Mapping[str, Any]], datetime | None] = _undated,
) -> list[Document]:
    """`Collection#sort_docs!`: the `order` list's documents first, in its order, then the
    others by path (`rearrange_docs!`); or by the `sort_by` key, documents without it last,
    ties and values of different kinds by path; or by `Document#<=>`: by `date` where both
    documents have one (`Collections.date`), else by path, sorted as Ruby sorts
    (`ruby_sort`)."""
    items = sorted(documents, key=lambda item: item[0].path)
    if collection.order is not None:
        by_name = {document.relative: document for document, _ in items}
        first = [by_name[name] for name in dict.fromkeys(collection.order) if name in by_name]
        return first + [document for document, _ in items if document not in first]
    key = collection.sort_by
    if key is None:
        moments = {document.path: _instant(date(document, data)) for document, data in items}

        def by_document(a: Document, b: Document) -> int:
            first, second = moments[a.path], moments[b.path]
            if first is not None and second is not None and first != second:
                return -1 if first < second else 1
            return (a.path > b.path) - (a.path < b.path)

        return ruby_sort([document for document, _ in items], by_document)

    def rank(item: tuple[Document, Mapping[str, Any]]) -> tuple[int, int, Any]:
        value = item[1].get(key)
        if value is None:
            return (1, 0, "")
        if is_number(value) and not isinstance(value, str):
            return (0, 0, value)
        return (0, 1, ruby_str(value))

    return [document for document, _ in sorted(items, key=rank)]


def _instant(moment: datetime | None) -> float | None:
    """A date as the instant Ruby's `Time#<=>` compares; one without an offset is read as UTC,
    as GitHub's runners run."""
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def collection_navs(
    collections: Collections, documents: Mapping[str, Document], sources: Sequence[NavSource]
) -> list[CollectionNav]:
    """The collections Just the Docs lists, in its order, each with the nav sources of its
    documents (`documents`, by docs path) in the collection's order."""
    navs = []
    for listed in collections.nav:
        members = {
            document.path: (document, source)
            for source in sources
            if (document := documents.get(source.src_uri)) is not None
            and document.collection.label == listed.label
        }
        items = [(document, source.front_matter.data) for document, source in members.values()]
        order = ordered(items, items[0][0].collection, collections.date) if items else []
        in_order = [members[document.path][1] for document in order]
        navs.append(CollectionNav(listed.name, in_order, exclude=listed.nav_exclude))
    return navs


def _kept(document: Document, site: SiteConfig) -> bool:
    """`EntryFilter#filter` over the entry's path inside the collection's folder: a name
    ending in `.`, or (unless included) a special first character of the path or of the
    file's name, a name ending in `~`, or an `exclude` match of its path from the source."""
    entry = document.relative
    name = posixpath.basename(entry)
    if entry.endswith("."):
        return False
    if site.includes(entry):
        return True
    special = entry.startswith(SPECIAL_LEADING) or name.startswith(SPECIAL_LEADING)
    return not (special or name.endswith("~") or site.excludes(document.path))


def _slug_name(document: Document) -> str:
    """The file's name without its extension and trailing dots."""
    name = posixpath.basename(document.path)
    stem = posixpath.splitext(name)[0] if "." in name[1:] else name
    return stem.rstrip(".")


def _slug(document: Document) -> str:
    """`Document#populate_title`'s slug: the file's name without its extension, its
    `YYYY-MM-DD-` date and trailing dots."""
    dated = dated_name(posixpath.basename(document.path))
    return dated[1].rstrip(".") if dated is not None else _slug_name(document)


def _extension(document: Document) -> str:
    """`Document#populate_title`'s `ext`: the file name's last extension (`.md`)."""
    name = posixpath.basename(document.path)
    return posixpath.splitext(name)[1] if "." in name[1:] else ""


def _slugify(value: str, pattern: re.Pattern[str], cased: bool) -> str:
    slug = pattern.sub("-", value)
    slug = slug.removeprefix("-").removesuffix("-")
    return slug if cased else slug.lower()


def _categories(document: Document, front_matter: Mapping[str, Any]) -> list[str]:
    # `Document#categories_from_path`: the folders above a post's `_posts`.
    above = posixpath.dirname(document.collection.folder) if document.dated else ""
    return categories(above.split("/") if above else [], front_matter)


def _placeholders(document: Document, front_matter: Mapping[str, Any]) -> dict[str, str]:
    """`Drops::UrlDrop` of a document."""
    relative = document.relative
    stem, extension = posixpath.splitext(relative)
    path = "/" + (stem if extension else relative).rstrip(".")
    basename = _slug_name(document)
    slug = front_matter.get("slug")
    slug_text = ruby_str(slug) if slug is not None else _slug(document)
    listed = _categories(document, front_matter)
    return {
        "collection": document.collection.label,
        "path": path,
        "name": _slugify(basename, _SLUG_DEFAULT, cased=False),
        "title": _slugify(slug_text, _SLUG_PRETTY, cased=True),
        "slug": _slugify(slug_text, _SLUG_DEFAULT, cased=False),
        "categories": "/".join(dict.fromkeys(item.lower() for item in listed)),
        "slugified_categories": "/".join(
            dict.fromkeys(_slugify(item, _SLUG_DEFAULT, cased=False) for item in listed)
        ),
        "output_ext": OUTPUT_EXT,
    }
