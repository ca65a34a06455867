"""An image written for Jekyll's URLs (`{{ site.baseurl }}/assets/x.png`, in Markdown or raw
HTML) shows in the built site under both URL styles, as the same link to the file does; one
to a file the site lacks is a finding at its line."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from support import make_project, run_build

PAGES = {
    "_config.yml": "title: Runbooks\nbaseurl: /ops\n",
    "index.md": "---\ntitle: Home\n---\n# Home\n\n"
    "![Dashboard]({{ site.baseurl }}/assets/dash.png)\n\n"
    '<img src="{{ site.baseurl }}/assets/dash.png" alt="Raw">\n\n'
    "[The file]({{ site.baseurl }}/assets/dash.png)\n",
    "guide/steps.md": "---\ntitle: Steps\n---\n# Steps\n\n"
    "![Dashboard]({{ site.baseurl }}/assets/dash.png)\n\n"
    "![Gone]({{ site.baseurl }}/assets/gone.png)\n",
}
_SRC_RE = re.compile(r'<img [^>]*?src="([^"]*)"')


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_an_image_under_the_base_url_shows(tmp_path: Path, directory_urls: bool) -> None:
    project = make_project(tmp_path, PAGES, f"use_directory_urls: {str(directory_urls).lower()}\n")
    (project / "docs" / "assets").mkdir()
    (project / "docs" / "assets" / "dash.png").write_bytes(b"\x89PNG")
    build = run_build(project, strict=False)
    assert build.returncode == 0, build.output
    warnings = re.findall(r"WARNING +- +playbook: (.*)", build.output)
    assert warnings == [
        "docs/guide/steps.md:8:9: image {{ site.baseurl }}/assets/gone.png: no such page or file"
    ]
    pages = {
        "index.html": 2,
        "guide/steps/index.html" if directory_urls else "guide/steps.html": 2,
    }
    for page, count in pages.items():
        sources = _SRC_RE.findall(build.html(page))
        assert len(sources) == count, sources
        shown = [src for src in sources if "gone" not in src]
        for src in shown:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page), src))
            assert (build.site_dir / path).is_file(), (page, src)
