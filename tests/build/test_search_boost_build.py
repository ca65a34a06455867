"""The page holding the severity matrix is boosted in Material's search (issue 25), so that a
search for a severity's name ("SEV-2") finds where severities are defined first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mkdocs_playbook.search import SEVERITY_SEARCH_BOOST
from support import make_project, run_build

MATRIX = """# Playbook

## Severity Matrix

| Severity | Description | Examples | Primary Owner |
| --- | --- | --- | --- |
| SEV-1 | Platform down | Outage | Incident Commander |
| SEV-2 | Degraded | Sync halted | On-call engineer |
"""
RUNBOOK = "# Runbook\n\n" + "A SEV-2 alert pages on-call. " * 8 + "\n"


def boosts(site: Path) -> dict[str, object]:
    """Each search entry's location and its boost (None: none)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {entry["location"]: entry.get("boost") for entry in index["docs"]}


@pytest.mark.parametrize("directory_urls", [True, False])
def test_the_severity_matrix_page_is_boosted_in_search(
    tmp_path: Path, directory_urls: bool
) -> None:
    config = f"  - search\nuse_directory_urls: {str(directory_urls).lower()}\n"
    # A boost the page's front matter sets stands.
    own = "---\nsearch:\n  boost: 3\n---\n\n" + MATRIX.replace("# Playbook", "# Own")
    pages = {"index.md": "# Home\n", "playbook.md": MATRIX, "runbook.md": RUNBOOK, "own.md": own}
    build = run_build(make_project(tmp_path, pages, config=config))
    assert build.returncode == 0, build.output
    found = boosts(build.site_dir)
    playbook = "playbook/" if directory_urls else "playbook.html"
    boosted = {location for location, boost in found.items() if boost == SEVERITY_SEARCH_BOOST}
    # Every entry of the playbook (its page and its sections), and nothing else.
    assert boosted == {location for location in found if location.startswith(playbook)}
    assert {found[location] for location in found if location.startswith("own")} == {3}
    assert {
        found[location] for location in found if location.startswith(("runbook", "index", "./"))
    } <= {None}
