"""Code blocks with placeholders become fill-in forms, one field per distinct name."""

from __future__ import annotations

import json

import markdown
import pytest

from mkdocs_playbook.extension import PlaybookExtension
from mkdocs_playbook.page.model import PageModel, TemplateField
from mkdocs_playbook.widgets.placeholders import find_placeholders
from mkdocs_playbook.widgets.template_forms import field_kind, form_data, read_form, repeated_times

SLACK = """:rotating_light: SEV-{#} | {Summary}
Start: {UTC Timestamp}
Next update: {Time}
Tracker: {Incident doc link}"""

PAGE = f"""# Templates

**Internal (Slack)**
```
{SLACK}
```

**Client (Email)**
```
Subject: Update — {{summary}}

Mitigation at {{Mitigation start time}}. Next by {{time}}.
```

```bash
echo ${{HOME}} {{"a": 1}}
```
"""


def read(text: str) -> tuple[str, PageModel]:
    models: list[PageModel] = []
    html = markdown.markdown(
        text, extensions=[PlaybookExtension(on_page_model=models.append), "fenced_code"]
    )
    return html, models[0]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("SEV-{#}", "severity"),
        ("Number {#}", "text"),
        ("Start: {UTC Timestamp}", "timestamp"),
        # When mitigation began is when the run was marked mitigated, not now.
        ("at {Mitigation start time}", "mitigated"),
        ("{Mitigation started at}", "mitigated"),
        ("{Duration}", "duration"),
        ("{Incident duration}", "duration"),
        ("Duration of client impact: {Duration of client impact}", "duration"),
        ("Next update: {Time}", "next-update"),
        ("by {time}", "next-update"),
        ("{Next update}", "next-update"),
        ("{Incident doc link}", "url"),
        ("{status page or shared doc}", "url"),
        ("{Summary}", "text"),
        ("{What we are doing}", "text"),
        # The incident's own moments, filled from the run.
        ("Start: {Started at}", "start"),
        ("{Incident  start}", "start"),
        ("{Detected at}", "detected"),
        ("{Mitigated at}", "mitigated"),
        ("{resolved}", "resolved"),
        # Another start is a time, now until typed; a review to come is the responder's.
        ("{Freeze started at}", "timestamp"),
        ("{Next review at}", "text"),
    ],
)
def test_field_kind_from_name(text: str, kind: str) -> None:
    (placeholder,) = find_placeholders(text)
    assert field_kind(placeholder, text) == kind


def test_form_fields_and_segments() -> None:
    form = read_form(SLACK, 1, 5)
    assert form is not None
    assert form.fields == (
        TemplateField("#", "Severity (SEV-#)", "severity"),
        TemplateField("summary", "Summary", "text"),
        TemplateField("utc timestamp", "UTC Timestamp", "timestamp"),
        TemplateField("time", "Time (next update)", "next-update"),
        TemplateField("incident doc link", "Incident doc link", "url"),
    )
    assert form.segments[:3] == (
        ("text", ":rotating_light: SEV-"),
        ("field", "#", "{#}"),
        ("text", " | "),
    )
    assert "".join(s[1] if s[0] == "text" else s[2] for s in form.segments) == SLACK


def test_page_forms_with_lines_and_shared_keys() -> None:
    html, model = read(PAGE)
    slack, email = model.template_forms
    assert (slack.id, slack.line) == ("template-form", 4)
    assert (email.id, email.line) == ("template-form-2", 12)
    # One value across templates: {Summary} and {summary}, {Time} and {time}.
    assert {f.key for f in slack.fields} & {f.key for f in email.fields} == {"summary", "time"}
    assert html.count('<div class="playbook-form"') == 2
    assert "template-form-2" in model.ids


def test_form_markup_carries_fields_and_segments_as_data() -> None:
    html, _ = read(PAGE)
    start = html.index('<div class="playbook-form" id="template-form-2"')
    widget = html[start : html.index("</div>", start)]
    raw = widget.split('<script type="application/json">', 1)[1].split("</script>", 1)[0]
    data = json.loads(raw)
    assert data["subject"] is True and data["update"] is True
    assert data["fields"][1] == ["mitigation start time", "Mitigation start time", "mitigated"]
    # Text as strings, placeholders as [field index, as written].
    assert data["segments"][:3] == ["Subject: Update — ", [0, "{summary}"], "\n\nMitigation at "]
    # The controls are the page's, once: not in the widget.
    assert "Now (UTC)" not in widget
    assert html.count('<template data-playbook-controls="template_field"') == 1


def test_form_data_cannot_close_its_script_element() -> None:
    html, model = read("```\n</script><script>alert(1)</script> {Summary}\n```\n")
    assert len(model.template_forms) == 1
    assert "</script><script>" not in html
    raw = html.split('<script type="application/json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(raw)["segments"][0] == "</script><script>alert(1)</script> "


def test_code_without_placeholders_gets_no_form() -> None:
    html, model = read('```bash\necho ${HOME} {"a": 1}\n```\n')
    assert model.template_forms == [] and "playbook-form" not in html


def test_highlighted_code_blocks_are_found() -> None:
    models: list[PageModel] = []
    markdown.markdown(
        "Slack:\n```\nSEV-{#} | {Summary}\n```\n",
        extensions=[PlaybookExtension(on_page_model=models.append), "pymdownx.superfences"],
    )
    (form,) = models[0].template_forms
    assert [f.key for f in form.fields] == ["#", "summary"]
    assert form.line == 2


REVIEW = """Start: {UTC Timestamp}
Detected: {UTC Timestamp}
Incident: {Incident ID} / {Incident ID}

Timeline
{UTC Timestamp} - {Event}
...
Actions
{Action} | Owner: {Name}
…
Done"""


def test_a_line_of_dots_under_a_line_marks_it_as_repeating() -> None:
    form = read_form(REVIEW, 1, 1)
    assert form is not None
    assert [row.text for row in form.rows] == [
        "{UTC Timestamp} - {Event}",
        "{Action} | Owner: {Name}",
    ]
    # A row's placeholders are its own: {Name} and {Event} are no fields of the form.
    assert [field.key for field in form.fields] == ["utc timestamp", "incident id"]
    assert [field.key for field in form.rows[0].fields] == ["utc timestamp", "event"]
    data = form_data(form)
    assert data["segments"][-5:-1] == ["\n\nTimeline\n", {"row": 0}, "\nActions\n", {"row": 1}]
    # The marker lines are gone from what the form fills in; the last line stays.
    assert form.segments[-1] == ("text", "\nDone")
    assert "..." not in "".join(s[1] for s in form.segments if s[0] == "text")


@pytest.mark.parametrize(
    "text",
    [
        "Start: {Start}\n...\n",  # not alone: the marker is on the same line
        "Text without placeholders\n...\n{Summary}",
        "{Summary}\n\n...",  # a blank line between
        "{Summary}\n....",
    ],
)
def test_dots_elsewhere_are_text(text: str) -> None:
    form = read_form(text.replace("{Start}\n...", "{Start} ..."), 1, 1)
    assert form is not None and form.rows == ()


def test_a_time_named_twice_outside_repeating_lines_is_reported() -> None:
    form = read_form(REVIEW, 1, 1)
    assert form is not None
    # {Incident ID} twice is one value, as meant; the row's time is each row's own.
    assert repeated_times(form) == [("{UTC Timestamp}", [0, 1])]


def test_the_finding_names_the_lines_in_the_file() -> None:
    models: list[PageModel] = []
    page = "# T\n\nText.\n\n```\nA: {UTC Timestamp}\n{x} - {Event}\n...\nB: {utc timestamp}\n```\n"
    markdown.markdown(
        page, extensions=[PlaybookExtension(on_page_model=models.append), "fenced_code"]
    )
    (problem,) = models[0].problems
    assert problem.line == 6
    assert problem.message.startswith(
        "`{UTC Timestamp}` appears 2 times in one template (lines 6, 9); if these are different "
        "times, name them apart"
    )


def test_a_template_gets_the_name_written_above_it() -> None:
    _, model = read(PAGE)
    assert [form.name for form in model.template_forms] == ["Internal (Slack)", "Client (Email)"]
