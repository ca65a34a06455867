"""python-liquid is imported by the first page that holds Liquid, not by every build: a site
without Liquid does not pay for loading it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from support import ROOT

SCRIPT = textwrap.dedent(
    """
    import sys

    import markdown

    import mkdocs_playbook.plugin
    from mkdocs_playbook.extension import PlaybookExtension

    md = markdown.Markdown(extensions=[PlaybookExtension()])
    md.convert("# Page\\n\\n- [ ] a task, { braces } and 100% sure\\n")
    print("liquid" in sys.modules)
    md.convert("# {{ site.title }}\\n")
    print("liquid" in sys.modules)
    """
)


def test_python_liquid_loads_with_the_first_page_that_holds_liquid() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]
