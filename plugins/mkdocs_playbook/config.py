"""The plugin's settings under `plugins: - playbook:` in mkdocs.yml."""

from __future__ import annotations

import re

from mkdocs.config import base
from mkdocs.config import config_options as c

_LEVELS = ("warning", "info", "ignore")

# Defaults the extension shares, so it uses the same ones without the plugin (under Zensical).
SEVERITY_COLUMNS = {
    "severity": "Severity",
    "description": "Description",
    "examples": "Examples",
    "owner": "Primary Owner",
}
"""Headers of the severity matrix's columns, by the role each column plays."""
UPDATE_CADENCE = {"default": 15}
"""Minutes between stakeholder updates: the playbook's 'every 15 minutes minimum'."""
REPOSITORY_BRANCHES = ("main", "master")
"""Branches whose `/blob/` links may be rewritten to in-site pages, by default."""
REPOSITORY_DOCS_ROOTS = ("docs/", "")
"""Repository folders that hold the docs, by default."""
CHECKLIST_HEADINGS = [r"\bchecklists?\b"]
"""Heading patterns whose lists are checklists, when the site sets none: the whole word, so
German prose headings ("Entwicklungs-Checkliste") are not taken for checklists."""


class LinkSettings(base.Config):
    """Levels per kind: `warning` fails `mkdocs build --strict`, `info` lists, `ignore` hides."""

    missing_page = c.Choice(_LEVELS, default="warning")
    """A link or image to no page or file of the site (names are case-sensitive)."""
    missing_anchor = c.Choice(_LEVELS, default="warning")
    """A `#fragment` that is no id of the target page's final HTML."""
    ambiguous_anchor = c.Choice(_LEVELS, default="warning")
    """A link to a heading whose text repeats on its page (`#added`, `#added_1`): which one
    it names depends on their order. Repeated headings nobody links to are fine."""
    outside_docs = c.Choice(_LEVELS, default="warning")
    """A relative link to a repository file outside docs/, which the site does not hold."""
    repository = c.Choice(_LEVELS, default="warning")
    """A repository link (`/blob/<branch>/path`) to a path missing from the working tree."""
    external = c.Choice(_LEVELS, default="warning")
    """An external link that does not answer in online mode (offline, each is listed as info)."""
    folder = c.Choice(_LEVELS, default="warning")
    """A link to a folder, which lists files from file:// (with `use_directory_urls: false`)."""
    online = c.Type(bool, default=False)
    """Fetch external links (HEAD, then GET), a few at a time, caching good answers on disk."""
    online_cache = c.Type(str, default=".cache/playbook/external-links.json")
    """Cache of external links found good, relative to mkdocs.yml; empty: no cache."""
    online_cache_hours = c.Type((int, float), default=24)
    """How long a good answer is trusted."""
    online_concurrency = c.Type(int, default=4)
    """External links fetched at once."""
    online_timeout = c.Type((int, float), default=10)
    """Seconds to wait for one external link."""
    junit_report = c.Type(str, default="")
    """Write the build's findings to this JUnit XML file (relative to mkdocs.yml)."""
    github_annotations = c.Choice(("auto", "always", "never"), default="auto")
    """Print findings as GitHub Actions annotations; `auto`: when `GITHUB_ACTIONS` is set."""


class RunSettings(base.Config):
    """Incident runs: the generated run page and the run bar in every page's header."""

    page = c.Type(str, default="")
    """Path of the generated run page (declare, timeline, export, hand-off), e.g.
    `incident-run.md`; empty (the default): no runs, ticks and values are simply kept."""
    title = c.Type(str, default="Incident Run")
    parent = c.Type(str, default="")
    """`title` of the page it is placed under in the nav, as a page's `parent`."""
    nav_order = c.Optional(c.Type((int, float, str)))
    review_template = c.Type(str, default="")
    """The post-incident template the run page drafts a review from: a page and the id of the
    heading whose first template it is, as a link names them
    (`POST_LAUNCH_SUPPORT_OPTIMIZATION.md#post-incident-template`); empty: no draft."""


class _RegularExpression(c.Type[str]):
    """A string that must compile as a regular expression."""

    def run_validation(self, value: object) -> str:
        pattern = super().run_validation(value)
        try:
            re.compile(pattern)
        except re.error as error:
            message = f"{pattern!r} is not a regular expression: {error}"
            raise base.ValidationError(message) from None
        return pattern


class PlaybookConfig(base.Config):
    navigation = c.Type(bool, default=True)
    """Build the nav from Just the Docs front matter when mkdocs.yml has no `nav:`."""
    github_pages = c.Choice(("auto", True, False), default="auto")
    """Whether a Jekyll site is built by GitHub Pages, whose plugins publish more (Markdown
    without front matter, READMEs as indexes); `auto`: when its Gemfile has the github-pages
    gem or `_config.yml` has `remote_theme`."""

    repository_url = c.Optional(c.URL())
    """`site.github.repository_url`; defaults to mkdocs.yml's `repo_url`."""

    repository_branches = c.ListOfItems(c.Type(str), default=list(REPOSITORY_BRANCHES))
    """Branches whose `/blob/` links may be rewritten to in-site pages."""

    repository_docs_roots = c.ListOfItems(c.Type(str), default=list(REPOSITORY_DOCS_ROOTS))
    """Repository folders that hold the docs, tried in order when mapping a repository path."""

    jekyll_config = c.Type(str, default="")
    """The site's Jekyll `_config.yml`, relative to mkdocs.yml; empty: `_config.yml` in the
    docs folder, when there is one. Its keys are `site.*` variables, and its callouts,
    nav_sort, nav_external_links, aux_links, exclude, gh_edit_* settings apply; mkdocs.yml
    wins where both say something."""

    site_variables = c.Type(dict, default={})
    """Extra `site.*` values, as in Jekyll's `_config.yml` (nested mappings become dotted)."""

    links = c.SubConfig(LinkSettings)
    """Link validation: a level per kind of broken link, online mode and CI reports."""

    severity_columns = c.Type(dict, default=SEVERITY_COLUMNS)
    """Headers of the severity matrix's columns; a table whose first header is the `severity`
    one is a severity matrix."""

    update_cadence = c.Type(dict, default=UPDATE_CADENCE)
    """Minutes between stakeholder updates by severity (`default` for the others, 15 when
    not given)."""
    checklist_headings = c.Optional(c.ListOfItems(_RegularExpression(str)))
    """Case-insensitive regular expressions: lists under a matching heading are checklists;
    unset: `CHECKLIST_HEADINGS`, and a matching heading with no list is no finding."""

    unsafe_attributes = c.Type(bool, default=False)
    """Let attribute lists (`{: onclick=… }`) and `{% link %}` give event handlers, `srcdoc`
    and `javascript:`, `vbscript:` or non-image `data:` URLs; false (the default): each is
    dropped and reported at its line, for sites that take outside contributions. Raw HTML
    is the author's own and never filtered."""

    minify_assets = c.Type(bool, default=True)
    """Serve our scripts and stylesheet minified (rjsmin, rcssmin); false: as written."""

    runs = c.SubConfig(RunSettings)
    """Incident runs: every tick and value belongs to the declared incident, with a timeline."""
