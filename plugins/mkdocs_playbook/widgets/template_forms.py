"""Communication templates: code blocks holding `{Placeholder}`s get a fill-in form.

Each distinct placeholder is one field, and one value across the site for the current
incident (the script keeps it in playbookStore). The field's input is chosen by its name:
the `#` after `SEV-` is the incident's severity, timestamps get "Now (UTC)", the next update
time can be filled from the severity's cadence, links are URLs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from ..page.lines import At
from ..page.model import TemplateField, TemplateForm
from ..page.tree import PageTree, collapse
from .placeholders import Placeholder, find_placeholders
from .render import PageContext, script_json

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


def read_form(text: str, number: int, at: At) -> TemplateForm | None:
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
    return TemplateForm(form_id, text, tuple(fields.values()), tuple(segments), at)


def code_blocks(tree: PageTree) -> list[tuple[etree.Element, str]]:
    """Each code block of the page, in order: the element the form goes after, and its text.

    Python-Markdown leaves indented code in the tree as `<pre><code>`; superfences puts its
    highlighted blocks in the stash, with a placeholder where they stand: alone in a
    paragraph, or at the end of the paragraph they follow without a blank line.
    """
    blocks: list[tuple[etree.Element, str]] = []
    for element, tail in tree.walk():
        if not tail and element.tag == "pre":
            code = next((child for child in element if child.tag == "code"), None)
            if code is not None:
                text = tree.readable("".join(code.itertext()))
                blocks.append((element, text.removesuffix("\n")))
        holder = tree.parent(element) if tail else element
        if holder is None:
            continue
        for raw in tree.stashed(element.tail if tail else element.text):
            code_text = tree.code_text(raw)
            if code_text is not None:
                blocks.append((holder, code_text.removesuffix("\n")))
    return blocks


class TemplateForms:
    """The `Feature` for communication templates."""

    def __init__(self) -> None:
        self._found: list[tuple[TemplateForm, etree.Element]] = []

    def read(self, context: PageContext) -> None:
        for block, text in code_blocks(context.tree):
            at = context.model.lines.register("code", collapse(text))
            form = read_form(text, len(self._found) + 1, at)
            if form is None:
                continue
            context.model.template_forms.append(form)
            context.model.ids.add(form.id)
            context.model.ids.update(f"{form.id}-{index}" for index in range(len(form.fields)))
            self._found.append((form, block))

    def render(self, context: PageContext) -> None:
        if self._found:
            context.use("template_form_controls", "template_field")
        for form, block in self._found:
            data = script_json(form_data(form))
            context.tree.insert_after(
                block, context.render("template_form.html", form=form, data=data)
            )


def form_data(form: TemplateForm) -> dict[str, object]:
    """What the form's script needs of a template: its fields (key, label, kind); its text cut
    at its placeholders, each text a string and each placeholder `[field index, as written]`;
    whether it is an email (a `Subject:` first) and whether it promises the next stakeholder
    update."""
    index = {field.key: position for position, field in enumerate(form.fields)}
    return {
        "fields": [[field.key, field.label, field.kind] for field in form.fields],
        "segments": [
            segment[1] if segment[0] == "text" else [index[segment[1]], segment[2]]
            for segment in form.segments
        ],
        "subject": form.text.startswith("Subject:"),
        "update": any(field.kind == "next-update" for field in form.fields),
    }
