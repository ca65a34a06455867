"""What `compare` once misjudged on real Just the Docs sites (the study of issue #24), on the
hand-written sites of tests/fixtures/migration with a few lines added: callout titles printed
by CSS, end tags left out, absolute links to the site's own URL, characters one cannot see,
the similarity measure, and literal markers left on our pages."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from mkdocs_playbook.migration.compare import PageComparison, Report, compare_sites, similarity
from mkdocs_playbook.migration.markers import markers_left
from mkdocs_playbook.migration.pages import NavLink, read_page
from mkdocs_playbook.migration.similarity import word_similarity
from mkdocs_playbook.migration.stylesheets import callout_titles
from support import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "migration"
SETUP_JEKYLL = Path("jekyll/guide/setup.html")
SETUP_OURS = Path("material/guide/setup/index.html")
ANCHOR = "<p>Run the installer on your laptop.</p>"
"""A line of the setup page on both sides, after which the tests add theirs."""
CALLOUT_CSS = """/* compiled from _includes/css/callouts.scss.liquid */
p.tip::before, blockquote.tip::before { color: #026e57; content: "Tip"; display: block; }
"""


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _sites(tmp_path: Path, jekyll: str = "", ours: str = "") -> tuple[Path, Path]:
    """Copies of both fixture sites, `jekyll` and `ours` added to the setup page's text."""
    shutil.copytree(FIXTURES, tmp_path / "sites")
    root = tmp_path / "sites"
    _edit(root / SETUP_JEKYLL, ANCHOR, ANCHOR + jekyll)
    _edit(root / SETUP_OURS, ANCHOR, ANCHOR + ours)
    return root / "jekyll", root / "material"


def _setup(report: Report) -> PageComparison:
    return next(page for page in report.pages if page.page == "guide/setup")


# C1: callout titles, which Just the Docs prints with CSS and Material as text.

OUR_CALLOUT = (
    '<div class="admonition success playbook-callout"><p class="admonition-title">Tip</p>'
    "<p>Charge it first.</p></div>"
)


def test_a_callout_title_from_the_jekyll_pages_stylesheet_counts_on_both_sides(
    tmp_path: Path,
) -> None:
    jekyll, ours = _sites(tmp_path, '<p class="tip">Charge it first.</p>', OUR_CALLOUT)
    css = jekyll / "assets" / "css" / "just-the-docs-default.css"
    css.parent.mkdir(parents=True)
    css.write_text(CALLOUT_CSS, "utf-8")
    _edit(
        jekyll / "guide" / "setup.html",
        "<title>",
        '<link rel="stylesheet" href="/hb/assets/css/just-the-docs-default.css"><title>',
    )
    setup = _setup(compare_sites(jekyll, ours))
    assert (setup.similarity, setup.diff) == (1.0, ())


def test_a_callout_title_from_the_config_beside_the_site_counts_on_both_sides(
    tmp_path: Path,
) -> None:
    jekyll, ours = _sites(tmp_path, '<blockquote class="tip"><p>Charge it first.</p></blockquote>')
    _edit(ours / "guide" / "setup" / "index.html", ANCHOR, ANCHOR + OUR_CALLOUT)
    assert _setup(compare_sites(jekyll, ours)).similarity < 1
    (jekyll.parent / "_config.yml").write_text(
        "callouts:\n  tip:\n    title: Tip\n    color: green\n", "utf-8"
    )
    assert _setup(compare_sites(jekyll, ours)).similarity == 1.0


def test_callout_titles_are_read_from_compiled_css_only_where_css_prints_them() -> None:
    css = (
        "/* p.gone::before { content: 'Gone' } */ @media print { p.note::before, "
        'blockquote.note:before { content: "Note;" } } p.new-title::after { content: "x" } '
        "p.count::before { content: counter(step) } p.mixed::before, li::before "
        "{ content: \"M\" } p.note::before{content:'Note'}"
    )
    assert callout_titles(css) == {"note": "Note"}


# C2: end tags HTML lets a page leave out (Just the Docs' compress_html drops them).


def test_a_nav_without_end_tags_nests_as_a_browser_reads_it() -> None:
    item = '<li class="nav-list-item"><a class="nav-list-link" href="/{0}">{0}</a>'
    html = (
        '<nav id="site-nav"><ul class="nav-list">'
        + item.format("a")
        + '<ul class="nav-list">'
        + item.format("b")
        + item.format("c")
        + "</ul>"
        + item.format("d")
        + "</ul></nav>"
    )
    assert read_page(html, "jekyll").nav == [
        NavLink(0, "a", "/a"),
        NavLink(1, "b", "/b"),
        NavLink(1, "c", "/c"),
        NavLink(0, "d", "/d"),
    ]


def test_an_end_tag_out_of_its_scope_closes_nothing() -> None:
    # The stray </li> is inside the nested list: a browser ignores it, b stays nested.
    item = '<li class="nav-list-item"><a class="nav-list-link" href="/{0}">{0}</a>'
    html = (
        '<nav id="site-nav"><ul class="nav-list">'
        + item.format("a")
        + '<ul class="nav-list"></li>'
        + item.format("b")
        + "</ul></ul></nav>"
    )
    assert read_page(html, "jekyll").nav == [NavLink(0, "a", "/a"), NavLink(1, "b", "/b")]


@pytest.mark.parametrize(
    "html",
    [
        "<ul><li hidden>secret<li>shown</ul>",
        "<p hidden>secret<p>shown",
        "<p hidden>secret<div>shown</div>",
        "<table><tr hidden><td>secret<tr><td>shown</table>",
        "<table><tr><td hidden>secret<td>shown</table>",
        "<dl><dd hidden>secret<dt>shown</dl>",
    ],
    ids=["li", "p", "p-then-block", "tr", "td", "dd"],
)
def test_an_element_left_open_ends_where_a_browser_ends_it(html: str) -> None:
    # Were the hidden element not closed, what follows would be read as inside it.
    assert read_page(f'<div id="main-content">{html}</div>', "jekyll").lines == ["shown"]


# C3: absolute links to the site's own URL lead where that path leads on each side.


@pytest.mark.parametrize(
    ("our_href", "same"),
    [
        # Kept as Jekyll's page wrote it: our site does not serve guide/setup.html.
        ("https://handbook.example.com/hb/guide/setup.html#install", False),
        # Our own URL for the same page.
        ("https://handbook.example.com/guide/setup/#install", True),
        ("#install", True),
    ],
)
def test_a_link_to_the_sites_own_url_is_a_path_of_the_site(
    tmp_path: Path, our_href: str, same: bool
) -> None:
    jekyll, ours = _sites(
        tmp_path,
        '<p><a href="https://handbook.example.com/hb/guide/setup.html#install">here</a></p>',
        f'<p><a href="{our_href}">here</a></p>',
    )
    _edit(
        jekyll / "index.html",
        "<title>",
        '<link rel="canonical" href="https://handbook.example.com/hb/"><title>',
    )
    setup = _setup(compare_sites(jekyll, ours))
    assert ("guide/setup#install" in setup.links_jekyll_only) is not same
    if not same:
        assert setup.links_site_only == ("missing:/guide/setup#install",)


def test_the_jekyll_url_comes_from_the_config_beside_the_site(tmp_path: Path) -> None:
    jekyll, ours = _sites(
        tmp_path,
        '<p><a href="https://hb.example.org/hb/guide/">guide</a></p>',
        '<p><a href="https://hb.example.org/hb/guide/">guide</a></p>',
    )
    (jekyll.parent / "_config.yml").write_text("url: https://hb.example.org\nbaseurl: /hb\n")
    setup = _setup(compare_sites(jekyll, ours))
    # Jekyll serves it; ours, in Jekyll's place at that URL, does too.
    assert (setup.links_jekyll_only, setup.links_site_only) == ((), ())
    _edit(ours / "guide" / "setup" / "index.html", 'hb/guide/">', 'hb/guide.html">')
    setup = _setup(compare_sites(jekyll, ours))
    assert setup.links_site_only == ("missing:/guide",)


# C4: characters one cannot see are shown escaped.


def test_a_target_differing_by_a_control_character_looks_different(tmp_path: Path) -> None:
    jekyll, ours = _sites(
        tmp_path,
        '<p><a href="#install\x02">Install</a></p>',
        '<p><a href="#install">Install</a></p>',
    )
    markdown = compare_sites(jekyll, ours).markdown()
    assert "- Jekyll: `/guide/setup#install\\x02`" in markdown
    assert "- MkDocs: `/guide/setup#install`" in markdown


# C5: the figure is the longest common subsequence of the words, whatever difflib's autojunk.


def test_similarity_is_not_misled_by_frequent_words() -> None:
    # 302 words, a third of them "step": autojunk does not anchor on so frequent a word, and
    # loses the whole run, its neighbours having changed.
    rest = " ".join(f"w{i}" for i in range(200))
    theirs = ["alpha " + "step " * 100 + "beta " + rest]
    ours = ["gamma " + "step " * 100 + "delta " + rest]
    assert similarity(theirs, ours) == 2 * 300 / 604
    autojunk = difflib.SequenceMatcher(None, theirs[0].split(), ours[0].split()).ratio()
    assert autojunk == 2 * 200 / 604


def test_similarity_of_long_texts_stays_exact_or_says_it_is_a_bound() -> None:
    words = [f"w{i % 997}" for i in range(25_000)]
    changed = [word if i % 100 else "x" for i, word in enumerate(words)]
    near = word_similarity([" ".join(words)], [" ".join(changed)])
    assert near == word_similarity([" ".join(words)], [" ".join(changed)])
    assert near.exact and near.value == 2 * (25_000 - 250) / 50_000
    other = [f"v{i % 991}" for i in range(25_000)]
    far = word_similarity([" ".join(words)], [" ".join(other)])
    assert not far.exact and far.value < 1


def test_a_page_not_measured_exactly_fails_and_says_so(tmp_path: Path) -> None:
    many = " ".join(f"w{i % 997}" for i in range(25_000))
    jekyll, ours = _sites(tmp_path, f"<p>{many}</p>", f"<p>{many.replace('w', 'v')}</p>")
    report = compare_sites(jekyll, ours)
    setup = _setup(report)
    assert not setup.exact
    assert "(1 pages not measured exactly)" in report.summary()
    bound = f"{setup.similarity:.2f}"
    assert report.failures(0) == [
        f"/guide/setup: similarity not measured, too many words differ (at most {bound})"
    ]


# C6: literal markers our pages show and Jekyll's do not.


def test_literal_markers_left_on_our_pages_are_counted(tmp_path: Path) -> None:
    jekyll, ours = _sites(
        tmp_path,
        "<p>Write {{ page.title }} to print it.</p>",
        "<p>Write {{ page.title }} to print it.</p><p>{{ site.title }} {: .note }</p>"
        "<blockquote><p>[!NOTE] {% include x.html %}</p></blockquote>",
    )
    report = compare_sites(jekyll, ours)
    assert _setup(report).markers == (
        "{{ site.title }}",
        "{: .note }",
        "[!NOTE]",
        "{% include x.html %}",
    )
    assert "Literal markers: 4 on 1 pages" in report.summary()
    assert "literal markers: 4 on 1 pages that Jekyll's pages do not show" in report.failures(0)
    markdown = report.markdown()
    assert "| `/guide/setup` | 0.825 | 2 of 2 | 4 |" in markdown
    assert "- `{{ site.title }}`" in markdown


def test_markers_are_counted_with_their_repeats_and_unclosed() -> None:
    assert markers_left(["{{ a }} {{ a }}"], ["{{ a }} {{ a }} {{ a }} {% if", "{::comment}"]) == (
        "{{ a }}",
        "{%",
        "{::comment}",
    )


# Repository links: our build rewrites a link to a page's Markdown on GitHub into the site;
# the issue counts that as leading to the same page.

REPOSITORY_CONFIG = (
    "gh_edit_link: true\ngh_edit_repository: https://github.com/ops/runbooks\n"
    "gh_edit_source: docs\n"
)


@pytest.mark.parametrize(
    ("ours", "same_without", "same"),
    [
        ('<a href="../../index.html#first">Home</a>', False, True),
        ('<a href="../../#first">Home</a>', False, True),
        # Left a repository link, as Jekyll's: the same either way.
        (
            '<a href="https://github.com/ops/runbooks/blob/main/docs/index.md#first">Home</a>',
            True,
            True,
        ),
        ('<a href="../../guide/#first">Guide</a>', False, False),
    ],
)
def test_a_link_to_a_page_s_markdown_in_the_repository_leads_to_that_page(
    tmp_path: Path, ours: str, same_without: bool, same: bool
) -> None:
    link = '<a href="https://github.com/ops/runbooks/blob/main/docs/index.md#first">Home</a>'
    jekyll, site = _sites(tmp_path, f"<p>{link}</p>", f"<p>{ours}</p>")
    setup = _setup(compare_sites(jekyll, site))
    assert (setup.links_total == setup.links_same) is same_without
    (jekyll.parent / "_config.yml").write_text(REPOSITORY_CONFIG, "utf-8")
    setup = _setup(compare_sites(jekyll, site))
    assert (setup.links_total == setup.links_same) is same
