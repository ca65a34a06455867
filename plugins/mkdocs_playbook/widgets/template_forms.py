"""Communication templates: code blocks holding `{Placeholder}`s get a fill-in form.

Each distinct placeholder is one field, and one value across the site for the current
incident (the script keeps it in playbookStore). The field's input is chosen by its name:
the `#` after `SEV-` is the incident's severity, timestamps get "Now (UTC)", the next update
time can be filled from the severity's cadence, links are URLs.
"""

from __future__ import annotations

import json
import re

from ..page.htmltree import Element
from ..page.model import TemplateField, TemplateForm
from ..page.sourcemap import normalise
from .placeholders import Placeholder, find_placeholders
from .render import Edit, PageContext
from .severity import settings_from

_TIMESTAMP_RE = re.compile(r"timestamp|\butc\b|\bstart(ed)?\b|\bbegan\b|\bdetected\b", re.I)
_NEXT_RE = re.compile(r"^(next update|next update time|time)$", re.I)
_URL_RE = re.compile(r"\b(link|url|page|doc)\b", re.I)


def field_kind(placeholder: Placeholder, text: str) -> str:
    """The input a placeholder gets, from its name and what precedes it."""
    name = placeholder.name
    if name == "#" and text[: placeholder.start].endswith(("SEV-", "SEV ")):
        return "severity"
    if _NEXT_RE.match(name):
        return "next-update"
    if _TIMESTAMP_RE.search(name) or name.casefold().endswith(" time"):
        return "timestamp"
    if _URL_RE.search(name):
        return "url"
    return "text"


def _label(placeholder: Placeholder, kind: str) -> str:
    if kind == "severity":
        return "Severity (SEV-#)"
    label = placeholder.name[:1].upper() + placeholder.name[1:]
    if kind == "next-update" and "next" not in placeholder.name.casefold():
        label += " (next update)"
    return label


def read_form(text: str, number: int, line: int) -> TemplateForm | None:
    """The form for a code block's text, or None when it holds no placeholder."""
    placeholders = find_placeholders(text)
    if not placeholders:
        return None
    fields: dict[str, TemplateField] = {}
    segments: list[tuple[str, ...]] = []
    position = 0
    for placeholder in placeholders:
        kind = field_kind(placeholder, text)
        fields.setdefault(
            placeholder.key, TemplateField(placeholder.key, _label(placeholder, kind), kind)
        )
        if placeholder.start > position:
            segments.append(("text", text[position : placeholder.start]))
        segments.append(("field", placeholder.key, text[placeholder.start : placeholder.end]))
        position = placeholder.end
    if position < len(text):
        segments.append(("text", text[position:]))
    form_id = "template-form" if number == 1 else f"template-form-{number}"
    return TemplateForm(form_id, text, tuple(fields.values()), tuple(segments), line)


def _outermost_block(pre: Element) -> Element:
    """The `<pre>`, or the highlight wrapper around it, after which the form goes."""
    block = pre
    while block.parent is not None and "highlight" in block.parent.classes():
        block = block.parent
    return block


class TemplateForms:
    """The `Feature` for communication templates."""

    def __init__(self) -> None:
        self._found: list[tuple[TemplateForm, Element]] = []

    def read(self, context: PageContext) -> None:
        for pre in context.tree.iter("pre"):
            # Pygments starts a highlighted block with an empty <span>.
            code = next((child for child in pre.elements if child.tag == "code"), None)
            if code is None:
                continue
            text = code.raw_text().removesuffix("\n")
            line = context.source.take("code", normalise(text))
            form = read_form(text, len(self._found) + 1, line)
            if form is None:
                continue
            context.model.template_forms.append(form)
            context.model.ids.add(form.id)
            context.model.ids.update(f"{form.id}-{index}" for index in range(len(form.fields)))
            self._found.append((form, _outermost_block(pre)))

    def render(self, context: PageContext) -> list[Edit]:
        template = context.environment.get_template("playbook/template_form.html")
        cadence = json.dumps(dict(settings_from(context.settings).cadence))
        return [
            Edit(
                block.end,
                block.end,
                template.render(
                    site_id=context.settings["site_id"],
                    page_id=context.page_id,
                    form=form,
                    segments=json.dumps(form.segments, ensure_ascii=False),
                    cadence=cadence,
                    subject=form.text.startswith("Subject:"),
                    update=any(field.kind == "next-update" for field in form.fields),
                ),
            )
            for form, block in self._found
        ]
