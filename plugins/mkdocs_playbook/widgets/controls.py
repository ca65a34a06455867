"""The page's script-only controls: rendered once per page, cloned by the scripts.

Each widget kind asks for the fragments of its controls (`PageContext.use`); this last
feature renders each of them once, in a `<template>`, at the end of the content, beside what
the scripts need to know of the page and the site: the names of its stored state and the
update cadence (`controls.html`).
"""

from __future__ import annotations

import json

from .render import PageContext


class PageControls:
    """The `Feature` that comes last: the controls the others asked for."""

    def read(self, context: PageContext) -> None:
        """Nothing of its own to read."""

    def render(self, context: PageContext) -> None:
        if not context.controls:
            return
        cadence = context.settings.severity.script_cadence()
        markup = context.render(
            "controls.html", names=context.controls, cadence=json.dumps(cadence)
        )
        context.model.controls = markup
        context.append(markup)
