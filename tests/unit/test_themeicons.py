"""Material's `data:` icons become files and one stylesheet that points at them."""

from __future__ import annotations

from pathlib import Path

import material

from mkdocs_playbook.theme_icons import icon_files

CSS = (
    ':root{--md-admonition-icon--note:url("data:image/svg+xml;charset=utf-8,'
    "<svg xmlns='http://www.w3.org/2000/svg'><path d='M1 2'/></svg>\");"
    "--md-tag-icon:url(\"data:image/svg+xml;charset=utf-8,<svg fill='%23000'/>\")}"
    ".md-typeset{color:red}"
)


def test_each_icon_becomes_a_file_and_a_declaration() -> None:
    icons = icon_files(CSS)
    assert icons.files == {
        "admonition-icon--note.svg": (
            "<svg xmlns='http://www.w3.org/2000/svg'><path d='M1 2'/></svg>"
        ),
        "tag-icon.svg": "<svg fill='#000'/>",
    }
    assert '--md-tag-icon: url("../stylesheets/playbook-icons/tag-icon.svg");' in icons.stylesheet
    assert 'url("data:' not in icons.stylesheet


def test_every_data_uri_of_the_installed_material_is_covered() -> None:
    stylesheets = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    (main,) = stylesheets.glob("main.*.min.css")
    css = main.read_text(encoding="utf-8")
    icons = icon_files(css)
    assert len(icons.files) == css.count("data:image/svg+xml") > 30
    assert all(svg.startswith("<svg") for svg in icons.files.values())
