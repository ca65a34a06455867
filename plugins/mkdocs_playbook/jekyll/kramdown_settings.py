"""kramdown's options that change what a page shows, read from a Jekyll site's `_config.yml`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class KramdownSettings:
    """kramdown's options that change what a page shows (`kramdown:` in `_config.yml`)."""

    toc_levels: frozenset[int] = frozenset(range(1, 7))
    """Heading levels the in-page `{:toc}` lists; Jekyll's default is all six."""
    heading_ids: bool = False
    """Headings get the ids Jekyll's kramdown gives them (`kramdown_ids`), so links written
    for the Jekyll site find them; False: Python-Markdown's `toc` makes them."""
    gfm: bool = True
    """kramdown's `input` is GFM (Jekyll's default): GitHub's ids for the Markdown's headings."""
    auto_id_prefix: str = ""
    hard_wrap: bool = False
    """GFM input: every line break in a paragraph is a `<br />` (`hard_wrap: true`)."""
    line_numbers: bool = False
    """Code blocks show line numbers (`syntax_highlighter_opts: block: line_numbers: true`)."""

    @classmethod
    def from_site(cls, data: Any, *, heading_ids: bool = False) -> KramdownSettings:
        """From a site's `kramdown:` settings: `toc_levels` as `2..3`, `1,2,3` or a list;
        `auto_ids`, `input` and `auto_id_prefix` when `heading_ids` (a Jekyll site)."""
        options = data.get("kramdown") if isinstance(data, Mapping) else None
        options = options if isinstance(options, Mapping) else {}
        parsed = parse_toc_levels(options.get("toc_levels"))
        prefix = options.get("auto_id_prefix")
        return cls(
            toc_levels=parsed or cls.toc_levels,
            # `auto_ids: false`: Jekyll gives no ids, but the site's table of contents needs
            # them; Python-Markdown's stay.
            heading_ids=heading_ids and options.get("auto_ids", True) is not False,
            gfm=str(options.get("input", "GFM")).lower() == "gfm",
            auto_id_prefix=prefix if isinstance(prefix, str) else "",
            hard_wrap=options.get("hard_wrap") is True,
            line_numbers=_block_line_numbers(options.get("syntax_highlighter_opts")),
        )


def parse_toc_levels(value: Any) -> frozenset[int]:
    """kramdown's `toc_levels` option parser, for the forms a YAML file can hold; empty when
    `value` is none of them."""
    if isinstance(value, (list, tuple)):
        return frozenset(int(item) for item in value if isinstance(item, int))
    if isinstance(value, int) and not isinstance(value, bool):
        return frozenset({value})
    if isinstance(value, str):
        low, dots, high = value.partition("..")
        if dots and low.isdigit() and high.isdigit():
            return frozenset(range(int(low), int(high) + 1))
        parts = value.split(",")
        if all(part.strip().isdigit() for part in parts):
            return frozenset(int(part) for part in parts)
    return frozenset()


def _block_line_numbers(options: Any) -> bool:
    """`syntax_highlighter_opts: block: line_numbers: true`."""
    block = options.get("block") if isinstance(options, Mapping) else None
    return isinstance(block, Mapping) and block.get("line_numbers") is True
