"""A page's Liquid rendered by python-liquid, sandboxed, in Jekyll's dialect.

Jekyll renders a page's Liquid before kramdown sees it; so do we, before Python-Markdown.

- **Tokens** come from our own scanner (`tokenize`), linear in the page: python-liquid's
  lexer backtracks over an unclosed `{{` followed by spaces. It also says what is not Liquid:
  an output `{{ ... }}` that spans a blank line or holds a brace, a tag with another tag's
  opening inside, and, in code, the tags listed below.
- **Liquid in code** (fenced, indented and inline code, as `page.source` finds it). Jekyll
  renders it there too, but real pages hold Helm, Jinja and GitHub Actions templates in
  code. So in code: an output whose value is known is printed; one that does not parse
  (`{{ .Values.image }}`) or names nothing known (`${{ secrets.TOKEN }}`) stays as written,
  silently; `raw`, `comment`, `highlight`, `include`, `include_relative` and `link` are
  rendered; every other tag (`if`, `for`, `assign`, `set` ...) stays as written, silently.
- **Failures stay visible.** The page is rendered one top-level node at a time; a node that
  does not parse or render (an unknown filter, a missing include, a loop past the limit) is
  left as written and reported at its line and column, and the rest of the page renders.
  An output of an unknown `site.*` name, or of a name nothing defines, is too ("did you mean").
- **Bounded**: loop iterations, block nesting, context depth, and what the page's output and
  includes may add to it (`jekyll.liquid_scope`, `jekyll.includes`).

Each node's output is recorded against the text it replaced (`page.offsets`), so a position in
the rendered text maps back to the page as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, ClassVar, TextIO

from liquid import Environment, RenderContext
from liquid.ast import BlockNode, IllegalNode, Node
from liquid.builtin.content import ContentNode
from liquid.builtin.expressions import FilteredExpression, Path
from liquid.builtin.output import Output, OutputNode
from liquid.exceptions import LiquidError, LiquidInterrupt, OutputStreamLimitError
from liquid.output import LimitedStringIO
from liquid.parser import get_parser
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.template import BoundTemplate
from liquid.token import TOKEN_CONTENT, TOKEN_EXPRESSION, TOKEN_OUTPUT, TOKEN_TAG, Token
from liquid.undefined import Undefined

from ..page.offsets import OffsetMap, Span
from .liquid_filters import JEKYLL_FILTERS, STATE_KEY, register
from .liquid_values import ruby_str
from .page_content import PageContent

LOOP_LIMIT = 100_000
"""Loop iterations one page may run, nested loops multiplied: `site.pages` twice over for a
site of 300 pages, and no more."""
DEPTH_LIMIT = 30
"""Scopes (loops, includes) nested inside one another, at most."""
NESTING_LIMIT = 30
"""Blocks (`if`, `for` ...) written inside one another, at most."""

CODE_TAGS = frozenset(
    {"raw", "comment", "highlight", "endhighlight", "include", "include_relative", "link"}
)
"""The tags rendered in code; any other stays as written there (another template language)."""

SUGGESTIONS_A_PAGE = 100
"""Unknown names of one page that get a "did you mean"; later ones are reported without: a
page of thousands of unknown names (a site's variables renamed) reads no better for each
having its own, and each costs a search."""

_BLOCK_TAGS = frozenset({"for", "if", "unless", "case", "capture", "tablerow"})
"""Liquid's tags with a body, closed by `end` and their name."""

_BRANCH_TAGS = frozenset({"else", "elsif", "when"})
"""The words that divide a block's body (no tags of their own: the block's tag reads them)."""

_OPEN_RE = re.compile(r"\{[{%]")
_OUTPUT_STOP_RE = re.compile(r"[{}]")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_QUOTED_OUTPUT_RE = re.compile(
    r"""\{\{-?[ \t]*(?:"[^"\n]{0,200}"|'[^'\n]{0,200}')"""
    r"""(?:[^{}"'\n]|"[^"{}\n]{0,200}"|'[^'{}\n]{0,200}'){0,200}\}\}"""
)
"""An output of a quoted string that holds a brace (`{{ "{{" }}`, how a page prints Liquid's
own braces, then filters whose arguments hold none): Liquid's, as Ruby Liquid reads `{{` to
the first `}}`. The string and what follows it are capped, so each `{{` costs a bounded
look."""
_TAG_STOP_RE = re.compile(r"%")
_NAME_RE = re.compile(r"\s*(#|\w+)\s*")
_ENDRAW_RE = re.compile(r"\{%-?\s*endraw\s*-?%\}")
_ENDCOMMENT_RE = re.compile(r"\{%-?\s*endcomment\s*-?%\}")
_BACKTICK_RUN_RE = re.compile(r"`{3,}")
_LINK_TAG_RE = re.compile(r"\{%-?\s*link\s")


@dataclass(frozen=True)
class LiquidProblem:
    offset: int
    message: str


class LiquidFailure(LiquidError):
    """A failure told in our own words (an include's, a link's): reported as it is."""


class _Finder:
    """The next match of a pattern at or after a position, for positions that only grow:
    each part of the text is searched once, so a page of unclosed `{{` stays linear."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern = pattern
        self.text = text
        self.searched_from = -1
        self.found: re.Match[str] | None = None

    def next(self, position: int) -> re.Match[str] | None:
        found = self.found
        if self.searched_from < 0 or position < self.searched_from:
            found = self.pattern.search(self.text, position)
        elif found is not None and found.start() < position:
            found = self.pattern.search(self.text, position)
        self.searched_from = position
        self.found = found
        return found


def tokenize(
    text: str, in_code: Callable[[int], bool], known: Container[str] = frozenset()
) -> tuple[list[Token], list[LiquidProblem]]:
    """`text` as python-liquid's tokens, with the problems found on the way (an unclosed
    `raw` or `comment`). A tag token's `start_index` is where its `{%` is.

    A `known` tag inside the body of a Liquid block (`for`, `if` ...) is Liquid's even where
    Markdown would read code (an indented line of an HTML block's loop): the block is."""
    tokens: list[Token] = []
    problems: list[LiquidProblem] = []
    opens = _Finder(_OPEN_RE, text)
    output_stops = _Finder(_OUTPUT_STOP_RE, text)
    blank_lines = _Finder(_BLANK_LINE_RE, text)
    tag_stops = _Finder(_TAG_STOP_RE, text)
    endraws = _Finder(_ENDRAW_RE, text)
    endcomments = _Finder(_ENDCOMMENT_RE, text)
    content_start = 0
    lstrip = False
    position = 0
    blocks = 0
    """Liquid blocks open around the position."""

    def content(end: int, rstrip: bool) -> None:
        nonlocal lstrip
        start = content_start
        if lstrip:
            while start < end and text[start].isspace():
                start += 1
        if rstrip:
            while end > start and text[end - 1].isspace():
                end -= 1
        if end > start:
            tokens.append(Token(TOKEN_CONTENT, text[start:end], start, text))
        lstrip = False

    while True:
        found = opens.next(position)
        if found is None:
            break
        start = found.start()
        position = start + 2
        if found.group() == "{{":
            quoted = _QUOTED_OUTPUT_RE.match(text, start)
            stop = output_stops.next(position) if quoted is None else None
            if quoted is not None:
                stop_at = quoted.end() - 2
            elif stop is None or stop.group() != "}" or not text.startswith("}}", stop.start()):
                continue  # not Liquid: it holds a brace, or never closes
            else:
                stop_at = stop.start()
            blank = blank_lines.next(position)
            if blank is not None and blank.start() < stop_at:
                continue  # nor when it spans paragraphs
            end = stop_at + 2
            body = text[position:stop_at]
            expression = body.strip("-").strip()
            if expression == "site.baseurl" and _LINK_TAG_RE.match(text, end):
                # Jekyll's `{% link %}` gives a path from the site's root, which the base URL
                # leads; ours gives the file from this page, which the base URL would break.
                content(start, body.startswith("-"))
                content_start, position, lstrip = end, end, body.endswith("-")
                continue
            content(start, body.startswith("-"))
            tokens.append(Token(TOKEN_OUTPUT, text[start:end], start, text))
            offset = position + (len(body) - len(body.lstrip("-").lstrip()))
            tokens.append(Token(TOKEN_EXPRESSION, expression, offset, text))
            content_start, position, lstrip = end, end, body.endswith("-")
            continue
        stop = tag_stops.next(position)
        following = opens.next(position)
        opens_before = (
            following is not None and stop is not None and following.start() < stop.start()
        )
        if stop is None or not text.startswith("%}", stop.start()) or opens_before:
            continue
        end = stop.start() + 2
        body = text[position : stop.start()]
        inner_start = position + (1 if body.startswith("-") else 0)
        inner = body[1:] if body.startswith("-") else body
        inner = inner[:-1] if inner.endswith("-") else inner
        name_match = _NAME_RE.match(inner)
        if name_match is None:
            continue
        name = name_match.group(1)
        base = name[3:] if name.startswith("end") else name
        in_block = blocks and (base in known or base in _BRANCH_TAGS)
        if base not in CODE_TAGS and in_code(start) and not in_block:
            continue  # another template language's: kept as written
        if base in _BLOCK_TAGS:
            blocks = blocks + 1 if name == base else max(blocks - 1, 0)
        if name in ("raw", "comment"):
            closing = (endraws if name == "raw" else endcomments).next(end)
            if closing is None:
                problems.append(
                    LiquidProblem(start, f"`{{% {name} %}}` has no matching `{{% end{name} %}}`")
                )
                continue
            content(start, body.startswith("-"))
            if name == "raw" and closing.start() > end:
                tokens.append(Token(TOKEN_CONTENT, text[end : closing.start()], end, text))
            content_start = position = closing.end()
            lstrip = closing.group().endswith("-%}")
            continue
        content(start, body.startswith("-"))
        tokens.append(Token(TOKEN_TAG, name, start, text))
        markup = inner[name_match.end() :].rstrip()
        if markup:
            tokens.append(Token(TOKEN_EXPRESSION, markup, inner_start + name_match.end(), text))
        content_start, position, lstrip = end, end, body.endswith("-")
    content(len(text), False)
    return tokens, problems


def printed(value: Any) -> str:
    """What `{{ value }}` prints, as Ruby's Liquid prints it."""
    if value is None or isinstance(value, Undefined):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "".join(printed(item) for item in value)
    if isinstance(value, range):
        return f"{value.start}..{value.stop - 1}"
    return ruby_str(value)


@dataclass
class PageState:
    """One page's render: what its tags and filters ask of the site, and what it has used."""

    site: Any
    """The site's side of the tags (`jekyll.rewrite.JekyllTags`): `url`, `link`, `include`."""
    in_code: Callable[[Token], bool]
    """Whether a token stands in code in the text it came from."""
    suggest: Callable[[str], str | None]
    """The known name closest to an unknown one."""
    line_numbers: bool = False
    block_line_numbers: bool = False
    """kramdown numbers every code block (`markdownify`'s too): `KramdownSettings`."""
    in_link: bool = False
    """Whether the output being rendered is a Markdown link's destination."""
    notes: list[str] = field(default_factory=list)
    """Problems found while rendering that do not stop the node (reported at it)."""
    grown: bool = False
    """Whether the page's output reached its limit already (reported once)."""
    printed_liquid: bool = False
    """Whether a page's body holding Liquid was printed already (reported once)."""
    suggestions_left: int = SUGGESTIONS_A_PAGE
    """How many more unknown names of this page get a "did you mean"."""

    def url(self, path: str, *, absolute: bool) -> str:
        return str(self.site.url(path, absolute=absolute, in_link=self.in_link))


def _state(context: RenderContext) -> PageState:
    state = context.tag_namespace.get(STATE_KEY)
    assert isinstance(state, PageState)
    return state


class _OutputNode(OutputNode):
    """`{{ ... }}`: an unknown name in it is reported (or, in code, stays as written)."""

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        state = _state(context)
        source, start = self.token.source, self.token.start_index
        state.in_link = source[max(0, start - 3) : start].endswith(("](", "](<", "]: "))
        left = getattr(self.expression, "left", None)
        if isinstance(left, Path):
            head = left.head()
            # Asked only of a name nothing defines: where code is takes a parse of the page.
            unknown = isinstance(head, str) and context.resolve(head, default=None) is None
            # Liquid's own `default:` says the name may be unset, as no other language does.
            if unknown and not _defaulted(self.expression) and state.in_code(self.token):
                return buffer.write(self.token.value)  # another template language's
        value = self.expression.evaluate(context)
        if isinstance(value, Undefined) and _is_plain(self.expression):
            if state.in_code(self.token):
                return buffer.write(self.token.value)
            path = _dotted(self.expression)
            root = path.partition(".")[0]
            if root == "site" or context.resolve(root, default=None) is None:
                close = None
                if state.suggestions_left > 0:  # each a search among known names
                    state.suggestions_left -= 1
                    close = state.suggest(path)
                hint = f"; did you mean `{close}`?" if close else ""
                raise LiquidFailure(
                    f"unknown variable `{{{{ {path} }}}}`; left as written{hint}",
                    token=self.token,
                )
        if isinstance(value, PageContent):
            _check_content(value, state, self.token)
            return buffer.write(state.site.printed_content(value))
        return buffer.write(printed(value))


def _defaulted(expression: object) -> bool:
    """Whether an output's filters include Liquid's `default`."""
    filters = getattr(expression, "filters", None) or ()
    return any(getattr(found, "name", None) == "default" for found in filters)


def _check_content(content: PageContent, state: PageState, token: Token) -> None:
    """A page's body that could not be given fails the output; one holding Liquid is
    printed as written, and said once a page."""
    if content.refusal:
        raise LiquidFailure(f"`{token.value}`: {content.refusal}", token=token)
    if content.holds_liquid and not state.printed_liquid:
        state.printed_liquid = True
        state.notes.append(
            f"`{token.value}` prints {content.path}'s content as written: its Liquid is not "
            "rendered again (Jekyll renders it only if it rendered that page first)"
        )


def _is_plain(expression: Any) -> bool:
    return (
        isinstance(expression, FilteredExpression)
        and not expression.filters
        and isinstance(expression.left, Path)
    )


def _dotted(expression: Any) -> str:
    return str(expression.left)


class _Output(Output):
    node_class = _OutputNode


class _MarkupNode(Node):
    """A Jekyll tag rendered by the page's site side from its markup."""

    __slots__ = ("kind", "markup")

    def __init__(self, token: Token, kind: str, markup: str) -> None:
        super().__init__(token)
        self.kind = kind
        self.markup = markup
        self.blank = False

    def __str__(self) -> str:
        return f"{{% {self.kind} {self.markup} %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        state = _state(context)
        if self.kind == "link":
            source, start = self.token.source, self.token.start_index
            state.in_link = source[max(0, start - 3) : start].endswith(("](", "](<", "]: "))
            return buffer.write(state.site.link(self.markup, state))
        return int(state.site.include(self.kind, self.markup, context, buffer, self.token))


class _MarkupTag(Tag):
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token = stream.eat(TOKEN_TAG)
        markup = stream.current.value if stream.current.kind == TOKEN_EXPRESSION else ""
        return _MarkupNode(token, self.name, markup)


class _IncludeTag(_MarkupTag):
    name = "include"


class _IncludeRelativeTag(_MarkupTag):
    name = "include_relative"


class _LinkTag(_MarkupTag):
    name = "link"


class _HighlightNode(Node):
    """`{% highlight lang [linenos] %}`: its rendered body as a fenced code block on lines
    of its own, fenced longer than any run of backticks in it."""

    __slots__ = ("body", "closing", "words")

    def __init__(self, token: Token, words: list[str], body: BlockNode, closing: int) -> None:
        super().__init__(token)
        self.words = words
        self.body = body
        self.closing = closing
        self.blank = False

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        state = _state(context)
        inner = context.get_buffer(buffer)
        for node in self.body.nodes:
            node.render(context, inner)
        code = inner.getvalue()
        text, start = self.token.source, self.token.start_index
        language = self.words[0] if self.words else ""
        # Line numbers need the attribute form, which superfences and codehilite read.
        if state.line_numbers and any(word.startswith("linenos") for word in self.words[1:]):
            language = f'{{.{language or "text"} linenums="1"}}'
        runs = [len(run) for run in _BACKTICK_RUN_RE.findall(code)]
        fence = "`" * max(3, *(run + 1 for run in runs)) if runs else "```"
        opening_end = text.find("%}", start) + 2
        before = "" if start == 0 or text[start - 1] == "\n" else "\n"
        after = "" if text[opening_end : opening_end + 1] == "\n" else "\n"
        closing_before = "" if text[self.closing - 1 : self.closing] == "\n" else "\n"
        return buffer.write(f"{before}{fence}{language}{after}{code}{closing_before}{fence}")


class _HighlightTag(Tag):
    name = "highlight"
    end = "endhighlight"

    def parse(self, stream: TokenStream) -> Node:
        token = stream.eat(TOKEN_TAG)
        markup = stream.current.value if stream.current.kind == TOKEN_EXPRESSION else ""
        if stream.current.kind == TOKEN_EXPRESSION:
            next(stream)
        body = get_parser(self.env).parse_block(stream, (self.end,))
        if not stream.current.is_tag(self.end):
            raise LiquidFailure(
                "`{% highlight %}` has no matching `{% endhighlight %}`", token=token
            )
        return _HighlightNode(token, markup.split(), body, stream.current.start_index)


class JekyllEnvironment(Environment):
    """Liquid as Jekyll 4.3 has it: its tags and filters, with limits."""

    loop_iteration_limit: ClassVar[int | None] = LOOP_LIMIT
    context_depth_limit: ClassVar[int] = DEPTH_LIMIT
    block_nesting_limit: ClassVar[int] = NESTING_LIMIT
    local_namespace_limit: ClassVar[int | None] = 4 * 1024 * 1024

    def __init__(self) -> None:
        super().__init__(strict_filters=True)
        self._collecting: list[list[LiquidError]] = []
        for tag in (_Output, _IncludeTag, _IncludeRelativeTag, _LinkTag, _HighlightTag):
            self.add_tag(tag)
        # `render` reads partials through a loader, past our include rules; `doc` is not in
        # the Liquid (5.4) Jekyll runs on.
        for name in ("render", "doc"):
            self.tags.pop(name, None)
        register(self, JEKYLL_FILTERS)

    def error(
        self,
        exc: type[LiquidError] | LiquidError,
        msg: str | None = None,
        token: Token | None = None,
    ) -> None:
        """A parse error: noted for the page, whose node it falls in is left as written."""
        if not isinstance(exc, LiquidError):
            exc = exc(msg, token=token)
        elif exc.token is None:
            exc.token = token
        if not self._collecting:
            raise exc
        self._collecting[-1].append(exc)

    @contextmanager
    def collecting(self) -> Iterator[list[LiquidError]]:
        """The parse errors of what is parsed inside, instead of raised."""
        errors: list[LiquidError] = []
        self._collecting.append(errors)
        try:
            yield errors
        finally:
            self._collecting.pop()

    def nodes(
        self, text: str, in_code: Callable[[int], bool]
    ) -> tuple[list[Node], list[LiquidProblem], list[LiquidError]]:
        """`text` parsed: its top-level nodes, the scanner's problems, the parse errors."""
        tokens, problems = tokenize(text, in_code, self.tags)
        with self.collecting() as errors:
            nodes = get_parser(self).parse(TokenStream(iter(tokens)))
        return nodes, problems, errors


_UNCLOSED_RE = re.compile(r"expected tag (end\w+), found end of expression")


def message_of(error: BaseException) -> str:
    """What a failure says, without python-liquid's source excerpt."""
    if isinstance(error, LiquidError):
        # python-liquid names the end of the text as an expression's.
        return _UNCLOSED_RE.sub(r"no matching `{% \1 %}` before the end", str(error.message))
    if isinstance(error, LiquidInterrupt):
        return f"unexpected `{error}` outside a loop"
    return str(error) or type(error).__name__


RENDER_ERRORS = (LiquidError, LiquidInterrupt, ArithmeticError, TypeError, ValueError, KeyError)
"""What rendering a node may raise that is the content's fault, not ours."""


@dataclass
class Rendered:
    text: str
    problems: list[LiquidProblem]
    offsets: OffsetMap


def page_context(
    environment: JekyllEnvironment, namespace: Mapping[str, object], state: PageState
) -> RenderContext:
    """The context a page is rendered in: its variables, and its state for tags and filters."""
    template = BoundTemplate(environment, [], name="page")
    context = RenderContext(template, globals=namespace)
    context.tag_namespace[STATE_KEY] = state
    return context


def render_text(
    context: RenderContext,
    text: str,
    in_code: Callable[[int], bool],
    limit: int,
    growth_limit: int,
    parsed: tuple[list[Node], list[LiquidProblem], list[LiquidError]] | None = None,
) -> Rendered:
    """`text` rendered in `context` one top-level node at a time (see the module's
    docstring), its output at most `limit` bytes; `parsed`: its parse, if made already."""
    environment = context.env
    assert isinstance(environment, JekyllEnvironment)
    nodes, found, errors = parsed or environment.nodes(text, in_code)
    problems = list(found)
    state = _state(context)
    ranges = _ranges(nodes, len(text))
    failed: dict[int, LiquidError] = {}
    starts = [start for start, _ in ranges]
    illegal = [index for index, node in enumerate(nodes) if isinstance(node, IllegalNode)]
    for parse_error in errors:
        token = parse_error.token
        if token is not None and token.source is text and token.start_index >= 0:
            index = max(0, _last_at_or_before(starts, token.start_index))
        else:
            # At the end of the text (a block never closed): the node it left illegal.
            unfailed = [index for index in illegal if index not in failed]
            index = unfailed[0] if unfailed else len(nodes) - 1
        failed.setdefault(index, parse_error)
    offsets = OffsetMap()
    if not nodes and text:
        offsets.spans.append(Span(0, len(text), 0, 0))
    parts: list[str] = []
    length = 0
    for index, (node, (start, end)) in enumerate(zip(nodes, ranges, strict=True)):
        written = text[start:end]
        if isinstance(node, ContentNode) and index not in failed:
            skipped = node.token.start_index - start
            if skipped:
                offsets.spans.append(Span(start, start + skipped, length, length))
            parts.append(node.text)
            length += len(node.text)
            tail = start + skipped + len(node.text)
            if tail < end:
                offsets.spans.append(Span(tail, end, length, length))
            continue
        error: BaseException | None = failed.get(index)
        output = written
        if error is None:
            buffer = LimitedStringIO(limit=max(0, limit - length))
            noted = len(state.notes)
            try:
                node.render(context, buffer)
                output = buffer.getvalue()
            except OutputStreamLimitError:
                # Once a page: what follows is as long, and as left out.
                message = "" if state.grown else _grown(written, growth_limit)
                error = LiquidFailure(message, token=None)
                state.grown = True
            except RecursionError:
                error = LiquidFailure("nested too deep to render; left as written", token=None)
            except RENDER_ERRORS as caught:
                error = caught
            problems.extend(LiquidProblem(start, note) for note in state.notes[noted:])
            del state.notes[noted:]
        if error is not None:
            output = written
            if message_of(error) and not _silent(written, start, in_code):
                problems.append(
                    LiquidProblem(_position(error, text, start), _reported(error, written))
                )
        offsets.spans.append(Span(start, end, length, length + len(output)))
        parts.append(output)
        length += len(output)
    problems.sort(key=lambda problem: problem.offset)
    return Rendered("".join(parts), problems, offsets)


def _grown(written: str, growth_limit: int) -> str:
    return (
        f"`{written.strip()[:60]}`: the page would grow by more than "
        f"{growth_limit / 1024 / 1024:g} MiB (its includes and values together); this and "
        "later values are left as written"
    )


def _reported(error: BaseException, written: str) -> str:
    message = message_of(error)
    if isinstance(error, LiquidFailure):
        return message
    shown = written.strip().split("\n", 1)[0]
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return f"`{shown}`: {message}; left as written"


def _position(error: BaseException, text: str, start: int) -> int:
    """Where a failure is reported: its token when in the page (not in an include), else
    the node's start."""
    token = getattr(error, "token", None)
    if isinstance(token, Token) and token.source is text and token.start_index >= start:
        return token.start_index if not isinstance(error, LiquidFailure) else start
    return start


def _silent(written: str, start: int, in_code: Callable[[int], bool]) -> bool:
    """An output in code that fails is another template language's: not reported."""
    stripped = written.lstrip()
    return stripped.startswith("{{") and in_code(start + len(written) - len(stripped))


def _last_at_or_before(starts: list[int], position: int) -> int:
    low, high = 0, len(starts)
    while low < high:
        middle = (low + high) // 2
        if starts[middle] <= position:
            low = middle + 1
        else:
            high = middle
    return low - 1


def _ranges(nodes: list[Node], length: int) -> list[tuple[int, int]]:
    """The part of the text each top-level node stands for; together they tile it.

    Content is its own text (whitespace stripped by `-` belongs to the tag beside it); any
    other node runs from where the one before it ended to where the next one is anchored.
    """
    anchors: list[int | None] = [
        None if isinstance(node, IllegalNode) else node.token.start_index for node in nodes
    ]
    ends: list[int] = [length] * len(nodes)
    following = length
    for index in range(len(nodes) - 1, -1, -1):
        node = nodes[index]
        if isinstance(node, ContentNode):
            ends[index] = node.token.start_index + len(node.text)
        else:
            ends[index] = following
        anchor = anchors[index]
        if anchor is not None:
            following = anchor
    ranges: list[tuple[int, int]] = []
    previous = 0
    for index in range(len(nodes)):
        end = max(ends[index], previous)
        ranges.append((previous, end))
        previous = end
    if not ranges and length:
        return []
    if ranges and previous < length:
        start, _ = ranges[-1]
        ranges[-1] = (start, length)
    return ranges
