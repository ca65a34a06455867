"""Link destinations with spaces, read by the source reader by kramdown's rule
(`page.destinations`), are found, and cost linear work: each link's end is looked up in marks
found once per paragraph, never searched for again from each `[`."""

from __future__ import annotations

from test_linear import LINEAR_RATIO, _source_read, work

from mkdocs_playbook.page.source import Source


def page(n: int) -> str:
    """Paragraphs of `n` links each: closed ones, and ones never closed, each of which would
    read to the paragraph's end."""
    return "\n\n".join(
        [
            "[a](b c) " * n,
            ("[a](" + " " * 20 + "b c) ") * n,
            "[a](b c " * n,
            "[a](b (c " * n,
        ]
    )


def test_destinations_with_spaces_are_found_in_linear_work() -> None:
    assert len(Source(page(300)).links) == 600
    small, large = work(page(300), _source_read), work(page(1200), _source_read)
    assert small > 1000
    assert large / small <= LINEAR_RATIO, (small, large, large / small)
