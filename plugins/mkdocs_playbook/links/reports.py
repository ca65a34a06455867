"""The build's findings as CI reads them: GitHub Actions annotations and a JUnit XML file."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Sequence

from ..findings import Finding

ANNOTATION_LIMIT = 10
"""GitHub shows at most this many annotations of one type per step; the rest only in the log."""

_COMMANDS = {"warning": "error", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    """`::error file=docs/x.md,line=42,col=15::message`; warnings fail the build, so errors."""
    properties = [f"file={_escape_property(finding.path)}"]
    if finding.line:
        properties.append(f"line={finding.line}")
    if finding.column:
        properties.append(f"col={finding.column}")
    properties.append(f"title={_escape_property(finding.kind or 'content')}")
    command = _COMMANDS.get(finding.level, "warning")
    return f"::{command} {','.join(properties)}::{_escape_data(finding.message)}"


def github_annotations(findings: Sequence[Finding]) -> str:
    """Annotations for `findings`, then a plain summary, since GitHub shows only a few."""
    lines = [annotation(finding) for finding in findings]
    counts = Counter(finding.level for finding in findings)
    failing = counts.get("warning", 0)
    summary = f"mkdocs-playbook: {failing} problem(s) that fail --strict"
    if counts.get("info"):
        summary += f", {counts['info']} listed for information"
    if failing > ANNOTATION_LIMIT:
        summary += f"; GitHub annotates only the first {ANNOTATION_LIMIT}, all are listed above"
    lines.append(summary)
    return "\n".join(lines) + "\n"


def step_summary(findings: Sequence[Finding]) -> str:
    """Markdown for `$GITHUB_STEP_SUMMARY`: every finding, where annotations stop at a few."""
    failing = [finding for finding in findings if finding.level == "warning"]
    lines = [f"### mkdocs-playbook: {len(failing)} problem(s) that fail --strict", ""]
    lines += [f"- `{finding}`" for finding in failing]
    return "\n".join(lines) + "\n"


def junit_xml(findings: Sequence[Finding], suite: str = "mkdocs-playbook") -> str:
    """A JUnit report: one failed test case per failing finding, information as system-out.

    With no failing finding it holds one passing case, so CI shows that the check ran.
    """
    failing = [finding for finding in findings if finding.level == "warning"]
    listed = [finding for finding in findings if finding.level != "warning"]
    root = etree.Element(
        "testsuite",
        name=suite,
        tests=str(max(1, len(failing))),
        failures=str(len(failing)),
        errors="0",
        skipped="0",
    )
    for finding in failing:
        case = etree.SubElement(
            root,
            "testcase",
            classname=finding.kind or "content",
            name=finding.where,
            file=finding.path,
        )
        if finding.line:
            case.set("line", str(finding.line))
        failure = etree.SubElement(case, "failure", message=finding.message, type=finding.kind)
        failure.text = str(finding)
    if not failing:
        etree.SubElement(root, "testcase", classname="content", name="no problems")
    if listed:
        etree.SubElement(root, "system-out").text = "\n".join(str(f) for f in listed)
    etree.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(root, "unicode") + "\n"
