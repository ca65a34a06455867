"""Search (the search phase): what Material's search reads of a page, and what it leaves out.

The severity matrix's page is boosted; Just the Docs' `search_exclude` excludes a page; and
the script-only controls (`<template>`s, marked data-search-exclude) are taken out of the
content while search plugins index it, so their HTML parser never reads them.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

from .jekyll.collections import Collections, Document
from .records import PageRecord

SEVERITY_SEARCH_BOOST = 10
"""Material's search boost for the page that holds the severity matrix: a search for "SEV-2"
finds where the severities are defined first, not a runbook that names one more often."""


def boost_search(meta: MutableMapping[str, Any]) -> None:
    """Boosts a page in Material's search (`search.boost` of its front matter), unless its
    front matter sets a boost or excludes it."""
    search = meta.get("search")
    if search is None:
        search = meta["search"] = {}
    if isinstance(search, dict) and not search.get("exclude"):
        search.setdefault("boost", SEVERITY_SEARCH_BOOST)


def exclude_from_search(
    meta: MutableMapping[str, Any],
    front_matter: Mapping[str, Any],
    document: Document | None,
    collections: Collections,
) -> None:
    """Just the Docs' `search_exclude` (of the page, or of its collection), as Material's
    search plugin reads it."""
    if front_matter.get("search_exclude") is True or (
        document is not None and collections.search_excluded(document)
    ):
        meta.setdefault("search", {"exclude": True})


def without_controls(record: PageRecord, content: str) -> str | None:
    """`content` without the page's controls, which `with_controls` puts back; None when it
    does not hold them."""
    if not record.controls or not content:
        return None
    at = content.rfind(record.controls)
    if at < 0:
        record.controls = ""
        return None
    after = at + len(record.controls)
    record.controls_after = len(content) - after
    return content[:at] + content[after:]


def with_controls(record: PageRecord, content: str) -> str | None:
    """`content` with the controls put back where they were, counted from the end: search
    edits attributes before them, and they come last; None when none were taken out."""
    if record.controls_after < 0:
        return None
    at = max(len(content) - record.controls_after, 0)
    content = content[:at] + record.controls + content[at:]
    # Not kept to the end of the build: every page's would add up.
    record.controls, record.controls_after = "", -1
    return content
