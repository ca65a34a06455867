"""The GitHub workflow tests every pull request and every push to main, and publishes from main
only, after the tests and the site's checks have passed."""

from __future__ import annotations

from typing import Any

import yaml

from support import ROOT

WORKFLOW: dict[Any, Any] = yaml.safe_load(
    (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
)
JOBS: dict[str, dict[str, Any]] = WORKFLOW["jobs"]
ON_MAIN = "github.event_name == 'push' && github.ref == 'refs/heads/main'"


def runs(job: str) -> list[str]:
    return [str(step.get("run", "")) for step in JOBS[job]["steps"]]


def uses(job: str) -> list[str]:
    return [str(step.get("uses", "")).split("@")[0] for step in JOBS[job]["steps"]]


def test_it_runs_on_pull_requests_and_pushes_to_main() -> None:
    # YAML 1.1 reads the key `on` as True.
    triggers = WORKFLOW[True]
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]


def test_a_job_runs_the_whole_suite_and_keeps_its_junit_report() -> None:
    (command,) = [run for run in runs("test") if "./scripts/test" in run]
    assert "--junitxml=reports/tests.xml" in command
    (upload,) = [s for s in JOBS["test"]["steps"] if "upload-artifact" in str(s.get("uses"))]
    assert upload["with"]["path"] == "reports/tests.xml" and upload["if"] == "always()"


def test_chromium_and_pip_downloads_are_cached() -> None:
    cached = [
        step["with"]["path"]
        for step in JOBS["test"]["steps"]
        if str(step.get("uses", "")).startswith("actions/cache")
    ]
    pip_cache = WORKFLOW["env"]["PIP_CACHE_DIR"]
    assert pip_cache in cached
    (apt,) = [path for path in cached if path != pip_cache]
    assert any(f"Dir::Cache::Archives={apt}" in run and "chromium" in run for run in runs("test"))


def test_the_build_turns_link_findings_into_annotations_and_a_junit_report() -> None:
    (build,) = [s for s in JOBS["site"]["steps"] if s.get("run") == "./scripts/build"]
    report = build["env"]["PLAYBOOK_JUNIT_REPORT"]
    # mkdocs.yml hands the variable to the plugin; GITHUB_ACTIONS makes the annotations.
    assert "!ENV [PLAYBOOK_JUNIT_REPORT" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (upload,) = [s for s in JOBS["site"]["steps"] if "upload-artifact" in str(s.get("uses"))]
    assert report.startswith(upload["with"]["path"]) and upload["if"] == "always()"
    assert "./scripts/check-links" in runs("site")


def test_it_publishes_from_main_only_after_the_tests_and_the_checks_pass() -> None:
    publish = JOBS["publish"]
    assert set(publish["needs"]) == {"test", "site"}
    assert publish["if"] == ON_MAIN
    assert "actions/deploy-pages" in uses("publish")
    (hand_over,) = [
        s for s in JOBS["site"]["steps"] if "upload-pages-artifact" in str(s.get("uses"))
    ]
    assert hand_over["if"] == ON_MAIN
    # Nothing but publish may write to Pages.
    assert all("permissions" not in JOBS[job] for job in JOBS if job != "publish")
