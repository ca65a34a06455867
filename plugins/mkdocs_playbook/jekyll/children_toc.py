"""Just the Docs' "Table of contents" of child pages, which its `default` layout prints after
a parent page's content (`components/children_nav.html` with `toc_heading_custom.html`): a
rule, an H2 "Table of contents" of class `text-delta` (or what the site's own
`toc_heading_custom.html` prints), and a list of links to the children,
each followed by " - " and the child's `summary` when it has one.

Which children, in which order, is the navigation's (`navigation.SiteNav.tables`); this puts
them at the end of the page's element tree, with links to the children's Markdown files so
MkDocs makes them URLs in either URL style and its link check and ours see them.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from collections.abc import Sequence
from urllib.parse import quote

from .navigation import ChildLink

HEADING = "Table of contents"
"""Just the Docs' own `toc_heading_custom.html`."""
HEADING_INCLUDE = "toc_heading_custom.html"
"""The include Just the Docs prints as the table's heading: a site's own wins over it."""


def append_children_toc(
    root: etree.Element,
    src_uri: str,
    children: Sequence[ChildLink],
    heading: Sequence[etree.Element] | None = None,
) -> None:
    """The table of contents of `children` at the end of the page at `src_uri` (`root`),
    under `heading` (the site's `toc_heading_custom.html`; none when it prints nothing), else
    Just the Docs' own.

    Held in a `data-search-exclude` element: Just the Docs' search indexes the content
    before the layout adds the table (and removes "Table of contents" from it too).
    """
    if not children:
        return
    holder = etree.SubElement(
        root, "div", {"class": "playbook-children", "data-search-exclude": ""}
    )
    etree.SubElement(holder, "hr")
    if heading is None:
        own = etree.SubElement(holder, "h2", {"class": "text-delta"})
        own.text = HEADING
    else:
        holder.extend(heading)
    listing = etree.SubElement(holder, "ul")
    folder = posixpath.dirname(src_uri)
    for child in children:
        item = etree.SubElement(listing, "li")
        href = posixpath.relpath(child.src_uri, folder or ".")
        link = etree.SubElement(item, "a", {"href": quote(href)})
        link.text = child.title
        if child.summary is not None:
            link.tail = f" - {child.summary}"
