"""What Just the Docs' footer (`components/footer.html`, `footer_custom.html`) prints from
`_config.yml`, as Material's own parts show it:

- `footer_content` (HTML, printed as is) → Material's `copyright` line, unless mkdocs.yml
  sets one;
- `back_to_top` → Material's `navigation.top` button (its text is Material's own, translated:
  `back_to_top_text` is not shown);
- `last_edit_timestamp` with `last_edit_time_format` → a page's `last_modified_date`, formatted,
  as Material's "last update" (`page.meta.revision_date`, which the
  git-revision-date-localized plugin sets otherwise).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .liquid_values import ruby_str, truthy


@dataclass(frozen=True)
class FooterParts:
    """The footer settings of a Just the Docs site that Material can show."""

    copyright: str | None = None
    """`footer_content`, when set."""
    back_to_top: bool = False
    last_edit_format: str | None = None
    """`last_edit_time_format`, when `last_edit_timestamp` is on; else None (no date shown)."""

    @classmethod
    def from_site(cls, data: Mapping[str, Any]) -> FooterParts:
        footer = data.get("footer_content")
        time_format = data.get("last_edit_time_format")
        return cls(
            # Liquid prints "" too (an empty paragraph); Material shows nothing for it.
            copyright=ruby_str(footer) if truthy(footer) and ruby_str(footer) else None,
            back_to_top=truthy(data.get("back_to_top")),
            last_edit_format=(
                ruby_str(time_format)
                if truthy(data.get("last_edit_timestamp")) and truthy(time_format)
                else None
            ),
        )

    def last_edit(self, meta: Mapping[str, Any]) -> str | None:
        """The "Page last modified" date Just the Docs prints for a page's front matter."""
        value = meta.get("last_modified_date")
        if self.last_edit_format is None or not truthy(value):
            return None
        moment = _moment(value)
        # Liquid's `date` gives back what it cannot read as a date.
        return moment.strftime(self.last_edit_format) if moment else ruby_str(value)


def _moment(value: Any) -> datetime.date | None:
    """A front matter date: YAML's own, or a string as `Time.parse` reads the usual forms."""
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.datetime.fromisoformat(str(value).strip())
    except ValueError:
        return None
