"""Pages printing each other's `content` (`site.pages`) stop at a finding at the printing line
and build about as fast as as many ordinary pages: every one of 200 pages printing every other
page's body (each holding that same loop) would convert the site 200 times over."""

from __future__ import annotations

import re
from pathlib import Path

from test_adversarial import _timed_build, bounded_build, ordinary

PAGES = 200
_BODY = ordinary(1200)
_LOOP = (
    "{% for p in site.pages %}{% if p.path != page.path %}{{ p.content }}{% endif %}{% endfor %}\n"
)


def _site(body: str) -> dict[str, str]:
    # In two folders: what a page prints of the other folder's has its links rebased.
    pages = {
        f"f{index % 2}/p{index:03}.md": f"---\ntitle: P{index}\n---\n{body}"
        for index in range(PAGES)
    }
    return {"_config.yml": "title: Runbooks\n", **pages}


def test_pages_printing_each_other_stop_at_a_finding_and_build_about_as_fast(
    tmp_path: Path,
) -> None:
    hostile = _LOOP + "\n" + _BODY
    # The same pages, their loop written as prose of its length.
    plain = "x" * (len(_LOOP) - 1) + "\n\n" + _BODY
    for name in ("ordinary", "hostile"):
        (tmp_path / name).mkdir()
    baseline, _ = _timed_build(tmp_path / "ordinary", "# Home\n", _site(plain))
    build = bounded_build(tmp_path / "hostile", "# Home\n", _site(hostile), baseline=baseline)
    assert "Traceback" not in build.output, build.output[-3000:]
    found = re.findall(r"^WARNING +- +playbook: (.*)$", build.output, re.MULTILINE)
    refused = [line for line in found if "more than 2 times their own text" in line]
    assert refused, found[:5]
    assert refused[0].startswith("docs/f")
    assert ":4:1: `{{ p.content }}`: the site's pages would print more than" in refused[0]
    printed = [line for line in found if "content as written: its Liquid" in line]
    assert printed and all(":4:1: `{{ p.content }}` prints f" in line for line in printed)
    # One finding a page at most for each reason: the printed Liquid, the site's share.
    assert len(printed) <= PAGES and len(refused) <= PAGES, (len(printed), len(refused))
