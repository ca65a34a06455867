"""The extension's settings: one frozen object per build, and the site's facts beside it.

`PlaybookSettings` is built once, from `mkdocs.yml` (`from_build`, by the MkDocs plugin) or
from the extension's keyword options (`from_options`, as `markdown_extensions: - playbook:`
or a build configuration written by `prepare` gives them), with `_config.yml` read once and
the defaults of `config.py`. `SiteFacts` is what only the whole site says (its published
files, its pages, their Jekyll URLs), handed to the extension once its files are known.
`options_of` spells both as options again, for a builder without plugins (Zensical).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markdown.util import parseBoolValue
from mkdocs.exceptions import PluginError

from .config import (
    CHECKLIST_HEADINGS,
    REPOSITORY_BRANCHES,
    REPOSITORY_DOCS_ROOTS,
    SEVERITY_COLUMNS,
    UPDATE_CADENCE,
    PlaybookConfig,
)
from .jekyll.layout_parts import FooterParts
from .jekyll.liquid import site_variables, thawed
from .jekyll.site_config import SiteConfig, load_site_config
from .widgets.checklists import Checklists
from .widgets.controls import PageControls
from .widgets.render import Feature
from .widgets.runs import RunBar
from .widgets.severity import ROLES, SeverityLookup, SeveritySettings
from .widgets.template_forms import TemplateForms

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

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
    checklist_headings: tuple[str, ...] = tuple(CHECKLIST_HEADINGS)
    """Case-insensitive patterns: lists under a matching heading are checklists."""
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


EXTENSION_NAMES = ("playbook", "mkdocs_playbook.extension")
"""How mkdocs.yml may list the extension under `markdown_extensions`."""


class SettingsError(ValueError):
    """A setting the extension cannot use; the message names the file and the setting."""


_FACTS = ("jekyll_urls", "page_urls", "site_pages")


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
        if name in values:
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


def severity_settings(
    columns: Mapping[str, object], cadence: Mapping[str, object], where: str
) -> SeveritySettings:
    """mkdocs.yml's `severity_columns` and `update_cadence`, checked; `where` names the file.

    Raises `SettingsError` naming the setting that is wrong.
    """
    missing = [role for role in ROLES if not isinstance(columns.get(role), str)]
    if missing:
        raise SettingsError(
            f"{where}: plugins.playbook.severity_columns needs a header for " + ", ".join(missing)
        )
    minutes = {str(k): v for k, v in cadence.items() if isinstance(v, int)}
    if len(minutes) != len(cadence) or any(isinstance(v, bool) or v <= 0 for v in minutes.values()):
        raise SettingsError(
            f"{where}: plugins.playbook.update_cadence values must be whole minutes"
        )
    return SeveritySettings(columns={str(k): str(v) for k, v in columns.items()}, cadence=minutes)


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
        "checklist_headings": list(settings.checklist_headings),
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


def from_build(
    plugin: PlaybookConfig,
    config: MkDocsConfig,
    options: Mapping[str, Any],
    jekyll_config: str,
) -> PlaybookSettings:
    """The settings of a MkDocs build: `options` (what mkdocs.yml lists for the extension
    under `markdown_extensions`, which wins where it says something) over the plugin's
    settings and the defaults; `jekyll_config` is the `_config.yml` to read.

    Raises `PluginError` naming the file when `_config.yml` cannot be read or is malformed,
    or when a plugin setting is wrong. Call `with_site_values` once MkDocs' own settings
    have taken what `_config.yml` gives them.
    """
    config_path = os.path.basename(config.config_file_path or "mkdocs.yml")
    try:
        severity = severity_settings(plugin.severity_columns, plugin.update_cadence, config_path)
    except SettingsError as error:
        raise PluginError(str(error)) from None
    merged: dict[str, Any] = {
        "site_id": config.site_url or config.site_name,
        "checklist_headings": plugin.checklist_headings,
        "jekyll_config": jekyll_config,
        "docs_dir": config.docs_dir,
        "unsafe_attributes": plugin.unsafe_attributes,
        **options,
        "severity": severity,
        "template_loader": config.theme.get_env().loader,
        "repository_branches": plugin.repository_branches,
        "repository_docs_roots": plugin.repository_docs_roots,
    }
    try:
        settings, _ = from_options(merged, f"{config_path}: markdown_extensions.playbook")
    except OSError as error:
        raise PluginError(f"cannot read {plugin.jekyll_config}: {error}") from error
    except SettingsError as error:
        raise PluginError(str(error)) from None
    if settings.site.problem is not None:
        raise PluginError(str(settings.site.problem))
    return settings


def with_site_values(
    settings: PlaybookSettings, plugin: PlaybookConfig, config: MkDocsConfig
) -> PlaybookSettings:
    """`settings` with the repository and the `site.*` variables: `_config.yml`'s keys under
    mkdocs.yml's own values (read after `_config.yml` filled in what mkdocs.yml left unset)."""
    site = settings.site
    repository_url = repository_of(plugin, config, site)
    variables = site_variables(
        site_name=config.site_name,
        site_url=config.site_url,
        site_description=config.site_description,
        site_author=config.site_author,
        repository_url=repository_url,
        extra=plugin.site_variables,
    )
    if not variables.get("site.baseurl") and site.baseurl:
        # No site_url path to take it from: _config.yml's, as Jekyll prints it.
        variables["site.baseurl"] = site.baseurl.rstrip("/")
    return replace(
        settings,
        repository_url=repository_url,
        site_variables={**site.variables(), **variables},
    )


def repository_of(plugin: PlaybookConfig, config: MkDocsConfig, site: SiteConfig) -> str:
    """The site's repository: the plugin's setting, else `repo_url`, else the one Just the
    Docs' edit link names."""
    fallback = site.edit_link.repository if site.edit_link else ""
    return plugin.repository_url or config.repo_url or fallback


def jekyll_config_path(plugin: PlaybookConfig, config: MkDocsConfig, project_dir: str) -> str:
    """The `_config.yml` to read: the one named in mkdocs.yml, else the docs folder's."""
    if plugin.jekyll_config:
        return os.path.join(project_dir, plugin.jekyll_config)
    found = os.path.join(config.docs_dir, "_config.yml")
    return found if os.path.isfile(found) else ""


def mkdocs_defaults(config: MkDocsConfig, site: SiteConfig) -> FooterParts:
    """What the Jekyll site's settings give mkdocs.yml where it leaves them unset
    (mkdocs.yml wins); the footer its data gives."""
    if not config.site_description and site.description:
        config.site_description = site.description
    if not config.site_url and site.url:
        config.site_url = site.url.rstrip("/") + "/" + (site.baseurl or "").strip("/")
    features = config.theme.get("features")
    if site.edit_link is not None and isinstance(features, list):
        # Material shows page.edit_url only with this feature; mkdocs.yml's repo_url and
        # edit_uri, when set, win (page.edit_url is then set already).
        if "content.action.edit" not in features:
            features.append("content.action.edit")
    footer = FooterParts.from_site(site.data)
    if not config.copyright and footer.copyright:
        config.copyright = footer.copyright
    if footer.back_to_top and isinstance(features, list):
        if "navigation.top" not in features:
            features.append("navigation.top")
    return footer


def listed_options(config: MkDocsConfig) -> dict[str, Any]:
    """What a site that lists `playbook` under markdown_extensions says for it: taken out
    of the list (the plugin adds the extension), and kept."""
    options: dict[str, Any] = {}
    for name in EXTENSION_NAMES:
        if name in config.markdown_extensions:
            config.markdown_extensions.remove(name)
            options.update(config.mdx_configs.pop(name, {}) or {})
    return options
