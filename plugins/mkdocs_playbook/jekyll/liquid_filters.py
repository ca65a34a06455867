"""Jekyll's Liquid filters, as Jekyll 4.3.1 writes them (`lib/jekyll/filters.rb`, `filters/`),
for the engine (`jekyll.liquid_engine`); Liquid's standard filters are python-liquid's own.

A filter that needs the page (`relative_url`, `absolute_url`) asks the render's `PageState`,
which the engine keeps in the render context.
"""

from __future__ import annotations

import datetime
import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol
from urllib.parse import quote, quote_plus

from dateutil import parser as date_parser  # type: ignore[import-untyped]
from liquid import Environment, RenderContext
from liquid.builtin.expressions import BooleanExpression, FilteredExpression
from liquid.builtin.expressions._tokenize import tokenize
from liquid.exceptions import LiquidError
from liquid.filter import with_context
from liquid.stream import TokenStream
from liquid.token import Token
from liquid.undefined import Undefined
from markdown import Markdown

from .kramdown_gfm import register_gfm
from .kramdown_ids import KramdownIdsExtension
from .kramdown_line_numbers import number_code_blocks
from .liquid_values import jekyll_sort, parse_sort_input, ruby_str

STATE_KEY = "playbook"
"""Where a render context keeps its page's `PageState` (`context.tag_namespace`)."""


class UrlMaker(Protocol):
    def url(self, path: str, *, absolute: bool, in_link: bool) -> str:
        """What `path | relative_url` (or `absolute_url`) gives on this page."""


def _state(context: RenderContext) -> Any:
    return context.tag_namespace.get(STATE_KEY)


def _text(value: Any) -> str:
    if value is None or isinstance(value, Undefined):
        return ""
    return ruby_str(value)


def _url(value: Any, context: RenderContext, *, absolute: bool) -> str | None:
    """Jekyll's `compute_relative_url` / `compute_absolute_url`, from this page."""
    if value is None or isinstance(value, Undefined):
        return None
    state = _state(context)
    path = _text(value)
    if _absolute(path) or state is None:
        return path
    return str(state.url(path, absolute=absolute))


@with_context
def relative_url(value: Any, *, context: RenderContext) -> str | None:
    return _url(value, context, absolute=False)


@with_context
def absolute_url(value: Any, *, context: RenderContext) -> str | None:
    return _url(value, context, absolute=True)


_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _absolute(path: str) -> bool:
    """Addressable's `absolute?`: the URL has a scheme."""
    return bool(_SCHEME_RE.match(path))


def _time(value: Any) -> datetime.datetime | None:
    """`Liquid::Utils.to_date`, local time; None for what is no date."""
    if isinstance(value, datetime.datetime):
        return value.astimezone() if value.tzinfo else value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    text = _text(value).strip()
    if not text:
        return None
    if text in ("now", "today"):
        return datetime.datetime.now()
    if text.isdigit():
        return datetime.datetime.fromtimestamp(int(text[:12]))
    try:
        parsed: datetime.datetime = date_parser.parse(text)
    except (ValueError, OverflowError):
        raise LiquidError(f"Invalid Date: '{text}' is not a valid datetime", token=None) from None
    return parsed.astimezone() if parsed.tzinfo else parsed


def _ordinal(day: int) -> str:
    if 11 <= day <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _stringify_date(value: Any, month: str, kind: Any = None, style: Any = None) -> Any:
    time = _time(value)
    if time is None:
        return value
    if kind == "ordinal":
        day = f"{time.day}{_ordinal(time.day)}"
        if style == "US":
            return time.strftime(f"{month} {day}, %Y")
        return time.strftime(f"{day} {month} %Y")
    return time.strftime(f"%d {month} %Y")


def date_to_string(value: Any, kind: Any = None, style: Any = None) -> Any:
    return _stringify_date(value, "%b", kind, style)


def date_to_long_string(value: Any, kind: Any = None, style: Any = None) -> Any:
    return _stringify_date(value, "%B", kind, style)


def _offset(time: datetime.datetime, separator: str) -> str:
    offset = time.utcoffset() if time.tzinfo else time.astimezone().utcoffset()
    minutes = int((offset or datetime.timedelta()).total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02}{separator}{rest:02}"


def date_to_xmlschema(value: Any) -> Any:
    time = _time(value)
    if time is None:
        return value
    return time.strftime("%Y-%m-%dT%H:%M:%S") + _offset(time, ":")


def date_to_rfc822(value: Any) -> Any:
    time = _time(value)
    if time is None:
        return value
    return time.strftime("%a, %d %b %Y %H:%M:%S ") + _offset(time, "")


_PRETTY_KEPT = frozenset("._~!$&'()+,;=@")


def _slug_kept(char: str, mode: str) -> bool:
    """Whether `Utils.slugify` keeps `char` in `mode` (Ruby's `\\p{M}\\p{L}\\p{Nd}`)."""
    if mode in ("ascii", "latin"):
        return char.isascii() and char.isalnum()
    if mode == "raw":
        return not char.isspace()
    category = unicodedata.category(char)
    kept = category[0] in "LM" or category == "Nd"
    return kept or (mode == "pretty" and char in _PRETTY_KEPT)


def slugify(value: Any, mode: Any = None) -> str | None:
    """`Utils.slugify`: each run of what the mode does not keep becomes one `-`; the ends
    lose theirs; lower-cased."""
    if value is None or isinstance(value, Undefined):
        return None
    text = _text(value)
    mode = "default" if mode is None or isinstance(mode, Undefined) else str(mode)
    if mode not in ("raw", "default", "pretty", "ascii", "latin"):
        return text.lower()
    if mode == "latin":
        text = "".join(
            char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
        )
    parts: list[str] = []
    for char in text:
        if _slug_kept(char, mode):
            parts.append(char)
        elif not parts or parts[-1] != "-":
            parts.append("-")
    slug = "".join(parts)
    slug = slug[1:] if slug.startswith("-") else slug
    slug = slug[:-1] if slug.endswith("-") else slug
    return slug.lower()


def xml_escape(value: Any) -> str:
    """Ruby's `encode(xml: :attr)` without the quotes it adds."""
    return html.escape(_text(value), quote=True).replace("&#x27;", "&apos;")


def cgi_escape(value: Any) -> str:
    return quote_plus(_text(value), safe="*")


def uri_escape(value: Any) -> str:
    """Addressable's `normalize_component`: what a URI may hold stays, the rest is escaped."""
    return quote(_text(value), safe="!#$%&'()*+,/:;=?@[]~")


def normalize_whitespace(value: Any) -> str:
    return re.sub(r"\s+", " ", _text(value)).strip()


_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"


def number_of_words(value: Any, mode: Any = None) -> int:
    text = _text(value)
    if mode == "cjk":
        return len(re.findall(f"[{_CJK}]", text)) + len(re.findall(rf"[^{_CJK}\s]+", text))
    if mode == "auto":
        cjk = len(re.findall(f"[{_CJK}]", text))
        return len(text.split()) if cjk == 0 else cjk + len(re.findall(rf"[^{_CJK}\s]+", text))
    return len(text.split())


def array_to_sentence_string(value: Any, connector: Any = "and") -> str:
    items = [_text(item) for item in _sequence(value)]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} {connector} {items[1]}"
    return f"{', '.join(items[:-1])}, {connector} {items[-1]}"


def _json_ready(value: Any) -> Any:
    if isinstance(value, Undefined) or value is None:
        return None
    if isinstance(value, Mapping):
        return {str(key): _json_ready(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_ready(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return ruby_str(value)
    return value


def jsonify(value: Any) -> str:
    return json.dumps(_json_ready(value), ensure_ascii=False, separators=(",", ":"))


def _sequence(value: Any) -> list[Any]:
    if value is None or isinstance(value, Undefined):
        return []
    if isinstance(value, Mapping):
        return list(value.values())
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _property(item: Any, name: Any) -> Any:
    """Jekyll's `item_property`: a dotted property, its sort input parsed."""
    value: Any = item
    for key in str(name).split("."):
        if isinstance(value, Mapping):
            value = value.get(key)
        else:
            return None
    return parse_sort_input(value)


def _matches(property_value: Any, target: Any) -> bool:
    """Jekyll's `compare_property_vs_target`."""
    if target is None or isinstance(target, Undefined):
        return property_value is None
    target = ruby_str(target)
    if isinstance(property_value, str):
        return bool(property_value == target)
    items = property_value if isinstance(property_value, (list, tuple)) else [property_value]
    return any(item is not None and ruby_str(item) == target for item in items)


def where(value: Any, name: Any = None, target: Any = None) -> Any:
    if not name or isinstance(target, (list, tuple, Mapping)):
        return value
    if not isinstance(value, (list, tuple, Mapping)):
        return value
    return [item for item in _sequence(value) if _matches(_property(item, name), target)]


def find(value: Any, name: Any = None, target: Any = None) -> Any:
    if not name or isinstance(target, (list, tuple, Mapping)):
        return value
    if not isinstance(value, (list, tuple, Mapping)):
        return value
    return next(
        (item for item in _sequence(value) if _matches(_property(item, name), target)), None
    )


def _condition(context: RenderContext, expression: Any) -> BooleanExpression:
    token = Token("expression", str(expression), 0, str(expression))
    return BooleanExpression.parse(context.env, TokenStream(tokenize(str(expression), token)))


def _true(value: Any) -> bool:
    return value is not None and value is not False and not isinstance(value, Undefined)


def _selected(context: RenderContext, value: Any, variable: Any, expression: Any) -> Iterable[Any]:
    condition = _condition(context, expression)
    for item in _sequence(value):
        with context.extend({str(variable): item}):
            if _true(condition.evaluate(context)):
                yield item


@with_context
def where_exp(value: Any, variable: Any, expression: Any, *, context: RenderContext) -> Any:
    if not isinstance(value, (list, tuple, Mapping)):
        return value
    return list(_selected(context, value, variable, expression))


@with_context
def find_exp(value: Any, variable: Any, expression: Any, *, context: RenderContext) -> Any:
    if not isinstance(value, (list, tuple, Mapping)):
        return value
    return next(iter(_selected(context, value, variable, expression)), None)


def _grouped(groups: dict[str, list[Any]]) -> list[dict[str, Any]]:
    return [{"name": name, "items": items, "size": len(items)} for name, items in groups.items()]


def group_by(value: Any, name: Any) -> Any:
    if not isinstance(value, (list, tuple, Mapping)):
        return value
    groups: dict[str, list[Any]] = {}
    for item in _sequence(value):
        groups.setdefault(ruby_str(_property(item, name)), []).append(item)
    return _grouped(groups)


@with_context
def group_by_exp(value: Any, variable: Any, expression: Any, *, context: RenderContext) -> Any:
    if not isinstance(value, (list, tuple, Mapping)):
        return value
    token = Token("expression", str(expression), 0, str(expression))
    parsed = FilteredExpression.parse(context.env, TokenStream(tokenize(str(expression), token)))
    groups: dict[str, list[Any]] = {}
    for item in _sequence(value):
        with context.extend({str(variable): item}):
            groups.setdefault(_text(parsed.evaluate(context)), []).append(item)
    return _grouped(groups)


def sort(value: Any, name: Any = None, nils: Any = "first") -> Any:
    """Jekyll's `sort`: by a property, nils first (or `last`)."""
    if value is None or isinstance(value, Undefined):
        raise LiquidError("Cannot sort a null object.", token=None)
    items = _sequence(value)
    if name is None or isinstance(name, Undefined):
        return jekyll_sort(items, lambda item: item)
    if nils not in ("first", "last"):
        raise LiquidError(
            f"Invalid nils order: '{nils}' is not a valid nils order. It must be 'first' or "
            "'last'.",
            token=None,
        )
    present = [item for item in items if _property(item, name) is not None]
    absent = [item for item in items if _property(item, name) is None]
    ordered = jekyll_sort(present, lambda item: _property(item, name))
    return [*absent, *ordered] if nils == "first" else [*ordered, *absent]


def push(value: Any, item: Any) -> Any:
    return [*value, item] if isinstance(value, (list, tuple)) else value


def pop(value: Any, count: Any = 1) -> Any:
    if not isinstance(value, (list, tuple)):
        return value
    number = int(count)
    return list(value[: len(value) - number]) if number > 0 else list(value)


def unshift(value: Any, item: Any) -> Any:
    return [item, *value] if isinstance(value, (list, tuple)) else value


def shift(value: Any, count: Any = 1) -> Any:
    return list(value[int(count) :]) if isinstance(value, (list, tuple)) else value


def to_integer(value: Any) -> int:
    if value is True:
        return 1
    if value is False:
        return 0
    match = re.match(r"\s*[-+]?\d+", _text(value))
    return int(match.group()) if match else 0


def inspect(value: Any) -> str:
    return xml_escape(jsonify(value))


_SMART = [
    (re.compile(r"---"), "\u2014"),
    (re.compile(r"--"), "\u2013"),
    (re.compile(r"\.\.\."), "\u2026"),
    (re.compile(r"<<"), "\u00ab"),
    (re.compile(r">>"), "\u00bb"),
    (re.compile(r"(^|[\s(\[{\u2014\u2013-])\"(?=\S)"), "\\1\u201c"),
    (re.compile(r"\""), "\u201d"),
    (re.compile(r"(^|[\s(\[{\u2014\u2013-])'(?=\S)"), "\\1\u2018"),
    (re.compile(r"'"), "\u2019"),
]


def smartify(value: Any) -> str:
    """kramdown's SmartyPants: straight quotes curled, `--`, `---`, `...`, `<<`, `>>`."""
    text = _text(value)
    for pattern, replacement in _SMART:
        text = pattern.sub(replacement, text)
    return text


@with_context
def markdownify(value: Any, *, context: RenderContext | None = None) -> str:
    """The text as HTML, read as Jekyll's kramdown reads it with its defaults (`kramdown_gfm`:
    tables, lists, fences, typography): a real guide's glossary definitions came out with
    straight quotes, and a real site's table with an unclosed code span came out a table,
    where kramdown prints a paragraph. A converter of its own for each call: nothing of one
    text reaches the next."""
    # kramdown's heading ids, with its raw HTML rules (`markdown="span"` in a raw table).
    converter = Markdown(extensions=["extra", KramdownIdsExtension()])
    register_gfm(converter)
    converted = converter.convert(_text(value))
    if context is not None and getattr(_state(context), "block_line_numbers", False):
        converted = number_code_blocks(converted)
    # kramdown prints its typographic symbols as characters (`entity_output: as_char`).
    return _TYPOGRAPHIC_ENTITY.sub(lambda match: html.unescape(match.group(0)), converted) + "\n"


_TYPOGRAPHIC_ENTITY = re.compile(r"&(?:[lr][sd]quo|[nm]dash|hellip|[lr]aquo);")


JEKYLL_FILTERS: dict[str, Callable[..., Any]] = {
    "relative_url": relative_url,
    "absolute_url": absolute_url,
    "date_to_string": date_to_string,
    "date_to_long_string": date_to_long_string,
    "date_to_xmlschema": date_to_xmlschema,
    "date_to_rfc822": date_to_rfc822,
    "slugify": slugify,
    "xml_escape": xml_escape,
    "cgi_escape": cgi_escape,
    "uri_escape": uri_escape,
    "normalize_whitespace": normalize_whitespace,
    "number_of_words": number_of_words,
    "array_to_sentence_string": array_to_sentence_string,
    "jsonify": jsonify,
    "where": where,
    "where_exp": where_exp,
    "find": find,
    "find_exp": find_exp,
    "group_by": group_by,
    "group_by_exp": group_by_exp,
    "sort": sort,
    "push": push,
    "pop": pop,
    "shift": shift,
    "unshift": unshift,
    "to_integer": to_integer,
    "inspect": inspect,
    "smartify": smartify,
    "markdownify": markdownify,
}
"""Jekyll's filters by name; they replace Liquid's where Jekyll's do (`where`, `sort`)."""


def register(environment: Environment, filters: Mapping[str, Callable[..., Any]]) -> None:
    for name, function in filters.items():
        environment.add_filter(name, function)
