"""A Jekyll page's own `template:` and `hide:` front matter are its variables, as in Jekyll and
Just the Docs, which never read them. MkDocs takes `template` as the page's Jinja template and
Material `hide` as the parts of the page to hide: a real handbook's
`template: true` (a page that is a checklist template) stopped the build with a traceback.
Liquid's `{{ page.template }}` still prints them. Under both URL styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import nav_labels, run_pages_build

PAGES = {
    "_config.yml": "title: Handbook\n",
    "index.md": "---\ntitle: Home\nnav_order: 1\n---\n# Home\n",
    "onboarding.md": (
        "---\ntitle: Onboarding\ntemplate: true\nnav_order: 2\n---\n# Onboarding\n\n"
        "Template: {{ page.template }}.\n"
    ),
    "travel.md": (
        "---\ntitle: Travel\nhide: true\nnav_order: 3\n---\n# Travel\n\nHidden: {{ page.hide }}.\n"
    ),
    "forms.md": "---\ntitle: Forms\ntemplate: checklist\nnav_order: 4\n---\n# Forms\n",
}


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_a_page_keeps_the_theme_template_and_its_parts(
    tmp_path: Path, directory_urls: bool
) -> None:
    build = run_pages_build(tmp_path, PAGES, directory_urls)
    assert build.returncode == 0, build.output
    assert "Traceback" not in build.output, build.output

    def built(name: str) -> str:
        return build.html(f"{name}/index.html" if directory_urls else f"{name}.html")

    onboarding, travel, forms = built("onboarding"), built("travel"), built("forms")
    assert "Template: true." in onboarding
    assert "Hidden: true." in travel
    for html in (onboarding, travel, forms):
        # The theme's page, nav and table of contents included, as on every other page.
        assert nav_labels(html) == ["Home", "Onboarding", "Travel", "Forms"]
        assert 'class="md-sidebar md-sidebar--primary"' in html
