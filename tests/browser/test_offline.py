"""The site works with no network at all: over HTTP on this machine and opened from disk.

Every request that would leave the machine is blocked by the harness and recorded; no page
may attempt one, and navigation and search must work without them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import expect

from browsing import Visit, open_search, search_for
from localserver import serve
from support import Build

# Attributes that make a browser fetch something as the page loads.
_FETCHED_RE = re.compile(
    r"<(?:script|img|iframe|source|audio|video|embed)\b[^>]*?\ssrc=\"(?P<src>[^\"]*)\""
    r"|<link\b[^>]*?\shref=\"(?P<href>[^\"]*)\"[^>]*>",
    re.IGNORECASE,
)
_CSS_URL_RE = re.compile(r"url\(\s*[\"']?(?P<url>[^\"')]*)", re.IGNORECASE)


def _remote(url: str) -> bool:
    return url.startswith(("http:", "https:", "//"))


def test_no_page_or_stylesheet_points_at_another_host(site_build: Build) -> None:
    pages = sorted(site_build.site_dir.rglob("*.html"))
    assert pages
    remote: list[str] = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for match in _FETCHED_RE.finditer(html):
            tag = match.group(0)
            url = match.group("src") or match.group("href") or ""
            # rel=canonical/alternate/prev/next are links to read, not loads.
            loads = match.group("src") is not None or re.search(
                r'rel="(?:stylesheet|preload|preconnect|modulepreload|icon|dns-prefetch)"', tag
            )
            if loads and _remote(url):
                remote.append(f"{page.name}: {tag}")
        # Mermaid diagrams would make Material's bundle fetch mermaid from a CDN.
        assert 'class="mermaid"' not in html, page
    for stylesheet in sorted(site_build.site_dir.rglob("*.css")):
        css = stylesheet.read_text(encoding="utf-8")
        remote += [
            f"{stylesheet.name}: {m['url']}" for m in _CSS_URL_RE.finditer(css) if _remote(m["url"])
        ]
        assert "@font-face" not in css or "fonts.gstatic" not in css, stylesheet
    assert remote == []


def test_every_page_loads_with_the_network_cut(
    open_page: Callable[[str], Visit], base_url: str, site_build: Build
) -> None:
    # 404.html is written for a server's root (absolute URLs); a server sends it, not a disk.
    paths = sorted(
        p.relative_to(site_build.site_dir).as_posix()
        for p in site_build.site_dir.rglob("*.html")
        if p.name != "404.html"
    )
    visit = open_page(base_url + paths[0])
    for path in paths:
        visit.page.goto(base_url + path)
        visit.page.wait_for_load_state("load")
        expect(visit.page.locator("html")).to_contain_class("js")
    assert visit.foreign_requests == []
    assert visit.errors == [], visit.errors


def test_search_then_navigation_work_offline(
    open_page: Callable[[str], Visit], base_url: str
) -> None:
    visit = open_page(base_url + "operations/INCIDENT_RESPONSE_PLAYBOOK.html")
    page = visit.page
    open_search(page)
    result = search_for(page, "recovery procedures", "Recovery Procedures")
    target = (result.get_attribute("href") or "").split("?")[0].split("#")[0]
    result.click()
    page.wait_for_url(f"**/{target.rsplit('/', 1)[-1]}*")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    # Then the primary navigation, which works without script too.
    page.locator("nav.md-nav--primary").get_by_role("link", name="Home", exact=True).click()
    page.wait_for_url("**/index.html")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert visit.foreign_requests == []
    assert visit.errors == [], visit.errors


# With no-cors, a request that reaches its server resolves, one the harness aborts rejects.
FETCH = "(url) => fetch(url, { mode: 'no-cors' }).then(() => 'reached', () => 'refused')"


def test_the_harness_blocks_and_records_requests_off_this_machine_only(
    open_page: Callable[[str], Visit], site_url: str, site_build: Build
) -> None:
    # What every `foreign_requests == []` above relies on.
    visit = open_page(site_url + "index.html")
    assert visit.page.evaluate(FETCH, site_url + "search/search_index.json") == "reached"
    # From a file of the site that carries no Content-Security-Policy to refuse them first (from
    # about:blank, Chromium refuses any request to this machine). Another address of this
    # machine stands for a host that answers: refused by the harness, not by its absence.
    visit.page.goto(site_url + "search/search_index.json")
    with serve(site_build.site_dir, host="127.0.0.2") as answering:
        foreign = [
            "https://example.com/font.woff2",
            answering + "search/search_index.json",
            "http://127.0.0.1.example/",
        ]
        for url in foreign:
            assert visit.page.evaluate(FETCH, url) == "refused", url
    assert visit.foreign_requests == foreign
