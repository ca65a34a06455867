"""The files the extension's HTML relies on, as the site serves them: bundled and minified.

The scripts are written as small files in `assets/`, one concern each; the site serves each
bundle of `BUNDLES` as one file, its parts joined in the order declared here (the one place
that says which script comes first). One file per page is one request, and gzip compresses the
parts together better than one by one.

Every page loads our scripts and stylesheet, on a responder's phone as much as a desk; rjsmin
and rcssmin strip comments and spacing (about 30% less after gzip) without rewriting code, so
what runs is the source in `assets/`, read as it was written.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

ASSETS_DIR = Path(__file__).parent / "assets"
"""The sources of the static files the extension's HTML relies on."""

BUNDLES: dict[str, tuple[str, ...]] = {
    # Every page: the core first (window.playbook), the store, then what uses them.
    "playbook.css": ("playbook.css",),
    # Sites with a Jekyll _config.yml only: Just the Docs' UI classes.
    "jtd.css": ("jtd.css",),
    # The store before what reads it as it loads; then an order gzip compresses best.
    "playbook.js": ("core.js", "store.js", "template_forms.js", "severity.js", "checklists.js"),
    # Instead of playbook.js on the sites with incident runs (`runs.page`): the same, and the
    # run bar with the timeline (on Zensical too: `prepare` names this bundle there).
    "playbook-runs.js": (
        "core.js",
        "store.js",
        "runs.js",
        "template_forms.js",
        "severity.js",
        # What the run knows: the templates' times and id, and the placeholders of code.
        "run_values.js",
        "checklists.js",
        # What a printed page says of the run: read from the run bar at "beforeprint".
        "print.js",
    ),
    # The run page only (widgets.runs.RUN_PAGE_ASSETS), after playbook.js.
    "run_page.css": ("run_page.css",),
    # The validator, the runs as data, then the page's parts (run_page.js first: the review
    # says what it did through its message line).
    "run_page.js": ("runstate.js", "run_records.js", "run_page.js", "run_review.js"),
}
"""Each file the site serves, and its parts in `ASSETS_DIR`, in order."""


def served_text(path: Path, *, minify: bool) -> str:
    """The text of the asset at `path` as the site serves it."""
    text = path.read_text(encoding="utf-8")
    if not minify:
        return text
    if path.suffix == ".js":
        return str(rjsmin.jsmin(text))
    if path.suffix == ".css":
        return str(rcssmin.cssmin(text))
    return text


def served_files(*, minify: bool) -> dict[str, str]:
    """Each file of `BUNDLES` as the site serves it, by name."""
    files: dict[str, str] = {}
    for name, parts in BUNDLES.items():
        # A script's parts are statements: a semicolon between them, whatever each ends with.
        joint = ";\n" if name.endswith(".js") else "\n"
        files[name] = joint.join(served_text(ASSETS_DIR / part, minify=minify) for part in parts)
    return files
