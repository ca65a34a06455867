"""The report: targets judged from the measurements, and the Markdown that shows them."""

from __future__ import annotations

from typing import Any

from . import profile

OVERHEAD_TARGET = 1.10
"""Plugin build time at most 10% over Material alone, full nav."""
PRUNE_TARGET = 1.25
"""With `navigation.prune`, where Material's own page costs least (issue 18)."""
PER_PAGE_TARGET_MS = 2.0
"""The plugin's cost per page of the bench corpus, pruned."""
SITE_PER_PAGE_TARGET_MS = 4.0
SITE_RATIO_TARGET = 1.25
"""This site's own pages (more widgets than the bench corpus's), pruned."""
SERVE_TARGET = 1.25
MEMORY_TARGET = 1.3
LINEAR_TOLERANCE = 1.5
"""Per-page extra cost at the largest size at most 1.5x that at the next size (quadratic
growth from 1,000 to 5,000 pages would give 5x)."""
ASSETS_GZIP_TARGET = 15 * 1024
ENHANCE_TARGET_MS = 30.0
TOGGLE_TARGET_MS = 4.0
LINK_SHARE_TARGET = 0.05
ABSENT = "not available in this build"

COST_SITE_TARGET = 1.15
"""Issue 26: this site's pages, pruned, against Material alone."""
COST_BUILD_TARGET = 1.10
"""Issue 26: the bench corpus, full nav and pruned."""
COST_PER_PAGE_MS = 2.0
COST_SERVE_TARGET = 1.15
COST_MEMORY_TARGET = 1.2
NEXT_DESIGN = 'bench/README.md, "Where the cost remains"'
"""Where the next design for each unmet target is written."""
_OUTSIDE_CONVERSION = (
    "Theme template render",
    "Material search: index a page",
    "Plugin: on_files (front matter, nav, assets)",
    "Plugin: on_post_page (theme's links)",
    "Plugin: on_post_build (link validation)",
    "Write the page files",
    profile.GC,
)
"""What a `mkdocs serve` rebuild still does for a page that kept its conversion."""
_CONTAINERS = ("Whole build", "Markdown to HTML (Python-Markdown)")
"""Profile parts that only hold others."""


def _target(name: str, figure: str, target: str, met: bool | None) -> dict[str, Any]:
    return {"name": name, "figure": figure, "target": target, "met": met}


def _ratio(data: dict[str, Any], ours: str, material: str) -> float:
    variants = data["build"]["variants"]
    return float(variants[ours]["median_seconds"] / variants[material]["median_seconds"])


def per_page_overhead_ms(row: dict[str, Any]) -> float:
    return float((row["ours"] - row["material"]) / row["pages"] * 1000)


def linear_check(scaling: list[dict[str, Any]]) -> tuple[str, bool | None]:
    if len(scaling) < 2:
        return "one size only", None
    middle, largest = scaling[-2], scaling[-1]
    low, high = per_page_overhead_ms(middle), per_page_overhead_ms(largest)
    figure = (
        f"{high:.2f} ms/page at {largest['pages']:,} vs {low:.2f} ms/page at {middle['pages']:,}"
    )
    # Overhead within noise at both sizes cannot be growing faster than linearly.
    met = high <= max(low, 0.0) * LINEAR_TOLERANCE or high <= 0
    return figure, met


def _per_page_ms(variants: dict[str, Any], pages: int, key: str = "median_seconds") -> float:
    ours, material = variants["ours-prune"][key], variants["material-prune"][key]
    return float((ours - material) / pages * 1000)


def _cost_target(name: str, section: dict[str, Any], target_ms: float) -> dict[str, Any]:
    """The plugin's extra time per page with `navigation.prune`, wall (judged) and CPU."""
    variants, pages = section["variants"], section["pages"]
    wall = _per_page_ms(variants, pages)
    cpu = _per_page_ms(variants, pages, "median_cpu_seconds")
    return _target(
        f"{name}, {pages:,} pages, navigation.prune",
        f"{wall:.2f} ms ({cpu:.2f} ms CPU)",
        f"<= {target_ms:.0f} ms",
        wall <= target_ms,
    )


def _ratio_target(name: str, ours: float, material: float, limit: float) -> dict[str, Any]:
    ratio = ours / material
    figure = f"{ratio:.3f}x ({ours:.2f} s vs {material:.2f} s)"
    return _target(name, figure, f"<= {limit:.2f}x", ratio <= limit)


def _site_ratio_target(site: dict[str, Any], limit: float) -> dict[str, Any]:
    """This site's pages, pruned, against Material alone."""
    return _ratio_target(
        f"This site's pages, {site['pages']:,} pages, navigation.prune",
        site["variants"]["ours-prune"]["median_seconds"],
        site["variants"]["material-prune"]["median_seconds"],
        limit,
    )


def _keyed(key: str, target: dict[str, Any]) -> dict[str, Any]:
    """A target with the key that says which profile explains it."""
    return {**target, "key": key}


def cost_targets(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Issue 26's cost targets, judged on the whole `mkdocs build` process's wall time."""
    variants, pages = data["build"]["variants"], data["build"]["pages"]
    site = data["site"]
    result = [_keyed("site", _site_ratio_target(site, COST_SITE_TARGET))]
    for ours, material, label, key in (
        ("ours", "material", "full nav", "full"),
        ("ours-prune", "material-prune", "navigation.prune", "prune"),
    ):
        result.append(
            _keyed(
                key,
                _ratio_target(
                    f"Bench corpus, {pages:,} pages, {label}",
                    variants[ours]["median_seconds"],
                    variants[material]["median_seconds"],
                    COST_BUILD_TARGET,
                ),
            )
        )
    result.append(
        _keyed(
            "per_page",
            _cost_target("Plugin cost per page, bench corpus", data["build"], COST_PER_PAGE_MS),
        )
    )
    serve = data["serve"]
    result.append(
        _keyed(
            "serve",
            _ratio_target(
                "`mkdocs serve` rebuild after one edit",
                serve["ours"],
                serve["material"],
                COST_SERVE_TARGET,
            ),
        )
    )
    memory = _memory_ratios(data)
    result.append(
        _keyed(
            "memory",
            _target(
                "Peak memory",
                ", ".join(f"{label} {ratio:.3f}x" for label, ratio in memory.items()),
                f"<= {COST_MEMORY_TARGET:.1f}x",
                max(memory.values()) <= COST_MEMORY_TARGET,
            ),
        )
    )
    return result


def _memory_ratios(data: dict[str, Any]) -> dict[str, float]:
    """Peak memory with the plugin against Material alone, per corpus and nav."""
    corpus, site = data["build"]["variants"], data["site"]["variants"]
    return {
        label: found[ours]["median_peak_rss_mb"] / found[material]["median_peak_rss_mb"]
        for found, ours, material, label in (
            (corpus, "ours", "material", "bench full nav"),
            (corpus, "ours-prune", "material-prune", "bench pruned"),
            (site, "ours-prune", "material-prune", "this site pruned"),
        )
    }


def targets(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Issue 18's targets first, in its order; then those of issue 6 it did not restate."""
    pages = data["build"]["pages"]
    variants = data["build"]["variants"]
    result = [_cost_target("Plugin cost per page, bench corpus", data["build"], PER_PAGE_TARGET_MS)]
    site = data["site"]
    result.append(
        _cost_target("Plugin cost per page, this site's pages", site, SITE_PER_PAGE_TARGET_MS)
    )
    result.append(_site_ratio_target(site, SITE_RATIO_TARGET))
    for ours, material, label, limit in (
        ("ours", "material", "full nav", OVERHEAD_TARGET),
        ("ours-prune", "material-prune", "navigation.prune", PRUNE_TARGET),
    ):
        result.append(
            _ratio_target(
                f"Build, {pages:,} pages, {label}",
                variants[ours]["median_seconds"],
                variants[material]["median_seconds"],
                limit,
            )
        )
    serve = data["serve"]
    result.append(
        _ratio_target(
            "`mkdocs serve` rebuild after one edit", serve["ours"], serve["material"], SERVE_TARGET
        )
    )
    memory = {
        label: variants[ours]["median_peak_rss_mb"] / variants[material]["median_peak_rss_mb"]
        for ours, material, label in (
            ("ours", "material", "full nav"),
            ("ours-prune", "material-prune", "pruned"),
        )
    }
    result.append(
        _target(
            f"Peak memory, {pages:,} pages",
            ", ".join(f"{label} {ratio:.3f}x" for label, ratio in memory.items()),
            f"<= {MEMORY_TARGET:.1f}x",
            max(memory.values()) <= MEMORY_TARGET,
        )
    )
    links = data["links"]["in_build_seconds"]
    if links is None:
        result.append(_target("Link validation share of build", ABSENT, "< 5%", None))
    else:
        share = links / variants["ours"]["median_seconds"]
        result.append(
            _target(
                "Link validation share of build",
                f"{share * 100:.1f}% ({links:.2f} s)",
                f"< {LINK_SHARE_TARGET * 100:.0f}%",
                share < LINK_SHARE_TARGET,
            )
        )
    figure, met = linear_check(data["scaling"])
    result.append(
        _target("Plugin cost grows linearly", figure, f"<= {LINEAR_TOLERANCE}x per page", met)
    )
    weight = data["weight"]
    result.append(
        _target(
            "Plugin assets, gzipped, together",
            f"{weight['gzip']:,} bytes",
            f"< {ASSETS_GZIP_TARGET:,} bytes (15 KB)",
            weight["gzip"] < ASSETS_GZIP_TARGET,
        )
    )
    foreign = len(weight["third_party_requests"]) + len(data["enhancement"]["third_party_requests"])
    result.append(_target("Third-party requests", str(foreign), "0", foreign == 0))
    enhanced = data["enhancement"]["our_script_ms"]
    result.append(
        _target(
            "Enhancement: main-thread time in our scripts, 500 items",
            f"{enhanced:.1f} ms",
            f"< {ENHANCE_TARGET_MS:.0f} ms",
            enhanced < ENHANCE_TARGET_MS,
        )
    )
    toggle = data["enhancement"]["toggle"]
    toggle_ms = toggle["median_ms"] if toggle and toggle.get("items") else None
    result.append(
        _target(
            "Tick one checklist item and store it",
            f"{toggle_ms:.2f} ms" if toggle_ms is not None else "no checklists in this build",
            f"< {TOGGLE_TARGET_MS:.0f} ms",
            toggle_ms < TOGGLE_TARGET_MS if toggle_ms is not None else None,
        )
    )
    return result


def _met(met: bool | None) -> str:
    return {True: "met", False: "**not met**", None: "not measured"}[met]


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def _stages(meta: dict[str, Any]) -> str:
    """Each part's wall and CPU seconds; CPU is near what idle cores would take."""
    stages = meta.get("stages", {})
    if not stages:
        return ""
    parts = ", ".join(
        f"{name} {times['wall']:.0f} s ({times['cpu']:.0f} s CPU)" for name, times in stages.items()
    )
    cpu = sum(times["cpu"] for times in stages.values())
    return f": {parts}; {cpu:.0f} s CPU in all, near what 2 idle cores would take"


def markdown(data: dict[str, Any]) -> str:
    meta = data["meta"]
    versions = ", ".join(f"{name} {version}" for name, version in meta["versions"].items())
    lines = [
        "# Benchmark report",
        "",
        f"`{meta['command'].strip()}` on {meta['date']}: {meta['cpus']} CPUs (1-minute load "
        f"average {meta['load_average']:.1f} at the start, {meta['load_average_end']:.1f} at the "
        f"end: other work on the machine slows every variant), Python {meta['python']}, "
        f"{versions}. The run took {meta['duration_seconds']:.0f} s{_stages(meta)}.",
        "",
        "## Cost targets (issue 26)",
        "",
        f"Whole `mkdocs build` processes, timed by {meta.get('timer', 'the harness')}, "
        "against Material alone in the same run; medians of the alternating rounds.",
        "",
        *_target_table(data["cost_targets"]),
        "",
        *_why_section(data),
        "## Targets (issues 18 and 6)",
        "",
        *_target_table(data["targets"]),
        "",
    ]
    lines += _build_section(data)
    lines += _site_section(data)
    lines += _parsers_section(data)
    lines += _scaling_section(data)
    lines += _weight_section(data)
    lines += _enhancement_section(data)
    lines += _responder_section(data)
    lines += _links_section(data)
    lines += _profile_section(data)
    return "\n".join(lines)


def _target_table(found: list[dict[str, Any]]) -> list[str]:
    return [
        "| Measure | Figure | Target | |",
        "| --- | --- | --- | --- |",
        *(f"| {t['name']} | {t['figure']} | {t['target']} | {_met(t['met'])} |" for t in found),
    ]


def _top_parts(extra: dict[str, float], labels: tuple[str, ...] = (), count: int = 5) -> str:
    """The parts that cost the plugin most per page (among `labels`, if given): those that
    hold no other part listed, so no time is counted twice."""
    whole = extra["Whole build"]
    parts = [
        (label.strip(), ms)
        for label, ms in extra.items()
        if label not in _CONTAINERS
        and not label.startswith("    ")
        and (not labels or label in labels)
    ]
    parts.sort(key=lambda part: -part[1])
    shown = [
        f"{label} {ms:+.2f} ms ({ms / whole * 100:.0f}%)" if whole > 0 else f"{label} {ms:+.2f} ms"
        for label, ms in parts[:count]
    ]
    return "; ".join(shown)


def _why(target: dict[str, Any], data: dict[str, Any]) -> str:
    """Why an issue 26 target is not met, from the same run's profile."""
    profiles = data.get("profile") or {}
    key = target["key"]
    if key == "memory":
        corpus, site = data["build"]["variants"], data["site"]["variants"]
        return (
            f"peak resident memory {corpus['ours-prune']['median_peak_rss_mb']:.0f} MB against "
            f"{corpus['material-prune']['median_peak_rss_mb']:.0f} MB (bench, pruned) and "
            f"{site['ours-prune']['median_peak_rss_mb']:.0f} MB against "
            f"{site['material-prune']['median_peak_rss_mb']:.0f} MB (this site): MkDocs renders "
            "every page before it writes any, so every page's HTML, longer by the widgets' "
            "markup, is held at once, with each page's links and ids for the link check at the "
            "end of the build, and our modules (markdown-it, Jinja's templates) once"
        )
    found = profiles.get("site" if key == "site" else "corpus")
    if not found:
        return "no profile in this run (`--profile never`)"
    extra = profile.extra_per_page(found)
    where = f"cProfile, {found['pages']:,} pages, extra per page with the plugin"
    if key == "serve":
        return (
            "the pages that did not change kept their conversion (`serve_cache.py`); what a "
            f"rebuild still does for every page ({where}): "
            f"{_top_parts(extra, _OUTSIDE_CONVERSION)}"
        )
    whole = extra["Whole build"]
    return f"{where} {whole:+.2f} ms, most in: {_top_parts(extra)}"


def why_opening(target: dict[str, Any]) -> str:
    """How the line that explains an unmet target starts."""
    return f"**{target['name']}**, {target['figure']}: "


def _why_section(data: dict[str, Any]) -> list[str]:
    unmet = [t for t in data["cost_targets"] if t["met"] is False]
    if not unmet:
        return []
    lines = [
        "### Why not met",
        "",
        "From this run's profile (its tables end the report; cProfile slows Python code about "
        "threefold, so read the shares):",
        "",
    ]
    lines += [f"- {why_opening(t)}{_why(t, data)}." for t in unmet]
    lines += ["", f"The next design for each: {NEXT_DESIGN}.", ""]
    return lines


def _profile_section(data: dict[str, Any]) -> list[str]:
    profiles = data.get("profile") or {}
    if not profiles:
        return []
    lines = ["## Profile", ""]
    for name, label in (("corpus", "the bench corpus"), ("site", "this site's pages")):
        found = profiles.get(name)
        if found:
            lines += [
                f"cProfile, navigation.prune, {label}, {found['pages']:,} pages (a build with the "
                "plugin and one without, each in a fresh process):",
                "",
                profile.table(found["ours"], found["material"], found["pages"]),
                "",
            ]
    return lines


def _build_section(data: dict[str, Any]) -> list[str]:
    build = data["build"]
    variants = build["variants"]
    meta = data["meta"]
    lines = [
        "## Build cost",
        "",
        f"{build['pages']:,} generated pages plus the enhancement page; {meta['runs']} "
        "rounds, each building every variant once in a fresh process (order reversed every "
        "other round); medians. Material alone gets the explicit nav the plugin would build. "
        f"The median and its runs time the whole process ({meta.get('timer', 'the harness')}); "
        "building: inside it, from loading the configuration to the end of the build.",
        "",
    ]
    lines += _variants_table(variants)
    for ours, material in (("ours", "material"), ("ours-prune", "material-prune")):
        ratio = _ratio(data, ours, material)
        cpu = variants[ours]["median_cpu_seconds"] / variants[material]["median_cpu_seconds"]
        memory = variants[ours]["median_peak_rss_mb"] / variants[material]["median_peak_rss_mb"]
        lines.append("")
        lines.append(
            f"- `{ours}` / `{material}`: time {ratio:.3f}x (CPU time {cpu:.3f}x, steadier on a "
            f"shared machine), peak memory {memory:.3f}x."
        )
    lines += _zensical_lines(data)
    serve = data["serve"]
    lines += [
        "",
        f"`mkdocs serve` rebuild after editing `{serve['page']}` (navigation.prune; from MkDocs' "
        f'"Building documentation..." to "Reloading browsers": the configuration read again and '
        f"the build): {serve['ours']:.2f} s with the plugin, {serve['material']:.2f} s without "
        f"({serve['ours'] / serve['material']:.3f}x).",
        "",
    ]
    return lines


def _variants_table(variants: dict[str, Any]) -> list[str]:
    lines = [
        "| Variant | Median (process) | Runs | CPU (median) | Building (median) | Peak memory "
        "| Warnings |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, runs in variants.items():
        seconds = ", ".join(f"{s:.2f}" for s in runs["seconds"])
        lines.append(
            f"| {name} | {runs['median_seconds']:.2f} s | {seconds} | "
            f"{runs['median_cpu_seconds']:.2f} s | {runs['median_build_seconds']:.2f} s | "
            f"{runs['median_peak_rss_mb']:.0f} MB | {runs['warnings']} |"
        )
    return lines


def _site_section(data: dict[str, Any]) -> list[str]:
    site = data["site"]
    variants = site["variants"]
    ours, material = variants["ours-prune"], variants["material-prune"]
    return [
        "## This site's pages",
        "",
        f"This repository's `docs/` copied {site['copies']} times ({site['pages']:,} pages; "
        "every copy after the first under its own folder, its titles made unique), built with "
        "the site's own Markdown extensions and plugin options (less the run page, which "
        "Material alone would not have) and `navigation.prune`; Material alone gets the nav "
        f"the plugin builds from their front matter. {data['meta']['runs']} alternating rounds; "
        "medians.",
        "",
        *_variants_table(variants),
        "",
        f"- `ours-prune` / `material-prune`: time "
        f"{ours['median_seconds'] / material['median_seconds']:.3f}x (CPU "
        f"{ours['median_cpu_seconds'] / material['median_cpu_seconds']:.3f}x); the plugin's "
        f"cost per page {_per_page_ms(variants, site['pages']):.2f} ms "
        f"({_per_page_ms(variants, site['pages'], 'median_cpu_seconds'):.2f} ms CPU); "
        f"peak memory {ours['median_peak_rss_mb'] / material['median_peak_rss_mb']:.3f}x.",
        "",
    ]


def _parsers_section(data: dict[str, Any]) -> list[str]:
    """The page model read from the tree, against parses of the rendered HTML."""
    found = data["parsers"]
    corpus, site = found["corpus"], found["site"]
    lines = [
        "## The model's source: element tree or HTML parse",
        "",
        "Milliseconds per page, in one build with the plugin (`bench/parsers.py`): the tree "
        "read as the extension does it (`page.reader.read_page`), against parsers of the same "
        "page's rendered HTML, bare and reading the same facts (ids, links, headings, code). "
        f"Median page: {corpus['median_bytes'] / 1024:.1f} KB of HTML in the bench corpus, "
        f"{site['median_bytes'] / 1024:.1f} KB in this site's pages.",
        "",
        f"| Read | Bench corpus ({corpus['pages']:,} pages): mean | median | "
        f"This site's pages ({site['pages']:,}): mean | median |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name in corpus["ms_per_page"]:
        label = "element tree (as built)" if name == "tree" else name
        lines.append(
            f"| {label} | {corpus['ms_per_page'][name]:.3f} | {corpus['median_ms'][name]:.3f} | "
            f"{site['ms_per_page'][name]:.3f} | {site['median_ms'][name]:.3f} |"
        )
    return [*lines, ""]


def _zensical_lines(data: dict[str, Any]) -> list[str]:
    """Zensical's clean and cached builds of the corpus against Material's with the plugin."""
    found = data.get("zensical")
    if not found:
        return []
    material = data["build"]["variants"]["ours"]
    seconds, cpu = material["median_seconds"], material["median_cpu_seconds"]
    clean, cached = found["clean_median_seconds"], found["cached_median_seconds"]
    return [
        "",
        f"- Zensical (`prepare` {found['prepare_seconds']:.2f} s, then `zensical build`), "
        f"against `ours` on Material: clean {clean:.2f} s ({clean / seconds:.3f}x; CPU "
        f"{found['clean_median_cpu_seconds'] / cpu:.3f}x), cached {cached:.2f} s "
        f"({cached / seconds:.3f}x; CPU {found['cached_median_cpu_seconds'] / cpu:.3f}x).",
    ]


def _scaling_section(data: dict[str, Any]) -> list[str]:
    lines = [
        "## Scaling",
        "",
        "With navigation.prune (without it Material's own nav is quadratic, which would hide "
        "ours). Sizes above the main corpus are built "
        f"{data['meta']['large_runs']} time(s) per variant.",
        "",
        "| Pages | Runs | With plugin | Material alone | Ratio | Plugin cost per page | "
        "Peak memory (plugin / alone) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in data["scaling"]:
        lines.append(
            f"| {row['pages']:,} | {row['runs']} | {row['ours']:.2f} s | {row['material']:.2f} s "
            f"| {row['ours'] / row['material']:.3f}x | {per_page_overhead_ms(row):.2f} ms | "
            f"{row['ours_peak_rss_mb']:.0f} / {row['material_peak_rss_mb']:.0f} MB |"
        )
    return [*lines, ""]


def _weight_section(data: dict[str, Any]) -> list[str]:
    weight = data["weight"]
    lines = [
        "## Page weight",
        "",
        "Assets the plugin adds (`mkdocs_playbook.extension.STYLESHEETS` and `SCRIPTS`), "
        f"gzip level 6. "
        f"Requests added to `{weight['page']}`: {weight['requests_added']} (expected "
        f"{weight['requests_expected']}); third-party requests in its HTML: "
        f"{len(weight['third_party_requests'])}.",
        "",
        "| Asset | Raw | Gzipped |",
        "| --- | --- | --- |",
        *(f"| {a['name']} | {a['raw']:,} | {a['gzip']:,} |" for a in weight["assets"]),
        f"| **all of ours** | {weight['raw']:,} | {weight['gzip']:,} |",
        f"| Material's own scripts and stylesheets | {weight['material_raw']:,} | "
        f"{weight['material_gzip']:,} |",
        "",
        f"Ours are {weight['gzip'] / weight['material_gzip']:.3f}x Material's gzipped bytes "
        f"({_kb(weight['gzip'])} against {_kb(weight['material_gzip'])}).",
        "",
    ]
    return lines


def _enhancement_section(data: dict[str, Any]) -> list[str]:
    result = data["enhancement"]
    counts = result["enhanced"]
    dcl, load = result["dcl_handlers_ms"], result["load_end_ms"]
    mark = result["last_mark_ms"]
    lines = [
        "## Enhancement time",
        "",
        f"`{result['page']}` (500 task items in 5 lists under checklist headings, a severity "
        f"matrix, 3 templates) over http://127.0.0.1 in headless Chromium, {result['runs']} "
        "visits alternating with the same page without our scripts; medians.",
        "",
        f"- Enhanced on the page: {counts.get('severity', 0)} severity lookup(s), "
        f"{counts.get('templates', 0)} template form(s), {counts.get('checklists', 0)} "
        f"checklist(s) with {counts.get('checkboxes', 0)} boxes.",
    ]
    if not counts.get("checklists"):
        lines.append(
            f"- Checklists: absent from this build's HTML (the page has "
            f"{counts.get('checkboxes_in_content', 0)} checkboxes, none in a checklist widget)."
        )
    scripts = result["all_script_ms"]
    lines += [
        f"- Main-thread time in our scripts from the request to load (Chromium's sampling "
        f"profiler, 0.1 ms; evaluation and enhancement, whichever script does it): "
        f"**{result['our_script_ms']:.1f} ms**; all scripts on the page: {scripts['ours']:.1f} ms "
        f"with ours, {scripts['baseline']:.1f} ms without "
        f"({scripts['ours'] / max(scripts['baseline'], 0.1):.2f}x).",
        f"- DOMContentLoaded handlers (Material's and ours; every widget enhances there): "
        f"{dcl['ours']:.1f} ms with ours, {dcl['baseline']:.1f} ms without "
        f"({dcl['ours'] / max(dcl['baseline'], 0.1):.2f}x); difference, median of the visit "
        f"pairs: {result['added_dcl_ms']:.1f} ms (wall clock, so noisy on a busy machine).",
        "- DOMContentLoaded to the last `playbook:enhanced` mark (scripts that enhance through "
        "`playbook.mount`): " + (f"{mark:.1f} ms." if mark is not None else f"{ABSENT} (no mark)."),
        f"- Load event end from navigation start: {load['ours']:.1f} ms with ours, "
        f"{load['baseline']:.1f} ms without ({load['ours'] / max(load['baseline'], 0.1):.2f}x).",
    ]
    toggle = result["toggle"]
    if toggle and toggle.get("items"):
        when = (
            "stored before the click returns"
            if toggle["stored_after_click_returns"]
            else "stored after the click returned (deferred write)"
        )
        lines.append(
            f"- Tick and store one item: {toggle['median_ms']:.2f} ms median over "
            f"{toggle['items']} items (max {toggle['max_ms']:.2f} ms), {when}; against the "
            "0 ms of a page without the script, which stores nothing."
        )
    elif toggle:
        lines.append("- Tick and store: a tick did not reach localStorage within 1 s.")
    else:
        lines.append("- Tick and store: no checklists in this build.")
    if result["page_errors"]:
        lines.append(f"- Page errors: {'; '.join(result['page_errors'])}")
    return [*lines, ""]


def _responder_section(data: dict[str, Any]) -> list[str]:
    result = data["responder"]
    outcome = (
        "a complete SEV-2 Slack update (no placeholder left)"
        if result["complete"]
        else "**an incomplete update** (a placeholder was left)"
    )
    lines = [
        "## Responder",
        "",
        f"This site's `{result['page']}` over http://127.0.0.1 in headless Chromium, a fresh "
        f"browser each of {result['visits']} visits: a scripted responder takes "
        f"{result['actions']} actions (the severity, the four facts, Copy) and gets {outcome} "
        "on the clipboard.",
        "",
        f"- Navigation start to the clipboard: **{result['median_ms']:.0f} ms** median (the "
        "script's own pace included; a person takes longer).",
    ]
    if result["page_errors"]:
        lines.append(f"- Page errors: {'; '.join(result['page_errors'])}")
    return [*lines, ""]


def _links_section(data: dict[str, Any]) -> list[str]:
    links = data["links"]
    lines = ["## Link checking", ""]
    seconds = links["in_build_seconds"]
    if seconds is None:
        lines.append(f"- In-build link validation: {ABSENT} (the plugin logs no timing).")
    else:
        build = data["build"]["variants"]["ours"]["median_seconds"]
        lines.append(
            f"- In-build link validation: {seconds:.3f} s, {seconds / build * 100:.1f}% of the "
            f"{build:.2f} s build."
        )
    corpus = f"a {links['check_links_pages']}-page corpus (LinkChecker is slow)"
    for key, label in (("check_links_corpus", corpus), ("check_links_site", "this site")):
        run = links[key]
        if run.get("skipped"):
            lines.append(f"- `scripts/check-links` on {label}: skipped (--check-links).")
        elif not run["available"]:
            lines.append(f"- `scripts/check-links` on {label}: not on this branch.")
        elif run["timed_out"]:
            lines.append(f"- `scripts/check-links` on {label}: over {run['seconds']:.0f} s.")
        else:
            lines.append(
                f"- `scripts/check-links` on {label}: {run['seconds']:.1f} s wall (build "
                f"included), exit status {run['returncode']}."
            )
            if run["returncode"]:
                tail = run["output_tail"].strip().splitlines()
                lines += ["", "  ```", *(f"  {line}" for line in tail), "  ```", ""]
    return [*lines, ""]
