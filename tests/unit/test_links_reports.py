"""CI reports from findings: GitHub Actions annotations and JUnit XML."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import pytest

from mkdocs_playbook.findings import Finding
from mkdocs_playbook.links.reports import (
    ANNOTATION_LIMIT,
    annotation,
    github_annotations,
    junit_xml,
    step_summary,
)

ANCHOR = Finding(
    "docs/operations/PLAYBOOK.md",
    42,
    15,
    "link target DATABASE.md#recovery-procedure: no such anchor; did you mean #recovery?",
    "warning",
    "missing_anchor",
)
LISTED = Finding(
    "docs/index.md", 3, 1, "link target https://x.example/: external", "info", "external"
)


@pytest.mark.parametrize(
    ("finding", "expected"),
    [
        (
            ANCHOR,
            "::error file=docs/operations/PLAYBOOK.md,line=42,col=15,title=missing_anchor::"
            "link target DATABASE.md#recovery-procedure: no such anchor; did you mean #recovery?",
        ),
        (
            LISTED,
            "::notice file=docs/index.md,line=3,col=1,title=external::"
            "link target https://x.example/: external",
        ),
        (
            Finding("docs/a,b.md", 0, 0, "100% broken\nreally"),
            "::error file=docs/a%2Cb.md,title=content::100%25 broken%0Areally",
        ),
    ],
)
def test_annotation(finding: Finding, expected: str) -> None:
    assert annotation(finding) == expected


def test_annotations_end_with_a_summary_that_mentions_the_limit() -> None:
    many = [Finding("docs/x.md", n, 0, f"broken {n}") for n in range(1, ANNOTATION_LIMIT + 3)]
    lines = github_annotations([*many, LISTED]).splitlines()
    assert len(lines) == len(many) + 2
    assert lines[-1] == (
        f"mkdocs-playbook: {len(many)} problem(s) that fail --strict, 1 listed for information; "
        f"GitHub annotates only the first {ANNOTATION_LIMIT}, all are listed above"
    )


def test_junit_has_one_failure_per_failing_finding() -> None:
    root = etree.fromstring(junit_xml([ANCHOR, LISTED]))
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuite", "1", "1")
    [case] = root.findall("testcase")
    assert case.get("name") == "docs/operations/PLAYBOOK.md:42:15"
    assert case.get("classname") == "missing_anchor"
    failure = case.find("failure")
    assert failure is not None and failure.text == str(ANCHOR)
    out = root.find("system-out")
    assert out is not None and out.text == str(LISTED)


def test_junit_without_failures_still_shows_a_passing_case() -> None:
    root = etree.fromstring(junit_xml([]))
    assert root.get("failures") == "0"
    assert [case.get("name") for case in root.findall("testcase")] == ["no problems"]
    assert root.find(".//failure") is None


def test_step_summary_lists_every_failing_finding() -> None:
    many = [Finding("docs/x.md", n, 0, f"broken {n}") for n in range(1, ANNOTATION_LIMIT + 3)]
    summary = step_summary([*many, LISTED]).splitlines()
    assert summary[0] == f"### mkdocs-playbook: {len(many)} problem(s) that fail --strict"
    assert summary[2:] == [f"- `docs/x.md:{n}: broken {n}`" for n in range(1, len(many) + 1)]
