"""Reads a page's rendered HTML, once, into its `PageModel`, with lines from the source map."""

from __future__ import annotations

from .htmltree import Element
from .model import Heading, Link, PageModel
from .sourcemap import SourceMap, normalise

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LINK_ATTRIBUTES = {
    "a": "href",
    "img": "src",
    "link": "href",
    "script": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "area": "href",
}


def heading_text(element: Element) -> str:
    """A heading's text without the permalink (`¶`) that the toc extension appends."""
    parts: list[str] = []
    for child in element.children:
        if isinstance(child, str):
            parts.append(child)
        elif "headerlink" not in child.classes():
            parts.append(child.text())
    return normalise("".join(parts))


def read_page(tree: Element, source: SourceMap) -> PageModel:
    """The page model of `tree`: headings, ids and links, each with its source line."""
    model = PageModel()
    for element in tree.iter():
        if element.attrs.get("id"):
            model.ids.add(element.attrs["id"])
        if element.tag in _HEADINGS:
            text = heading_text(element)
            model.headings.append(
                Heading(
                    int(element.tag[1]), text, element.attrs.get("id"), source.take("heading", text)
                )
            )
        attribute = _LINK_ATTRIBUTES.get(element.tag)
        if attribute and attribute in element.attrs:
            model.links.append(Link(element.attrs[attribute], element.tag, 0, 0, None))
        if element.tag == "a" and "name" in element.attrs:
            model.ids.add(element.attrs["name"])
    model.links = _with_source(model.links, source)
    return model


def _with_source(links: list[Link], source: SourceMap) -> list[Link]:
    """Links matched, in order, to the destinations written in the Markdown.

    MkDocs rewrites `.md` destinations to URLs, so a destination matches when it is equal, or
    equal once both lose their file extension; widgets' and Material's links match nothing.
    """
    pending = list(source.links)
    matched: list[Link] = []
    for link in links:
        index = next(
            (i for i, s in enumerate(pending[:50]) if _same_target(s.href, link.href)), None
        )
        if index is None:
            matched.append(link)
            continue
        found = pending.pop(index)
        matched.append(Link(link.href, link.tag, found.line, found.column, found.href))
    return matched


def _same_target(written: str, rendered: str) -> bool:
    if written == rendered:
        return True
    return _stem(written) == _stem(rendered)


def _stem(href: str) -> tuple[str, str]:
    path, _, fragment = href.partition("#")
    path = path.rsplit("/", 1)[-1]
    for suffix in (".md", ".html"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
    return path.lower(), fragment
