"""`scripts/bench [--pages N] [--runs R]`: run every benchmark, write the report.

The report (Markdown, and JSON beside it) goes to `bench/results/`; `bench/README.md` says
what each figure means.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import corpus

from . import (
    builds,
    enhancement,
    linkcheck,
    parsers,
    profile,
    report,
    responder,
    serve,
    weight,
    zensical,
)

RESULTS = linkcheck.REPOSITORY / "bench" / "results"
PRUNED = ("ours-prune", "material-prune")


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__)
    parser.add_argument("--pages", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument(
        "--runs", type=int, default=3, help="builds per variant up to --pages (default 3)"
    )
    parser.add_argument(
        "--large-runs", type=int, default=1, help="builds per variant above --pages (default 1)"
    )
    parser.add_argument(
        "--scaling",
        default="",
        help="comma-separated sizes (default: pages/10, pages, pages*5)",
    )
    parser.add_argument(
        "--site-copies",
        type=int,
        default=corpus.SITE_COPIES,
        help=f"copies of this site's docs/ in the real-page corpus (default {corpus.SITE_COPIES})",
    )
    parser.add_argument("--visits", type=int, default=7, help="browser visits per page (7)")
    parser.add_argument(
        "--check-links",
        choices=("all", "corpus", "none"),
        default="all",
        help="where to time scripts/check-links: the corpus and this site (default), or less",
    )
    parser.add_argument(
        "--check-links-pages",
        type=int,
        default=20,
        help="corpus size for scripts/check-links (default 20: LinkChecker is slow)",
    )
    parser.add_argument(
        "--profile",
        choices=("auto", "always", "never"),
        default="auto",
        help="profile the plugin's cost per part when an issue 26 target is not met (auto), "
        "always, or never",
    )
    parser.add_argument(
        "--profile-pages",
        type=int,
        default=200,
        help="bench corpus size for the profile (default 200; at most --pages)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", type=Path, default=RESULTS, help="report folder")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects")
    return parser.parse_args(argv)


def _sizes(args: argparse.Namespace) -> list[int]:
    if args.scaling:
        sizes = {int(size) for size in args.scaling.split(",")}
    else:
        sizes = {max(10, args.pages // 10), args.pages * 5}
    return sorted(sizes | {args.pages})


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _cpu_seconds() -> float:
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@contextmanager
def _stage(stages: dict[str, dict[str, float]], name: str) -> Iterator[None]:
    """Wall and CPU seconds of one part of the run, into `stages`.

    The builds run one at a time, so CPU seconds (this process and the children it waited
    for) are close to what the part takes on idle cores, whatever else loads the machine:
    the figure to budget the default run's 10 minutes with.
    """
    wall, cpu = time.monotonic(), _cpu_seconds()
    try:
        yield
    finally:
        stages[name] = {"wall": time.monotonic() - wall, "cpu": _cpu_seconds() - cpu}


def _versions() -> dict[str, str]:
    names = ("mkdocs", "mkdocs-material", "mkdocs-playbook", "markdown", "playwright", "zensical")
    return {name: metadata.version(name) for name in names}


def run(args: argparse.Namespace) -> dict[str, Any]:
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="playbook-bench-"))
    data: dict[str, Any] = {
        "meta": {
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "command": "scripts/bench " + " ".join(sys.argv[1:]),
            "pages": args.pages,
            "runs": args.runs,
            "large_runs": args.large_runs,
            "visits": args.visits,
            "seed": args.seed,
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg()[0],
            "python": platform.python_version(),
            "versions": _versions(),
            "timer": builds.timer(),
        }
    }
    stages: dict[str, dict[str, float]] = {}
    data["meta"]["stages"] = stages
    try:
        with _stage(stages, "builds"):
            _log(f"Corpus of {args.pages} pages, four variants, {args.runs} rounds")
            project = builds.make_project(work / f"p{args.pages}", args.pages, args.seed)
            main = builds.compare(project, builds.VARIANTS, args.runs)
            data["build"] = {
                "pages": args.pages,
                "files": len(project.corpus.pages),
                "variants": {name: runs.as_json() for name, runs in main.items()},
            }

        with _stage(stages, "site"):
            _log(f"This site's pages, {args.site_copies} copies, pruned, {args.runs} rounds")
            site_project = builds.make_site_project(work / "site", args.site_copies)
            site_runs = builds.compare(site_project, PRUNED, args.runs)
            data["site"] = {
                "pages": site_project.pages,
                "copies": args.site_copies,
                "variants": {name: runs.as_json() for name, runs in site_runs.items()},
            }

        with _stage(stages, "parsers"):
            _log("The model's source: the element tree against HTML parsers, per page")
            data["parsers"] = {
                "corpus": parsers.measure(project.config("ours-prune")),
                "site": parsers.measure(site_project.config("ours-prune")),
            }

        with _stage(stages, "zensical"):
            _log(f"Zensical: prepare, then clean and cached builds, {args.runs} rounds")
            data["zensical"] = zensical.measure(project, args.runs)

        with _stage(stages, "scaling"):
            scaling: dict[int, dict[str, builds.Runs]] = {}
            for size in _sizes(args):
                if size == args.pages:
                    scaling[size] = {v: main[v] for v in PRUNED}
                    continue
                runs = args.runs if size <= args.pages else args.large_runs
                _log(f"Scaling: {size} pages, {runs} round(s)")
                other = builds.make_project(work / f"p{size}", size, args.seed)
                scaling[size] = builds.compare(other, PRUNED, runs)
                if not args.keep:
                    shutil.rmtree(other.root)
            data["scaling"] = [
                {
                    "pages": size,
                    "runs": len(results["ours-prune"].seconds),
                    "ours": results["ours-prune"].median,
                    "material": results["material-prune"].median,
                    "ours_peak_rss_mb": statistics.median(results["ours-prune"].peak_rss_mb),
                    "material_peak_rss_mb": statistics.median(
                        results["material-prune"].peak_rss_mb
                    ),
                }
                for size, results in sorted(scaling.items())
            ]

        with _stage(stages, "serve"):
            _log("mkdocs serve: one rebuild after one page changes")
            touched = (
                project.root / "docs" / project.corpus.pages[len(project.corpus.pages) // 2].path
            )
            data["serve"] = {
                "page": touched.relative_to(project.root).as_posix(),
                "pages": len(project.corpus.pages),
                "ours": serve.rebuild_seconds(project.config("ours-prune"), touched),
                "material": serve.rebuild_seconds(project.config("material-prune"), touched),
            }

        with _stage(stages, "enhancement"):
            site = project.site("ours-prune")
            page = project.corpus.pages[-1].path.replace(".md", ".html")
            data["weight"] = weight.page_weight(site, page)

            _log("Enhancement time in Chromium")
            data["enhancement"] = enhancement.measure(site, page, args.visits)

        with _stage(stages, "responder"):
            _log("A scripted responder on this site's playbook")
            data["responder"] = responder.measure(responder.build_site(work), args.visits)

        with _stage(stages, "links"):
            _log("Link checking")
            link_seconds = main["ours"].link_seconds
            data["links"] = {
                "in_build_seconds": statistics.median(link_seconds) if link_seconds else None,
                "in_build_prune_seconds": (
                    statistics.median(main["ours-prune"].link_seconds)
                    if main["ours-prune"].link_seconds
                    else None
                ),
                "check_links_pages": args.check_links_pages,
                "check_links_corpus": linkcheck.check_links(
                    builds.make_project(work / "links", args.check_links_pages, args.seed).root
                    if linkcheck.CHECK_LINKS.exists() and args.check_links != "none"
                    else None,
                    skip=args.check_links == "none",
                ),
                "check_links_site": linkcheck.check_links(
                    linkcheck.REPOSITORY, skip=args.check_links != "all"
                ),
            }
        data["cost_targets"] = report.cost_targets(data)
        unmet = any(target["met"] is False for target in data["cost_targets"])
        if args.profile == "always" or (args.profile == "auto" and unmet):
            with _stage(stages, "profile"):
                data["profile"] = _profile(args, work, site_project)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            _log(f"Projects kept in {work}")
    data["meta"]["duration_seconds"] = time.monotonic() - started
    data["meta"]["load_average_end"] = os.getloadavg()[0]
    data["targets"] = report.targets(data)
    return data


def _profile(args: argparse.Namespace, work: Path, site: builds.Project) -> dict[str, Any]:
    """Where the plugin's cost goes, per part, in this run: the bench corpus at
    `--profile-pages` and this site's pages as measured."""
    pages = min(args.pages, args.profile_pages)
    _log(f"Profile: where the plugin's cost goes (cProfile), {pages} pages and this site's")
    corpus = builds.make_project(work / f"profile{pages}", pages, args.seed)
    return {"corpus": profile.profile_project(corpus), "site": profile.profile_project(site)}


def main(argv: list[str]) -> int:
    args = _arguments(argv)
    data = run(args)
    args.output.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    markdown = args.output / f"bench-{stamp}.md"
    markdown.write_text(report.markdown(data), encoding="utf-8")
    (args.output / f"bench-{stamp}.json").write_text(
        json.dumps(data, indent=2) + "\n", encoding="utf-8"
    )
    _log(f"Report: {markdown}")
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
