"""Render a fixture site with real Jekyll and Just the Docs; write each page's main content.

Usage: scripts/jekyll-main FIXTURE_DIR JUST_THE_DOCS [--commit REV]

FIXTURE_DIR holds `docs/` and `_config.yml`, as for scripts/jekyll-nav (the site's own
`_layouts/` and `_includes/` in `docs/` win over the theme's, as in Jekyll). The site is built
once (`jekyll_nav.jekyll_build`) and, for every page, its `<main>` element as Jekyll wrote it
(the content, what the layouts print around it, the child pages' table) is written to
FIXTURE_DIR/jekyll-main/PAGE.html (PAGE: its path under docs/, less `.md`), for the tests to
read as Just the Docs shows it (`migration.pages.read_page`). Nothing here runs at test time.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from jekyll_nav import _page_urls, jekyll_build, render_arguments, written_file

OUT = "jekyll-main"


def main() -> None:
    render = render_arguments(__doc__.splitlines()[0])
    fixture = render.fixture
    out = fixture / OUT
    shutil.rmtree(out, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="jekyll-main-") as temp:
        site = Path(temp) / "site"
        jekyll_build(fixture, render.theme, None, site)
        for url, uri in sorted(_page_urls(fixture / "docs").items(), key=lambda item: item[1]):
            path = written_file(site, url)
            html = path.read_text(encoding="utf-8")
            main_html = html[html.index("<main") : html.index("</main>") + len("</main>")]
            target = out / (uri.removesuffix(".md") + ".html")
            target.parent.mkdir(parents=True, exist_ok=True)
            comment = (
                f"<!-- scripts/jekyll-main: Jekyll {render.jekyll}, Just the Docs "
                f"{render.commit}, {url} -->\n"
            )
            target.write_text(comment + main_html + "\n", encoding="utf-8")
            print(target)


if __name__ == "__main__":
    main()
