"""Render a publishing fixture with real Jekyll; write what it publishes, as pages and files.

Usage: scripts/jekyll-publishing FIXTURE_DIR

FIXTURE_DIR holds `docs/`, a Jekyll source with its `_config.yml`. It is rendered twice in a
temporary folder by the `jekyll` on PATH (Debian's 4.3.1): as it is, and with the plugins
GitHub Pages always runs added to `plugins:` (Debian's ruby-jekyll-optional-front-matter
0.3.2, -readme-index 0.3.0, -titles-from-headings 0.5.3, -relative-links 0.7.0,
-default-layout 0.1.5; the github-pages gem itself is not packaged). A report page added to
the copy lists `site.pages` (path, url, title) and `site.static_files` (path); the lists, the
report left out, are written to FIXTURE_DIR/expected-jekyll.json and
expected-github-pages.json. Nothing here runs at test time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

# github/pages-gem `GitHubPages::Plugins::DEFAULT_PLUGINS` that change what is published.
GITHUB_PAGES_PLUGINS = (
    "jekyll-optional-front-matter",
    "jekyll-readme-index",
    "jekyll-titles-from-headings",
    "jekyll-relative-links",
    "jekyll-default-layout",
)
REPORT = "playbook-report.json"
REPORT_PAGE = """---
layout: null
---
{"pages": [{% for p in site.pages %}{"path": {{ p.path | jsonify }}, "url": {{ p.url | jsonify }},
 "title": {{ p.title | jsonify }}}{% unless forloop.last %},{% endunless %}{% endfor %}],
 "static_files": [{% for f in site.static_files %}{{ f.path | remove_first: site.source
 | jsonify }}{% unless forloop.last %},{% endunless %}{% endfor %}]}
"""


def render(docs: Path, github_pages: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "source"
        shutil.copytree(docs, source)
        (source / REPORT).write_text(REPORT_PAGE, encoding="utf-8")
        if github_pages:
            with (source / "_config.yml").open("a", encoding="utf-8") as config:
                config.write("plugins:\n" + "".join(f"  - {p}\n" for p in GITHUB_PAGES_PLUGINS))
        subprocess.run(
            ["jekyll", "build", "--source", str(source), "--destination", f"{folder}/site"],
            check=True,
            capture_output=True,
        )
        report = json.loads((Path(folder) / "site" / REPORT).read_text(encoding="utf-8"))
        version = subprocess.run(["jekyll", "--version"], capture_output=True, text=True)
    pages = sorted(
        (page for page in report["pages"] if page["path"] != REPORT), key=lambda p: p["path"]
    )
    return {
        "jekyll": version.stdout.strip(),
        "plugins": list(GITHUB_PAGES_PLUGINS) if github_pages else [],
        "pages": pages,
        "static_files": sorted(path.lstrip("/") for path in report["static_files"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("fixture", type=Path)
    fixture = parser.parse_args().fixture.resolve()
    for name, github_pages in (("expected-jekyll", False), ("expected-github-pages", True)):
        rendered = render(fixture / "docs", github_pages)
        path = fixture / f"{name}.json"
        path.write_text(json.dumps(rendered, indent=2, ensure_ascii=False) + "\n", "utf-8")
        print(path)


if __name__ == "__main__":
    main()
