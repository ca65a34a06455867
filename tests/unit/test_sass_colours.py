"""Callout colours a site defines in its own Sass (`jekyll.sass_colours`), as `_config.yml`'s
`callouts:` reads them, and as a callout of such a colour is drawn (`jekyll.callouts`)."""

from __future__ import annotations

from pathlib import Path

from test_callouts import render

from mkdocs_playbook.jekyll.sass_colours import callout_colour, site_variables
from mkdocs_playbook.jekyll.site_config import CALLOUT_COLORS, Callout, load_site_config

SETUP = """\
// The site's own colours, as Just the Docs' callouts read them ($X-000 and $X-300).
$alert-amber-000: #fff5b1;
$alert-amber-300: #b08800 !default;
$brand: rgb(12 34 56);
$own-brand-300: $brand;
$own-like-theme-300: $purple-200;
$own-computed-300: lighten($brand, 10%);
$own-injected-300: red } body { display: none;
"""


def site(tmp_path: Path, colours: dict[str, str]) -> Path:
    (tmp_path / "_sass" / "custom").mkdir(parents=True)
    (tmp_path / "_sass" / "custom" / "setup.scss").write_text(SETUP, "utf-8")
    entries = "".join(f"  {name}:\n    title: T\n    color: {c}\n" for name, c in colours.items())
    (tmp_path / "_config.yml").write_text(f"callouts:\n{entries}", "utf-8")
    return tmp_path / "_config.yml"


def test_a_plain_shade_a_variable_and_a_theme_colour_are_read(tmp_path: Path) -> None:
    variables = site_variables(str(site(tmp_path, {}).parent))
    assert variables["alert-amber-300"] == "#b08800"
    assert callout_colour(variables, "alert-amber", CALLOUT_COLORS) == ("alert-amber", "#b08800")
    assert callout_colour(variables, "own-brand", CALLOUT_COLORS) == (
        "own-brand",
        "rgb(12 34 56)",
    )
    assert callout_colour(variables, "own-like-theme", CALLOUT_COLORS) == ("purple", None)
    # What Sass computes, what is not a colour, and what is not declared: not read.
    for colour in ("own-computed", "own-injected", "own-missing"):
        assert callout_colour(variables, colour, CALLOUT_COLORS) is None, colour


def test_config_callouts_take_the_site_s_colours_and_warn_for_the_rest(tmp_path: Path) -> None:
    path = site(
        tmp_path,
        {"tip": "alert-amber", "brand": "own-like-theme", "odd": "own-computed"},
    )
    config = load_site_config(path)
    assert config.callouts["tip"] == Callout("tip", "alert-amber", "T", "#b08800")
    assert config.callouts["brand"] == Callout("brand", "purple", "T")
    assert config.callouts["odd"] == Callout("odd", "own-computed", "T")
    assert [(w.line, w.message) for w in config.warnings] == [
        (
            10,
            "callout `odd`: colour `own-computed` is not one Just the Docs predefines "
            f"({', '.join(CALLOUT_COLORS)}), and the site's _sass/custom/setup.scss or "
            "_sass/custom/custom.scss gives no plain `$own-computed-300` colour; it is shown "
            "as grey-dk",
        )
    ]


def test_a_callout_of_the_site_s_colour_carries_it() -> None:
    callout = Callout("tip", "alert-amber", "Tip", "#b08800")
    html, problems = render('{: .tip style="margin: 0" }\nText\n', {"tip": callout})
    assert html == (
        '<div class="admonition quote playbook-callout playbook-callout--own" '
        'style="margin: 0; --playbook-callout-color: #b08800">'
        '<p class="admonition-title">Tip</p><p>Text</p></div>'
    )
    assert problems == []
