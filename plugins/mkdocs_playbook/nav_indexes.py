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

from collections.abc import Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
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
