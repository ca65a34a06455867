"""Jekyll's posts: which files under a `_posts/` folder are posts, their dates and categories.

As Jekyll 4.3.1 reads them (`PostReader`, `Document#populate_title`, `#categories_from_path`,
`#populate_categories`, `Drops::UrlDrop`, `Publisher`): a post is `[folder/]_posts/[sub/]
YYYY-MM-DD-slug.ext`, dated by its name unless its front matter says `date:`; the folders
above `_posts` are its first categories; one dated later than the build is left out unless
`_config.yml` says `future: true`. Their URLs are made as a collection document's are
(`jekyll.collections`), from the `posts` collection's template.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .liquid_values import ruby_str
from .publishing import markdownified
from .site_config import SPECIAL_LEADING

POSTS = "posts"
POSTS_FOLDER = "_posts"
# `Configuration::STYLE_TO_PERMALINK`: the `posts` template of each named `permalink` style.
_STYLE_TEMPLATES = {
    "none": "/:categories/:title:output_ext",
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
}
# `Document::DATE_FILENAME_MATCHER`, over a file's name.
_DATED_NAME = re.compile(r"^(\d{2,4})-(\d{1,2})-(\d{1,2})-([^/]*)(\.[^.]+)$")
_OFFSET = re.compile(r"\s*(?:([+-]\d{2}):?(\d{2})|Z)$")
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def posts_template(style: object) -> str:
    """The `posts` collection's URL template for `_config.yml`'s `permalink` (`date` when
    unset): a named style's, or the value itself."""
    name = "date" if style is None else ruby_str(style)
    return _STYLE_TEMPLATES.get(name, name)


def posts_folder(path: str, root: str) -> str | None:
    """The `_posts` folder Jekyll reads the file at `path` from (`_posts`, `ops/_posts`), if
    any: under `root` (`collections_dir`), below folders Jekyll reads (none `_`-prefixed)."""
    parts = path.split("/")
    if POSTS_FOLDER not in parts[:-1]:
        return None
    at = parts.index(POSTS_FOLDER)
    rooted = root.split("/") if root else []
    if parts[: len(rooted)] != rooted:
        return None
    if any(part.startswith(SPECIAL_LEADING) for part in parts[len(rooted) : at]):
        return None
    return "/".join(parts[: at + 1])


def dated_name(name: str) -> tuple[date, str] | None:
    """The date and slug of a file named `YYYY-MM-DD-slug.ext`; None for any other name (or
    an impossible date)."""
    match = _DATED_NAME.match(name)
    if match is None:
        return None
    year, month, day, slug, _ = match.groups()
    try:
        return date(int(year), int(month), int(day)), slug
    except ValueError:
        return None


def document_date(name: str, front_matter: Mapping[str, Any], timezone: object) -> datetime | None:
    """`Document#date`: its front matter's `date`, else its name's; None when neither says.
    A date with an offset is shown in `timezone` (`_config.yml`'s) when that is set."""
    moment = _front_matter_date(front_matter.get("date"))
    if moment is None:
        dated = dated_name(name)
        return None if dated is None else datetime.combine(dated[0], time())
    if moment.tzinfo is not None and isinstance(timezone, str):
        try:
            return moment.astimezone(ZoneInfo(timezone))
        except (ZoneInfoNotFoundError, ValueError):
            return moment
    return moment


def _front_matter_date(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    if not isinstance(value, str):
        return None
    text = _OFFSET.sub(lambda m: f"{m[1]}:{m[2]}" if m[1] else "+00:00", value.strip())
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def is_future(moment: datetime, now: datetime) -> bool:
    """`Publisher#hidden_in_the_future?` before `future: true`: dated after the build."""
    if moment.tzinfo is None:
        return moment > now.replace(tzinfo=None)
    return moment > now.astimezone()


def date_placeholders(moment: datetime) -> dict[str, str]:
    """`Drops::UrlDrop`'s date placeholders (English names, as Ruby's `strftime`)."""
    iso = moment.isocalendar()
    return {
        "year": f"{moment.year:04d}",
        "month": f"{moment.month:02d}",
        "day": f"{moment.day:02d}",
        "hour": f"{moment.hour:02d}",
        "minute": f"{moment.minute:02d}",
        "second": f"{moment.second:02d}",
        "i_day": str(moment.day),
        "i_month": str(moment.month),
        "short_month": _MONTHS[moment.month - 1][:3],
        "long_month": _MONTHS[moment.month - 1],
        "short_year": f"{moment.year % 100:02d}",
        "w_year": str(iso.year),
        "week": f"{iso.week:02d}",
        "w_day": str(iso.weekday),
        "short_day": _DAYS[moment.weekday()][:3],
        "long_day": _DAYS[moment.weekday()],
        "y_day": f"{moment.timetuple().tm_yday:03d}",
    }


def categories(from_path: list[str], front_matter: Mapping[str, Any]) -> list[str]:
    """`Document#populate_categories`: the folders above `_posts`, then `categories` (a
    string is split at spaces), then `category` (or `categories` again), each once."""
    listed = front_matter.get("categories")
    plural = listed.split() if isinstance(listed, str) else _listed(listed)
    singular = front_matter.get("category") if "category" in front_matter else None
    extra = _listed(singular) if "category" in front_matter else plural
    return list(dict.fromkeys(ruby_str(item) for item in [*from_path, *plural, *extra]))


def _listed(value: object) -> list[object]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [item for item in value if item is not None]
    return [value]


def excerpt(text: str, body_start: int) -> str:
    """The excerpt Jekyll generates for a post whose front matter gives none: its text up
    to the first blank line (the default `excerpt_separator`), converted."""
    body = text.replace("\r\n", "\n")[body_start:]
    return markdownified(body.partition("\n\n")[0])
