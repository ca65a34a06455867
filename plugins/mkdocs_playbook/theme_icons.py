"""Material's CSS icons as files, so a strict Content-Security-Policy need not allow `data:`.

Material declares its icons (admonitions, copy button, task list, ...) as `data:` SVG URIs
in custom properties on `:root`. `img-src` falling back to `default-src 'self'` blocks them.
From the theme's own stylesheet, as installed (nothing is downloaded), each icon becomes an
SVG file and one stylesheet points the same properties at those files. Chromium resolves a
`url()` held in a custom property against the stylesheet that uses the property (ours in
`assets/playbook/`, Material's in `assets/stylesheets/`), so the URL climbs to `assets/`
first: it then names the same file from any stylesheet one folder below `assets/`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

STYLESHEET = "playbook-icons.css"
"""Written beside Material's `main.*.css`; icons go in the `playbook-icons/` folder there."""
FOLDER = "playbook-icons"
_ICON_RE = re.compile(
    r"(?P<name>--md-[\w-]+):url\(\"data:image/svg\+xml;charset=utf-8,(?P<svg>[^\"]*)\"\)"
)


@dataclass(frozen=True)
class IconFiles:
    """SVG files by name (`admonition-icon--note.svg`) and the stylesheet that uses them."""

    files: dict[str, str]
    stylesheet: str


def icon_files(css: str) -> IconFiles:
    """Every `--md-*: url("data:image/svg+xml;...")` declaration of `css` as a file."""
    files: dict[str, str] = {}
    declarations: list[str] = []
    for match in _ICON_RE.finditer(css):
        name = match.group("name")
        filename = name.removeprefix("--md-") + ".svg"
        if filename in files:
            continue
        files[filename] = unquote(match.group("svg"))
        declarations.append(f'  {name}: url("../stylesheets/{FOLDER}/{filename}");')
    stylesheet = (
        "/* Material's icons as files, for a Content-Security-Policy without data: images. */\n"
        ":root {\n" + "\n".join(declarations) + "\n}\n"
    )
    return IconFiles(files, stylesheet)
