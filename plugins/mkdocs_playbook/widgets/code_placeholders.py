"""Placeholders in the page's code, marked where they stand for the script to fill.

With an incident run declared, a command such as `aoctl deploy freeze --incident {Incident ID}`
shows the run's id in place of its placeholder (template_forms.js). The build wraps each
placeholder of inline code, indented code and highlighted blocks in
`<span data-playbook-spot="key" data-playbook-kind="kind">`, found by the one parser of
placeholders (placeholders.py); the script only swaps a span's content. A kind the run does not
know is `text`: a command names no "now", so only a typed value fills it.

A highlighter may split a placeholder across its spans (`{`, `Incident`, ` `, `ID`, `}`): the
wrapper then closes and reopens the spans open at its edges, so the highlighting stays and the
markup stays well formed.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import util

from ..page.tree import PageTree
from .placeholders import Placeholder, find_placeholders
from .template_forms import RUN_KINDS, field_kind

_TOKEN_RE = re.compile(r"(<[^>]*>)|([^<]+)")
_TAG_NAME_RE = re.compile(r"</?\s*([A-Za-z][\w-]*)")
_VOID = frozenset({"br", "img", "wbr", "hr", "input"})
_SPOT = "data-playbook-spot"


def spot_attributes(placeholder: Placeholder, text: str) -> dict[str, str]:
    """What a placeholder's span says: its key, and its kind where the run knows it."""
    kind = field_kind(placeholder, text)
    return {_SPOT: placeholder.key, "data-playbook-kind": kind if kind in RUN_KINDS else "text"}


def mark_code(tree: PageTree) -> None:
    """Wraps each placeholder of the page's code in its span: inline and indented code in
    the tree, highlighted blocks in the stash (the raw HTML the highlighter made)."""
    for code in tree.root.iter("code"):
        if not len(code):
            _wrap_element(code)
    blocks = tree.md.htmlStash.rawHtmlBlocks
    for index, raw in enumerate(blocks):
        if isinstance(raw, str) and _SPOT not in raw and tree.code_text(raw) is not None:
            blocks[index] = wrap_highlighted(raw)


def _wrap_element(code: etree.Element) -> None:
    # Python-Markdown keeps code escaped (`&lt;`) and atomic: so are the pieces.
    text = html.unescape(code.text or "")
    found = find_placeholders(text) if "{" in text else []
    if not found:
        return
    code.text = util.AtomicString(util.code_escape(text[: found[0].start]))
    for index, placeholder in enumerate(found):
        end = found[index + 1].start if index + 1 < len(found) else len(text)
        span = etree.SubElement(code, "span", spot_attributes(placeholder, text))
        span.text = util.AtomicString(util.code_escape(text[placeholder.start : placeholder.end]))
        span.tail = util.AtomicString(util.code_escape(text[placeholder.end : end]))


def wrap_highlighted(raw: str) -> str:
    """`raw` (a highlighted block's HTML) with each placeholder of its `<code>` wrapped."""
    code_at = raw.find("<code")
    start = raw.find(">", code_at) + 1 if code_at >= 0 else 0
    end = raw.rfind("</code>")
    if not start or end < start:
        return raw
    tokens = [(m.group(1), m.group(2)) for m in _TOKEN_RE.finditer(raw, start, end)]
    text = "".join(html.unescape(piece) for tag, piece in tokens if tag is None)
    found = find_placeholders(text) if "{" in text else []
    if not found:
        return raw
    starts = {placeholder.start: placeholder for placeholder in found}
    ends = {placeholder.end for placeholder in found}
    out = [raw[:start]]
    stack: list[tuple[str, str]] = []  # the tags open where the text stands: (name, as written)
    closed: set[int] = set()  # the ends already written
    opened: set[int] = set()  # the starts already written

    def edge(mark: str) -> None:
        # Spans open across an edge are closed before it and reopened after it.
        closing = "".join(f"</{name}>" for name, _ in reversed(stack))
        out.append(closing + mark + "".join(tag for _, tag in stack))

    def closing(offset: int) -> None:
        if offset in ends and offset not in closed:
            closed.add(offset)
            edge("</span>")

    def opening(offset: int) -> None:
        if offset in starts and offset not in opened:
            opened.add(offset)
            attributes = spot_attributes(starts[offset], text)
            edge(
                "<span " + " ".join(f'{k}="{html.escape(v)}"' for k, v in attributes.items()) + ">"
            )

    position = 0
    opening(0)
    for tag, piece in tokens:
        if tag is not None:
            out.append(tag)
            name = _TAG_NAME_RE.match(tag)
            if name is None or name.group(1).lower() in _VOID or tag.endswith("/>"):
                continue
            if tag.startswith("</"):
                if stack:
                    stack.pop()
            else:
                stack.append((name.group(1), tag))
            continue
        piece = html.unescape(piece)
        # An end where the text resumes, a start where it stops (or resumes, past the closing
        # tags of a span it stopped in): the fewest spans cut.
        closing(position)
        opening(position)
        for offset in range(position + 1, position + len(piece)):
            if offset in ends or offset in starts:
                out.append(html.escape(piece[: offset - position], quote=False))
                piece, position = piece[offset - position :], offset
                closing(offset)
                opening(offset)
        out.append(html.escape(piece, quote=False))
        position += len(piece)
        if position in starts and not stack:
            # A placeholder right after another: the first ends before the second begins.
            closing(position)
            opening(position)
    closing(position)
    out.append(raw[end:])
    return "".join(out)
