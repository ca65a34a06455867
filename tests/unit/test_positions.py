"""The positions service (`page.positions`): a page's text as written, after front matter and
as rewritten, and where a position in each stands in the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.structure.files import File

from mkdocs_playbook.jekyll.rewrite import PageInput, Rewrites
from mkdocs_playbook.page.positions import Positions

FILE = "---\ntitle: Restart\n---\n\n# Restart\n\nRun `make` on {{ site.host }} then [go](b.md).\n"
BODY = "\n# Restart\n\nRun `make` on {{ site.host }} then [go](b.md).\n"
"""What MkDocs hands over: the text after the front matter's closing line."""


@pytest.mark.parametrize(
    ("content", "body"),
    [
        (FILE, BODY),
        # A builder that kept the file's CRLF (a generated page, another plugin's text).
        (FILE.replace("\n", "\r\n"), BODY.replace("\n", "\r\n")),
        (FILE.replace("\n", "\r\n"), BODY),
        # A byte order mark stands on the first line: it moves no line.
        ("\ufeff" + FILE, BODY),
    ],
    ids=["lf", "crlf", "crlf-file", "bom"],
)
def test_lines_of_the_body_are_named_in_the_file(content: str, body: str) -> None:
    positions = Positions.in_file(content, body)
    assert positions.first_line == 3
    assert positions.file_line(2) == 5  # `# Restart`
    assert positions.file_line(0) == 0  # unknown stays unknown
    assert positions.written_line(5) == 2
    offset = body.index("`make`")
    assert positions.file_position_of(offset) == (7, 5)


def test_a_file_read_as_mkdocs_reads_it(tmp_path: Path) -> None:
    """A BOM and CRLF on disk: MkDocs decodes `utf-8-sig` with universal newlines."""
    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / "page.md"
    path.write_bytes(b"\xef\xbb\xbf" + FILE.replace("\n", "\r\n").encode("utf-8"))
    content = File("page.md", str(tmp_path / "docs"), str(tmp_path / "site"), False).content_string
    assert Positions.in_file(content, BODY).first_line == 3


def test_a_body_that_is_not_the_file_end_has_no_front_matter_lines() -> None:
    assert Positions.in_file(FILE, "something else\n").first_line == 0
    assert Positions.in_file(FILE, "").first_line == 0


def test_positions_in_the_rewritten_text_are_named_where_they_are_written() -> None:
    rewritten = Rewrites({"site.host": "db-primary.internal.example.org"}).apply(
        BODY, PageInput("restart.md", {}, first_line=3)
    )
    positions = Positions(BODY, 3)
    positions.rewritten_as(rewritten.text, rewritten.offsets)
    line = rewritten.text.split("\n")[3]
    assert line.startswith("Run `make` on db-primary.internal.example.org then")
    # `[go]` moved 17 characters right in the rewritten text; the file has it as written.
    column = line.index("[go]") + 1
    assert positions.file_position(4, column) == (7, BODY.split("\n")[3].index("[go]") + 1)
    # Inside the replacement: where the Liquid output tag starts.
    inside = line.index("primary") + 1
    assert positions.file_position(4, inside) == (7, BODY.split("\n")[3].index("{{") + 1)
    # Before any rewrite on the line: columns are unchanged.
    assert positions.file_position(2, 1) == (5, 1)


def test_nothing_rewritten_keeps_one_text() -> None:
    positions = Positions(BODY, 3)
    positions.rewritten_as(str(BODY), Rewrites({}).apply(BODY, None).offsets)
    assert positions.rewritten is positions.written
    assert positions.file_position(4, 5) == (7, 5)


def test_one_parse_per_text_until_the_conversion_settles() -> None:
    positions = Positions(BODY, 3)
    written = positions.parse(BODY)
    # An equal text (Markdown joins its lines again) is the same text: the same parse.
    assert positions.parse("\n".join(BODY.split("\n"))) is written
    positions.rewritten_as("rewritten\n", Rewrites({}).apply(BODY, None).offsets)
    rendered = positions.parse("rewritten\n")
    assert rendered is not written
    positions.settle()
    # Only the rewritten text's parse outlives the conversion (lines come from it).
    assert positions.parse("rewritten\n") is rendered
    assert positions.parse(BODY) is not written
