"""Build a site, serve it on 127.0.0.1 and run LinkChecker over it; `scripts/check-links` runs it.

LinkChecker sees what a reader's browser sees: the built HTML over HTTP (over `file://` it
misses anchors behind folder URLs). The server answers with a `LinkChecker` header, which
LinkChecker takes as leave to skip its per-host politeness delay.
"""

from __future__ import annotations

import csv
import io
import os
import posixpath
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from localserver import serve

ROOT = Path(__file__).resolve().parent.parent.parent
# Not links into the site: an address is only known in the reader's mail app (the template
# forms write `mailto:` and fill it in the browser), and checking one needs DNS.
_NOT_SITE_LINKS = ("mailto:", "tel:")
CONFIG = ROOT / "linkcheckerrc"


@dataclass(frozen=True)
class Broken:
    """One problem LinkChecker found, with the page (and line in its HTML) that links it."""

    parent: str
    line: str
    column: str
    link: str
    problem: str


def build(project: Path, site_dir: Path) -> None:
    """The site, built as CI builds it (strictness is the strict build's job, not ours)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml"]
    result = subprocess.run(
        [*command, "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"check-links: the build of {project} failed")


def start_urls(site_dir: Path, base_url: str) -> list[str]:
    """Every built page: a page that only anchored links reach is still parsed for links."""
    pages = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))
    return [base_url, *(base_url + quote(page) for page in pages)]


def run_linkchecker(urls: list[str]) -> tuple[int, str, str]:
    """LinkChecker's exit status, CSV report (on stdout) and log.

    Run as root, LinkChecker switches to the user `nobody`, who may not write to our
    folders: so it writes nothing but its report to the pipe we hold, reads its settings
    (before switching) from linkcheckerrc, and finds its plugins through
    linkchecker_command.py, which lists them before the switch.
    """
    command = Path(__file__).with_name("linkchecker_command.py")
    env = {**os.environ, "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
    result = subprocess.run(
        [
            sys.executable,
            str(command),
            "-f",
            str(CONFIG),
            "-o",
            "csv/utf-8",
            "--no-status",
            "--stdin",
        ],
        input="\n".join(urls).encode("utf-8"),
        env=env,
        capture_output=True,
        check=False,
        timeout=600,
    )
    return (
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def parse_report(report: str, base_url: str) -> list[Broken]:
    """The invalid links and the anchor warnings of LinkChecker's CSV report."""
    rows = [line for line in report.splitlines() if line and not line.startswith("#")]
    broken: list[Broken] = []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        warnings = row.get("warningstring") or ""
        valid = (row.get("valid") or "").strip().lower() in ("true", "1")
        if valid and not warnings:
            continue
        problem = (row.get("result") or "") if not valid else warnings
        link = row.get("urlname") or row.get("url") or ""
        if link.lower().startswith(_NOT_SITE_LINKS):
            continue
        broken.append(
            Broken(
                _site_path(row.get("parentname") or "", base_url),
                row.get("line") or "",
                row.get("column") or "",
                link,
                " ".join(problem.split()),
            )
        )
    return sorted(set(broken), key=lambda b: (b.parent, _number(b.line), b.link))


def _number(text: str) -> int:
    return int(text) if text.isdigit() else 0


def _site_path(url: str, base_url: str) -> str:
    if not url.startswith(base_url):
        return url
    return unquote(urlsplit(url).path).lstrip("/") or "index.html"


def describe(broken: list[Broken], project: Path) -> str:
    """A readable report: each page, the Markdown it comes from, and its broken links."""
    lines = [
        f"check-links: LinkChecker found {len(broken)} broken link(s) or anchor(s) "
        "(lines are in the built HTML):"
    ]
    for item in broken:
        source = _source_of(item.parent, project)
        where = f"{item.parent}:{item.line}:{item.column}" if item.line else item.parent
        if source:
            where += f" (from {source})"
        lines.append(f"  {where}\n      {item.link}: {item.problem}")
    return "\n".join(lines) + "\n"


def _source_of(site_path: str, project: Path) -> str:
    """The Markdown file a built page most likely comes from, if it exists."""
    stem = posixpath.splitext(site_path)[0]
    for candidate in (f"docs/{stem}.md", f"docs/{stem.removesuffix('/index')}.md"):
        if (project / candidate).is_file():
            return candidate
    return ""


def main(argv: list[str]) -> int:
    project = Path(argv[1] if len(argv) > 1 else ROOT).resolve()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="check-links-") as temporary:
        site_dir = Path(temporary) / "site"
        build(project, site_dir)
        built = time.perf_counter()
        # LinkChecker lifts its per-host rate limit for servers that send this header.
        with serve(site_dir, headers={"LinkChecker": "local"}) as base_url:
            urls = start_urls(site_dir, base_url)
            status, report, log = run_linkchecker(urls)
    broken = parse_report(report, base_url)
    finished = time.perf_counter()
    timing = f"build {built - started:.1f} s, LinkChecker {finished - built:.1f} s"
    if broken:
        sys.stdout.write(describe(broken, project))
        print(f"check-links: {timing}")
        return 1
    if status not in (0, 1):  # 1: problems, all of them filtered out above
        sys.stderr.write(log + report)
        print(f"check-links: LinkChecker failed with status {status}", file=sys.stderr)
        return status
    print(f"check-links: no broken links or anchors in {len(urls) - 1} pages ({timing})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
