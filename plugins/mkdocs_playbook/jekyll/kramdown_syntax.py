"""kramdown's extension syntax as a page writes it: attribute lists (`{: .note }`), their
definitions (`{:ref: .note}`) and extensions (`{::comment}`), with their lines and columns.

Read from kramdown 2.4.0 (`lib/kramdown/parser/kramdown/extensions.rb`), the version Jekyll 4.3.1
runs on Debian 12. `scan` finds every construct outside code (and attribute lists inside it,
which Python-Markdown may not read as code: `Construct.in_code`) in one forward pass; `mask` hides
each behind a marker of the same length, so every later text rewrite keeps its offsets (and
sees no Liquid inside a comment); `expand` then drops comments and options and stores
`{::nomarkdown}` HTML, leaving short markers for attribute lists that the Python-Markdown
processors of `kramdown_attributes` attach to elements.

Every scan here is linear in the text: `str.find` and single character-class loops, no
regular expression on page content. The next `}` and the next line end are found once and
reused by every opener before them, so 100,000 `{:` on one line cost one pass, not 100,000.
"""

from __future__ import annotations

import bisect
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from ..findings import Finding
from ..page.source import Source, escaped

Kind = Literal["ial", "ald", "comment", "nomarkdown", "options", "extension", "end"]
"""`ial` `{: … }`; `ald` `{:name: … }`; `comment`, `options` and `nomarkdown` the extensions
kramdown knows (a comment or options tag spans through its stop tag); `extension` another
`{::name}`, and `end` its stop tag or a stray one (`{:/name}`, `{:/}`)."""

MARK = "\U0010fffd"
"""Starts a marker: the last private-use code point, which no page uses for text."""
FILL = "\U0010fffc"
"""Pads a marker to the length of what it hides."""
_DIGIT = 0x100000
_BASE = 4096
MAX_CONSTRUCTS = _BASE * _BASE
"""Markers number constructs in two digits of base 4,096."""
MARKER_LENGTH = 3
"""`MARK` and two digits: the shortest construct (`{:x}`) is longer."""

_WORD = frozenset(string.ascii_letters + string.digits + "_")
"""Ruby's `\\w` (ASCII), which kramdown's names use."""
_NAME = _WORD | {"-"}
_SPACE = frozenset(" \t\n\v\f\r")
"""Ruby's `\\s`."""
_LEAD = frozenset(" \t>")
"""What may stand before a block construct on its line: indentation and block quote markers."""
_KNOWN = ("comment", "nomarkdown", "options")


@dataclass(frozen=True)
class Attributes:
    """What an attribute list says, in kramdown's order of application: definitions it names
    (`refs`) first, then its own classes, id and key/value pairs."""

    classes: tuple[str, ...] = ()
    id: str | None = None
    pairs: tuple[tuple[str, str], ...] = ()
    refs: tuple[str, ...] = ()
    junk: tuple[str, ...] = ()
    """Parts that are none of these (kramdown drops them silently; we report them)."""


@dataclass(frozen=True)
class Construct:
    """One piece of kramdown extension syntax found in the text."""

    kind: Kind
    start: int
    end: int
    """Offsets in the text; a comment's or options' `end` is past its stop tag."""
    line: int
    column: int
    text: str
    """The tag as written (a comment: its start tag)."""
    name: str = ""
    """The definition's or extension's name."""
    attributes: Attributes = field(default_factory=Attributes)
    alone: bool = False
    """Nothing but indentation and `>` before it on its line, nothing but spaces after."""
    follows_text: bool = False
    """Alone, directly under a block's line: an attribute list there applies to that block.
    Under a definition, or under an attribute list that applies to the next block, it does
    not: it too applies to the next block."""
    precedes_text: bool = False
    """Alone, directly above a line that is not blank."""
    block: bool = False
    """`{::nomarkdown}` whose start and stop tags stand alone, the start after a blank line:
    its HTML is a block of its own."""
    in_code: bool = False
    """An attribute list or definition inside code as `Source` (markdown-it) reads it.
    Masked all the same: Python-Markdown, which renders, may read the text otherwise (an
    HTML block that markdown-it runs on past its closing tag). Where its marker lands
    decides: in code it is shown as written; elsewhere it applies. Its problems are
    reported only then, and a definition counts only from where it lands."""


@dataclass
class Scan:
    constructs: list[Construct] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    """At lines of the text scanned: whoever reports them places them in its file."""


def parse_attributes(text: str) -> Attributes:
    """kramdown's `parse_attribute_list`: parts separated by white space, each `.class`
    and `#id` (joined or apart: `.a.b#c`), `key="value"` or `key='value'` (`\\"` and `\\}`
    escaped), or the name of a definition. A last part that is a lone `:` closes the list
    (`{: .tip :}`, `{: :}`), as kramdown accepts it."""
    classes: list[str] = []
    pairs: list[tuple[str, str]] = []
    refs: list[str] = []
    junk: list[str] = []
    identifier: str | None = None
    closers = _Closers(text)
    index, end = 0, len(text)
    last = len(text.rstrip("".join(_SPACE)))
    while index < end:
        while index < end and text[index] in _SPACE:
            index += 1
        if index >= end:
            break
        start = index
        word = _word_end(text, index)
        if (
            word > index
            and text[word : word + 1] == "="
            and text[word + 1 : word + 2] in ("'", '"')
        ):
            close = closers.next(text[word + 1], word + 2)
            if close >= 0:
                value = _unescape(text[word + 2 : close], text[word + 1])
                pairs.append((text[index:word], value))
                index = close + 1
                continue
        if word > index and (word == end or text[word] in _SPACE):
            refs.append(text[index:word])
            index = word
            continue
        parts, index = _ids_and_classes(text, index)
        if parts is not None and (index == end or text[index] in _SPACE):
            for kind, value in parts:
                if kind == ".":
                    classes.append(value)
                else:
                    identifier = value
            continue
        index = start
        while index < end and text[index] not in _SPACE:
            index += 1
        # `{: .tip :}`: kramdown matches no part to the closing colon and says nothing.
        if index == last and text[start:index] == ":":
            continue
        junk.append(text[start:index])
    return Attributes(tuple(classes), identifier, tuple(pairs), tuple(refs), tuple(junk))


def _word_end(text: str, index: int) -> int:
    """End of kramdown's `ALD_ID_NAME` (`\\w[\\w-]*`) at `index`; `index` when none."""
    if index >= len(text) or text[index] not in _WORD:
        return index
    index += 1
    while index < len(text) and text[index] in _NAME:
        index += 1
    return index


def _ids_and_classes(text: str, index: int) -> tuple[list[tuple[str, str]] | None, int]:
    """`(#id|.class)+` at `index`: an id starts with a letter and goes on with `\\w`, `:`
    and `-`; a class is anything up to white space, `.` or `#`."""
    parts: list[tuple[str, str]] = []
    end = len(text)
    while index < end and text[index] in ".#":
        kind = text[index]
        start = index + 1
        stop = start
        if kind == "#":
            if stop >= end or text[stop] not in string.ascii_letters:
                break
            while stop < end and (text[stop] in _NAME or text[stop] == ":"):
                stop += 1
        else:
            while stop < end and text[stop] not in _SPACE and text[stop] not in ".#":
                stop += 1
            if stop == start:
                break
        parts.append((kind, text[start:stop]))
        index = stop
    return (parts or None), index


def _unescape(value: str, quote: str) -> str:
    """`\\}` and an escaped quote stand for themselves."""
    return value.replace("\\}", "}").replace("\\" + quote, quote)


class _Closers:
    """Where a quoted value closes: the next quote not preceded by `\\` and followed by white
    space or the end. Found right to left once per quote, so failing values stay linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tables: dict[str, list[int]] = {}

    def next(self, quote: str, index: int) -> int:
        table = self.tables.get(quote)
        if table is None:
            table = self.tables[quote] = self._table(quote)
        return table[index] if index < len(table) else -1

    def _table(self, quote: str) -> list[int]:
        text = self.text
        table = [-1] * (len(text) + 1)
        following = -1
        for index in range(len(text) - 1, -1, -1):
            if (
                text[index] == quote
                and (index == 0 or text[index - 1] != "\\")
                and (index + 1 == len(text) or text[index + 1] in _SPACE)
            ):
                following = index
            table[index] = following
        return table


class _Lines:
    """Line facts of a text, each computed once, when first asked."""

    def __init__(self, source: Source) -> None:
        self.text = source.text
        self.starts = source.line_starts
        self._lead: dict[int, int] = {}
        self._last: dict[int, int] = {}

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def end(self, line: int) -> int:
        """Offset of the line's `\\n` (or of the text's end)."""
        return self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)

    def lead(self, line: int) -> int:
        """Offset of the line's first character that is not indentation or `>`."""
        if line not in self._lead:
            index, end = self.starts[line], self.end(line)
            while index < end and self.text[index] in _LEAD:
                index += 1
            self._lead[line] = index
        return self._lead[line]

    def last(self, line: int) -> int:
        """Offset just past the line's last character that is not white space."""
        if line not in self._last:
            start, index = self.starts[line], self.end(line)
            while index > start and self.text[index - 1] in _SPACE:
                index -= 1
            self._last[line] = index
        return self._last[line]

    def blank(self, line: int) -> bool:
        """Empty in its container: nothing but white space and `>`."""
        return self.lead(line) >= self.last(line)

    def alone(self, start: int, end: int) -> bool:
        return self.lead(self.index(start)) == start and end >= self.last(self.index(end))


class _NextBrace:
    """The next `}` not escaped by `\\`, remembered until an opener past it asks."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.asked = -1
        self.found = -1

    def next(self, index: int) -> int:
        if self.asked < 0 or index < self.asked or (0 <= self.found < index):
            self.asked = index
            found = self.text.find("}", index)
            while found > 0 and self.text[found - 1] == "\\":
                found = self.text.find("}", found + 1)
            self.found = found
        return self.found


class _NextLiquid:
    """The next `{{` or `{%`, found again only once an opener has passed it: linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found = -1

    def within(self, start: int, end: int) -> bool:
        if self.found < start:
            found = (self.text.find("{{", start), self.text.find("{%", start))
            self.found = min((at for at in found if at >= 0), default=len(self.text))
        return self.found < end


def scan(source: Source) -> Scan:
    """Every kramdown construct of `source` outside code and every attribute list or
    definition inside it (`Construct.in_code`), in order; the problems of those outside."""
    text = source.text
    result = Scan()
    if "{:" not in text:
        return result
    lines = _Lines(source)
    stops = _StopTags(text, lines)
    brace = _NextBrace(text)
    liquid = _NextLiquid(text)
    alone_by_line: dict[int, Construct] = {}
    paired_stops: set[int] = set()
    position = 0
    while (opener := text.find("{:", position)) >= 0:
        position = opener + 2
        if escaped(text, opener):
            continue
        # Extensions in code stay as written (a comment there must not go); attribute
        # lists there are masked too (`Construct.in_code`).
        in_code = source.in_code(opener)
        line = lines.index(opener)
        close = brace.next(opener + 2)
        closed = 0 <= close < lines.end(line)
        reader = _Reader(result, lines, text, opener, line)
        third = text[opener + 2 : opener + 3]
        if third in (":", "/") and in_code:
            continue
        if third == ":":
            position = reader.extension(close if closed else -1, stops, paired_stops)
        elif third == "/":
            position = reader.stop_tag(stops, paired_stops)
        elif closed and close > opener + 2:
            if liquid.within(opener, close):
                # Jekyll renders Liquid first: `{: #week-{{ w.week }} }` is `{: #week-1 }`,
                # which `KramdownAttributesExtension.mask_added` takes once it is rendered.
                continue
            construct = reader.attribute_list(close, alone_by_line, in_code=in_code)
            if construct.alone:
                alone_by_line[line] = construct
            position = construct.end
        elif not closed and lines.lead(line) == opener and not in_code:
            result.problems.append(
                reader.problem(
                    "kramdown attribute list `{:` is not closed by `}` on its line; "
                    "shown as written"
                )
            )
    return result


class _Reader:
    """Reads the construct that starts at one `{:`, adding it (or its problem) to `result`."""

    def __init__(self, result: Scan, lines: _Lines, text: str, opener: int, line: int) -> None:
        self.result = result
        self.lines = lines
        self.text = text
        self.opener = opener
        self.line = line
        self.column = opener - lines.starts[line] + 1

    def problem(self, message: str) -> Finding:
        return Finding(line=self.line + 1, column=self.column, message=message)

    def add(
        self,
        kind: Kind,
        end: int,
        *,
        tag_end: int | None = None,
        name: str = "",
        attributes: Attributes | None = None,
        alone: bool = False,
        follows_text: bool = False,
        precedes_text: bool = False,
        block: bool = False,
        in_code: bool = False,
    ) -> Construct:
        """Adds the construct from the opener to `end` (its tag ends at `tag_end`)."""
        construct = Construct(
            kind,
            self.opener,
            end,
            self.line + 1,
            self.column,
            self.text[self.opener : end if tag_end is None else tag_end],
            name=name,
            attributes=attributes or Attributes(),
            alone=alone,
            follows_text=follows_text,
            precedes_text=precedes_text,
            block=block,
            in_code=in_code,
        )
        self.result.constructs.append(construct)
        return construct

    def attribute_list(
        self, close: int, alone_by_line: dict[int, Construct], *, in_code: bool
    ) -> Construct:
        """`{: … }`, or `{:name: … }` alone on its line (a definition)."""
        text, end = self.text, close + 1
        alone = self.lines.alone(self.opener, end)
        name_end = _word_end(text, self.opener + 2)
        if (
            alone
            and name_end > self.opener + 2
            and text[name_end : name_end + 1] == ":"
            and name_end + 1 < close
        ):
            attributes = parse_attributes(text[name_end + 1 : close])
            construct = self.add(
                "ald",
                end,
                name=text[self.opener + 2 : name_end],
                attributes=attributes,
                alone=True,
                in_code=in_code,
            )
        else:
            attributes = parse_attributes(text[self.opener + 2 : close])
            follows = precedes = False
            if alone:
                follows = self._follows(alone_by_line)
                precedes = self.line + 1 < len(self.lines.starts) and not self.lines.blank(
                    self.line + 1
                )
            construct = self.add(
                "ial",
                end,
                attributes=attributes,
                alone=alone,
                follows_text=follows,
                precedes_text=precedes,
                in_code=in_code,
            )
        junk = junk_message(construct)
        if junk and not in_code:
            self.result.problems.append(self.problem(junk))
        return construct

    def _follows(self, alone_by_line: dict[int, Construct]) -> bool:
        above = self.line - 1
        if above < 0 or self.lines.blank(above):
            return False
        construct = alone_by_line.get(above)
        if construct is None:
            return True
        return construct.kind == "ial" and construct.follows_text

    def extension(self, close: int, stops: _StopTags, paired: set[int]) -> int:
        """`{::name}`, `{::name attributes}`, `{::name /}`, and its body up to `{:/name}`."""
        text, opener = self.text, self.opener
        name_end = opener + 3
        while name_end < len(text) and text[name_end] in _WORD:
            name_end += 1
        name = text[opener + 3 : name_end]
        following = text[name_end : name_end + 1]
        if not name or (following not in ("}", "/", "") and following not in _SPACE):
            return opener + 2
        if following == "}":
            tag_end, inside, closing = name_end + 1, "", False
        elif text.startswith("/}", name_end):
            tag_end, inside, closing = name_end + 2, "", True
        elif close < 0 or not following:
            self.result.problems.append(
                self.problem(f"kramdown extension `{{::{name}` is not closed by `}}` on its line")
            )
            return name_end
        else:
            closing = text[close - 1] == "/" and close - 1 > name_end
            tag_end, inside = close + 1, text[name_end + 1 : close - 1 if closing else close]
        attributes = parse_attributes(inside)
        tag = text[opener:tag_end]
        if closing:
            if name not in _KNOWN:
                self._unknown(tag)
            kind: Kind = "options" if name == "options" else "comment"
            self.add(
                kind,
                tag_end,
                name=name,
                attributes=attributes,
                alone=self.lines.alone(opener, tag_end),
            )
            return tag_end
        above = self.line - 1
        after_blank = above < 0 or self.lines.blank(above)
        # A start tag alone on its line, after a blank one, opens a block: kramdown then ends
        # it only at a stop tag alone on its line.
        block = self.lines.alone(opener, tag_end) and after_blank
        stop = stops.after(name, tag_end, alone=block)
        if stop is None:
            self.result.problems.append(
                self.problem(
                    f"kramdown extension `{tag}` has no stop tag `{{:/{name}}}`; "
                    "the tag is left out, what follows it is shown"
                )
            )
            self.add("extension", tag_end, name=name, alone=self.lines.alone(opener, tag_end))
            return tag_end
        stop_start, stop_end = stop
        if name not in _KNOWN:
            self._unknown(tag)
            self.add("extension", tag_end, name=name, alone=self.lines.alone(opener, tag_end))
            paired.add(stop_start)
            return tag_end
        types = [value for key, value in attributes.pairs if key == "type"]
        shown = name == "nomarkdown" and (not types or "html" in types[-1].split())
        if not shown:
            self.add(
                "options" if name == "options" else "comment",
                stop_end,
                tag_end=tag_end,
                name=name,
                attributes=attributes,
                alone=self.lines.alone(opener, tag_end) and self.lines.alone(stop_start, stop_end),
            )
            return stop_end
        start_alone = self.lines.alone(opener, tag_end)
        stop_alone = self.lines.alone(stop_start, stop_end)
        self.add(
            "nomarkdown",
            tag_end,
            name=name,
            alone=start_alone,
            block=block,
        )
        stop_line = self.lines.index(stop_start)
        self.result.constructs.append(
            Construct(
                "end",
                stop_start,
                stop_end,
                stop_line + 1,
                stop_start - self.lines.starts[stop_line] + 1,
                text[stop_start:stop_end],
                name=name,
                alone=stop_alone,
            )
        )
        return stop_end

    def _unknown(self, tag: str) -> None:
        self.result.problems.append(
            self.problem(
                f"kramdown extension `{tag}` is not one Just the Docs sites use "
                "(`comment`, `nomarkdown`, `options`); its tags are left out"
            )
        )

    def stop_tag(self, stops: _StopTags, paired: set[int]) -> int:
        """`{:/name}` or `{:/}` that no start tag before it claimed."""
        tag = stops.at(self.opener)
        if tag is None:
            return self.opener + 2
        end, name = tag
        if self.opener not in paired:
            self.result.problems.append(
                self.problem(
                    f"kramdown stop tag `{self.text[self.opener : end]}` closes no extension; "
                    "left out"
                )
            )
        self.add("end", end, name=name, alone=self.lines.alone(self.opener, end))
        return end


class _StopTags:
    """Every `{:/name}` and `{:/}` of the text, found once: by offset, and in order by name
    (all of them, and those alone on their line, which are the only ones that can close an
    extension that is a block of its own)."""

    def __init__(self, text: str, lines: _Lines) -> None:
        self.by_offset: dict[int, tuple[int, str]] = {}
        self.by_name: dict[tuple[str, bool], list[tuple[int, int]]] = {}
        position = text.find("{:/")
        while position >= 0:
            name_end = _word_end(text, position + 3)
            if text[name_end : name_end + 1] == "}":
                name = text[position + 3 : name_end]
                tag = (position, name_end + 1)
                self.by_offset[position] = (name_end + 1, name)
                self.by_name.setdefault((name, False), []).append(tag)
                if lines.alone(*tag):
                    self.by_name.setdefault((name, True), []).append(tag)
            position = text.find("{:/", position + 3)

    def at(self, offset: int) -> tuple[int, str] | None:
        return self.by_offset.get(offset)

    def after(self, name: str, offset: int, *, alone: bool) -> tuple[int, int] | None:
        """The first `{:/name}` or `{:/}` at or after `offset` (kramdown scans to the first),
        or the first alone on its line."""
        found = [
            tags[index]
            for tags in (self.by_name.get((name, alone), []), self.by_name.get(("", alone), []))
            if (index := bisect.bisect_left(tags, (offset, -1))) < len(tags)
        ]
        return min(found) if found else None


def junk_message(construct: Construct) -> str | None:
    """The problem of an attribute list's parts that are not attributes, if it has any."""
    junk = construct.attributes.junk
    if not junk:
        return None
    shown = ", ".join(f"`{part}`" for part in junk[:3])
    more = len(junk) - 3
    return (
        f"{shown}{f' (and {more} more)' if more > 0 else ''} in kramdown attribute "
        f"list `{_shortened(construct.text)}`: not attributes (write `.class`, "
        '`#id`, `key="value"` or the name of a definition); left out'
    )


def _shortened(text: str, limit: int = 80) -> str:
    """`text` for a message: a pathological attribute list is not printed whole."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def marker(index: int) -> str:
    """The marker of construct `index`: `MARK` and two digits."""
    high, low = divmod(index, _BASE)
    return MARK + chr(_DIGIT + high) + chr(_DIGIT + low)


def marker_index(text: str, offset: int) -> int | None:
    """The construct number of the marker at `offset`; None if none is there."""
    if text[offset : offset + 1] != MARK or offset + MARKER_LENGTH > len(text):
        return None
    high = ord(text[offset + 1]) - _DIGIT
    low = ord(text[offset + 2]) - _DIGIT
    if not (0 <= high < _BASE and 0 <= low < _BASE):
        return None
    return high * _BASE + low


def mask(text: str, constructs: list[Construct], first: int = 0) -> str:
    """`text` with each construct (a comment or nomarkdown tag with its body's lines kept
    apart) hidden behind its marker, padded to its length; line breaks stay where they were.
    Markers are numbered from `first` (constructs found after others were masked)."""
    parts: list[str] = []
    position = 0
    for index, construct in enumerate(constructs, first):
        parts.append(text[position : construct.start])
        hidden = text[construct.start : construct.end]
        padding = "".join("\n" if char == "\n" else FILL for char in hidden[MARKER_LENGTH:])
        parts.append(marker(index) + padding)
        position = construct.end
    parts.append(text[position:])
    return "".join(parts)


def expand(text: str, constructs: list[Construct], store: Callable[[str], str]) -> str:
    """Undo `mask` (after other rewrites): comments, options and the tags of unknown
    extensions go (with their lines, when they stand alone); nomarkdown HTML goes to `store`,
    whose placeholder takes its place (as a block of its own when its tags stand alone);
    attribute lists and definitions become bare markers for the block and tree processors."""
    edits: list[tuple[int, int, str]] = []
    done = 0
    search = text.find(MARK)
    while search >= 0:
        index = marker_index(text, search)
        if index is None or index >= len(constructs):
            search = text.find(MARK, search + 1)
            continue
        construct = constructs[index]
        end = _padding_end(text, search, construct)
        start, stop, replacement = search, end, ""
        if construct.kind in ("ial", "ald"):
            replacement = text[search : search + MARKER_LENGTH]
        elif construct.kind == "nomarkdown":
            closing = text.find(MARK, end)
            if closing >= 0 and marker_index(text, closing) == index + 1:
                closing_end = _padding_end(text, closing, constructs[index + 1])
                body = text[end:closing]
                start, stop, replacement = _nomarkdown(
                    text, (search, end), (closing, closing_end), body, construct, store
                )
        elif construct.alone:
            start, stop = _whole_lines(text, search, end) or (search, end)
        # Ranges never overlap: each construct's own text comes after the previous one's.
        edits.append((max(start, done), stop, replacement))
        done = stop
        search = text.find(MARK, stop)
    if not edits:
        return text
    parts: list[str] = []
    position = 0
    for start, stop, replacement in edits:
        parts.append(text[position:start])
        parts.append(replacement)
        position = stop
    parts.append(text[position:])
    return "".join(parts)


def _padding_end(text: str, offset: int, construct: Construct) -> int:
    """End of the marker at `offset` with its padding (as `mask` wrote it)."""
    end = offset + MARKER_LENGTH
    limit = offset + (construct.end - construct.start)
    while end < limit and end < len(text) and text[end] in (FILL, "\n"):
        end += 1
    return end


def _whole_lines(text: str, start: int, end: int) -> tuple[int, int] | None:
    """`start, end` widened to whole lines (and the line break after them), when nothing but
    indentation and `>` comes before on the first line and white space after on the last."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if all(char in _LEAD for char in text[line_start:start]) and not text[end:line_end].strip():
        return line_start, min(line_end + 1, len(text))
    return None


def _nomarkdown(
    text: str,
    tag: tuple[int, int],
    closing: tuple[int, int],
    body: str,
    construct: Construct,
    store: Callable[[str], str],
) -> tuple[int, int, str]:
    """The edit that puts `{::nomarkdown}`'s HTML in place: a block of its own (the
    container's `>` or indentation kept around it) or a placeholder inside the line."""
    opening_lines = _whole_lines(text, *tag)
    closing_lines = _whole_lines(text, *closing)
    if construct.block and opening_lines and closing_lines:
        start, stop = opening_lines[0], closing_lines[1]
        prefix = text[start : tag[0]]
        blank = prefix.rstrip()
        lines = body.split("\n")[1:-1]
        html = "\n".join(_unprefixed(line, prefix, blank) for line in lines)
        return start, stop, f"{blank}\n{prefix}{store(html)}\n{blank}\n"
    return tag[0], closing[1], store(body)


def _unprefixed(line: str, prefix: str, blank: str) -> str:
    """A body line without its container's `>` or indentation."""
    if line.startswith(prefix):
        return line[len(prefix) :]
    if line.startswith(blank):
        return line[len(blank) :]
    return line
