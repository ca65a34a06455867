"""Builds without MkDocs plugins (Zensical): what the plugin would do, done beforehand, and
the plugin's checks run afterwards over what was built.

`prepare` reads the site's mkdocs.yml as MkDocs reads it and runs the plugin's own
configuration and file steps, then writes what a builder without plugins needs:

- a docs folder of its own (`.playbook/docs`): every published file of the site's docs
  folder, linked, and the files the plugin generates (the incident run page, our assets);
- a build configuration beside the site's (`mkdocs.zensical.yml`): the site's own settings,
  with that docs folder, the nav computed from front matter, our extension with the
  plugin's options spelled out, and our stylesheets and scripts.

`check` replays the plugin's page and build steps over the pages and the built HTML: the
same page models, the same link validation and lint as a MkDocs build, with the theme's
links read from what Zensical wrote. Nothing is implemented twice: both drive `PlaybookPlugin`.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import yaml_load

from .build_settings import EXTENSION_NAMES
from .plugin import PlaybookPlugin
from .settings import options_of

GENERATED = ".playbook"
"""Folder, beside mkdocs.yml, for what `prepare` generates (not for version control)."""
MARK = "# Written by `python -m mkdocs_playbook prepare`"
"""How the build configuration `prepare` writes starts: one without it is not ours to replace."""

log = logging.getLogger("mkdocs.plugins.playbook")


class PrepareError(Exception):
    """`prepare` will not write where it was asked to: the message names the path and why."""


@dataclass(frozen=True)
class Prepared:
    """What `prepare` wrote."""

    config_file: Path
    """The build configuration, beside the site's own."""
    docs_dir: Path
    pages: int


def prepared_config_path(config_file: Path) -> Path:
    """`mkdocs.yml` -> `mkdocs.zensical.yml`, in the same folder."""
    return config_file.with_name(f"{config_file.stem}.zensical{config_file.suffix or '.yml'}")


def prepare(config_file: Path, *, force: bool = False) -> Prepared:
    """Write the docs folder and build configuration a builder without plugins needs.

    Raises `PrepareError`, before anything is written, when `.playbook` (or its `docs`) is a
    link or not a folder of the project's own, and when the build configuration is there but
    was not written by `prepare` (unless `force`).
    """
    project = config_file.parent
    docs = _own_folder(project, Path(GENERATED, "docs"))
    prepared = prepared_config_path(config_file)
    _check_replaceable(prepared, force=force)
    config, plugin, files = _load(config_file)
    for _ in _rendered_pages(config, plugin, files):
        pass  # the plugin learns what only the whole site says: its severities
    if docs.exists():
        # Checked again just before: what is removed is the project's own folder, not a link.
        _own_folder(project, Path(GENERATED, "docs"))
        shutil.rmtree(docs)  # removes the links inside, never what they point to
    for file in files:
        target = docs / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if file is plugin.runs.file:
            # With the post-incident template its draft fills, as the plugin gives it.
            target.write_text(
                plugin.runs.with_review_template(file.content_string, config), encoding="utf-8"
            )
        elif file.generated_by is not None or not file.abs_src_path:
            target.write_bytes(file.content_bytes)
        else:
            # A link, not a copy: an edit to the page is in the next build.
            target.symlink_to(os.path.relpath(file.abs_src_path, target.parent))
    if prepared.is_symlink():
        prepared.unlink()  # with --force: the link is replaced, what it points to is not written
    prepared.write_text(
        f"{MARK} from {config_file.name}: edit that file, not this one.\n"
        + yaml.safe_dump(_build_config(config_file, config, plugin), sort_keys=False),
        encoding="utf-8",
    )
    return Prepared(prepared, docs, len(files.documentation_pages()))


def _own_folder(project: Path, folder: Path) -> Path:
    """`project / folder`, refused when it, or a folder on the way to it, is a link or no
    folder, or resolves anywhere but inside the project: `prepare` deletes and writes there."""
    real_project = Path(os.path.realpath(project))
    path = project
    for part in folder.parts:
        path = path / part
        if path.is_symlink():
            raise PrepareError(
                f"{path} is a symbolic link (to {os.readlink(path)}): prepare writes and "
                "deletes only in a folder of the project's own; remove the link"
            )
        if path.exists() and not path.is_dir():
            raise PrepareError(f"{path} is not a folder: prepare writes its pages there")
    if path.exists() and Path(os.path.realpath(path)) != real_project / folder:
        raise PrepareError(
            f"{path} resolves to {os.path.realpath(path)}, outside the project: prepare "
            "writes and deletes only in a folder of the project's own"
        )
    return path


def _check_replaceable(prepared: Path, *, force: bool) -> None:
    """Refuse to replace a build configuration `prepare` did not write, unless `force`."""
    if force or not (prepared.exists() or prepared.is_symlink()):
        return
    if not prepared.is_symlink() and _first_line(prepared).startswith(MARK):
        return
    what = "is a symbolic link" if prepared.is_symlink() else "was not written by prepare"
    raise PrepareError(
        f"{prepared} {what} (its first line is not `{MARK} ...`): move it away, or run "
        "prepare with --force to overwrite it"
    )


def _first_line(path: Path) -> str:
    try:
        with path.open(encoding="utf-8") as stream:
            return stream.readline()
    except (OSError, UnicodeDecodeError):
        return ""  # unreadable: not one prepare wrote


def check(config_file: Path) -> int:
    """Run the plugin's checks over the pages and the site Zensical built; the number of
    findings that fail a strict build."""
    config, plugin, files = _load(config_file)
    site_dir = Path(config.site_dir)
    for page in _rendered_pages(config, plugin, files):
        built = site_dir / page.file.dest_uri
        if built.is_file():
            output = built.read_text(encoding="utf-8")
            # The theme's links are what stands around the page's content as Zensical wrote it.
            page.content = _content_of(output) or page.content
            plugin.on_post_page(output, page=page, config=config)
    plugin.on_env(None, config=config, files=files)
    plugin.on_post_build(config=config)
    return sum(1 for finding in plugin.findings.sorted() if finding.level == "warning")


def _rendered_pages(config: MkDocsConfig, plugin: PlaybookPlugin, files: Files) -> Iterator[Page]:
    """Each page rendered from Markdown as a MkDocs build renders it, the plugin's page step
    included (which collects the page's model)."""
    for file in files.documentation_pages():
        page = Page(None, file, config)
        page.read_source(config)
        markdown_text = page.markdown or ""
        plugin.on_page_markdown(markdown_text, page=page, config=config, files=files)
        converter = markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        )
        page.content = converter.convert(markdown_text)
        yield page


def _load(config_file: Path) -> tuple[MkDocsConfig, PlaybookPlugin, Files]:
    """The site's configuration and files as a MkDocs build has them once every plugin's
    configuration and file steps ran (ours computes the nav and adds its files there)."""
    config = load_config(str(config_file))
    plugin = config.plugins.get("playbook")
    if not isinstance(plugin, PlaybookPlugin):
        raise SystemExit(f"{config_file}: plugins has no `playbook`: nothing to prepare")
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    return config, plugin, files


def _build_config(config_file: Path, config: MkDocsConfig, plugin: PlaybookPlugin) -> Any:
    """The site's own settings (as written), with what the plugin would have done."""
    with open(config_file, encoding="utf-8") as stream:
        written = yaml_load(stream) or {}
    built: dict[str, Any] = dict(written)
    built["docs_dir"] = f"{GENERATED}/docs"
    if config.nav:
        built["nav"] = config.nav
    if config.site_description and not written.get("site_description"):
        built["site_description"] = config.site_description
    if config.site_url and not written.get("site_url"):
        built["site_url"] = config.site_url
    built["plugins"] = [
        entry for entry in written.get("plugins", []) if _plugin_name(entry) != "playbook"
    ]
    extensions = [
        entry
        for entry in written.get("markdown_extensions", [])
        if _plugin_name(entry) not in EXTENSION_NAMES
    ]
    run_bar = plugin.runs.bar_settings() if plugin.runs.file is not None else None
    options = options_of(plugin.settings, plugin.facts, plugin.custom_dir, run_bar)
    built["markdown_extensions"] = [*extensions, {"playbook": options}]
    built["extra_css"] = [_asset(entry) for entry in config.extra_css]
    built["extra_javascript"] = [_asset(entry) for entry in config.extra_javascript]
    theme = dict(written.get("theme") or {})
    features = config.theme.get("features")
    if isinstance(features, list) and features:
        theme["features"] = list(features)
    if theme:
        built["theme"] = theme
    return built


def _content_of(output: str) -> str | None:
    """The content of a built page (inside Material's `md-content__inner` article)."""
    start = output.find('<article class="md-content__inner')
    end = output.rfind("</article>")
    if start < 0 or end < start:
        return None
    start = output.find(">", start) + 1
    # Zensical's template puts the skip link's target first in the article: the theme's.
    skip = output.find('<a id="__skip"', start, end)
    if skip >= 0 and not output[start:skip].strip():
        start = output.find("</a>", skip) + len("</a>")
    return output[start:end]


def _plugin_name(entry: Any) -> str:
    if isinstance(entry, dict):
        return str(next(iter(entry), ""))
    return str(entry)


def _asset(entry: Any) -> Any:
    """An extra_css or extra_javascript entry as the configuration writes it."""
    return str(entry) if not isinstance(entry, (str, dict)) else entry
