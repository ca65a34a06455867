from __future__ import annotations

import pytest

from mkdocs_playbook.jekyll.repolinks import RepositoryLinks
from mkdocs_playbook.page.source import Source

REPO = "https://github.com/advisoros/advisoros"
LINKS = RepositoryLinks(REPO, ["main"], ["docs/", ""])
PUBLISHED = {"DATABASE.md", "operations/RUNBOOK.md", "img/arch.png"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"[db]({REPO}/blob/main/DATABASE.md#recovery-procedures)",
            "[db](../DATABASE.md#recovery-procedures)",
        ),
        (f"[db]({REPO}/blob/main/docs/DATABASE.md)", "[db](../DATABASE.md)"),
        (f"[rb]({REPO}/blob/main/docs/operations/RUNBOOK.md)", "[rb](RUNBOOK.md)"),
        (f'[rb]({REPO}/blob/main/operations/RUNBOOK.md "Runbook")', '[rb](RUNBOOK.md "Runbook")'),
        (f"[db]: {REPO}/blob/main/DATABASE.md", "[db]: ../DATABASE.md"),
        (f'<a href="{REPO}/blob/main/DATABASE.md">db</a>', '<a href="../DATABASE.md">db</a>'),
        (f'<img src="{REPO}/blob/main/docs/img/arch.png">', '<img src="../img/arch.png">'),
    ],
)
def test_published_files_become_relative_links(text: str, expected: str) -> None:
    assert LINKS.rewrite(Source(text), "operations/PLAYBOOK.md", PUBLISHED)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        f"[sec]({REPO}/blob/main/SECURITY.md)",  # not published
        f"[db]({REPO}/blob/v1.2/DATABASE.md)",  # another branch
        f"[db]({REPO}/tree/main/DATABASE.md)",  # a folder view
        f"`[db]({REPO}/blob/main/DATABASE.md)`",  # code
        f"```\n[db]({REPO}/blob/main/DATABASE.md)\n```",
        f"See {REPO}/blob/main/DATABASE.md for details",  # bare text, not a destination
        "[x](https://github.com/other/repo/blob/main/DATABASE.md)",
    ],
)
def test_other_links_stay(text: str) -> None:
    assert LINKS.rewrite(Source(text), "operations/PLAYBOOK.md", PUBLISHED)[0] == text


def test_root_order_and_docs_path() -> None:
    assert LINKS.docs_path("docs/DATABASE.md", PUBLISHED) == "DATABASE.md"
    assert LINKS.docs_path("DATABASE.md", PUBLISHED) == "DATABASE.md"
    assert LINKS.docs_path("docs/MISSING.md", PUBLISHED) is None
    only_docs = RepositoryLinks(REPO, ["main"], ["docs/"])
    assert only_docs.docs_path("DATABASE.md", PUBLISHED) is None


def test_positions_in_the_rewritten_text_map_back_to_the_written_one() -> None:
    text = "See [db](https://github.com/advisoros/advisoros/blob/main/DATABASE.md#x) and [rb](y.md)"
    rewritten, offsets = LINKS.rewrite(Source(text), "operations/PLAYBOOK.md", PUBLISHED)
    assert rewritten == "See [db](../DATABASE.md#x) and [rb](y.md)"
    # The destination starts where it started; inside it, where the replacement starts;
    # after it, the same character as written.
    assert offsets.written(rewritten.index("../")) == text.index("https")
    assert offsets.written(rewritten.index("DATABASE")) == text.index("https")
    assert offsets.written(rewritten.index("y.md")) == text.index("y.md")
