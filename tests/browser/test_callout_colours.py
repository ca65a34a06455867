"""A callout of a colour the site's own Sass defines is drawn in that colour, over HTTP and
from `file://`, in the light scheme and the dark (`jekyll.sass_colours`, `assets/jtd.css`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import expect

from browsing import Visit
from localserver import serve
from support import make_project, run_build

PAGES = {
    "_config.yml": (
        "title: Handbook\ncallouts:\n  tip:\n    title: Tip\n    color: own-teal\n"
        "  note:\n    title: Note\n    color: blue\n"
    ),
    "_sass/custom/setup.scss": "$own-teal-000: #d7f5f1;\n$own-teal-300: #0b7a6e;\n",
    "index.md": (
        "---\ntitle: Home\n---\n\n{: .tip }\nRestart the worker.\n\n{: .note }\nThen check.\n"
    ),
}
TEAL = "rgb(11, 122, 110)"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    root = make_project(tmp_path_factory.mktemp("own-colours"), PAGES)
    build = run_build(root)
    assert build.returncode == 0, build.output
    with serve(build.site_dir) as url:
        yield {"http": url, "file": build.site_dir.resolve().as_uri() + "/"}


@pytest.mark.parametrize("scheme", ["http", "file"])
@pytest.mark.parametrize("palette", ["default", "slate"])
def test_the_site_s_own_colour_draws_its_callout(
    site: dict[str, str], scheme: str, palette: str, open_page: Callable[[str], Visit]
) -> None:
    visit = open_page(site[scheme] + "index.html")
    page = visit.page
    page.evaluate("(p) => document.body.setAttribute('data-md-color-scheme', p)", palette)
    tip = page.locator(".admonition.playbook-callout--own")
    expect(tip).to_contain_text("Restart the worker.")
    assert tip.evaluate("(e) => getComputedStyle(e).borderLeftColor") == TEAL
    icon = "(e) => getComputedStyle(e, '::before').backgroundColor"
    assert tip.locator(".admonition-title").evaluate(icon) == TEAL
    # A theme colour's callout keeps Material's colour for it.
    note = page.locator(".admonition.note")
    assert note.evaluate("(e) => getComputedStyle(e).borderLeftColor") != TEAL
    assert visit.errors == [] and visit.foreign_requests == []
