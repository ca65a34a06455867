"""GitHub alerts (`> [!WARNING]`) as Material admonitions.

A blockquote whose first line is only the marker becomes `<div class="admonition KIND">` with
a title, its remaining lines parsed as ordinary Markdown (lists, links and code keep working).
Any other blockquote stays a blockquote. Code is never touched: fenced code is stashed before
block processing, and the marker must stand alone on the line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockQuoteProcessor

# GitHub's five alert kinds and the titles it shows for them.
ALERT_TITLES = {
    "note": "Note",
    "tip": "Tip",
    "important": "Important",
    "warning": "Warning",
    "caution": "Caution",
}

_MARKER_RE = re.compile(
    r"^[ ]{0,3}>[ ]?[ \t]*\[!(?P<kind>" + "|".join(ALERT_TITLES) + r")\][ \t]*(?:\n|$)",
    re.IGNORECASE,
)


class AlertProcessor(BlockQuoteProcessor):
    """Turns a blockquote that opens with an alert marker into an admonition."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(_MARKER_RE.match(block)) and super().test(parent, block)

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        marker = _MARKER_RE.match(block)
        if marker is None:  # test() saw a marker; stay a blockquote if the block changed since
            blocks.insert(0, block)
            super().run(parent, blocks)
            return
        kind = marker.group("kind").lower()
        body = "\n".join(self.clean(line) for line in block[marker.end() :].split("\n"))
        alert = etree.SubElement(parent, "div", {"class": f"admonition {kind}"})
        title = etree.SubElement(alert, "p", {"class": "admonition-title"})
        title.text = ALERT_TITLES[kind]
        # Same state as a blockquote, so lists inside it wrap their items in <p> alike.
        self.parser.state.set("blockquote")
        self.parser.parseChunk(alert, body)
        self.parser.state.reset()
