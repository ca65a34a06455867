"""Includes a careless or hostile site can hold: each stops at a finding at the including line
(`jekyll.includes`, `jekyll.rewrite`), and the page's other text is rendered."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mkdocs_playbook.jekyll.includes import INCLUDES_PER_PAGE, IncludeError, read_text
from mkdocs_playbook.jekyll.liquid_scope import GROWTH_LIMIT
from mkdocs_playbook.jekyll.rewrite import PageInput, Rewrites

PAGE = PageInput("guides/setup.md", {}, 0, "guides/setup/")


def site_at(root: Path, files: dict[str, str | bytes]) -> Rewrites:
    """A Jekyll source that is the docs folder `root/docs`, holding `files`."""
    docs = root / "docs"
    (docs / "_includes").mkdir(parents=True, exist_ok=True)
    (docs / "guides").mkdir(exist_ok=True)
    for name, content in files.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return Rewrites({"site.title": "Runbooks"}, None, frozenset({"guides/setup.md"}), str(docs))


def fan_out(files: int, includes: int) -> dict[str, str | bytes]:
    """`files` includes, each including the next `includes` times: includes**files in all."""
    return {
        f"_includes/f{index}.md": f"level {index}\n"
        + (f"{{% include f{index + 1}.md %}}\n" * includes if index + 1 < files else "leaf\n")
        for index in range(files)
    }


def only_problem(site: Rewrites, tag: str) -> str:
    """The one problem of a page whose second line is `tag`, which stays as written."""
    text = f"# Setup\n{tag} and after\n"
    result = site.apply(text, PAGE)
    assert result.text == text
    (problem,) = result.problems
    assert problem.line == 2
    return problem.message


@pytest.mark.parametrize(("files", "includes"), [(9, 4), (10, 10)])
def test_a_fan_out_stops_at_the_cap_at_the_including_line(
    tmp_path: Path, files: int, includes: int
) -> None:
    site = site_at(tmp_path, fan_out(files, includes))
    message = only_problem(site, "{% include f0.md %}")
    assert message.startswith("`{% include f0.md %}`: `{% include f1.md %}`: ")
    assert message.endswith(
        f"more than {INCLUDES_PER_PAGE:,} includes on one page (includes of includes count); "
        "left as written"
    )


def test_the_include_cap_counts_the_whole_page_and_no_more(tmp_path: Path) -> None:
    site = site_at(tmp_path, {**fan_out(6, 4), "_includes/small.md": "small"})
    # 4**5 leaves and their parents: past the cap, so is every include after it on the page.
    result = site.apply("{% include f0.md %}\n{% include small.md %}\n", PAGE)
    assert [problem.line for problem in result.problems] == [1, 2]
    assert "more than 1,000 includes" in result.problems[1].message
    # The next page starts afresh.
    assert site.apply("{% include small.md %}", PAGE).text == "small"


def test_includes_that_grow_the_page_past_the_limit_stop(tmp_path: Path) -> None:
    chunk = "x" * (GROWTH_LIMIT // 3) + "\n"
    site = site_at(
        tmp_path, {"_includes/chunk.md": chunk, "_includes/big.md": "{% include chunk.md %}\n" * 4}
    )
    message = only_problem(site, "{% include big.md %}")
    assert message == (
        "`{% include big.md %}`: `{% include chunk.md %}`: the page would grow by more than "
        "2 MiB (its includes and values together); left as written"
    )


def test_values_that_grow_the_page_past_the_limit_are_reported_once(tmp_path: Path) -> None:
    site = site_at(tmp_path, {})
    big = Rewrites({"site.big": "x" * (GROWTH_LIMIT // 2)}, None, frozenset(), site.docs_dir)
    text = "{{ site.big }}\n" * 4
    result = big.apply(text, PAGE)
    assert result.text.count("{{ site.big }}") == 2
    (problem,) = result.problems
    assert (problem.line, problem.message) == (
        3,
        "`{{ site.big }}`: the page would grow by more than 2 MiB (its includes and values "
        "together); this and later values are left as written",
    )


def test_a_symlink_out_of_includes_is_a_finding_and_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    site = site_at(tmp_path / "project", {})
    (Path(site.docs_dir) / "_includes" / "leak.md").symlink_to(secret)
    message = only_problem(site, "{% include leak.md %}")
    assert message == (
        f"`{{% include leak.md %}}`: _includes/leak.md leads to {secret}, outside _includes/; "
        "includes never leave it"
    )


def test_a_relative_include_through_a_symlink_out_of_the_site_is_a_finding(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "note.md").write_text("SECRET", encoding="utf-8")
    site = site_at(tmp_path / "project", {})
    (Path(site.docs_dir) / "guides" / "shared").symlink_to(outside)
    message = only_problem(site, "{% include_relative shared/note.md %}")
    assert "guides/shared/note.md leads to" in message
    assert message.endswith("outside the site's source; includes never leave it")


# A guard, not a fix: resolving symlinks must not refuse one that stays inside.
def test_a_symlink_inside_includes_is_followed(tmp_path: Path) -> None:
    site = site_at(tmp_path, {"_includes/real.md": "real text"})
    (Path(site.docs_dir) / "_includes" / "alias.md").symlink_to("real.md")
    assert site.apply("{% include alias.md %}", PAGE).text == "real text"


def test_a_symlink_to_dev_zero_is_a_finding(tmp_path: Path) -> None:
    site = site_at(tmp_path, {})
    (Path(site.docs_dir) / "_includes" / "zero.md").symlink_to("/dev/zero")
    assert "_includes/zero.md leads to /dev/zero, outside _includes/" in only_problem(
        site, "{% include zero.md %}"
    )


def test_a_fifo_is_a_finding_and_never_opened(tmp_path: Path) -> None:
    site = site_at(tmp_path, {})
    os.mkfifo(Path(site.docs_dir) / "_includes" / "pipe.md")
    # Opening it for reading would block until a writer came: none ever does.
    assert only_problem(site, "{% include pipe.md %}") == (
        "`{% include pipe.md %}`: _includes/pipe.md is a FIFO, not a file"
    )


def test_an_include_larger_than_the_read_limit_is_a_finding(tmp_path: Path) -> None:
    site = site_at(tmp_path, {})
    with open(Path(site.docs_dir) / "_includes" / "huge.md", "wb") as stream:
        stream.truncate(2 * 1024 * 1024)  # sparse: nothing written
    assert only_problem(site, "{% include huge.md %}") == (
        "`{% include huge.md %}`: _includes/huge.md is larger than 1 MiB, the most an include "
        "may hold"
    )


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/dev/zero", "zero is a device, not a file"),
        ("/", "zero is a folder, not a file"),
    ],
)
def test_only_regular_files_are_read(path: str, message: str) -> None:
    with pytest.raises(IncludeError) as raised:
        read_text(path, "zero")
    assert str(raised.value) == message


def test_a_read_stops_at_the_limit_even_when_the_size_said_less(tmp_path: Path) -> None:
    path = tmp_path / "grown.md"
    path.write_text("x" * 11, encoding="utf-8")
    with pytest.raises(IncludeError, match="larger than"):
        read_text(str(path), "grown.md", limit=10)
    assert read_text(str(path), "grown.md", limit=11) == "x" * 11


def test_a_non_utf8_include_names_the_file_the_byte_and_the_line(tmp_path: Path) -> None:
    site = site_at(tmp_path, {"_includes/latin.md": "caf\xe9 au lait".encode("latin-1")})
    assert only_problem(site, "{% include latin.md %}") == (
        "`{% include latin.md %}`: _includes/latin.md is not UTF-8 (byte 0xe9 at offset 3)"
    )


# A guard, not a fix: an include is now read as bytes, and its line ends still come out `\n`.
def test_windows_line_ends_read_as_they_did(tmp_path: Path) -> None:
    site = site_at(tmp_path, {"_includes/crlf.md": b"one\r\ntwo\rthree"})
    assert site.apply("{% include crlf.md %}", PAGE).text == "one\ntwo\nthree"


def test_a_link_to_a_symlink_out_of_the_docs_is_a_finding(tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("# Outside", encoding="utf-8")
    site = site_at(tmp_path / "project", {})
    (Path(site.docs_dir) / "guides" / "away.md").symlink_to(outside)
    assert only_problem(site, "[x]({% link guides/away.md %})") == (
        "`{% link guides/away.md %}` leaves the docs folder"
    )
