"""Build cost: the corpus built with and without the plugin, alternating, one process each."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import corpus

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


@dataclass
class Runs:
    """The builds of one variant."""

    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
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
            "peak_rss_mb": self.peak_rss_mb,
            "median_peak_rss_mb": statistics.median(self.peak_rss_mb),
            "warnings": len(self.warnings),
            "first_warnings": self.warnings[:5],
        }


def config_for(variant: str, nav: list[Any]) -> dict[str, Any]:
    """The same site for every variant; only the plugin, the nav and `navigation.prune` vary."""
    ours = variant.startswith("ours")
    theme: dict[str, Any] = {"name": "material", "font": False, "features": []}
    if variant.endswith("-prune"):
        theme["features"].append("navigation.prune")
    config: dict[str, Any] = {
        "site_name": "Benchmark corpus",
        "docs_dir": "docs",
        "site_dir": f"site-{variant}",
        "use_directory_urls": False,
        "theme": theme,
        "plugins": ["search", "playbook"] if ours else ["search"],
        "markdown_extensions": [
            "admonition",
            "attr_list",
            "md_in_html",
            "tables",
            {"toc": {"permalink": True}},
            "pymdownx.superfences",
        ],
        # MkDocs checks every cross-link's anchor: proof that the corpus's links are sound.
        "validation": {"anchors": "warn", "unrecognized_links": "warn"},
    }
    if not ours:
        config["nav"] = nav
    return config


def make_project(root: Path, pages: int, seed: int = 1) -> Project:
    root.mkdir(parents=True, exist_ok=True)
    generated = corpus.write(root / "docs", pages, seed)
    for variant in VARIANTS:
        text = yaml.safe_dump(config_for(variant, generated.nav), sort_keys=False)
        (root / f"{variant}.yml").write_text(text, encoding="utf-8")
    # What scripts/check-links builds when given the project folder.
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(config_for("ours-prune", generated.nav), sort_keys=False), encoding="utf-8"
    )
    return Project(root, pages, generated)


def build_once(config: Path) -> dict[str, Any]:
    """One build in a fresh interpreter."""
    path = [str(LIB_DIR), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
    result = subprocess.run(
        [sys.executable, "-m", "bench.buildrun", str(config)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"build of {config} failed:\n{result.stderr[-4000:]}")
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def compare(project: Project, variants: tuple[str, ...], runs: int) -> dict[str, Runs]:
    """`runs` rounds; each round builds every variant once, in turn, so drift hits all alike."""
    results = {variant: Runs() for variant in variants}
    for round_number in range(runs):
        # Alternate the order too, so no variant always follows the same one.
        order = variants if round_number % 2 == 0 else tuple(reversed(variants))
        for variant in order:
            data = build_once(project.config(variant))
            runs_ = results[variant]
            runs_.seconds.append(data["seconds"])
            runs_.cpu_seconds.append(data["cpu_seconds"])
            runs_.peak_rss_mb.append(data["peak_rss_mb"])
            runs_.warnings = data["warnings"]
            if data["link_seconds"] is not None:
                runs_.link_seconds.append(data["link_seconds"])
            print(
                f"  {project.pages} pages, {variant}: {data['seconds']:.2f} s "
                f"({data['cpu_seconds']:.2f} s CPU), "
                f"{data['peak_rss_mb']:.0f} MB",
                file=sys.stderr,
            )
    return results
