"""A Just the Docs parent page as its section's own page in Material's nav.

Just the Docs shows a parent page as one nav entry: its link, with an expander for its
children. Material gives a section its own link (`navigation.indexes`) only when a child
page `is_index`, which MkDocs grants to `index.md` and `README.md` alone; any other parent
page (`getting_started.md` with `permalink: /getting-started/`) would show as a section label
with the page again as its first child. A page made here says it is an index, whatever its
file's name, as Material's blog plugin makes its own pages (`View`, `Post`): before MkDocs
builds the nav, which takes a file's page when it has one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

FEATURE = "navigation.indexes"
"""Material's feature that shows a section's index page as the section's own link."""


class SectionPage(Page):
    """A page that leads its section of the nav, as a Just the Docs parent page does."""

    @property
    def is_index(self) -> bool:
        return True


def lead_sections(indexes: Mapping[str, str], files: Files, config: MkDocsConfig) -> None:
    """Make each page of `indexes` (path → nav title) its section's index page, and turn on
    `navigation.indexes`, so that Material shows it as Just the Docs does.

    Call it once the pages' URLs are final: a page computes its canonical URL when made. A
    page another plugin made already is left as it is.
    """
    for src_uri, title in indexes.items():
        file = files.get_file_from_path(src_uri)
        if file is not None and file.page is None:
            SectionPage(title, file, config)
    features = config.theme.get("features")
    # Without the feature, Material lists the page again under a label of its own title.
    if indexes and isinstance(features, list) and FEATURE not in features:
        features.append(FEATURE)


def sections_answer_is_index(nav: Navigation, config: MkDocsConfig) -> None:
    """Under `navigation.indexes`, Material asks every child of every section of the nav, on
    every page, whether it `is_index`; a `Section` has no such attribute, so Jinja answers
    undefined only after two exceptions (no attribute, not subscriptable): a third of the
    feature's cost. Each section says `False`, which the template reads as it read undefined.
    A section that answers already (a class of another plugin's) is left as it is."""
    features = config.theme.get("features")
    if not isinstance(features, list) or FEATURE not in features:
        return
    for section in _sections(nav.items):
        if not hasattr(section, "is_index"):
            section.is_index = False  # type: ignore[attr-defined]


def _sections(items: Iterable[StructureItem]) -> Iterable[Section]:
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from _sections(item.children)
