"""`scripts/bench profile [--pages N | --site-copies N]`: where the plugin's cost goes.

One build with the plugin and one without (`navigation.prune`), each under cProfile in a fresh
process, on the bench corpus (`--pages`, default 1,000) or on copies of this site's pages
(`--site-copies`); prints, for each part of a build, the seconds it took with and without the
plugin and the difference per page. cProfile slows Python code about threefold, calls more
than C, so read the shares rather than the seconds. Garbage collection is timed apart (with
`gc.callbacks`): cProfile charges it to whatever function was running.

What the default run's report could not meet, `bench/README.md` explains from this output.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import logging
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from . import builds

PARTS: list[tuple[str, str, str]] = [
    ("Whole build", "mkdocs/commands/build.py", "build"),
    ("Markdown to HTML (Python-Markdown)", "markdown/core.py", "convert"),
    ("  our preprocessors: capture", "mkdocs_playbook/extension.py", "_Capture.run"),
    (
        "  our preprocessors: Liquid, repository links",
        "mkdocs_playbook/extension.py",
        "_Rewrite.run",
    ),
    ("  our preprocessors: list nesting", "mkdocs_playbook/extension.py", "_NestLists.run"),
    ("  our preprocessors: nesting cap", "mkdocs_playbook/extension.py", "_NestingCap.run"),
    ("  links as written", "mkdocs_playbook/extension.py", "_WrittenLinks.run"),
    ("  page model and widgets (_PageReader)", "mkdocs_playbook/extension.py", "_PageReader.run"),
    ("    model read from the tree", "mkdocs_playbook/page/reader.py", "read_page"),
    ("    checklists: read", "mkdocs_playbook/widgets/checklists.py", "Checklists.read"),
    ("    checklists: render", "mkdocs_playbook/widgets/checklists.py", "Checklists.render"),
    ("    template forms: read", "mkdocs_playbook/widgets/template_forms.py", "TemplateForms.read"),
    (
        "    template forms: render",
        "mkdocs_playbook/widgets/template_forms.py",
        "TemplateForms.render",
    ),
    ("    severity: read", "mkdocs_playbook/widgets/severity.py", "SeverityLookup.read"),
    ("    controls: render", "mkdocs_playbook/widgets/controls.py", "PageControls.render"),
    (
        "Extensions set up per page (extendMarkdown)",
        "mkdocs_playbook/extension.py",
        "extendMarkdown",
    ),
    ("Theme template render", "jinja2/environment.py", "Template.render"),
    ("Material search: index a page", "material/plugins/search/plugin.py", "on_page_context"),
    ("Plugin: on_files (front matter, nav, assets)", "mkdocs_playbook/plugin.py", "on_files"),
    ("Plugin: on_page_markdown", "mkdocs_playbook/plugin.py", "on_page_markdown"),
    ("Plugin: on_post_page (theme's links)", "mkdocs_playbook/plugin.py", "on_post_page"),
    ("Plugin: on_post_build (link validation)", "mkdocs_playbook/plugin.py", "on_post_build"),
    ("Write the page files", "mkdocs/utils/__init__.py", "write_file"),
]
"""(label, file, qualified function): the parts reported, in order. Indented ones are inside
the one above."""
GC = "Garbage collection (gc.callbacks)"
"""Timed apart: cProfile charges a collection to whatever function was running."""


def _cumulative(stats: pstats.Stats, path: str, function: str) -> float:
    """Cumulative seconds of every function named `function` (its last dotted part) in a
    file ending with `path`; a method's class is checked from the profile's line numbers
    only through its name, so two methods of one name in one file add up."""
    name = function.rsplit(".", 1)[-1]
    total = 0.0
    for (filename, _line, func), row in stats.stats.items():  # type: ignore[attr-defined]
        if func == name and filename.replace("\\", "/").endswith(path):
            total += row[3]
    return total


def _part_seconds(stats: pstats.Stats) -> dict[str, float]:
    # The extension's processors are all called `run`: told apart by their line numbers.
    by_line = _methods_by_line()
    seconds: dict[str, float] = {}
    for label, path, function in PARTS:
        if function.endswith(".run") and path.endswith("extension.py"):
            line = by_line.get(function)
            seconds[label] = sum(
                row[3]
                for (filename, number, func), row in stats.stats.items()  # type: ignore[attr-defined]
                if func == "run" and number == line and filename.endswith(path)
            )
        else:
            seconds[label] = _cumulative(stats, path, function)
    return seconds


def _methods_by_line() -> dict[str, int]:
    """`Class.method` -> the line its `def` is on, for the extension's processors."""
    import inspect

    from mkdocs_playbook import extension

    found: dict[str, int] = {}
    for name in (
        "_Capture",
        "_Rewrite",
        "_NestLists",
        "_NestingCap",
        "_WrittenLinks",
        "_PageReader",
    ):
        method = getattr(extension, name).run
        found[f"{name}.run"] = inspect.getsourcelines(method)[1]
    return found


def profile_build(config_file: str) -> dict[str, Any]:
    """One build under cProfile, in this process: the parts' seconds and the GC's."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    collecting = {"seconds": 0.0, "started": 0.0, "passes": 0}

    def on_gc(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            collecting["started"] = time.perf_counter()
        else:
            collecting["seconds"] += time.perf_counter() - collecting["started"]
            collecting["passes"] += 1

    config = load_config(config_file=config_file)
    profiler = cProfile.Profile()
    gc.callbacks.append(on_gc)
    profiler.enable()
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
        profiler.disable()
        gc.callbacks.remove(on_gc)
    stats = pstats.Stats(profiler)
    return {
        "parts": _part_seconds(stats),
        "gc_seconds": collecting["seconds"],
        "gc_passes": collecting["passes"],
    }


def table(ours: dict[str, Any], material: dict[str, Any], pages: int) -> str:
    """The parts as a Markdown table: with, without, extra ms per page (under cProfile)."""
    lines = [
        "| Part | With the plugin | Material alone | Extra per page |",
        "| --- | --- | --- | --- |",
    ]
    rows = [(label, ours["parts"][label], material["parts"][label]) for label, _, _ in PARTS]
    rows.append((GC, ours["gc_seconds"], material["gc_seconds"]))
    for label, with_plugin, alone in rows:
        extra = (with_plugin - alone) / pages * 1000
        shown = label.replace("  ", "&nbsp;&nbsp;")
        lines.append(f"| {shown} | {with_plugin:.2f} s | {alone:.2f} s | {extra:+.2f} ms |")
    return "\n".join(lines)


def profile_project(project: builds.Project) -> dict[str, Any]:
    """A pruned build of `project` with the plugin and one without, each under cProfile in a
    fresh process: `{"pages", "ours", "material"}`."""
    ours = builds.in_child("bench.profile", project.config("ours-prune"), "--build")
    material = builds.in_child("bench.profile", project.config("material-prune"), "--build")
    return {"pages": project.pages, "ours": ours, "material": material}


def extra_per_page(profile: dict[str, Any]) -> dict[str, float]:
    """Each part's extra milliseconds per page with the plugin; garbage collection too."""
    ours, material, pages = profile["ours"], profile["material"], profile["pages"]
    extra = {
        label: (ours["parts"][label] - material["parts"][label]) / pages * 1000
        for label, _, _ in PARTS
    }
    extra[GC] = (ours["gc_seconds"] - material["gc_seconds"]) / pages * 1000
    return extra


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench profile", description=__doc__)
    parser.add_argument("--pages", type=int, default=1000, help="bench corpus size (1000)")
    parser.add_argument(
        "--site-copies", type=int, default=0, help="profile N copies of this site's pages instead"
    )
    parser.add_argument("--json", action="store_true", help="print the seconds as JSON")
    parser.add_argument("--build", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build:
        json.dump(profile_build(args.build), sys.stdout)
        return 0
    with tempfile.TemporaryDirectory(prefix="playbook-profile-") as work:
        if args.site_copies:
            project = builds.make_site_project(Path(work), args.site_copies)
            what = f"{project.pages} pages: this site's docs/, {args.site_copies} copies"
        else:
            project = builds.make_project(Path(work), args.pages)
            what = f"the bench corpus, {args.pages} pages"
        profiled = profile_project(project)
    if args.json:
        json.dump(profiled, sys.stdout)
        return 0
    print(f"cProfile, navigation.prune, {what}:\n")
    print(table(profiled["ours"], profiled["material"], project.pages))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
