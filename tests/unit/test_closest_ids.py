"""The id a missing anchor meant is found among a page's ids, however many it has."""

from __future__ import annotations

import pytest

from mkdocs_playbook.links.closest import LONGEST_GUESSED, ClosestIds

IDS = ["glossary", "recovery-procedures", "rollback", "Mixed-Case", "overview"]
# A page of a thousand headings: the meant id is among the neighbours in either order.
MANY = [f"step-{k}-restart-the-worker" for k in range(1000)] + IDS


@pytest.mark.parametrize("ids", [IDS, MANY], ids=["few", "many"])
@pytest.mark.parametrize(
    ("fragment", "meant"),
    [
        ("recovery-procedure", "recovery-procedures"),
        ("rolback", "rollback"),
        ("glosary", "glossary"),
        ("mixed-case", "Mixed-Case"),
        ("verview", "overview"),  # its first letter lost
        ("nothing-like-it-at-all", None),
        ("g" * (LONGEST_GUESSED + 1), None),
    ],
)
def test_the_meant_id_is_guessed(ids: list[str], fragment: str, meant: str | None) -> None:
    assert ClosestIds(ids).closest(fragment) == meant


def test_a_typo_among_a_thousand_similar_ids() -> None:
    closest = ClosestIds(MANY)
    assert closest.closest("step-537-restart-the-workr") == "step-537-restart-the-worker"
    assert closest.closest("sstep-537-restart-the-worker") == "step-537-restart-the-worker"
