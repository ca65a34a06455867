"""What `unsafe_attributes: true` lets an author write (event handlers and `javascript:` URLs
in attribute lists and `{% link %}`) runs no script under the site's Content-Security-Policy:
Chromium blocks each, as the README's Security section says."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from csp import STRICT_POLICY

from browsing import Visit
from support import ROOT, make_project, run_build

PAGE = """\
# Payloads {: #heading onclick="window.ran = 'heading'" }

[Runbook]({% link javascript:window.ran='link' %}){: #link }

[Status](index.md){: #href href="JaVaScRiPt:window.ran='href'" }

[Hover](index.md){: #hover onmouseover="window.ran = 'hover'" }
"""


@pytest.fixture(scope="module")
def payloads_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The page, built with unsafe_attributes: true, this site's overrides and its policy."""
    root = make_project(
        tmp_path_factory.mktemp("trusted"),
        {"index.md": PAGE},
        f'extra:\n  content_security_policy: "{STRICT_POLICY}"\n',
        "      unsafe_attributes: true\n",
    )
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # This site's overrides: overrides/main.html writes the policy into each page's head.
    text = text.replace("  font: false\n", f"  font: false\n  custom_dir: {ROOT / 'overrides'}\n")
    config.write_text(text, encoding="utf-8")
    build = run_build(root, strict=False)
    assert build.returncode == 0, build.output[-3000:]
    html = build.html("index.html")
    assert f'<meta http-equiv="Content-Security-Policy" content="{STRICT_POLICY}' in html.replace(
        "&#39;", "'"
    )
    return (build.site_dir / "index.html").as_uri()


@pytest.mark.parametrize("target", ["#heading", "#link", "#href", "#hover"])
def test_each_payload_is_blocked(
    open_page: Callable[[str], Visit], payloads_url: str, target: str
) -> None:
    visit = open_page(payloads_url)
    page = visit.page
    element = page.locator(target)
    assert element.count() == 1, page.content()[:3000]
    element.hover()
    if target != "#hover":  # its link leads to a page; the handler is the payload
        element.click(no_wait_after=True)
    # The violation is reported through an exposed function, a moment after the act.
    for _ in range(100):
        if visit.csp_violations:
            break
        page.wait_for_timeout(50)
    assert [v for v in visit.csp_violations if v.startswith("script-src")], visit.csp_violations
    assert page.evaluate("() => window.ran") is None
    assert visit.dialogs == []
