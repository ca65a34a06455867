"""A page's Liquid scope (`jekyll.liquid_scope`): suggestions for unknown names are worked out
once per name, among a bounded few, and nothing is kept past the page."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

import pytest

from mkdocs_playbook.jekyll import liquid_scope
from mkdocs_playbook.jekyll.liquid import substitute
from mkdocs_playbook.jekyll.liquid_scope import Scope, Suggestions
from mkdocs_playbook.page.source import Source

CONFIG = {f"site.key{index:04}": "value" for index in range(5000)} | {
    "site.title": "Runbooks",
    "site.github.owner_name": "example",
}


@pytest.fixture
def lookups(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of candidates of each difflib lookup made."""
    made: list[int] = []
    real = difflib.get_close_matches

    def counted(word: str, possibilities: Sequence[str], n: int = 3) -> list[str]:
        made.append(len(possibilities))
        return real(word, possibilities, n=n)

    monkeypatch.setattr(liquid_scope.difflib, "get_close_matches", counted)
    return made


def test_each_unknown_name_is_looked_up_once_among_a_bounded_few(lookups: list[int]) -> None:
    text = "{{ site.kez0001 }} {{ site.key9999 }}\n\n" * 500
    _, problems, _ = substitute(Source(text), CONFIG)
    assert len(problems) == 1000
    assert len(lookups) == 2
    assert max(lookups) <= 100


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("site.titel", "site.title"),
        # Among the names as deep as it, however many shallower ones the site has.
        ("site.github.ownr_name", "site.github.owner_name"),
        # Never from another namespace.
        ("page.titel", None),
        ("x" * 101, None),
    ],
)
def test_suggestions_come_from_the_same_namespace_and_depth(
    name: str, suggested: str | None
) -> None:
    assert Suggestions(CONFIG).closest(name) == suggested


def test_an_include_asks_its_page_for_names_it_has_no_parameters_for() -> None:
    page = Scope.of({"site.title": "Runbooks", "include.who": "outer"})
    inner = page.inner({"include.where": "x"})
    assert inner.suggestions.closest("site.titel") == "site.title"
    assert inner.suggestions.closest("include.wher") == "include.where"
    assert inner.variables["site.title"] == "Runbooks"
    assert inner.growth is page.growth


def test_each_page_starts_afresh() -> None:
    first = Scope.of({"site.title": "x"})
    first.growth.take(100)
    assert first.suggestions.closest("site.titel") == "site.title"
    second = Scope.of({"site.tittle": "x"})
    assert (second.growth.added, second.suggestions.closest("site.titel")) == (0, "site.tittle")
