"""The extension's settings: one frozen object per build, and the site's facts beside it.

`PlaybookSettings` is built once, from `mkdocs.yml` (`build_settings`, by the MkDocs plugin) or
from the extension's keyword options (`from_options`, as `markdown_extensions: - playbook:`
or a build configuration written by `prepare` gives them), with `_config.yml` read once and
the defaults of `config.py`. `SiteFacts` is what only the whole site says (its published
files, its pages, their Jekyll URLs), handed to the extension once its files are known.
`options_of` spells both as options again, for a builder without plugins (Zensical).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markdown.util import parseBoolValue

from .config import (
    CHECKLIST_HEADINGS,
    REPOSITORY_BRANCHES,
    REPOSITORY_DOCS_ROOTS,
    SEVERITY_COLUMNS,
    UPDATE_CADENCE,
)
from .jekyll.liquid import thawed
from .jekyll.site_config import SiteConfig, load_site_config
from .widgets.checklists import Checklists
from .widgets.controls import PageControls
from .widgets.render import Feature
from .widgets.runs import RunBar
from .widgets.severity import SeverityLookup, SeveritySettings
from .widgets.template_forms import TemplateForms

WIDGETS: tuple[Callable[[], Feature], ...] = (
    Checklists,
    SeverityLookup,
    TemplateForms,
    RunBar,
    PageControls,
)
"""The widget kinds (the `widgets` option's default), made anew for each page: each reads its
part of the page model, then renders its markup; `PageControls` last, to render once the
controls the others cloned. A tuple: a site or a test passes its own list as the option,
never by changing this one."""


@dataclass(frozen=True)
class RunBarSettings:
    """The run bar the extension puts first in every page, where no plugin places it in the
    theme (Zensical)."""

    page: str = ""
    """The run page's URL from the site's root; empty: no bar."""
    levels: tuple[str, ...] = ()
    """The site's severities, most severe first."""
    update: str = ""
    """The stakeholder update template, as `page URL#form id` from the site's root."""


@dataclass(frozen=True)
class PlaybookSettings:
    """Everything the extension is told once per build."""

    site_id: str = ""
    """Names this site's stored state; empty: scripts use the origin."""
    severity: SeveritySettings = field(default_factory=SeveritySettings)
    """How severity matrices are found; the update cadence."""
    checklist_headings: tuple[str, ...] | None = None
    """Case-insensitive patterns: lists under a matching heading are checklists; None: the
    site set none (`CHECKLIST_HEADINGS` apply, and a heading of theirs with no list under it
    is prose, not a checklist left empty)."""
    site_variables: Mapping[str, str] = field(default_factory=dict)
    """`site.*` values by dotted name (`{{ site.title }}`): mkdocs.yml's over `_config.yml`'s."""
    repository_url: str = ""
    """The site's repository: its /blob/ links become page links."""
    repository_branches: tuple[str, ...] = REPOSITORY_BRANCHES
    """Branches whose links are rewritten."""
    repository_docs_roots: tuple[str, ...] = REPOSITORY_DOCS_ROOTS
    """Repository folders that hold the docs."""
    jekyll_config: str = ""
    """The site's Jekyll `_config.yml`; empty: none."""
    site: SiteConfig = field(default_factory=SiteConfig)
    """That file, read once (empty without one)."""
    docs_dir: str = ""
    """The docs folder, where `{% include %}` and `{% link %}` look."""
    unsafe_attributes: bool = False
    """Let attribute lists and `{% link %}` give event handlers and `javascript:` URLs."""
    widgets: tuple[Callable[[], Feature], ...] = WIDGETS
    """The widget kinds each page's model is handed to, in order."""
    template_loader: jinja2.BaseLoader | None = None
    """Searched before the bundled fragments: the theme's."""
    run_bar: RunBarSettings = field(default_factory=RunBarSettings)
    """The run bar first in every page, where no plugin places it."""

    @property
    def heading_patterns(self) -> tuple[str, ...]:
        """The patterns in force: the site's, else `CHECKLIST_HEADINGS`."""
        if self.checklist_headings is None:
            return tuple(CHECKLIST_HEADINGS)
        return self.checklist_headings


@dataclass(frozen=True)
class SiteFacts:
    """What the whole site says, known once its files are read: one object per build, handed
    to the extension (`PlaybookExtension.know_site`), never set piece by piece."""

    published: Container[str] | None = None
    """Docs paths of every file the site publishes; None: every file of `docs_dir`."""
    jekyll_urls: Mapping[str, str] = field(default_factory=dict)
    """Each page's Jekyll URL by docs path: links written for Jekyll lead to the page."""
    page_urls: Mapping[str, str] = field(default_factory=dict)
    """Each page's URL in the built site by docs path, for links in raw HTML."""
    site_pages: Sequence[Mapping[str, Any]] = ()
    """`site.pages` for Liquid: each page's front matter, `url` and `path`."""
    defaulted: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """The keys `_config.yml`'s defaults give each page, by docs path: a page Zensical
    renders has only its own front matter (the plugin's pages get them on their record)."""


class SettingsError(ValueError):
    """A setting the extension cannot use; the message names the file and the setting."""


_FACTS = ("jekyll_urls", "page_urls", "site_pages", "defaulted")


def from_options(
    options: Mapping[str, Any], where: str = "markdown_extensions.playbook"
) -> tuple[PlaybookSettings, SiteFacts]:
    """The settings and facts the extension's keyword options give (`makeExtension(**kwargs)`):
    what mkdocs.yml lists under `markdown_extensions`, or the build configuration `prepare`
    writes. `where` names them in errors.

    Raises `KeyError` for an unknown option (as Python-Markdown does), `SettingsError` for a
    value of the wrong kind, and `OSError` when `jekyll_config` cannot be read.
    """
    known = {name for name in PlaybookSettings.__dataclass_fields__ if name != "site"}
    unknown = sorted(set(options) - known - set(_FACTS))
    if unknown:
        raise KeyError(f"{where}: no option {', '.join(unknown)}; options: {sorted(known)}")
    values: dict[str, Any] = {k: v for k, v in options.items() if k not in _FACTS}
    for name in ("checklist_headings", "repository_branches", "repository_docs_roots", "widgets"):
        # An unset `checklist_headings` stays None: the site set no patterns of its own.
        if name in values and not (name == "checklist_headings" and values[name] is None):
            values[name] = tuple(values[name])
    if "unsafe_attributes" in values:
        values["unsafe_attributes"] = bool(parseBoolValue(values["unsafe_attributes"]))
    if "severity" in values:
        values["severity"] = _severity(values["severity"])
    if "run_bar" in values:
        values["run_bar"] = _run_bar(values["run_bar"], f"{where}.run_bar")
    loader = values.get("template_loader") or None
    if isinstance(loader, str):  # a folder, as a build configuration names it
        loader = jinja2.FileSystemLoader(loader)
    values["template_loader"] = loader
    path = values.get("jekyll_config") or ""
    values["site"] = load_site_config(Path(path)) if path else SiteConfig()
    facts = SiteFacts(
        jekyll_urls=dict(options.get("jekyll_urls") or {}),
        page_urls=dict(options.get("page_urls") or {}),
        site_pages=tuple(options.get("site_pages") or ()),
        defaulted=dict(options.get("defaulted") or {}),
    )
    return PlaybookSettings(**values), facts


def _severity(value: object) -> SeveritySettings:
    """Severity settings given as such (by the MkDocs plugin) or as a mapping (`columns:`,
    `cadence:`, in a build configuration)."""
    if isinstance(value, SeveritySettings):
        return value
    if isinstance(value, Mapping):
        columns, cadence = value.get("columns"), value.get("cadence")
        return SeveritySettings(
            columns=dict(columns) if isinstance(columns, Mapping) else dict(SEVERITY_COLUMNS),
            cadence={str(k): int(v) for k, v in cadence.items()}
            if isinstance(cadence, Mapping)
            else dict(UPDATE_CADENCE),
        )
    return SeveritySettings()


def _run_bar(value: object, where: str) -> RunBarSettings:
    if isinstance(value, RunBarSettings):
        return value
    if not isinstance(value, Mapping):
        raise SettingsError(f"{where}: a mapping of `page`, `levels` and `update`")
    return RunBarSettings(
        page=str(value.get("page") or ""),
        levels=tuple(str(level) for level in value.get("levels") or ()),
        update=str(value.get("update") or ""),
    )


def options_of(
    settings: PlaybookSettings,
    facts: SiteFacts,
    custom_dir: str = "",
    run_bar: RunBarSettings | None = None,
) -> dict[str, Any]:
    """The settings and facts as a build configuration spells the extension's options (for
    Zensical, which runs the extension without the plugin): plain values, paths absolute."""
    options: dict[str, Any] = {
        "site_id": settings.site_id,
        "checklist_headings": None
        if settings.checklist_headings is None
        else list(settings.checklist_headings),
        "site_variables": dict(settings.site_variables),
        "jekyll_urls": dict(facts.jekyll_urls),
        "page_urls": dict(facts.page_urls),
        "repository_url": settings.repository_url,
        "repository_branches": list(settings.repository_branches),
        "repository_docs_roots": list(settings.repository_docs_roots),
        "unsafe_attributes": settings.unsafe_attributes,
    }
    for name in ("jekyll_config", "docs_dir"):
        path = getattr(settings, name)
        options[name] = os.path.abspath(path) if path else ""
    severity = settings.severity
    options["severity"] = {"columns": dict(severity.columns), "cadence": dict(severity.cadence)}
    options["site_pages"] = thawed(facts.site_pages)
    options["defaulted"] = thawed(facts.defaulted)
    if custom_dir:
        # The site's own widget fragments (`overrides/playbook/*.html`).
        options["template_loader"] = os.path.abspath(custom_dir)
    if run_bar is not None:
        # Placed by the extension, as no plugin places it in the theme.
        options["run_bar"] = {
            "page": run_bar.page,
            "levels": list(run_bar.levels),
            "update": run_bar.update,
        }
    return options
