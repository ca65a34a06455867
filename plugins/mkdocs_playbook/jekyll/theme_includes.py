"""Includes Just the Docs ships for pages to use, for sites that take the theme as a gem or
`remote_theme` and so have no copy of them: Jekyll looks for an include in the site's
`_includes/`, then in the theme's. Only those the theme documents for page content are here,
each written for this site (what they print, not the theme's template).

- `fix_linenos.html` (Just the Docs 0.4 and later, "Code with line numbers"): prints
  `include.code`, a code block a page captured and passed through `markdownify`. The theme's
  version takes the `<pre>` off around Rouge's line-number table; the code blocks made here
  have no such table, so it prints the code as given.
"""

from __future__ import annotations

THEME_INCLUDES: dict[str, str] = {
    "fix_linenos.html": "{{ include.code }}",
}
"""Include name: its template, where the site has no include of that name."""
