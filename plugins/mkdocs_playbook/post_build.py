"""Post-build findings (the post-build phase): every link of every page checked at once,
the site-wide placeholder lint, and every finding of the build reported, sorted, and
written out for CI."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from .config import LinkSettings
from .findings import Finding, Findings
from .links.check import KINDS, Repository, Site, SitePage
from .links.external import Settings as OnlineSettings
from .links.policy import leveled
from .links.reports import github_annotations, junit_xml, step_summary
from .records import PageRecord
from .widgets.placeholders import mistyped_placeholders

log = get_plugin_logger("playbook")


def report_build(
    findings: Findings,
    site: Site,
    settings: LinkSettings,
    records: Mapping[str, PageRecord],
    project_dir: str,
) -> None:
    """Check `site`'s links, lint its placeholders, then log every finding of the build,
    sorted by file and line, and write the reports `settings` asks for."""
    started = time.perf_counter()
    online = None
    if settings.online:
        cache = settings.online_cache
        online = OnlineSettings(
            os.path.join(project_dir, cache) if cache else "",
            float(settings.online_cache_hours) * 3600,
            settings.online_concurrency,
            float(settings.online_timeout),
        )
    levels = {kind: settings[kind] for kind in KINDS}
    for link, level in leveled(site, levels, online):
        findings.add(link.path, link.line, link.message, link.column, level=level, kind=link.kind)
    log.debug("links validated in %.3f s", time.perf_counter() - started)
    lint_placeholders(records, findings)
    sorted_findings = findings.sorted()
    for finding in sorted_findings:
        if finding.level == "info":
            log.info("%s", finding)
        else:
            log.warning("%s", finding)
    write_reports(sorted_findings, settings, project_dir)


def link_site(
    records: Mapping[str, PageRecord],
    files: Files,
    config: MkDocsConfig,
    repository: Repository | None,
    unpublished: Mapping[str, tuple[str, str]],
    project_dir: str,
) -> Site:
    """The whole site as the link check reads it: every page's model, every file."""
    pages: dict[str, SitePage] = {}
    for record in records.values():
        if record.model is None:
            continue
        file = record.file
        pages[file.dest_uri] = SitePage(
            file.src_uri,
            file.dest_uri,
            record.display_path,
            record.model.links,
            record.model.ids,
            record.model.lines,
            record.model.duplicates,
            record.template_links,
            record.template_ids,
        )
    return Site(
        pages,
        frozenset(file.dest_uri for file in files),
        os.path.abspath(config.docs_dir),
        os.path.abspath(config.site_dir),
        config.site_url or "",
        repository,
        from_disk=not config.use_directory_urls,
        project_dir=os.path.abspath(project_dir or "."),
        sources={file.src_uri: file.dest_uri for file in files},
        unpublished=unpublished,
    )


def lint_placeholders(records: Mapping[str, PageRecord], findings: Findings) -> None:
    """Placeholders spelled with stray spaces where the site spells them cleanly, each
    reported where it is written (located only now, for the few that are)."""
    uses = [(uri, use) for uri, record in records.items() for use in record.placeholders]
    for mistyped in mistyped_placeholders(uses):
        record = records[mistyped.page]
        example = records[mistyped.example]
        clean = _code_positions(example, mistyped.intended)
        example_at = example.display_path + (f":{clean[0][0]}" if clean else "")
        for line, column in _code_positions(record, mistyped.use.raw):
            findings.add(record.display_path, line, mistyped.message(example_at), column)


def _code_positions(record: PageRecord, needle: str) -> list[tuple[int, int]]:
    """File line and column of each occurrence of `needle` in the page's code."""
    if record.model is None:
        return []
    positions = record.model.lines.positions
    return [
        (positions.file_line(line), column)
        for line, column in positions.parse(positions.written).find_in_code(needle)
    ]


def write_reports(findings: list[Finding], settings: LinkSettings, project_dir: str) -> None:
    """The findings as GitHub annotations and a step summary, and as a JUnit report, as
    `links.github_annotations` and `links.junit_report` ask."""
    annotate = settings.github_annotations
    if annotate == "always" or (annotate == "auto" and os.environ.get("GITHUB_ACTIONS")):
        sys.stdout.write(github_annotations(findings))
        sys.stdout.flush()
        if os.environ.get("GITHUB_STEP_SUMMARY"):
            with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as stream:
                stream.write(step_summary(findings))
    if settings.junit_report:
        path = os.path.join(project_dir, settings.junit_report)
        try:
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
            with open(path, "w", encoding="utf-8") as stream:
                stream.write(junit_xml(findings))
        except OSError as error:
            raise PluginError(f"cannot write the JUnit report {path}: {error}") from error
