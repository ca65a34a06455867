"""The files the extension's HTML relies on, as the site serves them: minified.

Every page loads our scripts and stylesheet, on a responder's phone as much as a desk; rjsmin
and rcssmin strip comments and spacing (about 30% less after gzip) without rewriting code, so
what runs is the source in `assets/`, read as it was written.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

ASSETS_DIR = Path(__file__).parent / "assets"
"""Static files the extension's HTML relies on."""


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
