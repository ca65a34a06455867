"""Every command the README prints runs as written.

The fenced blocks of "Use it in your own site" and "Migrating a Just the Docs site" are read
from the README, not copied here, so a block added there is run too. The rules:

- A part of a section runs in a fresh copy of a team's Just the Docs site, as a git
  repository: for "Use it…", `TEAM` with its own mkdocs.yml; for "Migrating…", a Jekyll
  repository without one, `PAGES_IN_DOCS`, or, when the part mentions `_mkdocs/`,
  `PAGES_AT_TOP`. A part starts at a heading, a top-level list item and the first paragraph
  after a list; parts without an `sh` block run nothing.
- A `yaml` block whose first line is `# <path>` is written to that path; one that holds
  `site_name:` is the part's `mkdocs.yml`; any other is merged into `mkdocs.yml` ("name the
  plugin in their mkdocs.yml").
- `sh` blocks run in order with bash (`set -eo pipefail`), in the virtual environment the
  installs went to, as printed but for the placeholders `<this clone>` (a copy of this
  repository, as a git repository, in which `./scripts/build --wheel` has run) and
  `<this repository's clone URL>` (its `file://` URL).
- An `sh` block that is only a `pip install` is one way to install: the section runs once per
  way, with the plugin uninstalled between them.
- `mkdocs serve …` never ends: it runs with `--dev-addr` on a free port added, until it answers.
- A block that holds `# not run by tests: <why>` is skipped.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import time
import urllib.request
import venv
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from mkdocs_playbook import __version__
from support import ROOT, Clone, commit, free_port, pins

README = (ROOT / "README.md").read_text(encoding="utf-8")
# A team's Just the Docs site, its pages in docs/, with the mkdocs.yml it had before the
# plugin ("their own mkdocs.yml", for "Use it in your own site").
TEAM = ROOT / "tests" / "fixtures" / "jtd-team"
# The Jekyll repositories the migration section starts from (never with an mkdocs.yml): one
# holding its pages in docs/ (with the `_site/` Jekyll rendered, for `compare`), and one that
# keeps them at its top.
PAGES_IN_DOCS = ROOT / "tests" / "fixtures" / "init" / "docs-layout"
PAGES_AT_TOP = ROOT / "tests" / "fixtures" / "init" / "root-layout"
ADOPTION = "Use it in your own site"
MIGRATION = "Migrating a Just the Docs site"
OPT_OUT = "# not run by tests:"
FENCE = re.compile(r"^(?P<indent> *)```(?P<language>\w*)\s*$")


@dataclass
class Block:
    language: str
    text: str
    line: int
    """The README line of its opening fence."""


@dataclass
class Part:
    """A stretch of a section that one folder is laid out for."""

    prose: str = ""
    blocks: list[Block] = field(default_factory=list)

    @property
    def at_the_top(self) -> bool:
        return "_mkdocs/" in self.prose or any("_mkdocs/" in b.text for b in self.blocks)

    @property
    def commands(self) -> list[Block]:
        return [b for b in self.blocks if b.language == "sh" and OPT_OUT not in b.text]


def section(title: str) -> list[str]:
    lines = README.splitlines()
    start = next(i for i, line in enumerate(lines) if re.fullmatch(rf"#+ {title}", line))
    level = len(lines[start]) - len(lines[start].lstrip("#"))
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if re.match(r"#+ ", lines[i]) and len(lines[i]) - len(lines[i].lstrip("#")) <= level
        ),
        len(lines),
    )
    return [*[""] * start, *lines[start:end]]


def parts(title: str) -> list[Part]:
    """The section's parts, each with its prose and its fenced blocks in order."""
    lines = section(title)
    found = [Part()]
    index = next(i for i, line in enumerate(lines) if line)
    while index < len(lines):
        line = lines[index]
        fence = FENCE.match(line)
        if fence:
            indent = len(fence.group("indent"))
            end = next(i for i in range(index + 1, len(lines)) if lines[i].strip() == "```")
            text = "\n".join(body[indent:] for body in lines[index + 1 : end])
            found[-1].blocks.append(Block(fence.group("language"), text + "\n", index + 1))
            index = end + 1
            continue
        paragraph = line[:1].isalnum() and index > 0 and not lines[index - 1].strip()
        # A list item starts a part, and so does the first paragraph after a list; a paragraph
        # that carries on ("then name the plugin…") stays in its part.
        if line.startswith(("#", "- ", "* ")) or (
            paragraph and found[-1].prose.startswith(("- ", "* "))
        ):
            found.append(Part(prose=line + "\n"))
        else:
            found[-1].prose += line + "\n"
        index += 1
    return [part for part in found if part.commands]


def installs(part: Part) -> list[Block]:
    return [b for b in part.commands if b.text.strip().startswith("pip install")]


@pytest.fixture(scope="module")
def team_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A fresh virtual environment outside this repository, on PATH as if activated, with
    today's pip (Python 3.11's bundled pip 23.2 rejects `git+file://` requirements)."""
    environment = tmp_path_factory.mktemp("team-venv") / "venv"
    venv.create(environment, with_pip=True, upgrade_deps=True)
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["PATH"] = f"{environment / 'bin'}{os.pathsep}{env['PATH']}"
    env["VIRTUAL_ENV"] = str(environment)
    return env


def team_site(folder: Path, source: Path, *, own_config: bool = False) -> Path:
    """A copy of `source` as a git repository; its mkdocs.yml only with `own_config`."""
    ignored = shutil.ignore_patterns() if own_config else shutil.ignore_patterns("mkdocs.yml")
    shutil.copytree(source, folder, ignore=ignored)
    commit(folder)
    return folder


def write_config(block: Block, site: Path) -> None:
    first = block.text.splitlines()[0]
    named = re.fullmatch(r"#\s*(\S+\.ya?ml)\s*", first)
    if named:
        target = site / named.group(1)
    else:
        target = site / "mkdocs.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    if named or "site_name:" in block.text or not target.exists():
        target.write_text(block.text, encoding="utf-8")
        return
    merged = yaml.safe_load(target.read_text(encoding="utf-8")) or {}
    merged.update(yaml.safe_load(block.text))
    target.write_text(yaml.safe_dump(merged, sort_keys=False), encoding="utf-8")


def substitute(text: str, clone: Clone) -> str:
    text = text.replace("<this repository's clone URL>", clone.url)
    text = text.replace("<this clone>", str(clone.path))
    assert not re.search(r"<[a-z][^>]*>", text), f"a placeholder the test does not know: {text}"
    return text


def run_block(block: Block, site: Path, env: dict[str, str], clone: Clone) -> str:
    """Runs the block as printed; returns what it printed."""
    script = substitute(block.text, clone)
    output = []
    for chunk in re.split(r"(?m)^(mkdocs serve\b.*\n)", script):
        if not chunk.strip():
            continue
        if chunk.startswith("mkdocs serve"):
            output.append(serve(chunk.split("#")[0].strip(), site, env))
            continue
        done = subprocess.run(
            ["bash", "-c", "set -eo pipefail\n" + chunk],
            cwd=site,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        where = f"README.md:{block.line}: {chunk.strip()}"
        assert done.returncode == 0, f"{where}\n{done.stdout}{done.stderr}"
        output.append(done.stdout + done.stderr)
    return "".join(output)


def serve(command: str, site: Path, env: dict[str, str]) -> str:
    """`mkdocs serve` as printed, on a free port, until it answers."""
    port = free_port()
    process = subprocess.Popen(
        [*shlex.split(command), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=site,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    return str(answer.read().decode("utf-8"))
            except OSError:
                assert process.poll() is None, process.stdout.read().decode()  # type: ignore[union-attr]
                assert time.monotonic() < deadline, f"{command} did not answer"
                time.sleep(0.5)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def run_part(part: Part, site: Path, env: dict[str, str], clone: Clone, skip: set[int]) -> str:
    output = []
    for block in part.blocks:
        if block.language == "yaml":
            write_config(block, site)
        elif block in part.commands and block.line not in skip:
            output.append(run_block(block, site, env, clone))
    return "".join(output)


def installed_from(env: dict[str, str]) -> dict[str, object]:
    """How pip installed the plugin: its direct_url.json."""
    python = Path(env["VIRTUAL_ENV"]) / "bin" / "python"
    read = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.metadata as m; "
            "d = m.distribution('mkdocs-playbook'); "
            "print(d.read_text('direct_url.json'), d.version); "
            "print(m.version('mkdocs-material'), m.version('pymdown-extensions'))",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    origin, plugin = read[0].rsplit(" ", 1)
    material, pymdown = read[1].split()
    return {
        "origin": json.loads(origin),
        "plugin": plugin,
        "material": material,
        "pymdown": pymdown,
    }


def first_info_line(output: str) -> str:
    return next(line for line in output.splitlines() if line.startswith("INFO"))


def test_the_readme_opens_with_commands_that_exist() -> None:
    lines = README.splitlines()
    start = lines.index("```sh")
    block = lines[start + 1 : lines.index("```", start)]
    commands = [line.split("#")[0].split()[0] for line in block if line.split("#")[0].strip()]
    assert commands == ["./scripts/serve", "./scripts/test"]
    for command in commands:
        assert os.access(ROOT / command, os.X_OK), command
    assert "./scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_sections_hold_commands_to_run() -> None:
    assert [len(installs(p)) for p in parts(ADOPTION)] == [2]
    assert any(p.at_the_top for p in parts(MIGRATION))


def test_adoption_each_way_to_install_then_the_build(
    tmp_path: Path, clone: Clone, team_env: dict[str, str]
) -> None:
    (part,) = parts(ADOPTION)
    ways = installs(part)
    pinned = pins(ROOT / "requirements" / "site.txt")
    for way in ways:
        site = team_site(tmp_path / f"site-{way.line}", TEAM, own_config=True)
        output = run_part(part, site, team_env, clone, skip={w.line for w in ways if w != way})
        got = installed_from(team_env)
        assert got["plugin"] == __version__
        # Installed with the versions the site is tested with, not the newest ones.
        assert (got["material"], got["pymdown"]) == (
            pinned["mkdocs-material"],
            pinned["pymdown-extensions"],
        )
        origin = got["origin"]
        assert isinstance(origin, dict)
        if "git+" in way.text:
            assert origin["url"] == clone.url and "vcs_info" in origin
        else:
            assert origin["url"].startswith(f"file://{clone.path}/dist/mkdocs_playbook-")
        # "The build's log names the version it ran on its first INFO line."
        assert first_info_line(output) == f"INFO    -  playbook: mkdocs-playbook {__version__}"
        html = (site / "site" / "runbook" / "index.html").read_text(encoding="utf-8")
        assert 'type="checkbox"' in html and "admonition" in html
        subprocess.run(
            ["pip", "uninstall", "--yes", "--quiet", "mkdocs-playbook"],
            env=team_env,
            check=True,
            capture_output=True,
        )


@pytest.mark.parametrize("index", range(len(parts(MIGRATION))), ids=lambda i: f"part{i}")
def test_migration_commands_run_as_printed(
    index: int, tmp_path: Path, clone: Clone, team_env: dict[str, str]
) -> None:
    part = parts(MIGRATION)[index]
    first_way = installs(parts(ADOPTION)[0])[0]
    install = substitute(first_way.text, clone)
    subprocess.run(["bash", "-c", install], env=team_env, check=True, capture_output=True)
    source = PAGES_AT_TOP if part.at_the_top else PAGES_IN_DOCS
    site = team_site(tmp_path / "runbooks", source)
    run_part(part, site, team_env, clone, skip=set())
