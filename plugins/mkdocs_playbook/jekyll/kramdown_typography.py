"""kramdown's typographic symbols and smart quotes (Jekyll's defaults), with Python-Markdown's
`smarty`: `--` an en dash, `---` an em dash, `...` an ellipsis, `<<` and `>>` angle quotes,
and curly quotes and apostrophes (`site's` and `'90s` with a right single quotation mark).
Like kramdown, it leaves code, raw HTML and attribute values as written."""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions.smarty import SmartyExtension


def register_typography(md: Markdown) -> None:
    """Add `smarty` with kramdown's symbols to `md`, unless the site configures it."""
    if "smarty" in md.treeprocessors:
        return  # the site's own settings stand
    md.registerExtensions([SmartyExtension(smart_angled_quotes=True)], {})
