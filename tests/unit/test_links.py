"""Link validation over plain page data: how each kind of link is resolved and judged."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from mkdocs_playbook.links.check import (
    AMBIGUOUS_ANCHOR,
    EXTERNAL,
    FOLDER,
    MISSING_ANCHOR,
    MISSING_PAGE,
    OUTSIDE_DOCS,
    REPOSITORY,
    LinkFinding,
    Repository,
    Site,
    SitePage,
    validate,
)
from mkdocs_playbook.links.external import Settings
from mkdocs_playbook.links.policy import leveled
from mkdocs_playbook.links.scan import TemplateLink, TemplateScanner
from mkdocs_playbook.page.lines import Lines
from mkdocs_playbook.page.lint import duplicate_headings
from mkdocs_playbook.page.model import Heading, Link

REPO = "https://github.com/example/ops"
LEVELS = {
    MISSING_PAGE: "warning",
    MISSING_ANCHOR: "warning",
    AMBIGUOUS_ANCHOR: "warning",
    OUTSIDE_DOCS: "warning",
    REPOSITORY: "warning",
    EXTERNAL: "warning",
    FOLDER: "warning",
}
FRONT_MATTER = 4
"""Lines of each page's file before its Markdown."""


def markdown_of(links: list[Link]) -> str:
    """A page body that writes `links` from its third line, one a line: a Markdown link's
    destination at column 7, a raw HTML one at column 10."""
    lines = ["", ""]
    for link in links:
        if link.written is None:
            continue
        if link.raw_html:
            lines.append(f'<a href="{link.written}">x</a>')
        else:
            lines.append(f"[abc]({link.written})")
    return "\n".join(lines) + "\n"


def page(src_uri: str, ids: set[str], links: list[Link] | None = None) -> SitePage:
    url = src_uri[: -len(".md")] + ".html"
    lines = Lines.of(markdown_of(links or []), first_line=FRONT_MATTER)
    return SitePage(src_uri, url, f"docs/{src_uri}", links or [], ids, lines)


def written(href: str, source: str | None = None) -> Link:
    """A link as the page wrote it: in Markdown when `source` is given (MkDocs may have
    rewritten it to `href`), else in raw HTML."""
    if source is None:
        return Link(href, "a", href, raw_html=True)
    return Link(href, "a", source)


def generated(href: str) -> Link:
    """A link an extension or widget added: no source."""
    return Link(href, "a", None)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A working tree: docs/ with its pages, and files beside it."""
    for name in (
        "docs/DATABASE.md",
        "docs/operations/PLAYBOOK.md",
        "docs/reference/index.md",
        "docs/DRAFT.md",
        "README.md",
        "scripts/deploy.sh",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    return tmp_path


def make_site(tree: Path, playbook_links: list[Link]) -> Site:
    pages = [
        page("DATABASE.md", {"recovery-procedures", "café", "Mixed-Case"}),
        page("operations/PLAYBOOK.md", {"triage"}, playbook_links),
        page("reference/index.md", {"glossary"}),
        page("on call.md", set()),
    ]
    return Site(
        {p.url: p for p in pages},
        frozenset([*(p.url for p in pages), "img/arch.png", "assets/site.css"]),
        str(tree / "docs"),
        "",
        "https://ops.example.com/",
        Repository(REPO, str(tree), ("main",)),
    )


def check(tree: Path, href: str, source: str | None = None) -> list[LinkFinding]:
    return validate(make_site(tree, [written(href, source)]))


@pytest.mark.parametrize(
    "href",
    [
        "../DATABASE.html",
        "../DATABASE.html#recovery-procedures",
        "../DATABASE.html#caf%C3%A9",  # ids are compared percent-decoded
        "../DATABASE.html#Mixed-Case",
        "#triage",
        "#top",  # the top of the page, with no id (HTML standard)
        "#",
        "",
        "../reference/#glossary",  # a folder serves its index.html
        "../reference/index.html",
        "../on%20call.html",
        "../img/arch.png",
        "/assets/site.css",
        "https://ops.example.com/DATABASE.html#recovery-procedures",  # the site's own URL
        "mailto:oncall@example.com",
        "tel:+15550100",
        "data:image/png;base64,AAAA",
        f"{REPO}/blob/main/scripts/deploy.sh",
        f"{REPO}/tree/main/scripts",
        f"{REPO}/blob/main/docs/DATABASE.md#recovery-procedures",
        REPO,
        REPO + "/",
    ],
)
def test_links_that_work(tree: Path, href: str) -> None:
    assert check(tree, href) == []


def test_a_path_outside_the_project_is_reported_without_looking_it_up(tree: Path) -> None:
    """Whether `../../../secret` exists on the build machine must not change the finding."""
    (tree.parent / "secret.txt").write_text("x\n", encoding="utf-8")
    depth = "../" * (len(tree.parts) + 2)
    findings = {
        name: check(tree, f"{relative}{name}")
        for name, relative in (
            ("secret.txt", "../../../"),
            ("absent.txt", "../../../"),
            ("etc/passwd", depth),
            ("etc/absent", depth),
        )
    }
    messages = {
        name: [f.message.rsplit(":", 1)[1] for f in found] for name, found in findings.items()
    }
    assert set(map(tuple, messages.values())) == {(" outside the project, so not in the site",)}
    assert all(f.kind == OUTSIDE_DOCS for found in findings.values() for f in found)


def test_a_repository_link_that_leaves_the_repository_is_not_looked_up(tree: Path) -> None:
    (finding,) = check(tree, f"{REPO}/blob/main/../../etc/passwd")
    assert finding.kind == REPOSITORY
    assert finding.message.endswith("../../etc/passwd leaves the repository")


@pytest.mark.parametrize(
    ("href", "source", "kind", "message"),
    [
        (
            "../DATABASE.html#recovery-procedure",
            "../DATABASE.md#recovery-procedure",
            MISSING_ANCHOR,
            "link target ../DATABASE.md#recovery-procedure: no such anchor; "
            "did you mean #recovery-procedures?",
        ),
        (
            "../DATABASE.html#mixed-case",
            None,
            MISSING_ANCHOR,
            "link target ../DATABASE.html#mixed-case: no such anchor; did you mean #Mixed-Case?",
        ),
        (
            "../reference/#glosary",
            None,
            MISSING_ANCHOR,
            "link target ../reference/#glosary: no such anchor; did you mean #glossary?",
        ),
        ("#nothing-like-it", None, MISSING_ANCHOR, "link target #nothing-like-it: no such anchor"),
        ("MISSING.md", None, MISSING_PAGE, "link target MISSING.md: no such page or file"),
        (
            "../database.md",
            None,
            MISSING_PAGE,
            "link target ../database.md: no such page or file (names are case-sensitive); "
            "did you mean ../DATABASE.md?",
        ),
        (
            "../DATABASE.md",
            None,
            MISSING_PAGE,
            "link target ../DATABASE.md: links the Markdown source, which is not in the site "
            "(links in raw HTML are not rewritten); link to ../DATABASE.html",
        ),
        (
            "../DRAFT.md",
            None,
            MISSING_PAGE,
            "link target ../DRAFT.md: exists in docs/ but is not published in the site",
        ),
        (
            "../../README.md",
            None,
            OUTSIDE_DOCS,
            "link target ../../README.md: outside docs/, so not in the site; "
            f"link to {REPO}/blob/main/README.md",
        ),
        (
            "../../NOT_THERE.txt",
            None,
            MISSING_PAGE,
            "link target ../../NOT_THERE.txt: no such page or file",
        ),
        (
            f"{REPO}/blob/main/docs/GONE.md",
            None,
            REPOSITORY,
            f"link target {REPO}/blob/main/docs/GONE.md: no such file in the repository "
            "(docs/GONE.md is not in the working tree)",
        ),
        (
            "https://status.example.com/",
            None,
            EXTERNAL,
            "link target https://status.example.com/: external link, not checked",
        ),
        (
            f"{REPO}/blob/v1/docs/GONE.md",  # another branch: not the working tree
            None,
            EXTERNAL,
            f"link target {REPO}/blob/v1/docs/GONE.md: external link, not checked",
        ),
    ],
)
def test_links_that_break(
    tree: Path, href: str, source: str | None, kind: str, message: str
) -> None:
    column = 7 if source is not None else 10
    assert check(tree, href, source) == [
        LinkFinding("docs/operations/PLAYBOOK.md", 7, column, message, kind=kind)
    ]


@pytest.mark.parametrize(
    ("href", "source", "suggestion"),
    [
        ("../reference/#glossary", "../reference/#glossary", "../reference/index.md#glossary"),
        ("../reference", "../reference", "../reference/index.md"),
        ("../reference/", None, "../reference/index.html"),  # raw HTML: not rewritten
        ("/reference/", None, "../reference/index.html"),
        ("/", None, "../index.html"),
    ],
)
def test_a_folder_link_on_a_site_opened_from_disk_names_the_index_file(
    tree: Path, href: str, source: str | None, suggestion: str
) -> None:
    site = make_site(tree, [written(href, source)])
    pages = {**site.pages, "index.html": page("index.md", set())}
    files = site.files | {"index.html"}
    assert validate(replace(site, pages=pages, files=files)) == []  # over HTTP it works
    message = (
        f"link target {source or href}: a folder, which opened from disk (file://) shows a list "
        f"of files, not the page; link to {suggestion}"
    )
    column = 7 if source is not None else 10
    assert validate(replace(site, pages=pages, files=files, from_disk=True)) == [
        LinkFinding("docs/operations/PLAYBOOK.md", 7, column, message, kind=FOLDER)
    ]


@pytest.mark.parametrize(
    ("href", "kind"),
    [
        ("../reference/index.html#glossary", None),
        ("https://ops.example.com/reference/", None),  # the web server answers a full URL
        ("../reference/#glosary", MISSING_ANCHOR),  # the anchor is broken either way
        ("../reference/#glossary", FOLDER),
    ],
)
def test_from_disk_only_folder_links_are_findings(tree: Path, href: str, kind: str | None) -> None:
    site = replace(make_site(tree, [written(href)]), from_disk=True)
    assert [finding.kind for finding in validate(site)] == ([kind] if kind else [])


def test_a_link_without_source_says_where_it_comes_from(tree: Path) -> None:
    site = make_site(tree, [generated("#gone")])
    [finding] = validate(site)
    assert (finding.line, finding.column) == (0, 0)
    assert finding.message.endswith("(in the page's HTML: added by an extension or widget)")


def test_images_are_named_as_images(tree: Path) -> None:
    site = make_site(tree, [Link("../img/missing.png", "img", "../img/missing.png")])
    assert [f.message for f in validate(site)] == ["image ../img/missing.png: no such page or file"]


def test_template_links_are_reported_once_with_their_part(tree: Path) -> None:
    site = make_site(tree, [])
    broken = TemplateLink("GONE.html", "a", '<nav class="md-nav md-nav--primary">')
    for url in ("DATABASE.html", "on call.html"):  # the same target from both pages
        site.pages[url].template_links.append(broken)
    findings = validate(site)
    assert findings == [
        LinkFinding(
            "docs/DATABASE.md",
            0,
            0,
            "link target GONE.html: no such page or file "
            '(in the theme\'s template, <nav class="md-nav md-nav--primary">)',
            kind=MISSING_PAGE,
        )
    ]


def test_template_ids_count_as_anchors(tree: Path) -> None:
    site = make_site(tree, [generated("../DATABASE.html#__drawer")])
    assert validate(site) != []
    page = site.pages["DATABASE.html"]
    site.pages["DATABASE.html"] = replace(page, template_ids=frozenset({"__drawer"}))
    assert validate(site) == []


def test_template_links_and_ids_come_from_outside_the_content() -> None:
    content = '<p><a href="inside.html" id="in">x</a></p>'
    output = (
        '<html><head><link href="assets/site.css" rel="stylesheet"></head><body>'
        '<header class="md-header"><a href="index.html" id="logo">l</a></header>'
        f"<article>{content}</article>"
        '<footer class="md-footer"><a href="next.html?a=1&amp;b=2">n</a></footer></body></html>'
    )
    links, ids = TemplateScanner().scan("page.html", output, content, {"in"})
    assert links == [
        TemplateLink("assets/site.css", "link", "<head>"),
        TemplateLink("index.html", "a", '<header class="md-header">'),
        TemplateLink("next.html?a=1&b=2", "a", '<footer class="md-footer">'),
    ]
    assert ids == {"logo"}


@pytest.mark.parametrize(
    ("href", "kind", "level", "expected"),
    [
        ("#gone", MISSING_ANCHOR, "warning", ["warning"]),
        ("#gone", MISSING_ANCHOR, "info", ["info"]),
        ("#gone", MISSING_ANCHOR, "ignore", []),
        ("https://x.example/", EXTERNAL, "warning", ["info"]),  # offline: listed only
        ("https://x.example/", EXTERNAL, "ignore", []),
    ],
)
def test_levels_per_kind(tree: Path, href: str, kind: str, level: str, expected: list[str]) -> None:
    site = make_site(tree, [generated(href)])
    result = leveled(site, {**LEVELS, kind: level}, None)
    assert [lvl for _, lvl in result] == expected
    assert all(finding.kind == kind for finding, _ in result)


def test_online_mode_reports_only_what_fails(tree: Path, tmp_path: Path) -> None:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from threading import Thread

    class Handler(BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:
            self.send_response(200 if self.path == "/ok" else 404)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        site = make_site(
            tree,
            [
                written(f"{base}/ok#part", f"{base}/ok#part"),
                written(f"{base}/gone", f"{base}/gone"),
            ],
        )
        settings = Settings(str(tmp_path / "cache.json"), 3600, 2, 5)
        result = leveled(site, LEVELS, settings)
    finally:
        server.shutdown()
        server.server_close()
    assert [(f.line, f.message, level) for f, level in result] == [
        (8, f"link target {base}/gone: HTTP 404", "warning")
    ]


def test_template_links_are_kept_once_per_folder_but_fragments_per_page() -> None:
    scanner = TemplateScanner()
    output = (
        '<nav class="md-nav"><a href="b.html">b</a><a href="#intro">i</a>'
        '<a href="#outro">o</a></nav><article></article>'
    )
    first, _ = scanner.scan("guide/a.html", output, "<article></article>", {"intro"})
    again, _ = scanner.scan("guide/c.html", output, "<article></article>", {"intro"})
    elsewhere, _ = scanner.scan("other/d.html", output, "<article></article>", set())
    # Fragments found among the page's ids are settled at once; the rest go to the checker.
    assert [link.href for link in first] == ["#outro", "b.html"]
    assert [link.href for link in again] == ["#outro"]
    assert [link.href for link in elsewhere] == ["#intro", "#outro", "b.html"]
    assert first[1].part == '<nav class="md-nav">'


def test_a_template_link_from_another_folder_to_a_kept_target_is_not_kept_again() -> None:
    # A nav written relative to each folder: one target, a different href per folder.
    scanner = TemplateScanner()
    content = "<article></article>"
    first, _ = scanner.scan("a/x.html", f'<a href="../b/y.html">y</a>{content}', content, set())
    other, _ = scanner.scan("c/z.html", f'<a href="../b/y.html">y</a>{content}', content, set())
    root, _ = scanner.scan("w.html", f'<a href="b/y.html">y</a>{content}', content, set())
    folder, _ = scanner.scan("v.html", f'<a href="b/y.html/">y</a>{content}', content, set())
    assert [link.href for link in first] == ["../b/y.html"]
    assert other == [] and root == []
    # A folder link is not the file of that name: judged on its own.
    assert [link.href for link in folder] == ["b/y.html/"]


def test_a_link_to_a_heading_whose_text_repeats_is_ambiguous(tree: Path) -> None:
    site = make_site(tree, [written("../DATABASE.html#added_1", "../DATABASE.md#added_1")])
    database = site.pages["DATABASE.html"]
    headings = [Heading(3, "Added", "added"), Heading(3, "Added", "added_1")]
    database.ids |= {"added", "added_1"}
    database.duplicates = duplicate_headings(headings)
    (finding,) = validate(site)
    assert (finding.line, finding.column, finding.kind) == (7, 7, AMBIGUOUS_ANCHOR)
    assert "ambiguous anchor: docs/DATABASE.md has several headings 'Added'" in finding.message
    # The theme's table of contents links every heading: no finding for it.
    site.pages["operations/PLAYBOOK.html"].links[:] = [generated("../DATABASE.html#added_1")]
    assert validate(site) == []


def test_a_markdown_link_is_judged_by_the_file_it_names(tree: Path) -> None:
    """As Zensical hands them over (and as MkDocs resolves them): `.md` paths, no URLs."""
    links = [
        written("../DATABASE.md#recovery-procedures", "../DATABASE.md#recovery-procedures"),
        written("../DATABASE.md#gone", "../DATABASE.md#gone"),
        written("../img/arch.png", "../img/arch.png"),
    ]
    site = make_site(tree, links)
    sources = {p.src_uri: p.url for p in site.pages.values()} | {"img/arch.png": "img/arch.png"}
    (finding,) = validate(replace(site, sources=sources))
    assert (finding.line, finding.kind) == (8, MISSING_ANCHOR)
    assert finding.message.startswith("link target ../DATABASE.md#gone: no such anchor")
