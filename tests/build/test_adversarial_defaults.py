"""A huge `defaults:` list against many pages costs about what a `_config.yml` of the same size
without defaults costs: sets times pages, no more (processor time, as in test_adversarial)."""

from __future__ import annotations

from pathlib import Path

import yaml
from test_adversarial import RATIO, _timed_build, ordinary

_SETS = 3_000
_PAGES = 60


def _config(defaults: bool) -> str:
    """A `_config.yml` of many sets (plain paths, globs, nested values), the last one for
    every page; or, without `defaults`, the same list under a key Jekyll ignores."""
    sets: list[dict[str, object]] = []
    for number in range(_SETS):
        path = f"part{number}/*.md" if number % 2 else f"section/page{number}"
        sets.append({"scope": {"path": path}, "values": {"n": number, "deep": {"k": number}}})
    sets.append({"scope": {"path": "", "type": "pages"}, "values": {"product": "Acme"}})
    return yaml.safe_dump({"title": "Huge", "defaults" if defaults else "unused": sets})


def _pages() -> dict[str, str]:
    long_folder = "/".join(["section"] + ["deeper"] * 40)
    return {
        f"{long_folder}/page{number}.md": f"---\ntitle: Page {number}\n---\n\n" + ordinary(2_000)
        for number in range(_PAGES)
    }


def test_a_huge_defaults_list_costs_sets_times_pages(tmp_path: Path) -> None:
    index = "---\ntitle: Home\n---\n\nWelcome to {{ page.product }}.\n\n" + ordinary(2_000)
    (tmp_path / "plain").mkdir()
    (tmp_path / "huge").mkdir()
    plain, _ = _timed_build(tmp_path / "plain", index, {"_config.yml": _config(False), **_pages()})
    huge, build = _timed_build(
        tmp_path / "huge", index, {"_config.yml": _config(True), **_pages()}, within=plain * RATIO
    )
    assert "Welcome to Acme." in build.html("index.html")
    assert huge < plain * RATIO, (huge, plain)
