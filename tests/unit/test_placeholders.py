from __future__ import annotations

import pytest

from playbook.placeholders import find_placeholders


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (":rotating_light: SEV-{#} | {Summary}", ["#", "Summary"]),
        (
            "Start: {UTC Timestamp}\nTracker: {Incident doc link}",
            ["UTC Timestamp", "Incident doc link"],
        ),
        ("by {time}. Track: {status page or shared doc}.", ["time", "status page or shared doc"]),
        ("{ Summary } and {Customer's name} {x_y} {é}", ["Summary", "Customer's name", "x_y", "é"]),
        ('${VAR} {{ site.title }} {{x}} {"a": 1} {1abc} {} { } {a}}', []),
        ("fn() { return x; } {#} {##}", ["#"]),
        ("{" + "a" * 60 + "} {" + "a" * 61 + "}", ["a" * 60]),
    ],
)
def test_names(text: str, names: list[str]) -> None:
    assert [p.name for p in find_placeholders(text)] == names


def test_offsets_raw_and_key() -> None:
    (placeholder,) = find_placeholders("at { Time } now")
    assert (placeholder.start, placeholder.end) == (3, 11)
    assert placeholder.raw == " Time "
    assert placeholder.key == "time"
