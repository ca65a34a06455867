"""Our scripts and stylesheet are served minified, and as written when asked, and every page
stays within the weight the benchmarks hold it to."""

from __future__ import annotations

from pathlib import Path

from bench.report import ASSETS_GZIP_TARGET
from bench.weight import page_weight
from mkdocs_playbook.static import ASSETS_DIR
from support import make_project, run_build

PAGES = {"index.md": "# Home\n\n- [ ] step\n"}


def test_assets_are_served_minified_without_their_comments(tmp_path: Path) -> None:
    build = run_build(make_project(tmp_path, PAGES))
    assert build.returncode == 0, build.output
    for name in ("store.js", "playbook.css"):
        source = (ASSETS_DIR / name).read_text(encoding="utf-8")
        served = (build.site_dir / "assets/playbook" / name).read_text(encoding="utf-8")
        assert "/*" in source and "/*" not in served
        assert len(served) < 0.8 * len(source)
    assert "window.playbookStore=Object.freeze(" in (
        build.site_dir / "assets/playbook/store.js"
    ).read_text(encoding="utf-8")


def test_minify_assets_false_serves_them_as_written(tmp_path: Path) -> None:
    options = "      minify_assets: false\n"
    build = run_build(make_project(tmp_path, PAGES, plugin_options=options))
    assert build.returncode == 0, build.output
    served = (build.site_dir / "assets/playbook/store.js").read_text(encoding="utf-8")
    assert served == (ASSETS_DIR / "store.js").read_text(encoding="utf-8")


def test_every_page_loads_less_than_15_kb_of_our_assets_gzipped(tmp_path: Path) -> None:
    # The figure scripts/bench reports: every script and stylesheet that loads on every page,
    # as served (minified), gzipped. The run page's own assets load there only.
    build = run_build(make_project(tmp_path, PAGES))
    assert build.returncode == 0, build.output
    weight = page_weight(build.site_dir, "index.html")
    assert weight["requests_added"] == weight["requests_expected"]
    assert weight["gzip"] < ASSETS_GZIP_TARGET, weight["assets"]
    names = [asset["name"] for asset in weight["assets"]]
    assert not {"runstate.js", "run_page.js", "run_page.css"} & set(names)
