"""The page phase reads a page's file once: MkDocs keeps no copy of it, so each use of
`File.content_string` is a read from disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from mkdocs_playbook.findings import Findings
from mkdocs_playbook.jekyll.collections import Collections
from mkdocs_playbook.jekyll.frontmatter import parse_front_matter
from mkdocs_playbook.page_input import page_input
from mkdocs_playbook.records import PageRecord

TEXT = "---\ntitle: Runbook\nparent: Operations\n---\n\n# Runbook\n\nText.\n"


def test_the_page_file_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "runbook.md").write_text(TEXT, encoding="utf-8")
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path)})
    assert not config.validate()[0]
    file = File("runbook.md", str(tmp_path), str(tmp_path / "site"), False)
    page = Page(None, file, config)
    page.read_source(config)
    reads: list[str] = []
    content_string = File.content_string

    def counted(self: File) -> str:
        reads.append(self.src_uri)
        return content_string.fget(self)  # type: ignore[attr-defined,no-any-return]

    monkeypatch.setattr(File, "content_string", property(counted))
    record = PageRecord(file, "docs/runbook.md", parse_front_matter(TEXT))
    page_input(record, page.markdown or "", page, Findings(), None, Collections())
    assert reads == ["runbook.md"]
    assert record.input is not None
    assert record.input.first_line == 5
