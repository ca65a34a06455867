"""The settings of one MkDocs build (the `on_config` phase): mkdocs.yml's plugin settings,
what it lists for the extension under `markdown_extensions`, and the Jekyll `_config.yml`,
made into the one `PlaybookSettings` the extension is given; and what `_config.yml` gives
mkdocs.yml where it leaves a setting unset.

Errors are `PluginError`s naming the file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from .config import PlaybookConfig
from .jekyll.layout_parts import FooterParts
from .jekyll.liquid import site_variables
from .jekyll.site_config import SiteConfig
from .settings import PlaybookSettings, SettingsError, from_options
from .widgets.severity import ROLES, SeveritySettings

EXTENSION_NAMES = ("playbook", "mkdocs_playbook.extension")
"""How mkdocs.yml may list the extension under `markdown_extensions`."""


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
