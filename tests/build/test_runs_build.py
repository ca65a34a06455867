"""Incident runs at build time: the generated run page, and the run bar on every page."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from support import make_project, nav_labels, run_build

MATRIX = """---
title: Playbook
parent: Operations
---

# Playbook

## Severity Matrix

| Severity | Description | Examples | Primary Owner |
| --- | --- | --- | --- |
| SEV-1 | Outage | All down | Lead |
| SEV-2 | Degraded | Slow | On-call |
"""
PAGES = {
    "index.md": "---\ntitle: Home\nnav_order: 1\n---\n\n# Home\n",
    "ops/index.md": "---\ntitle: Operations\nnav_order: 2\n---\n\n# Operations\n",
    "ops/playbook.md": MATRIX,
}
RUNS = (
    "      update_cadence: {default: 20, SEV-1: 5}\n"
    "      runs:\n        page: ops/run.md\n        title: Incident Run\n"
    "        parent: Operations\n        nav_order: 0\n"
)


def bar_of(page_html: str) -> dict[str, str]:
    match = re.search(r"<div class=\"playbook-runbar\"([^>]*)>", page_html)
    assert match, "no run bar"
    return {
        name: html.unescape(value)
        for name, value in re.findall(r'(data-playbook-[\w-]+)="([^"]*)"', match.group(1))
    }


def test_the_run_page_is_generated_in_the_nav_and_every_page_links_it(tmp_path: Path) -> None:
    build = run_build(make_project(tmp_path, PAGES, plugin_options=RUNS))
    assert build.returncode == 0, build.output
    run_page = build.html("ops/run/index.html")
    assert '<h2 id="declare-an-incident">' in run_page
    assert '<script defer src="../../assets/playbook/run_page.js"></script>' in run_page
    assert '<link rel="stylesheet" href="../../assets/playbook/run_page.css">' in run_page
    # Its script holds the run's codec and the page's controls, in that order.
    script = (build.site_dir / "assets/playbook/run_page.js").read_text(encoding="utf-8")
    assert script.index('define("runState",{') < script.index('define("runPage",{')
    # First under its parent, as nav_order 0 asks.
    labels = nav_labels(build.html("index.html"))
    assert labels[-2:] == ["Incident Run", "Playbook"], labels
    home, nested = bar_of(build.html("index.html")), bar_of(build.html("ops/playbook/index.html"))
    assert home["data-playbook-run-page"] == "ops/run/"
    assert nested["data-playbook-run-page"] == "../run/"
    assert nested["data-playbook-page-title"] == "Playbook"
    assert json.loads(nested["data-playbook-levels"]) == ["SEV-1", "SEV-2"]
    assert json.loads(nested["data-playbook-cadence"]) == {"default": 20, "SEV-1": 5}
    # Only the run page pays for export, import and hand-off.
    assert "run_page.js" not in build.html("ops/playbook/index.html")
    assert "run_page.css" not in build.html("ops/playbook/index.html")


def test_without_the_runs_page_option_there_are_no_runs(tmp_path: Path) -> None:
    build = run_build(make_project(tmp_path, PAGES))
    assert build.returncode == 0, build.output
    assert "playbook-runbar" not in build.html("ops/playbook/index.html")
    assert "Incident Run" not in nav_labels(build.html("index.html"))


def test_a_run_page_path_taken_by_a_page_is_a_configuration_error(tmp_path: Path) -> None:
    options = "      runs:\n        page: ops/playbook.md\n"
    build = run_build(make_project(tmp_path, PAGES, plugin_options=options))
    assert build.returncode != 0
    assert "plugins.playbook.runs.page: ops/playbook.md is already a page of the site" in (
        build.output
    )


def test_an_unknown_run_page_parent_is_reported_like_any_page(tmp_path: Path) -> None:
    options = "      runs:\n        page: run.md\n        parent: Operatons\n"
    build = run_build(make_project(tmp_path, PAGES, plugin_options=options))
    assert build.returncode != 0
    assert "run.md:" in build.output and "Operatons" in build.output


SLACK = """---
title: Comms
parent: Operations
---

# Comms

**Slack**
```
SEV-{#} | {Summary} | next {Time}
```
"""
REVIEW = """---
title: Reviews
parent: Operations
---

# Reviews

## Template

```
Incident: {Incident ID}
Resolved: {Resolved at}
{UTC Timestamp} - {Event}
...
```
"""


def test_the_run_bar_links_the_update_template_and_the_run_page_holds_the_review(
    tmp_path: Path,
) -> None:
    pages = {**PAGES, "ops/comms.md": SLACK, "ops/reviews.md": REVIEW}
    options = RUNS + "        review_template: ops/reviews.md#template\n"
    build = run_build(make_project(tmp_path, pages, plugin_options=options))
    assert build.returncode == 0, build.output
    # "next update in ..." leads to the first template that promises the next update.
    home = build.html("index.html")
    assert '<a class="playbook-runbar__due" href="ops/comms/#template-form"' in home
    nested = build.html("ops/playbook/index.html")
    assert '<a class="playbook-runbar__due" href="../comms/#template-form"' in nested
    run_page = build.html("ops/run/index.html")
    found = re.search(
        r'<script type="application/json" data-playbook-review-template>(.*?)</script>', run_page
    )
    assert found is not None
    review = json.loads(found.group(1))
    assert review["url"] == "../reviews/#template"
    assert [field[2] for field in review["fields"]] == ["incident", "resolved"]
    assert review["rows"][0]["text"] == "{UTC Timestamp} - {Event}"


def test_a_review_template_that_names_no_template_fails_the_strict_build(tmp_path: Path) -> None:
    options = RUNS + "        review_template: ops/playbook.md#nowhere\n"
    build = run_build(make_project(tmp_path, PAGES, plugin_options=options))
    assert build.returncode != 0
    assert (
        "mkdocs.yml: plugins.playbook.runs.review_template: ops/playbook.md#nowhere names no "
        "template"
    ) in build.output
    # Without an update template, "next update in ..." is no link.
    assert '<span class="playbook-runbar__due"' in build.html("index.html")
