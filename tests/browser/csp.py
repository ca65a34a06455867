"""Harness: the built site served under a strict Content-Security-Policy that records reports.

Widget tests plug in through the `csp_site` fixture (tests/browser/conftest.py): open
`csp_site.url + PAGE` with `open_page`, operate the widget, then `assert_no_violations`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from browsing import Visit
from localserver import QuietHandler, serve

# The site's policy, which every page also carries as <meta http-equiv> (mkdocs.yml,
# `extra.content_security_policy`): no inline script, no eval; inline styles only (Material sets
# style attributes from script); data: images only for Material's icons opened from disk, where
# Chromium refuses icon files as masks. font-src and the rest fall back to 'self'.
STRICT_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
)
REPORT_PATH = "/__csp-report"


@dataclass
class CspSite:
    """The site's base URL under the policy, and the violation reports the browser sent."""

    url: str
    policy: str
    reports: list[dict[str, object]] = field(default_factory=list)


class _CspHandler(QuietHandler):
    site: CspSite

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", f"{self.site.policy}; report-uri {REPORT_PATH}")
        super().end_headers()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if self.path == REPORT_PATH:
            try:
                self.site.reports.append(json.loads(body or b"{}"))
            except ValueError:
                self.site.reports.append({"unreadable": body.decode("utf-8", "replace")})
        self.send_response(204)
        self.end_headers()


@contextmanager
def serve_with_policy(directory: Path, policy: str = STRICT_POLICY) -> Iterator[CspSite]:
    """Serve `directory` on 127.0.0.1 with `policy` and a report endpoint, for the block."""
    site = CspSite("", policy)
    with serve(directory, handler=type("Handler", (_CspHandler,), {"site": site})) as url:
        site.url = url
        yield site


def assert_no_violations(visit: Visit, site: CspSite) -> None:
    """Fails on any violation the page saw (its `securitypolicyviolation` events) or reported."""
    # Reports travel asynchronously; the events are synchronous and name the same violations.
    visit.page.wait_for_timeout(100)
    assert visit.csp_violations == [], visit.csp_violations
    assert site.reports == [], site.reports
