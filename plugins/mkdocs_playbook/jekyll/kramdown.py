"""kramdown's syntax on Python-Markdown, rendered as Jekyll (kramdown 2.4.0, GFM input) renders it.

Each feature is an extension of its own, with `makeExtension`, that a site may list alone:

- `kramdown_attributes`: attribute lists (`{: .class #id }`, `{:name: …}`), `{::comment}`,
  `{::options}` and `{::nomarkdown}`, on Python-Markdown's `attr_list` (its block and span
  processors in `kramdown_attribute_blocks` and `kramdown_attribute_spans`);
- `kramdown_footnotes`: footnotes ended, numbered, placed (`{:footnotes}`) and left out as
  kramdown does, on `footnotes`;
- `kramdown_abbreviations`: abbreviation definitions, on `abbr`;
- `kramdown_raw_html`: HTML marked `markdown="1"`, on `md_in_html`;
- `kramdown_ids`: the ids Jekyll's kramdown gives headings;
- `kramdown_toc`: `no_toc` headings out of `md.toc`, and the in-page `{:toc}`, on `toc`.

`register_kramdown(md, settings, report)` adds them all as a site's `kramdown:` options
(`kramdown_settings.KramdownSettings`) say, with
Python-Markdown's `def_list` (kramdown's definition lists) and, before any of them, each
Python-Markdown extension they build on that `md` lacks. Each module's docstring gives its
processors' priorities.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrExtension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.def_list import DefListExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.md_in_html import MarkdownInHtmlExtension
from markdown.extensions.toc import TocExtension

from ..page.source import Source
from .kramdown_abbreviations import KramdownAbbreviationsExtension
from .kramdown_attributes import KramdownAttributesExtension, Report, attribute_origin
from .kramdown_footnotes import KramdownFootnotesExtension
from .kramdown_ids import KramdownIdsExtension
from .kramdown_line_numbers import KramdownLineNumbersExtension
from .kramdown_raw_html import KramdownRawHtmlExtension
from .kramdown_settings import KramdownSettings
from .kramdown_toc import KramdownTocExtension

__all__ = ["KramdownSettings", "Report", "attribute_origin", "register_kramdown"]


def register_kramdown(
    md: Markdown,
    settings: KramdownSettings,
    report: Report,
    *,
    parse: Callable[[str], Source] = Source,
    unsafe_attributes: bool = False,
) -> None:
    """Make `md` read kramdown's syntax, reporting what it cannot render to `report` and
    reading a text through `parse` (the page's one parse of it); unless `unsafe_attributes`,
    attribute lists give no script (`page.unsafe_attributes`)."""
    _add_missing_extensions(md)
    extensions: list[Extension] = [
        KramdownAttributesExtension(
            report=report, parse=parse, unsafe_attributes=unsafe_attributes
        ),
        KramdownFootnotesExtension(report=report),
        KramdownAbbreviationsExtension(),
    ]
    if settings.heading_ids:
        extensions.append(KramdownRawHtmlExtension())
        extensions.append(
            KramdownIdsExtension(auto_id_prefix=settings.auto_id_prefix, gfm=settings.gfm)
        )
    extensions.append(KramdownTocExtension(toc_levels=settings.toc_levels))
    if settings.line_numbers:
        extensions.append(KramdownLineNumbersExtension())
    md.registerExtensions(extensions, {})


def _add_missing_extensions(md: Markdown) -> None:
    """kramdown reads header ids, makes ids for every heading, reads Markdown inside HTML
    marked `markdown="1"`, and has definition lists, footnotes and abbreviations: add the
    Python-Markdown extensions for them that `md` lacks, all before kramdown's own (as each
    of those would add its own when listed alone).
    An extension the site configures is left as configured (it may come after this one and
    replace what is added here, which is then unused)."""
    missing: list[Any] = []
    if "attr_list" not in md.treeprocessors:
        missing.append(AttrListExtension())
    if "toc" not in md.treeprocessors:
        missing.append(TocExtension())
    if "markdown_block" not in md.parser.blockprocessors:
        # Just the Docs' examples (`<div class="code-example" markdown="1">`) need it.
        missing.append(MarkdownInHtmlExtension())
    if "deflist" not in md.parser.blockprocessors:
        missing.append(DefListExtension())
    if "abbr" not in md.parser.blockprocessors:
        missing.append(AbbrExtension())
    if "footnote" not in md.parser.blockprocessors:
        # kramdown numbers footnotes in the order they are referenced.
        missing.append(FootnoteExtension(USE_DEFINITION_ORDER=False))
    if missing:
        md.registerExtensions(missing, {})
