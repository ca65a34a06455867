"""A site that sets no `checklist_headings` builds strictly with prose headings that hold the
word (abap-leitfaden's "Entwicklungs-Checkliste: ..." gave five findings and failed
`--strict`), and its lists under them stay lists."""

from __future__ import annotations

from pathlib import Path

from support import make_project, run_build

PAGE = """---
title: Sicherheit
---
# Sicherheit

## Entwicklungs-Checkliste: Eingaben prüfen

Jede Eingabe wird geprüft, bevor sie gespeichert wird.

## Entwicklungs-Checkliste: Berechtigungen

- Rollen prüfen
- Protokoll lesen

## About this checklist

Why we keep one.
"""


def test_prose_headings_holding_the_word_fail_nothing(tmp_path: Path) -> None:
    build = run_build(make_project(tmp_path, {"index.md": PAGE}))
    assert build.returncode == 0, build.output
    assert "has no list under it" not in build.output
    assert '<label><input type="checkbox">' not in build.html("index.html")
