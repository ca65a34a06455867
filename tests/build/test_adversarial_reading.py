"""Reading front matter by Jekyll's rule, and a title from a page's first heading by
jekyll-titles-from-headings' rule, costs what an ordinary page of the same size costs
(`RATIO`): both of their patterns backtrack over a run of blanks (a port of either takes
minutes on 120 KB); ours walk it once."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_adversarial import _timed_build, bounded_build, ordinary

SIZE = 120_000
# A GitHub Pages site (`remote_theme`): a page without front matter takes its title from
# its first heading.
GITHUB_PAGES = {"_config.yml": "title: Adversarial\nremote_theme: just-the-docs/just-the-docs\n"}
PAGES = {
    # Opened, then blank lines, never closed: the pattern's `---\s*\n` backtracks over them.
    "front-matter-of-blank-lines": "---" + "\n" * SIZE + "x\n",
    # Closed, then blank lines before the body.
    "blank-lines-after-front-matter": "---\ntitle: A\n---" + " \n" * (SIZE // 2) + "x\n",
    # No heading after a long line of blanks: the title pattern tries each start in it.
    "title-after-a-line-of-blanks": " " * SIZE + "x\n",
}


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> float:
    """Build time of an ordinary page of `SIZE` on the same GitHub Pages site."""
    root = tmp_path_factory.mktemp("ordinary")
    return _timed_build(root, "---\n---\n" + ordinary(SIZE), GITHUB_PAGES)[0]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_reading_a_page_stays_linear(name: str, baseline: float, tmp_path: Path) -> None:
    bounded_build(tmp_path, PAGES[name], GITHUB_PAGES, baseline=baseline)
