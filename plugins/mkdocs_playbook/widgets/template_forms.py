"""Communication templates: code blocks holding `{Placeholder}`s get a fill-in form.

Each distinct placeholder is one field, and one value across the site for the current
incident (the script keeps it in playbook.store). A field's kind comes from its name: the `#`
after `SEV-` is the incident's severity; times fill themselves until the responder types one
(`start`: the run's start; `detected`, `mitigated`, `resolved`: the run's events; `duration`:
from the run's start to its resolution; `timestamp`: now; `next-update`: now plus the severity's
cadence); `{Incident ID}` is the run's id until one is typed; links are URLs.

A line of `...` (or `…`) alone under a line of placeholders marks that line as repeating: the
form offers "add row", and a run's post-incident draft fills one row per timeline event. The
marker line is plain text, so it survives in a fenced code block and reads right without the
plugin, on GitHub or copied by hand: "more lines like the one above". The line's placeholders
belong to each row; elsewhere in one template, a time named twice is reported, since one name
is one value: "Start", "Detected" and "Resolved" written as `{UTC Timestamp}` all get the same
time.
"""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as etree

from markdown import util

from ..findings import Finding
from ..page.lines import At
from ..page.model import TemplateField, TemplateForm, TemplateRow
from ..page.reader import HEADINGS, heading_text
from ..page.source import line_starts
from ..page.tree import PageTree, collapse
from .placeholders import Placeholder, find_placeholders
from .render import PageContext, script_json, stable_id

_TIMESTAMP_RE = re.compile(r"timestamp|\butc\b|\bstart(ed)?\b|\bbegan\b|\bdetected\b", re.I)
_URL_RE = re.compile(r"\b(link|url|page|doc)\b", re.I)
_NEXT_UPDATE = {"next update", "next update time", "time"}
# The incident's own moments, by the names templates give them.
_MOMENTS = {
    "start": ("start", "started", "start time", "started at", "began", "began at"),
    "detected": ("detected", "detected at", "detection time"),
    # "Our team initiated mitigation at {Mitigation start time}": when it was marked mitigated.
    "mitigated": (
        "mitigated",
        "mitigated at",
        "mitigation time",
        "mitigation start",
        "mitigation start time",
        "mitigation started",
        "mitigation started at",
    ),
    "resolved": ("resolved", "resolved at", "resolution time"),
    "duration": ("duration", "duration of impact", "duration of client impact"),
}
_MOMENT_KINDS = {
    words: kind
    for kind, names in _MOMENTS.items()
    for name in names
    for words in (name, "incident " + name)
}
TIME_KINDS = frozenset({"start", "detected", "mitigated", "resolved", "timestamp", "next-update"})
"""Kinds whose value is a time, filled by the page until the responder types one."""
RUN_KINDS = frozenset({"start", "detected", "mitigated", "resolved", "duration", "incident"})
"""Kinds whose value the run knows: what code shows (code_placeholders.py), where the clock's
times stay as written (a command names no "now")."""
ROW_MARKERS = ("...", "…")
"""A line holding only one of these marks the line above it as repeating."""


def field_kind(placeholder: Placeholder, text: str) -> str:
    """The input a placeholder gets, from its name and what precedes it."""
    name = placeholder.name
    if name == "#" and text[: placeholder.start].endswith(("SEV-", "SEV ")):
        return "severity"
    words = " ".join(name.casefold().split())
    if words in _NEXT_UPDATE:
        return "next-update"
    if words == "incident id":
        return "incident"
    if words in _MOMENT_KINDS:
        return _MOMENT_KINDS[words]
    if _TIMESTAMP_RE.search(name) or words.endswith(" time"):
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


class _Cutter:
    """Cuts a template's text at its placeholders, collecting one field per name."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.fields: dict[str, TemplateField] = {}
        self.segments: list[tuple[str, ...]] = []

    def add_text(self, chunk: str) -> None:
        if not chunk:
            return
        if self.segments and self.segments[-1][0] == "text":
            self.segments[-1] = ("text", self.segments[-1][1] + chunk)
        else:
            self.segments.append(("text", chunk))

    def add_line(self, start: int, end: int, placeholders: list[Placeholder]) -> None:
        """The text from `start` to `end`, cut at `placeholders` (those within it)."""
        position = start
        for placeholder in placeholders:
            kind = field_kind(placeholder, self.text)
            label = _label(placeholder, kind)
            self.fields.setdefault(placeholder.key, TemplateField(placeholder.key, label, kind))
            self.add_text(self.text[position : placeholder.start])
            raw = self.text[placeholder.start : placeholder.end]
            self.segments.append(("field", placeholder.key, raw))
            position = placeholder.end
        self.add_text(self.text[position:end])


class _Layout:
    """A template's placeholders by line, and which lines repeat."""

    def __init__(self, text: str) -> None:
        self.placeholders = find_placeholders(text)
        self.lines = _lines(text)
        starts = [start for start, _ in self.lines]
        self.by_line: list[list[Placeholder]] = [[] for _ in self.lines]
        for placeholder in self.placeholders:
            self.by_line[bisect.bisect_right(starts, placeholder.start) - 1].append(placeholder)
        self.markers = {
            index
            for index, (start, end) in enumerate(self.lines)
            if index and text[start:end].strip() in ROW_MARKERS and self.by_line[index - 1]
        }

    def repeats(self, index: int) -> bool:
        return index + 1 in self.markers


def read_form(
    text: str,
    number: int,
    at: At,
    heading: str = "",
    name: str = "",
    layout: _Layout | None = None,
) -> TemplateForm | None:
    """The form for a code block's text, or None when it holds no placeholder; `layout` is
    the text's, when the caller has it already."""
    layout = layout or _Layout(text)
    if not layout.placeholders:
        return None
    form = _Cutter(text)
    rows: list[TemplateRow] = []
    kept = [index for index in range(len(layout.lines)) if index not in layout.markers]
    for position, index in enumerate(kept):
        start, end = layout.lines[index]
        if layout.repeats(index):
            row = _Cutter(text)
            row.add_line(start, end, layout.by_line[index])
            form.segments.append(("row", str(len(rows))))
            rows.append(
                TemplateRow(text[start:end], tuple(row.fields.values()), tuple(row.segments))
            )
        else:
            form.add_line(start, end, layout.by_line[index])
        if position < len(kept) - 1:
            form.add_text("\n")
    form_id = "template-form" if number == 1 else f"template-form-{number}"
    return TemplateForm(
        form_id,
        text,
        tuple(form.fields.values()),
        tuple(form.segments),
        at,
        rows=tuple(rows),
        heading=heading,
        name=name,
    )


def _lines(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of each line of `text`, without its newline."""
    starts = line_starts(text)
    return list(zip(starts, [start - 1 for start in starts[1:]] + [len(text)], strict=True))


def repeated_times(
    form: TemplateForm, layout: _Layout | None = None
) -> list[tuple[str, list[int]]]:
    """Time placeholders a template names more than once outside its repeating lines: each
    as written first, with the 0-based lines (in the block) where it stands."""
    kinds = {field.key: field.kind for field in form.fields}
    layout = layout or _Layout(form.text)
    found: dict[str, tuple[str, list[int]]] = {}
    for index, placeholders in enumerate(layout.by_line):
        if layout.repeats(index):
            continue
        for placeholder in placeholders:
            if kinds.get(placeholder.key) in TIME_KINDS:
                raw = form.text[placeholder.start : placeholder.end]
                found.setdefault(placeholder.key, (raw, []))[1].append(index)
    return [(raw, lines) for raw, lines in found.values() if len(lines) > 1]


def _name_above(tree: PageTree, holder: etree.Element) -> str:
    """The text of the paragraph that holds a code block (`**Internal (Slack)**` right above
    its fence), else of the paragraph or heading before it; "" when longer than a name."""
    name = ""
    if holder.tag == "p":
        # Its own words: the code block (and any raw HTML) stand in it as stash placeholders.
        text = "".join(holder.itertext()).replace(util.AMP_SUBSTITUTE, "&")
        name = collapse(util.HTML_PLACEHOLDER_RE.sub(" ", text))
    parent = tree.parent(holder)
    if not name and parent is not None:
        siblings = list(parent)
        before = siblings[: siblings.index(holder)]
        above = next((e for e in reversed(before) if e.tag == "p" or e.tag in HEADINGS), None)
        if above is not None:
            text = heading_text(tree, above) if above.tag in HEADINGS else tree.text(above)
            name = collapse(util.HTML_PLACEHOLDER_RE.sub(" ", text))
    return name if len(name) <= 80 else ""


class TemplateForms:
    """The `Feature` for communication templates."""

    def __init__(self) -> None:
        self._found: list[tuple[TemplateForm, etree.Element]] = []
        self._written_lines: list[str] | None = None

    def read(self, context: PageContext) -> None:
        for block in context.code_blocks:
            layout = _Layout(block.text)
            if not layout.placeholders:
                continue  # no form: neither its line nor its name is needed
            at = context.model.lines.register("code", collapse(block.text))
            number = len(self._found) + 1
            name = _name_above(context.tree, block.holder)
            form = read_form(block.text, number, at, block.heading, name, layout)
            if form is None:
                continue
            context.model.template_forms.append(form)
            context.model.ids.add(form.id)
            context.model.ids.update(f"{form.id}-{index}" for index in range(len(form.fields)))
            self._found.append((form, block.holder))
            repeats = repeated_times(form, layout)
            if repeats:
                first = self._first_line(context, form.at)
                context.model.problems.extend(_repeated(first, *repeat) for repeat in repeats)

    def _first_line(self, context: PageContext, at: At) -> int:
        """The file line of the first line of the code block registered at `at`: the one
        after its fence, if it has one; 0 when unknown."""
        line = at.line
        if not line:
            return 0
        lines = context.model.lines
        if self._written_lines is None:  # only for a page with a finding
            self._written_lines = lines.written.split("\n")
        index = lines.positions.written_line(line) - 1
        written = self._written_lines[index] if 0 <= index < len(self._written_lines) else ""
        return line + (1 if written.lstrip().startswith(("```", "~~~")) else 0)

    def render(self, context: PageContext) -> None:
        if self._found:
            context.use("template_form_controls", "template_field", "template_rows")
        # The key u comes to the page's first stakeholder update (template_forms.js).
        update = next((form for form, _ in self._found if form.promises_update), None)
        for form, block in self._found:
            data = script_json(form_data(form))
            markup = context.render("template_form.html", form=form, data=data, keys=form is update)
            context.tree.insert_after(block, markup)


def _repeated(first: int, raw: str, lines: list[int]) -> Finding:
    """The finding for a time placeholder written on `lines` of a template whose first line
    is `first` in its file (0: unknown)."""
    numbers = [str(first + line) for line in lines[:_LINES_NAMED]] if first else []
    if len(lines) > _LINES_NAMED:
        numbers.append("…")
    where = f" (lines {', '.join(numbers)})" if numbers else ""
    return Finding(
        line=first + lines[0] if first else 0,
        message=(
            f"`{raw}` appears {len(lines)} times in one template{where}; if these are "
            "different times, name them apart (`{Detected at}`, `{Resolved at}`), or mark a "
            "line that repeats with a line of `...` under it"
        ),
    )


_LINES_NAMED = 10
"""Lines a finding names: one finding stays one readable line."""


def form_data(form: TemplateForm) -> dict[str, object]:
    """What the form's script needs of a template: its fields (key, label, kind); its text cut
    at its placeholders, each text a string, each placeholder `[field index, as written]` and
    each repeating line `{"row": index}`; its repeating lines (a key for their values, their
    text, fields and segments); its name; whether it is an email (a `Subject:` first) and
    whether it promises the next stakeholder update."""
    return {
        "fields": _fields(form.fields),
        "segments": _segments(form.segments, form.fields),
        "rows": [
            {
                # What the row's values are kept under: short, whatever the line's length.
                "key": stable_id(row.text),
                "text": row.text,
                "fields": _fields(row.fields),
                "segments": _segments(row.segments, row.fields),
            }
            for row in form.rows
        ],
        "name": form.name,
        "subject": form.text.startswith("Subject:"),
        "update": form.promises_update,
    }


def _fields(fields: tuple[TemplateField, ...]) -> list[list[str]]:
    return [[field.key, field.label, field.kind] for field in fields]


def _segments(
    segments: tuple[tuple[str, ...], ...], fields: tuple[TemplateField, ...]
) -> list[object]:
    index = {field.key: position for position, field in enumerate(fields)}
    data: list[object] = []
    for segment in segments:
        if segment[0] == "text":
            data.append(segment[1])
        elif segment[0] == "row":
            data.append({"row": int(segment[1])})
        else:
            data.append([index[segment[1]], segment[2]])
    return data
