"""How each kind of link finding is reported: its level, and external links online."""

from __future__ import annotations

from collections.abc import Mapping

from .check import EXTERNAL, LinkFinding, Site, Verdict, validate
from .external import Settings, broken_urls


def leveled(
    site: Site, levels: Mapping[str, str], online: Settings | None
) -> list[tuple[LinkFinding, str]]:
    """Every finding of `site` with its level (`ignore`d ones left out), sorted.

    Offline, external links are listed as `info`; online, only those that fail are
    reported, at the `external` level, with what went wrong.
    """
    findings = validate(site)
    broken: dict[str, str] = {}
    if online is not None:
        urls = sorted({f.target.split("#", 1)[0] for f in findings if f.kind == EXTERNAL})
        broken = broken_urls(urls, online)
    result: list[tuple[LinkFinding, str]] = []
    for finding in findings:
        level = levels.get(finding.kind, "warning")
        if finding.kind == EXTERNAL:
            if online is None:
                level = "info" if level != "ignore" else level
            else:
                problem = broken.get(finding.target.split("#", 1)[0])
                if problem is None:
                    continue
                finding = finding.judged(Verdict(EXTERNAL, problem))
        if level != "ignore":
            result.append((finding, level))
    return result
