"""Just the Docs' UI classes on content, made to work on Material (issue #14 §4).

- Buttons: `.btn` becomes Material's `md-button`; a coloured one (`.btn-primary`,
  `.btn-purple`, `.btn-blue`, `.btn-green`) also `md-button--primary`, which `assets/jtd.css`
  colours blue or green where Just the Docs does. `.btn-outline` is Material's plain button.
- Spacing (`.mr-2`, `.px-6`, `.mx-auto`, `.mxn-1`) and colour utilities (`.text-grey-dk-000`,
  `.bg-blue-100`) become an inline style with Just the Docs' value. As rules they would
  cost every page of every site about 1.2 KB (gzipped) of stylesheet for the few pages that use
  them; inline, a page pays only for what it uses. The site's Content-Security-Policy allows
  inline styles (`style-src 'unsafe-inline'`). Responsive variants (`.mb-lg-4`) keep their
  class only: an inline style cannot depend on the screen's width.
- Labels and the type and display utilities (`.label-red`, `.fs-6`, `.fw-500`, `.text-delta`,
  `.d-inline-block`, `.float-right`) are styled by `assets/jtd.css`; this module leaves them.

Classes stay on the element, so a site's own stylesheet can still address them. Expose with
`register_ui_classes(md)`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

_COLOURED_BUTTONS = frozenset({"btn-primary", "btn-purple", "btn-blue", "btn-green"})

# Just the Docs' spacers sp-0 to sp-10 (0 to 4rem of its 16px rem), in Material's 20px rem.
_SPACERS = (
    *("0", ".2rem", ".4rem", ".6rem", ".8rem", "1.2rem"),
    *("1.6rem", "2rem", "2.4rem", "2.8rem", "3.2rem"),
)
_SIDES = {
    "": ("",),
    "t": ("-top",),
    "r": ("-right",),
    "b": ("-bottom",),
    "l": ("-left",),
    "x": ("-right", "-left"),
    "y": ("-top", "-bottom"),
}
# `_sass/support/_variables.scss`: each colour's levels.
_COLOURS = {
    "grey-dk": {"000": "#959396", "100": "#5c5962", "200": "#44434d", "250": "#302d36"}
    | {"300": "#27262b"},
    "grey-lt": {"000": "#f5f6fa", "100": "#eeebee", "200": "#ecebed", "300": "#e6e1e8"},
    "purple": {"000": "#7253ed", "100": "#5e41d0", "200": "#4e26af", "300": "#381885"},
    "blue": {"000": "#2c84fa", "100": "#2869e6", "200": "#264caf", "300": "#183385"},
    "green": {"000": "#41d693", "100": "#11b584", "200": "#009c7b", "300": "#026e57"},
    "yellow": {"000": "#ffeb82", "100": "#fadf50", "200": "#f7d12e", "300": "#e7af06"},
    "red": {"000": "#f77e7e", "100": "#f96e65", "200": "#e94c4c", "300": "#dd2e2e"},
}


def _utility_styles() -> dict[str, str]:
    """Every spacing and colour utility class, with the declarations it stands for."""
    styles: dict[str, str] = {}
    for letter, property_name in (("m", "margin"), ("p", "padding")):
        for side, suffixes in _SIDES.items():
            for scale, size in enumerate(_SPACERS):
                declarations = ";".join(f"{property_name}{s}:{size}" for s in suffixes)
                styles[f"{letter}{side}-{scale}"] = declarations
    for scale, size in enumerate(_SPACERS):
        styles[f"mxn-{scale}"] = f"margin-right:-{size};margin-left:-{size}"
        styles[f"mx-{scale}-auto"] = "margin-right:auto;margin-left:auto"
    styles["mx-auto"] = "margin-right:auto;margin-left:auto"
    for name, levels in _COLOURS.items():
        for level, value in levels.items():
            styles[f"text-{name}-{level}"] = f"color:{value}"
            styles[f"bg-{name}-{level}"] = f"background-color:{value}"
    return styles


UTILITY_STYLES = _utility_styles()
"""Class name to inline declarations, for Just the Docs' spacing and colour utilities."""


def register_ui_classes(md: Markdown) -> None:
    """Make Just the Docs' buttons Material's, and its spacing and colours inline styles."""
    # After the attribute lists (kramdown's at 16, attr_list at 8) gave elements their
    # classes, and after callouts (7.5) replaced theirs.
    md.treeprocessors.register(_UiClasses(md), "jtd_ui_classes", 7.4)


class _UiClasses(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            classes = element.get("class")
            if classes:
                _restyle(element, classes.split())


def _restyle(element: etree.Element, classes: list[str]) -> None:
    added: list[str] = []
    if "btn" in classes:
        added.append("md-button")
        if _COLOURED_BUTTONS.intersection(classes):
            added.append("md-button--primary")
    if added:
        element.set("class", " ".join([*classes, *(name for name in added if name not in classes)]))
    declarations = [UTILITY_STYLES[name] for name in classes if name in UTILITY_STYLES]
    if declarations:
        style = (element.get("style") or "").strip().rstrip(";")
        element.set("style", ";".join(filter(None, [style, *declarations])))
