"""Links written for Jekyll's URLs lead, in the built site, to the pages Jekyll's lead to,
under both URL styles; a Jekyll URL no page has is one finding at its line."""

from __future__ import annotations

import html
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from support import ROOT, Build, build_with_zensical, make_project, run_build

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll-urls"

# (title of the linking page, link text) -> title of the page Jekyll's link leads to, and the
# anchor it names; a file of the site is named by its path.
EXPECTED: dict[tuple[str, str], tuple[str, str]] = {
    ("Home page", "Deploy, relative"): ("Before you deploy", ""),
    ("Home page", "Deploy, root-relative"): ("Before you deploy", ""),
    ("Home page", "Maintain, folder"): ("Maintain", ""),
    ("Home page", "Maintain, index.html"): ("Maintain", "tasks"),
    ("Home page", "Config, permalink"): ("Configuration reference", ""),
    ("Home page", "Config, baseurl"): ("Configuration reference", "options"),
    ("Home page", "Backup, Markdown"): ("Backup", "restore"),
    ("Home page", "Runbook PDF"): ("assets/runbook.pdf", ""),
    ("Before you deploy", "Considerations, relative"): ("Operational considerations", "checks"),
    ("Before you deploy", "Backup, root-relative"): ("Backup", ""),
    ("Before you deploy", "Backup, baseurl"): ("Backup", "restore"),
    ("Before you deploy", "Guide, pretty permalink"): ("Guide", ""),
    ("Before you deploy", "Guide, baseurl index.html"): ("Guide", ""),
    ("Before you deploy", "Home, relative"): ("Home page", ""),
    ("Before you deploy", "Home, baseurl"): ("Home page", ""),
    ("Before you deploy", "Backup, relative_url"): ("Backup", "restore"),
    ("Before you deploy", "Backup, baseurl and link tag"): ("Backup", "restore"),
    ("Operational considerations", "Up to the deploy page"): ("Before you deploy", ""),
    ("Operational considerations", "Sibling folder"): ("Maintain", ""),
    ("Maintain", "Backup, relative"): ("Backup", "restore"),
    ("Maintain", "Backup, extensionless"): ("Backup", ""),
    ("Maintain", "Config, relative permalink"): ("Configuration reference", ""),
    ("Backup", "Maintain, this folder"): ("Maintain", ""),
    ("Backup", "Maintain, raw root-relative"): ("Maintain", "tasks"),
    ("Backup", "Maintain, relative_url in HTML"): ("Maintain", "tasks"),
    ("Backup", "Deploy, relative_url in HTML"): ("Before you deploy", ""),
    ("Backup", "Release, link tag with spaces"): ("Release notes", ""),
    ("Backup", "Release, link tag in HTML"): ("Release notes", ""),
    ("Backup", "Guide, root-relative"): ("Guide", "steps"),
    ("Backup", "Backup, protocol-relative"): ("Backup", "restore"),
    ("Configuration reference", "Home, baseurl index.html"): ("Home page", ""),
    ("Guide", "Deploy, relative from a pretty URL"): ("Before you deploy", ""),
}
# Links in raw HTML. Zensical reads a relative link in raw HTML as the Markdown file's and makes
# it its page URL's again, so the built page's URL the extension gives it leads one folder off
# under directory URLs: on Zensical these are not held (README, Zensical).
RAW_HTML = frozenset(
    {
        ("Backup", "Maintain, raw root-relative"),
        ("Backup", "Maintain, relative_url in HTML"),
        ("Backup", "Deploy, relative_url in HTML"),
        ("Backup", "Release, link tag in HTML"),
    }
)
# Left as written: an external link; and a Jekyll URL no page has, which leads nowhere.
UNCHANGED = {("Home page", "External"): "https://example.com/page.html"}
DEAD = ("Before you deploy", "Nowhere")
FINDINGS = [
    "docs/docs/before-you-deploy.md:15:13: link target before-you-deploy/nope.html: "
    "no such page or file",
    "docs/docs/maintain/backup.md:12:31: link target //docs/maintain/backup.html#restore: "
    "starts with `//`",
]
_H1_RE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
_LINK_RE = re.compile(r'<a href="([^"]*)"[^>]*>([^<]*)</a>')
_WARNING_RE = re.compile(r"^WARNING +- +playbook: (.*)$", re.MULTILINE)


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("jekyll-urls") / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + f"use_directory_urls: {str(request.param).lower()}\n",
        encoding="utf-8",
    )
    return run_build(project)


def _pages(site: Path) -> dict[str, Path]:
    """Each built page by its title (its H1)."""
    pages: dict[str, Path] = {}
    for path in site.rglob("*.html"):
        match = _H1_RE.search(path.read_text(encoding="utf-8"))
        if match and path.name != "404.html":
            pages[re.sub(r"<[^>]+>", "", match.group(1)).strip()] = path
    return pages


def _content(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text[text.index('<article class="md-content__inner') : text.rindex("</article>")]


def _followed(page: Path, href: str) -> tuple[Path, str]:
    """The file a link leads to from `page` on disk (a folder: its index.html), and its anchor."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc, href
    target = Path(posixpath.normpath(posixpath.join(str(page.parent), unquote(parts.path))))
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_every_link_leads_to_the_page_jekylls_leads_to(built: Build) -> None:
    _assert_links_lead_where_jekylls_do(built.site_dir)


def test_every_link_leads_there_on_zensical_too(tmp_path: Path) -> None:
    """`prepare` hands the pages' Jekyll URLs to the extension in Zensical's configuration."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    build = build_with_zensical(project)
    _assert_links_lead_where_jekylls_do(build.site_dir, RAW_HTML)
    # `prepare --check` follows the content's links as the MkDocs build does: the same two
    # findings. (Zensical leaves a page with a permalink at its file's URL, so the theme's
    # nav link to where the check expects it is one more finding, not one of this fixture's.)
    content = [w for w in _WARNING_RE.findall(build.output) if "in the theme's template" not in w]
    _assert_findings(content)
    assert build.output.count("nope.html") == 1


def _assert_links_lead_where_jekylls_do(
    site: Path, unheld: frozenset[tuple[str, str]] = frozenset()
) -> None:
    """Each link of `EXPECTED` but the `unheld` leads to its page and anchor."""
    pages = _pages(site)
    seen: dict[tuple[str, str], str] = {}
    for title, page in pages.items():
        for href, text in _LINK_RE.findall(_content(page)):
            seen[(title, html.unescape(text))] = html.unescape(href)
    assert set(seen) >= {*EXPECTED, *UNCHANGED, DEAD}
    for key, (expected, anchor) in EXPECTED.items():
        if key in unheld:
            continue
        page = pages[key[0]]
        target, fragment = _followed(page, seen[key])
        wanted = pages.get(expected, site / expected)
        assert target == wanted, (key, seen[key])
        assert fragment == anchor, (key, seen[key])
        if anchor:
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), key
    for key, href in UNCHANGED.items():
        assert seen[key] == href
    # As written (MkDocs), or made relative to the page's URL as Zensical does unknown links.
    assert seen[DEAD] in ("before-you-deploy/nope.html", "../before-you-deploy/nope.html")
    assert not _followed(pages[DEAD[0]], seen[DEAD])[0].exists()


def test_a_jekyll_url_no_page_has_is_one_finding_at_its_line(built: Build) -> None:
    _assert_findings(_WARNING_RE.findall(built.output))
    # MkDocs' own warning, which names no line, is not said again.
    assert built.output.count("nope.html") == 1
    assert built.returncode != 0


def _assert_findings(warnings: list[str]) -> None:
    assert len(warnings) == len(FINDINGS), warnings
    for warning, expected in zip(sorted(warnings), FINDINGS, strict=True):
        assert warning.startswith(expected)


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_the_sites_permalink_style_makes_the_urls(tmp_path: Path, directory_urls: bool) -> None:
    """`permalink: pretty` in _config.yml: pages are folders, and `.html` names no page."""
    project = make_project(
        tmp_path,
        {
            "_config.yml": "url: https://example.org\nbaseurl: /pretty\npermalink: pretty\n",
            # Front matter, empty: without it Jekyll copies a file instead of rendering it.
            "index.md": (
                "---\n---\n# Home page\n\n- [B]({{ site.baseurl }}/docs/b/)\n"
                "- [B, relative](docs/b/#part)\n"
            ),
            "docs/b.md": (
                "---\n---\n# Page B\n\n## Part\n\n- [Home](../../)\n- [Old](/docs/b.html)\n"
            ),
        },
        config=f"use_directory_urls: {str(directory_urls).lower()}\n",
    )
    build = run_build(project)
    pages = _pages(build.site_dir)
    links = {
        (title, text): href
        for title, page in pages.items()
        for href, text in _LINK_RE.findall(_content(page))
    }
    assert _followed(pages["Home page"], links[("Home page", "B")])[0] == pages["Page B"]
    assert _followed(pages["Home page"], links[("Home page", "B, relative")]) == (
        pages["Page B"],
        "part",
    )
    assert _followed(pages["Page B"], links[("Page B", "Home")])[0] == pages["Home page"]
    # Jekyll has no page there; with file URLs MkDocs has, and the link leads to it.
    dead = ["docs/docs/b.md:8:9: link target /docs/b.html: no such page or file"]
    assert _WARNING_RE.findall(build.output) == (dead if directory_urls else [])


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_of_pages_asking_for_one_permalink_jekylls_last_written_has_it(
    tmp_path: Path, directory_urls: bool
) -> None:
    """Jekyll 4.3.1 writes pages sorted by file name, and the last one written is what its
    site shows there ("Conflict: The following destination is shared by multiple files"):
    here zeta.md. The others keep their own URLs, each with a finding."""
    page = "---\ntitle: {0}\npermalink: /shared/\n---\n{0} page\n"
    project = make_project(
        tmp_path,
        {
            "_config.yml": "title: Shared\n",
            "index.md": "---\ntitle: Home\n---\nHome page\n",
            "alpha.md": page.format("Alpha"),
            "zeta.md": page.format("Zeta"),
            "sub/index.md": page.format("Sub"),
        },
        config=f"use_directory_urls: {str(directory_urls).lower()}\n",
    )
    build = run_build(project, strict=False)
    shared = "shared/index.html"
    assert "Zeta page" in _content(build.site_dir / shared)
    kept = {"alpha": "alpha/index.html", "sub": "sub/index.html"}
    if not directory_urls:
        kept = {"alpha": "alpha.html", "sub": "sub/index.html"}
    assert "Alpha page" in _content(build.site_dir / kept["alpha"])
    assert "Sub page" in _content(build.site_dir / kept["sub"])
    found = sorted(_WARNING_RE.findall(build.output))
    assert found == [
        f"docs/{name}:3: permalink '/shared/' is zeta.md's URL already; the page keeps its own"
        for name in ("alpha.md", "sub/index.md")
    ], build.output
