"""The plugin's settings under `plugins: - playbook:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class PlaybookConfig(base.Config):
    navigation = c.Type(bool, default=True)
    """Build the nav from Just the Docs front matter when mkdocs.yml has no `nav:`."""

    repository_url = c.Optional(c.URL())
    """`site.github.repository_url`; defaults to mkdocs.yml's `repo_url`."""

    repository_branches = c.ListOfItems(c.Type(str), default=["main", "master"])
    """Branches whose `/blob/` links may be rewritten to in-site pages."""

    repository_docs_roots = c.ListOfItems(c.Type(str), default=["docs/", ""])
    """Repository folders that hold the docs, tried in order when mapping a repository path."""

    site_variables = c.Type(dict, default={})
    """Extra `site.*` values, as in Jekyll's `_config.yml` (nested mappings become dotted)."""

    severity_columns = c.Type(
        dict,
        default={
            "severity": "Severity",
            "description": "Description",
            "examples": "Examples",
            "owner": "Primary Owner",
        },
    )
    """Headers of the severity matrix's columns; a table whose first header is the `severity`
    one is a severity matrix."""

    update_cadence = c.Type(dict, default={"default": 15})
    """Minutes between stakeholder updates by severity (`default` for the others)."""
