"""Includes and Liquid a careless or hostile site can hold stop at a finding at the including
line, read nothing outside the site, and build about as fast as an ordinary page.

As in `test_adversarial`, each site is built with the real `mkdocs build` beside a site whose
page is ordinary prose of the same size as everything the hostile one wrote (its page, its
includes and its `_config.yml`, which the ordinary one has too), and may take at most `RATIO`
times its processor time. Before the caps, nine includes each including the next four times
took 15 s against under 1 s, and ten by ten never finished.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from test_adversarial import RATIO, _timed_build, ordinary

from mkdocs_playbook.jekyll.liquid_engine import SUGGESTIONS_A_PAGE
from support import Build

# Its pages have no front matter: this plugin has Jekyll render them (as GitHub Pages does).
CONFIG = "title: Runbooks\nplugins:\n  - jekyll-optional-front-matter\n"


def write(root: Path, files: dict[str, str | bytes]) -> int:
    """`files` written into `root/docs`; their size in all."""
    for name, content in files.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        path.write_bytes(data)
    return sum(len(content) for content in files.values())


def hostile_build(
    tmp_path: Path, page: str, files: dict[str, str | bytes], config: str = CONFIG
) -> tuple[float, float, Build]:
    """The processor time of a site of `page`, `files` and `config` (a `_config.yml`), that of
    an ordinary site as large, and the hostile site's build."""
    size = write(tmp_path / "ordinary", {"_config.yml": config}) + len(page)
    size += sum(len(content) for content in files.values())
    baseline, _ = _timed_build(tmp_path / "ordinary", ordinary(size))
    write(tmp_path / "hostile", {"_config.yml": config, **files})
    seconds, build = _timed_build(tmp_path / "hostile", page, within=RATIO * baseline)
    assert "Traceback" not in build.output, build.output[-3000:]
    return seconds, baseline, build


def warnings(build: Build) -> list[str]:
    return re.findall(r"^WARNING +- +playbook: (.*)$", build.output, re.MULTILINE)


def fan_out(files: int, includes: int) -> dict[str, str | bytes]:
    """`files` includes, each including the next `includes` times."""
    return {
        f"_includes/f{index}.md": f"level {index}\n"
        + (f"{{% include f{index + 1}.md %}}\n" * includes if index + 1 < files else "leaf\n")
        for index in range(files)
    }


PAGE = "# Page\n\nBefore the include.\n\n{% include f0.md %}\n\nAfter it.\n"


@pytest.mark.parametrize(("files", "includes"), [(9, 4), (10, 10)])
def test_an_include_fan_out_stops_at_the_including_line(
    tmp_path: Path, files: int, includes: int
) -> None:
    seconds, baseline, build = hostile_build(tmp_path, PAGE, fan_out(files, includes))
    assert seconds <= RATIO * baseline, (seconds, baseline)
    (warning,) = warnings(build)
    assert warning.startswith("docs/index.md:5:1: `{% include f0.md %}`: `{% include f1.md %}`")
    assert warning.endswith(
        "more than 1,000 includes on one page (includes of includes count); left as written"
    )
    html = build.html("index.html")
    assert "After it." in html
    assert "leaf" not in html


def test_includes_that_would_grow_a_page_by_megabytes_stop(tmp_path: Path) -> None:
    chunk = ordinary(256 * 1024)
    files: dict[str, str | bytes] = {
        "_includes/chunk.md": chunk,
        "_includes/f0.md": "{% include chunk.md %}\n\n" * 16,
    }
    seconds, baseline, build = hostile_build(tmp_path, PAGE, files)
    assert seconds <= RATIO * baseline, (seconds, baseline)
    assert warnings(build) == [
        "docs/index.md:5:1: `{% include f0.md %}`: `{% include chunk.md %}`: the page would "
        "grow by more than 2 MiB (its includes and values together); left as written"
    ]
    assert "kubectl" not in build.html("index.html")


def test_a_symlink_out_of_the_site_is_a_finding_and_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN", encoding="utf-8")
    (tmp_path / "hostile" / "docs" / "_includes").mkdir(parents=True)
    (tmp_path / "hostile" / "docs" / "_includes" / "f0.md").symlink_to(secret)
    _, _, build = hostile_build(tmp_path, PAGE, {})
    assert warnings(build) == [
        f"docs/index.md:5:1: `{{% include f0.md %}}`: _includes/f0.md leads to {secret}, "
        "outside _includes/; includes never leave it"
    ]
    assert "TOP-SECRET-TOKEN" not in build.html("index.html")


@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_an_endless_include_is_a_finding_and_the_build_ends(tmp_path: Path, kind: str) -> None:
    includes = tmp_path / "hostile" / "docs" / "_includes"
    includes.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(includes / "f0.md")
        expected = "_includes/f0.md is a FIFO, not a file"
    else:
        (includes / "f0.md").symlink_to("/dev/zero")
        expected = "_includes/f0.md leads to /dev/zero, outside _includes/; includes never leave it"
    seconds, baseline, build = hostile_build(tmp_path, PAGE, {})
    assert seconds <= RATIO * baseline, (seconds, baseline)
    assert warnings(build) == [f"docs/index.md:5:1: `{{% include f0.md %}}`: {expected}"]


def test_a_non_utf8_include_names_the_include_and_the_line(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"_includes/f0.md": "Caf\xe9 au lait\n".encode("latin-1")}
    _, _, build = hostile_build(tmp_path, PAGE, files)
    assert warnings(build) == [
        "docs/index.md:5:1: `{% include f0.md %}`: _includes/f0.md is not UTF-8 "
        "(byte 0xe9 at offset 3)"
    ]
    assert "After it." in build.html("index.html")


def test_thousands_of_unknown_variables_build_about_as_fast_as_prose(tmp_path: Path) -> None:
    config = CONFIG + "".join(f"key{index:04}: value\n" for index in range(2000))
    # Each a near miss of a different key: the costliest name to find no suggestion for.
    page = "# Page\n\n" + "".join(f"{{{{ site.kez{index:04} }}}}\n\n" for index in range(4000))
    seconds, baseline, build = hostile_build(tmp_path, page, {}, config)
    assert seconds <= RATIO * baseline, (seconds, baseline)
    found = warnings(build)
    assert len(found) == 4000
    assert found[0] == (
        "docs/index.md:3:1: unknown variable `{{ site.kez0000 }}`; left as written; "
        "did you mean `site.key0000`?"
    )
    # The first SUGGESTIONS_A_PAGE get a suggestion; the rest are reported without.
    assert sum("did you mean" in finding for finding in found) == SUGGESTIONS_A_PAGE
    last = found[-1]
    assert last.endswith(": unknown variable `{{ site.kez3999 }}`; left as written"), last


def test_a_long_word_among_an_include_s_parameters_builds_about_as_fast_as_prose(
    tmp_path: Path,
) -> None:
    # Each parameter match tried inside the word once read to its end again: 40 KB took 12 s.
    page = "# Page\n\n{% include f0.md " + "a" * 40_000 + " who=SRE %}\n"
    files: dict[str, str | bytes] = {"_includes/f0.md": "Ask {{ include.who }}.\n"}
    seconds, baseline, build = hostile_build(tmp_path, page, files)
    assert seconds <= RATIO * baseline, (seconds, baseline)
    assert warnings(build) == []
    assert "Ask SRE." in build.html("index.html")
