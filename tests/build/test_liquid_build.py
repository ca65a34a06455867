"""Liquid in a real build (`jekyll.liquid_engine`): a Jekyll site's loops, data and pages
render, its base URL comes from `_config.yml`, a link the base URL makes protocol-relative is
a finding that still leads to its page, and a Liquid failure fails a strict build at its
file, line and column. Built under both URL styles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import Build, build_with_zensical, make_project, run_build

CONFIG = "title: Runbooks\nbaseurl: {baseurl}\nteam: SRE\n"
PAGES = {
    "_data/oncall.csv": "name,shift\nAna,day\nBo,night\n",
    "_data/services.yml": "- name: api\n  tier: 1\n- name: web\n  tier: 2\n",
    "guides/restart.md": "---\ntitle: Restart\nnav_order: 2\n---\n# Restart\n\nRestart it.\n",
    "guides/backup.md": "---\ntitle: Backup\nnav_order: 1\n---\n# Backup\n\nBack it up.\n",
    "index.md": (
        "---\ntitle: Home\n---\n# Home\n\n"
        "{% assign guides = site.pages | where_exp: 'p', 'p.nav_order' | sort: 'nav_order' %}\n"
        "{% for p in guides %}\n- [{{ p.title }}]({{ site.baseurl }}{{ p.url }})\n{% endfor %}\n\n"
        "On call: {% for o in site.data.oncall %}{{ o.name }} ({{ o.shift }}){% unless "
        "forloop.last %}, {% endunless %}{% endfor %}.\n\n"
        "Tier one: {{ site.data.services | where: 'tier', 1 | map: 'name' | join: ', ' }}.\n\n"
        "[Start]({{ site.baseurl }}//guides/restart.html)\n\n"
        "Base: [{{ site.baseurl }}].\n"
    ),
}


def build(tmp_path: Path, directory_urls: bool, baseurl: str = '""', strict: bool = False) -> Build:
    config = f"use_directory_urls: {str(directory_urls).lower()}\n"
    pages = {"_config.yml": CONFIG.format(baseurl=baseurl), **PAGES}
    return run_build(make_project(tmp_path, pages, config), strict=strict)


def warnings(result: Build) -> list[str]:
    return re.findall(r"^WARNING +- +playbook: (.*)$", result.output, re.MULTILINE)


def content(result: Build) -> str:
    html = result.html("index.html")
    return html[html.index("<article") : html.index("</article>")]


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_a_jekyll_site_s_loops_data_and_pages_render(tmp_path: Path, directory_urls: bool) -> None:
    result = build(tmp_path, directory_urls, "/handbook")
    assert result.returncode == 0, result.output
    html = content(result)
    backup = "guides/backup/" if directory_urls else "guides/backup.html"
    restart = "guides/restart/" if directory_urls else "guides/restart.html"
    # `{{ site.baseurl }}{{ p.url }}`, Jekyll's URLs with `_config.yml`'s base URL: each
    # leads to its page, in nav order.
    assert re.search(
        rf'<a href="{re.escape(backup)}">Backup</a>.*<a href="{re.escape(restart)}">Restart</a>',
        html,
        re.S,
    )
    assert "On call: Ana (day), Bo (night)." in html
    assert "Tier one: api." in html
    # `_config.yml`'s base URL, with no `site_url` in mkdocs.yml to take it from.
    assert "Base: [/handbook]." in html
    assert "{%" not in html
    assert "{{" not in html


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_a_link_the_empty_base_url_makes_protocol_relative_is_a_finding_and_leads_to_its_page(
    tmp_path: Path, directory_urls: bool
) -> None:
    result = build(tmp_path, directory_urls)
    restart = "guides/restart/" if directory_urls else "guides/restart.html"
    assert f'<a href="{restart}">Start</a>' in content(result)
    (warning,) = [w for w in warnings(result) if "//guides" in w]
    assert warning.startswith("docs/index.md:15:27: link target //guides/restart.html")
    assert "starts with `//`" in warning


def test_a_liquid_failure_fails_a_strict_build_at_its_line_and_column(tmp_path: Path) -> None:
    # Front matter: without it, Jekyll (and so the build) copies the file as it is.
    pages = {
        "index.md": "---\n---\n# Home\n\nText.\n\n"
        "See {{ site.title | nope }} and {{ site.team }}.\n"
    }
    project = make_project(tmp_path, {"_config.yml": "title: Runbooks\nteam: SRE\n", **pages})
    result = run_build(project, strict=True)
    assert result.returncode != 0
    assert warnings(result) == [
        "docs/index.md:7:21: `{{ site.title | nope }}`: unknown filter 'nope'; left as written"
    ]
    assert "Traceback" not in result.output


def test_the_site_s_pages_and_data_render_under_zensical(tmp_path: Path) -> None:
    """Zensical runs the extension without the plugin: `prepare` hands `site.pages` over."""
    pages = {"_config.yml": CONFIG.format(baseurl='""'), **PAGES}
    project = make_project(tmp_path, pages, "use_directory_urls: false\n")
    result = build_with_zensical(project)
    html = result.html("index.html")
    assert re.search(r">Backup</a>.*>Restart</a>", html, re.S), result.output[-3000:]
    assert "On call: Ana (day), Bo (night)." in html
