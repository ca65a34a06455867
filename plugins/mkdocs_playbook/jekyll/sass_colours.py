"""Callout colours a Just the Docs site defines in its own Sass.

Just the Docs colours a callout of colour `X` with the Sass variables `$X-000` and `$X-300`
(`_includes/css/callouts.scss.liquid`, 0.4 to 0.12): its own seven colours, or any the site
declares, in `_sass/custom/setup.scss` (where the theme reads variables first) or
`_sass/custom/custom.scss`. Here a colour's `-300` shade is read from those files: a CSS colour
written out (`#b08800`, `rgb(…)`, `hsl(…)`, a colour's name), a variable of the same files
that is one, or one of the theme's own colours (`$yellow-300`), which then gives the callout
that colour's look. Anything Sass computes (`lighten(…)`, arithmetic) is not read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .bundler import first_file

SASS_FILES = ("_sass/custom/setup.scss", "_sass/custom/custom.scss")
"""Where a site declares its own variables, read in this order (a later one wins, as Sass's
last assignment does)."""

_DECLARATION = re.compile(r"^[ \t]*\$([A-Za-z_][\w-]*)[ \t]*:([^;\n]*);", re.MULTILINE)
"""A variable's declaration on its line. The value's spaces are stripped in Python: a pattern
that skips them before the `;` would retry every run of them (quadratic on a hostile line)."""
_DEFAULT = "!default"
_LITERAL = re.compile(
    r"#(?:[0-9A-Fa-f]{3,4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})"
    r"|(?:rgba?|hsla?)\([0-9.,%\s/a-z-]*\)"
    r"|[A-Za-z]+"
)
"""A colour as CSS writes it: nothing that could end a declaration or open another."""
_REFERENCE = re.compile(r"\$([A-Za-z_][\w-]*)")
_DEPTH = 8
"""References followed, at most, from a colour to its value."""


def site_variables(source_dir: str) -> dict[str, str]:
    """The variables the site's own Sass declares, by name (without `$`): their values as
    written."""
    variables: dict[str, str] = {}
    for name in SASS_FILES:
        text = first_file([source_dir], name)
        for declaration in _DECLARATION.finditer(text):
            value = declaration.group(2).strip()
            if value.endswith(_DEFAULT):
                value = value[: -len(_DEFAULT)].rstrip()
            variables[declaration.group(1)] = value
    return variables


def callout_colour(
    variables: Mapping[str, str], colour: str, theme_colours: tuple[str, ...]
) -> tuple[str, str | None] | None:
    """What the site's Sass makes of callout colour `colour`, by its `-300` shade: one of
    `theme_colours` and None where the shade is one of the theme's (`$yellow-300`), else
    `colour` and the CSS colour the shade is; None where the Sass does not say it plainly."""
    value = variables.get(f"{colour}-300")
    for _ in range(_DEPTH):
        if value is None:
            return None
        reference = _REFERENCE.fullmatch(value)
        if reference is None:
            return (colour, value) if _LITERAL.fullmatch(value) else None
        name = reference.group(1)
        if name not in variables:
            family = next(
                (c for c in theme_colours if re.fullmatch(rf"{re.escape(c)}-\d{{3}}", name)), None
            )
            return (family, None) if family is not None else None
        value = variables[name]
    return None
