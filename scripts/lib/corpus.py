"""A synthetic Just-the-Docs site for the benchmarks: nested sections, deterministic (seeded).

Every page has front matter (`title`, `parent`, `grand_parent`, `nav_order`), headings, a task
list, a list under a checklist heading, a table, a fenced template with `{Placeholder}`s,
GitHub alerts and 10 cross-links with anchors. Two pages more: `index.md`, the home page, and
`enhancement.md`, with 500 task items (5 checklists of 100), a severity matrix and 3
templates: the page the browser benchmark times. `nav` is the explicit MkDocs nav equivalent
to the front matter, for the baseline builds that run without the plugin.

`copy_site` writes the other corpus: real pages (this repository's `docs/`) copied as many
times as asked, each copy its own part of the nav.
"""

from __future__ import annotations

import json
import posixpath
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SECTION = 100
"""Pages per top-level section (its index included)."""
SUBSECTION = 10
"""Pages per subsection (its index included)."""
HOME_PAGE = "index.md"
ENHANCEMENT_PAGE = "enhancement.md"
ENHANCEMENT_ITEMS = 500
ENHANCEMENT_LISTS = 5
ANCHORS = ("overview", "tasks", "recovery-checklist", "thresholds", "message-template")
"""Heading ids every generated page has (MkDocs' toc slugs of its headings)."""

_WORDS = (
    "alert api backup bridge cache cluster customer database deploy disk dns error failover "
    "flag gateway graph health incident index latency ledger load log metric mitigation "
    "monitor node owner partition patch queue quota region replica restart rollback scale "
    "schema service session shard snapshot storage sync tenant throttle timeout token "
    "traffic upload vault worker"
).split()
_SEVERITY_MATRIX = """| Severity | Description | Examples | Primary Owner |
| --- | --- | --- | --- |
| SEV-1 | Platform unavailable or data loss | Outage, corrupted database | Incident Commander |
| SEV-2 | Critical functionality degraded | Sync halted, uploads failing | On-call engineer |
| SEV-3 | Single workflow impairment | One tenant affected, slow feature | Feature owner |
| SEV-4 | Question or anomaly | Alert with no user impact | Support triage |
"""
_TEMPLATES = (
    "SEV-{#} | {Summary}\nStart: {UTC Timestamp}\nImpact: {User scope}\nNext update: {Time}",
    "Subject: Incident update - {Summary}\n\nWe are addressing an issue affecting "
    "{impact description}. Mitigation started at {Mitigation start time}.\n"
    "Track progress here: {status page link}.",
    "Resolved: {Summary}\nDuration: {Duration}\nRoot cause: {Root cause}\n"
    "Review: {Review doc link}",
)


@dataclass(frozen=True)
class Page:
    path: str
    """Docs path: `s03/s03-04/p05.md`."""
    title: str
    parent: str = ""
    grand_parent: str = ""
    nav_order: int = 0
    children: list[Page] = field(default_factory=list)


@dataclass(frozen=True)
class Corpus:
    pages: list[Page]
    """Every page, the home page and the enhancement page last."""
    nav: list[Any]
    """The explicit nav (MkDocs `nav:` shape) that the front matter describes."""


def _layout(count: int) -> list[Page]:
    """`count` pages in sections of `SECTION` and subsections of `SUBSECTION` pages."""
    pages: list[Page] = []
    for index in range(count):
        section, rest = divmod(index, SECTION)
        sub, position = divmod(rest, SUBSECTION)
        section_title = f"Section {section}"
        sub_title = f"Section {section}.{sub}"
        folder = f"s{section:02d}"
        if rest == 0:
            pages.append(Page(f"{folder}/index.md", section_title, nav_order=section + 1))
        elif position == 0:
            path = f"{folder}/s{section:02d}-{sub:02d}/index.md"
            pages.append(Page(path, sub_title, section_title, nav_order=sub))
        elif sub == 0:
            path = f"{folder}/p{position:02d}.md"
            title = f"Page {section}.0.{position}"
            pages.append(Page(path, title, section_title, nav_order=position))
        else:
            path = f"{folder}/s{section:02d}-{sub:02d}/p{position:02d}.md"
            title = f"Page {section}.{sub}.{position}"
            pages.append(Page(path, title, sub_title, section_title, nav_order=position))
    return pages


def _nav(pages: list[Page]) -> list[Any]:
    """The nav tree, shaped as the plugin shapes it: a parent leads its own section."""
    by_title = {page.title: page for page in pages}
    for page in pages:
        if page.parent:
            by_title[page.parent].children.append(page)

    def spec(nodes: list[Page]) -> list[Any]:
        items: list[Any] = []
        # Equal nav_order values keep Jekyll's page order: by file name, then path.
        order = sorted(nodes, key=lambda n: (n.nav_order, posixpath.basename(n.path), n.path))
        for node in order:
            if node.children:
                items.append({node.title: [{node.title: node.path}, *spec(node.children)]})
            else:
                items.append({node.title: node.path})
        return items

    return spec([page for page in pages if not page.parent])


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(count))


def _sentence(rng: random.Random, count: int = 12) -> str:
    text = _words(rng, count)
    return text[:1].upper() + text[1:] + "."


def _front_matter(page: Page) -> str:
    lines = ["---", "layout: default", f"title: {page.title}"]
    if page.parent:
        lines.append(f"parent: {page.parent}")
    if page.grand_parent:
        lines.append(f"grand_parent: {page.grand_parent}")
    lines += [f"nav_order: {page.nav_order}", "---", ""]
    return "\n".join(lines)


def _page_text(pages: list[Page], index: int, rng: random.Random) -> str:
    page = pages[index]
    folder = posixpath.dirname(page.path)
    links = []
    # Ten other pages, drawn without copying the list for every page (5,000 pages: 25M copies).
    for drawn in rng.sample(range(len(pages) - 1), min(10, len(pages) - 1)):
        other = pages[drawn + 1 if drawn >= index else drawn]
        href = posixpath.relpath(other.path, folder or ".")
        links.append(f"- [{other.title}]({href}#{rng.choice(ANCHORS)}): {_sentence(rng, 6)}")
    tasks = [f"- [{'x' if rng.random() < 0.2 else ' '}] {_sentence(rng, 6)}" for _ in range(6)]
    steps = [f"{n}. {_sentence(rng, 8)}" for n in range(1, 7)]
    rows = [
        f"| {rng.choice(_WORDS)} | eu-{n} | {rng.randint(1, 99)} % | {rng.choice(_WORDS)} team |"
        for n in range(1, 6)
    ]
    return "\n".join(
        [
            _front_matter(page),
            f"# {page.title}",
            "",
            "> [!NOTE]",
            f"> {_sentence(rng)}",
            "",
            "## Overview",
            "",
            " ".join(_sentence(rng) for _ in range(6)),
            "",
            "## Tasks",
            "",
            *tasks,
            "",
            "## Recovery checklist",
            "",
            *steps,
            "",
            "> [!WARNING]",
            f"> {_sentence(rng)}",
            "",
            "## Thresholds",
            "",
            "| Service | Region | Threshold | Owner |",
            "| --- | --- | --- | --- |",
            *rows,
            "",
            "## Message template",
            "",
            "```",
            rng.choice(_TEMPLATES),
            "```",
            "",
            "## Related pages",
            "",
            *links,
            "",
        ]
    )


def _enhancement_text(page: Page, rng: random.Random) -> str:
    per_list = ENHANCEMENT_ITEMS // ENHANCEMENT_LISTS
    parts = [_front_matter(page), f"# {page.title}", "", "## Severity Matrix", "", _SEVERITY_MATRIX]
    for number in range(1, ENHANCEMENT_LISTS + 1):
        parts += [f"## Checklist {number}", ""]
        parts += [f"- [ ] Step {number}.{n}: {_sentence(rng, 7)}" for n in range(1, per_list + 1)]
        parts.append("")
    parts += ["## Communication Templates", ""]
    for template in _TEMPLATES:
        parts += ["```", template, "```", ""]
    return "\n".join(parts)


def _home_text(page: Page, sections: list[Page]) -> str:
    links = [f"- [{section.title}]({section.path})" for section in sections]
    return "\n".join([_front_matter(page), f"# {page.title}", "", *links, ""])


def generate(count: int, seed: int = 1) -> tuple[Corpus, dict[str, str]]:
    """The corpus: `count` pages, then the home page and the enhancement page; each page's
    text by path."""
    pages = _layout(count)
    # The theme links its logo to the site's root, so a site has a home page.
    home = Page(HOME_PAGE, "Home", nav_order=0)
    enhancement = Page(ENHANCEMENT_PAGE, "Enhancement benchmark", nav_order=count + 1)
    texts: dict[str, str] = {home.path: _home_text(home, [p for p in pages if not p.parent])}
    for index, page in enumerate(pages):
        rng = random.Random(seed * 1_000_003 + index)
        texts[page.path] = _page_text(pages, index, rng)
    texts[enhancement.path] = _enhancement_text(enhancement, random.Random(seed))
    pages += [home, enhancement]
    return Corpus(pages, _nav(pages)), texts


def write(docs_dir: Path, count: int, seed: int = 1) -> Corpus:
    """Write the corpus's pages under `docs_dir`."""
    corpus, texts = generate(count, seed)
    for path, text in texts.items():
        target = docs_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return corpus


SITE_COPIES = 12
"""Copies of the site's pages in the real-page corpus: 144 pages from our 12."""
_NAMING_RE = re.compile(r"^(title|parent|grand_parent):(.*)$", re.MULTILINE)
"""Front matter lines that name a page or its place in the nav (one line each in ours)."""


def _renamed(text: str, suffix: str) -> str:
    """`text` with its front matter's title, parent and grand_parent ending in `suffix`."""
    if not suffix or not text.startswith("---\n"):
        return text
    end = text.find("\n---", 3)
    if end < 0:
        return text

    def rename(match: re.Match[str]) -> str:
        value = yaml.safe_load(match.group(2))
        # A JSON string is a YAML string: quoted, whatever the title holds.
        return f"{match.group(1)}: {json.dumps(f'{value}{suffix}')}"

    return _NAMING_RE.sub(rename, text[:end]) + text[end:]


STAND_INS = {
    "incident-run.md": "---\ntitle: Incident run\nparent: Operations Command Center\n"
    "nav_order: 1.5\n---\n\n# Incident run\n\n## Post-incident draft\n\n"
    "Stands in for the plugin's run page, which the real-page corpus leaves out.\n",
}
"""Pages the site's own pages link to that the plugin generates (`runs.page`): plain pages in
each copy, for both variants, as Material alone could not generate them."""


def copy_site(source: Path, docs_dir: Path, copies: int = SITE_COPIES) -> list[str]:
    """Copy every file under `source` (a docs folder) `copies` times into `docs_dir`; return
    the Markdown pages' paths.

    The first copy stands where the original does, so the home page and the repository links
    (`/blob/main/docs/x.md`, which the plugin rewrites to the page at `x.md`) lead where they
    do on the real site; copy N goes under `copyNN/`, its titles, parents and grand parents
    ending in ` (N)`, so each copy is its own subtree of the nav.
    """
    pages: list[str] = []
    files = sorted(path for path in source.rglob("*") if path.is_file())
    for number in range(1, copies + 1):
        folder = docs_dir if number == 1 else docs_dir / f"copy{number:02d}"
        suffix = "" if number == 1 else f" ({number})"
        for path in files:
            target = folder / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix != ".md":
                shutil.copyfile(path, target)
                continue
            text = path.read_text(encoding="utf-8")
            target.write_text(_renamed(text, suffix), encoding="utf-8")
            pages.append(target.relative_to(docs_dir).as_posix())
        for name, text in STAND_INS.items():
            target = folder / name
            target.write_text(_renamed(text, suffix), encoding="utf-8")
            pages.append(target.relative_to(docs_dir).as_posix())
    return pages
