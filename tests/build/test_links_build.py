"""Link validation in real builds: the seeded fixture, the real site, reports and online mode."""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from support import ROOT, Build, make_project, run_build

FIXTURE = ROOT / "tests" / "fixtures" / "links-project"
_FINDING_RE = re.compile(r"^(WARNING|INFO) +- +playbook: (.*)$", re.MULTILINE)


def findings(output: str) -> list[str]:
    """The plugin's messages, less the line that names its version."""
    return [
        f"{level} {text}"
        for level, text in _FINDING_RE.findall(output)
        if not text.startswith("mkdocs-playbook ")
    ]


def expected_findings() -> list[str]:
    return (FIXTURE / "expected-findings.txt").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The seeded fixture, built with --strict, with a JUnit report and GitHub annotations."""
    project = tmp_path_factory.mktemp("links") / "project"
    shutil.copytree(FIXTURE, project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    options = (
        "      links:\n"
        "        junit_report: reports/links.xml\n"
        "        github_annotations: always\n"
    )
    text = re.sub(r"(      repository_url: .*\n)", lambda m: m.group(1) + options, text)
    config.write_text(text, encoding="utf-8")
    return run_build(project)


def test_every_seeded_break_is_reported_with_its_line_and_nothing_else(
    fixture_build: Build,
) -> None:
    assert fixture_build.returncode != 0
    assert findings(fixture_build.output) == expected_findings()
    failing = sum(1 for line in expected_findings() if line.startswith("WARNING "))
    assert f"Aborted with {failing} warnings in strict mode" in fixture_build.output


URL_STYLES = ROOT / "tests" / "fixtures" / "links-url-styles"


@pytest.mark.parametrize("directory_urls", [True, False], ids=["mkdocs-defaults", "from-disk"])
def test_findings_keep_their_file_and_line_in_every_url_style(
    tmp_path: Path, directory_urls: bool
) -> None:
    """Seven breaks written in Markdown (in a GitHub alert, through a repository link, to a
    repeated heading, ...), built with directory URLs and without: the same findings."""
    project = tmp_path / "project"
    shutil.copytree(URL_STYLES, project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(f"use_directory_urls: {str(directory_urls).lower()}\n{text}", "utf-8")
    build = run_build(project)
    expected = (URL_STYLES / "expected-findings.txt").read_text(encoding="utf-8").splitlines()
    assert findings(build.output) == expected
    assert "added by an extension or widget" not in build.output


def test_mkdocs_own_link_checks_do_not_repeat_ours(fixture_build: Build) -> None:
    assert "contains a link" not in fixture_build.output
    assert "contains an absolute link" not in fixture_build.output


def test_junit_report_has_one_failure_per_broken_link(fixture_build: Build) -> None:
    report = fixture_build.site_dir.parent / "reports" / "links.xml"
    root = etree.parse(report).getroot()
    warnings = [line for line in expected_findings() if line.startswith("WARNING ")]
    assert root.get("failures") == str(len(warnings))
    failures = [case.find("failure") for case in root.iter("testcase")]
    assert [f"WARNING {f.text}" for f in failures if f is not None] == warnings
    assert "https://example.com/status" in (root.findtext("system-out") or "")


def test_github_annotations_point_at_the_source_lines(fixture_build: Build) -> None:
    errors = re.findall(r"^::error file=([^,]+),line=(\d+),col=(\d+),", fixture_build.output, re.M)
    failing = sum(1 for line in expected_findings() if line.startswith("WARNING "))
    assert len(errors) == failing
    assert ("docs/PLAYBOOK.md", "25", "20") in errors
    summary = f"mkdocs-playbook: {failing} problem(s) that fail --strict, 2 listed for information"
    assert summary in fixture_build.output


def test_the_real_site_has_no_broken_links(site_build: Build) -> None:
    assert [line for line in findings(site_build.output) if line.startswith("WARNING")] == []
    assert "no such" not in site_build.output


def test_check_links_passes_on_the_real_site() -> None:
    result = subprocess.run(
        [str(ROOT / "scripts" / "check-links")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "check-links: no broken links or anchors in" in result.stdout


def test_check_links_catches_every_break_linkchecker_can_see(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    result = subprocess.run(
        [str(ROOT / "scripts" / "check-links"), str(project)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    reported = re.findall(r"^      (\S+): (.*)$", result.stdout, re.MULTILINE)
    # Every seeded break but the repository link (LinkChecker leaves external links alone)
    # and the folder link, which the web server answers with the folder's index.html.
    assert sorted(link for link, _ in reported) == sorted(
        [
            "MISSING.md",
            "database.md",
            "DATABASE.html#recovery-procedure",
            "reference/#glosary",
            "DATABASE.html#backup",
            "DATABASE.md",
            "../NOT_THERE.txt",
            "../README.md",
            "img/missing.png",
            "DATABASE.html#restore",
            "DATABASE.html#dumps",
            "DATABASE.html#restore-steps",
            "MISSING2.md",
        ]
    )
    assert "PLAYBOOK.html:" in result.stdout and "(from docs/PLAYBOOK.md)" in result.stdout


class _Statuses(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        self.send_response(200 if self.path == "/up" else 404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def local_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Statuses)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_online_mode_fails_the_build_on_a_dead_external_link(
    tmp_path: Path, local_server: str
) -> None:
    page = f"# Home\n\n[Up]({local_server}/up) and [down]({local_server}/down).\n"
    project = make_project(
        tmp_path,
        {"index.md": page},
        # No generator link in the footer: the test must not reach the internet.
        config="extra:\n  generator: false\n",
        plugin_options="      links:\n        online: true\n",
    )
    build = run_build(project)
    assert build.returncode != 0
    assert findings(build.output) == [
        f"WARNING docs/index.md:3:{page.splitlines()[2].index('(' + local_server + '/down') + 2}: "
        f"link target {local_server}/down: HTTP 404",
    ]
    cache = project / ".cache" / "playbook" / "external-links.json"
    assert f"{local_server}/up" in cache.read_text(encoding="utf-8")


def test_ci_workflow_builds_strictly_then_checks_links() -> None:
    import yaml

    # When it publishes: tests/unit/test_workflow.py.
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text("utf-8"))
    runs = [step.get("run") for step in workflow["jobs"]["site"]["steps"]]
    assert runs.index("./scripts/build") < runs.index("./scripts/check-links")
    assert "--strict" in (ROOT / "scripts" / "build").read_text(encoding="utf-8")
