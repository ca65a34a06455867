"""A widget fragment is read from its file once per build: the MkDocs plugin makes its
extension anew for every build (`one_build`), so Jinja need not check the file's time at
every use, some twenty times a page; an extension that outlives a build still sees edits."""

from __future__ import annotations

import os

import pytest

from mkdocs_playbook.extension import PlaybookExtension

FRAGMENT = "playbook/checklist_page.html"


def _checks_after_first_use(extension: PlaybookExtension, monkeypatch: pytest.MonkeyPatch) -> int:
    """How often the fragment's file time is read over three uses after the first."""
    environment = extension.environment
    environment.get_template(FRAGMENT).render()
    checked: list[str] = []
    getmtime = os.path.getmtime

    def counting(path: str) -> float:
        checked.append(path)
        return getmtime(path)

    monkeypatch.setattr(os.path, "getmtime", counting)
    for _ in range(3):
        environment.get_template(FRAGMENT).render()
    return len(checked)


def test_an_extension_of_one_build_reads_a_fragment_once(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _checks_after_first_use(PlaybookExtension(one_build=True), monkeypatch) == 0


def test_an_extension_that_outlives_a_build_sees_edited_fragments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _checks_after_first_use(PlaybookExtension(), monkeypatch) == 3
