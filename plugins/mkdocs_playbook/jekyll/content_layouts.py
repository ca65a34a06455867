"""The site's own layouts around a page's content inside Just the Docs' page
(`own_layouts.InTheme`): what they print before and after `{{ content }}`, rendered by the
site's Liquid for the page, innermost layout first, as Jekyll renders them.

Each layout is rendered with `content` a marker standing for the page's HTML, which does not
exist yet when the tree is built; the marker is found once in the outermost layout's output,
and what stands on either side is the HTML that goes before and after the content. Layouts
that print the content as it is (`{{ content }}`) come out as Jekyll's; one that leaves it out
or prints it more than once is reported and left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import Finding
from .rewrite import PageInput, Rewrites

CONTENT = "\x02playbook:content\x03"
"""Stands for the page's HTML in the layouts' Liquid: control characters no page holds."""


@dataclass(frozen=True)
class Around:
    """The HTML the page's layouts print before and after its content."""

    before: str = ""
    after: str = ""
    problems: list[Finding] = field(default_factory=list)
    """What their Liquid could not render, on the page, naming the layout's line."""


def around_content(rewrites: Rewrites, page: PageInput) -> Around:
    """The HTML `page.layouts` print around the page's content, rendered for `page`."""
    text = CONTENT
    problems: list[Finding] = []
    for layout in page.layouts:
        rendered = rewrites.apply_to_layout(layout.template, page, text)
        # On the page (the layout is no page of its own), saying where in the layout.
        problems += [Finding(message=str(p.at_path(layout.shown))) for p in rendered.problems]
        text = rendered.text
    parts = text.split(CONTENT)
    if len(parts) != 2:
        shown = " in ".join(layout.shown for layout in page.layouts)
        times = "does not print" if len(parts) == 1 else f"prints {len(parts) - 1} times"
        message = (
            f"layout {shown} {times} the page's content (`{{{{ content }}}}` as it is): "
            "shown without the layout"
        )
        return Around(problems=[*problems, Finding(message=message)])
    return Around(parts[0], parts[1], problems)
