"""Build cost: the corpus built with and without the plugin, alternating, one process each."""

from __future__ import annotations

import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import corpus
from mkdocs_playbook.jekyll.frontmatter import parse_front_matter
from mkdocs_playbook.jekyll.navigation import NavSource, build_nav

from . import linkcheck

LIB_DIR = Path(__file__).resolve().parent.parent
VARIANTS = ("ours", "material", "ours-prune", "material-prune")
"""Ours builds the nav from front matter; Material alone gets the same nav written out."""


@dataclass
class Project:
    """A generated corpus and its four configurations."""

    root: Path
    pages: int
    corpus: corpus.Corpus

    def config(self, variant: str) -> Path:
        return self.root / f"{variant}.yml"

    def site(self, variant: str) -> Path:
        return self.root / f"site-{variant}"


HYPERFINE = shutil.which("hyperfine")
"""Times each build's whole process (interpreter start to exit) where it is installed; else
the harness times the child process itself (`timer()` says which)."""


def timer() -> str:
    """What times the builds' processes in this run."""
    if HYPERFINE is None:
        return "the harness (hyperfine not found)"
    found = subprocess.run([HYPERFINE, "--version"], capture_output=True, text=True, check=False)
    return found.stdout.strip() or "hyperfine"


@dataclass
class Runs:
    """The builds of one variant."""

    seconds: list[float] = field(default_factory=list)
    """Each build's whole process, wall time: what `mkdocs build` costs its user."""
    cpu_seconds: list[float] = field(default_factory=list)
    """The same processes' CPU time (user and system)."""
    build_seconds: list[float] = field(default_factory=list)
    """Inside each process: loading the configuration and building, as before hyperfine."""
    peak_rss_mb: list[float] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    link_seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def as_json(self) -> dict[str, Any]:
        return {
            "seconds": self.seconds,
            "median_seconds": self.median,
            "cpu_seconds": self.cpu_seconds,
            "median_cpu_seconds": statistics.median(self.cpu_seconds),
            "build_seconds": self.build_seconds,
            "median_build_seconds": statistics.median(self.build_seconds),
            "peak_rss_mb": self.peak_rss_mb,
            "median_peak_rss_mb": statistics.median(self.peak_rss_mb),
            "warnings": len(self.warnings),
            "first_warnings": self.warnings[:5],
        }


MARKDOWN_EXTENSIONS: list[Any] = [
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True}},
    "pymdownx.superfences",
]
# MkDocs checks every cross-link's anchor: proof that the corpus's links are sound.
VALIDATION: dict[str, Any] = {"anchors": "warn", "unrecognized_links": "warn"}
SITE_CONFIG = linkcheck.REPOSITORY / "mkdocs.yml"
SITE_DOCS = linkcheck.REPOSITORY / "docs"
_LEFT_OUT = ("runs",)
"""Site settings the real-page corpus leaves out: the run page is a page Material alone
would not have, so the two variants would not build the same files (`corpus.STAND_INS` puts a
plain page where it would be)."""


@dataclass(frozen=True)
class Settings:
    """What a corpus's configuration holds besides the variant's plugin, nav and prune."""

    name: str = "Benchmark corpus"
    markdown_extensions: list[Any] = field(default_factory=lambda: list(MARKDOWN_EXTENSIONS))
    playbook: dict[str, Any] = field(default_factory=dict)
    """The plugin's options; none: its defaults."""
    validation: dict[str, Any] = field(default_factory=lambda: dict(VALIDATION))


def site_settings(config_file: Path = SITE_CONFIG) -> Settings:
    """This site's own Markdown extensions, plugin options and validation (mkdocs.yml)."""
    from mkdocs.utils.yaml import yaml_load  # reads mkdocs.yml's !ENV tags

    with config_file.open(encoding="utf-8") as stream:
        site = yaml_load(stream)
    playbook: dict[str, Any] = {}
    for plugin in site.get("plugins", []):
        if isinstance(plugin, dict) and "playbook" in plugin:
            playbook = dict(plugin["playbook"] or {})
    for key in _LEFT_OUT:
        playbook.pop(key, None)
    # No report files from a benchmark.
    playbook["links"] = {
        k: v for k, v in (playbook.get("links") or {}).items() if k != "junit_report"
    }
    return Settings(
        name=site["site_name"],
        markdown_extensions=site.get("markdown_extensions", []),
        playbook=playbook,
        validation=site.get("validation", {}),
    )


def config_for(variant: str, nav: list[Any], settings: Settings | None = None) -> dict[str, Any]:
    """The same site for every variant; only the plugin, the nav and `navigation.prune` vary."""
    settings = settings or Settings()
    ours = variant.startswith("ours")
    theme: dict[str, Any] = {"name": "material", "font": False, "features": []}
    if variant.endswith("-prune"):
        theme["features"].append("navigation.prune")
    plugin: Any = {"playbook": settings.playbook} if settings.playbook else "playbook"
    config: dict[str, Any] = {
        "site_name": settings.name,
        "docs_dir": "docs",
        "site_dir": f"site-{variant}",
        "use_directory_urls": False,
        "theme": theme,
        "plugins": ["search", plugin] if ours else ["search"],
        "markdown_extensions": settings.markdown_extensions,
        "validation": settings.validation,
    }
    if not ours:
        config["nav"] = nav
    return config


def _write_configs(root: Path, nav: list[Any], settings: Settings | None = None) -> None:
    for variant in VARIANTS:
        text = yaml.safe_dump(config_for(variant, nav, settings), sort_keys=False)
        (root / f"{variant}.yml").write_text(text, encoding="utf-8")
    # What scripts/check-links builds when given the project folder.
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(config_for("ours-prune", nav, settings), sort_keys=False),
        encoding="utf-8",
    )


def make_project(root: Path, pages: int, seed: int = 1) -> Project:
    root.mkdir(parents=True, exist_ok=True)
    generated = corpus.write(root / "docs", pages, seed)
    _write_configs(root, generated.nav)
    return Project(root, pages, generated)


def plugin_nav(docs_dir: Path, paths: list[str]) -> list[Any]:
    """The nav the plugin builds from these pages' front matter (`jekyll.navigation`)."""
    sources = []
    for path in paths:
        front_matter = parse_front_matter((docs_dir / path).read_text(encoding="utf-8"))
        title = str(front_matter.data.get("title") or "")
        if not title:
            raise RuntimeError(f"{path}: the real-page corpus needs a title in front matter")
        sources.append(NavSource(path, title, front_matter))
    nav, problems = build_nav(sources)
    if problems or nav is None:
        raise RuntimeError(f"the copied pages' nav has problems: {problems[:3]}")
    return nav


def make_site_project(root: Path, copies: int = corpus.SITE_COPIES) -> Project:
    """This repository's own pages (`docs/`), `copies` times, with the site's own Markdown
    extensions and plugin options; Material alone gets the nav the plugin builds from them."""
    root.mkdir(parents=True, exist_ok=True)
    paths = corpus.copy_site(SITE_DOCS, root / "docs", copies)
    nav = plugin_nav(root / "docs", paths)
    _write_configs(root, nav, site_settings())
    pages = [corpus.Page(path, path) for path in paths]
    return Project(root, len(paths), corpus.Corpus(pages, nav))


def child_environment() -> dict[str, str]:
    """This environment, with the benchmarks' modules importable."""
    path = [str(LIB_DIR), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(path)}


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """`command` run in `cwd` with the benchmarks' modules importable, its output kept."""
    return subprocess.run(
        command, cwd=cwd, env=child_environment(), capture_output=True, text=True, check=False
    )


def in_child(module: str, config: Path, *arguments: str) -> dict[str, Any]:
    """Run `python -m MODULE [ARGUMENTS] CONFIG` in a fresh interpreter beside `config`; the
    JSON it prints."""
    result = _run([sys.executable, "-m", module, *arguments, str(config)], config.parent)
    if result.returncode != 0:
        raise RuntimeError(f"{module} on {config} failed:\n{result.stderr[-4000:]}")
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _buildrun(config: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "bench.buildrun", "--out", str(out), str(config)]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed_by_hyperfine(
    hyperfine: str, configs: list[tuple[str, Path]], work: Path
) -> list[tuple[float, float]]:
    """One hyperfine run of each build, in the order given: whole-process wall and CPU
    seconds, from its JSON export."""
    export = work / "hyperfine.json"
    command = [hyperfine, "-N", "--runs", "1", "--style", "none", "--export-json", str(export)]
    for variant, config in configs:
        command += ["--command-name", variant, shlex.join(_buildrun(config, work / variant))]
    result = _run(command, configs[0][1].parent)
    if result.returncode != 0:
        raise RuntimeError(f"hyperfine failed:\n{result.stdout[-2000:]}{result.stderr[-4000:]}")
    timed = json.loads(export.read_text(encoding="utf-8"))["results"]
    return [(float(run["times"][0]), float(run["user"] + run["system"])) for run in timed]


def _timed_by_harness(configs: list[tuple[str, Path]], work: Path) -> list[tuple[float, float]]:
    """Without hyperfine: the same, timed around each child process."""
    timed = []
    for variant, config in configs:
        cpu, started = _children_cpu(), time.perf_counter()
        result = _run(_buildrun(config, work / variant), config.parent)
        wall = time.perf_counter() - started
        if result.returncode != 0:
            raise RuntimeError(f"bench.buildrun on {config} failed:\n{result.stderr[-4000:]}")
        timed.append((wall, _children_cpu() - cpu))
    return timed


def build_round(configs: list[tuple[str, Path]]) -> dict[str, dict[str, Any]]:
    """Each (variant, configuration) built once, in this order, each in a fresh process: what
    `bench.buildrun` measured inside it, with the whole process's `process_seconds` and
    `process_cpu_seconds` (hyperfine's, where it is installed)."""
    with tempfile.TemporaryDirectory(prefix="playbook-round-") as folder:
        work = Path(folder)
        if HYPERFINE is not None:
            timed = _timed_by_hyperfine(HYPERFINE, configs, work)
        else:
            timed = _timed_by_harness(configs, work)
        results = {}
        for (variant, _), (wall, cpu) in zip(configs, timed, strict=True):
            data: dict[str, Any] = json.loads((work / variant).read_text(encoding="utf-8"))
            data["process_seconds"], data["process_cpu_seconds"] = wall, cpu
            results[variant] = data
    return results


def compare(project: Project, variants: tuple[str, ...], runs: int) -> dict[str, Runs]:
    """`runs` rounds; each round builds every variant once, in turn, so drift hits all alike
    (hyperfine times one round's builds, paired, as one of its runs each)."""
    results = {variant: Runs() for variant in variants}
    for round_number in range(runs):
        # Alternate the order too, so no variant always follows the same one.
        order = variants if round_number % 2 == 0 else tuple(reversed(variants))
        built = build_round([(variant, project.config(variant)) for variant in order])
        for variant in order:
            data = built[variant]
            runs_ = results[variant]
            runs_.seconds.append(data["process_seconds"])
            runs_.cpu_seconds.append(data["process_cpu_seconds"])
            runs_.build_seconds.append(data["seconds"])
            runs_.peak_rss_mb.append(data["peak_rss_mb"])
            runs_.warnings = data["warnings"]
            if data["link_seconds"] is not None:
                runs_.link_seconds.append(data["link_seconds"])
            print(
                f"  {project.pages} pages, {variant}: {data['process_seconds']:.2f} s "
                f"({data['process_cpu_seconds']:.2f} s CPU; building {data['seconds']:.2f} s), "
                f"{data['peak_rss_mb']:.0f} MB",
                file=sys.stderr,
            )
    return results
