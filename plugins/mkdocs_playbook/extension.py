"""The Python-Markdown extension: everything that changes a page's HTML.

Usable on its own (`markdown_extensions: [playbook]`), e.g. under Zensical, which runs
Python-Markdown extensions but no MkDocs plugins; the MkDocs plugin adds it for you. The
files its HTML relies on are `STYLESHEETS` and `SCRIPTS`, as `static.served_files` makes them
(`python -m mkdocs_playbook prepare` writes them out with the rest of a Zensical build).

Told everything once: a `PlaybookSettings` (`settings`; the plugin builds it from mkdocs.yml
and `_config.yml`, keyword options build the same), the site's facts once its files are known
(`know_site`), and the page each conversion converts (`hand_over`). What one conversion
shares lives on its Markdown instance and is cleared by `Markdown.reset()` (`_Conversion`).

One page, from Markdown to model (each step a processor, in the order Python-Markdown runs
them):

1. `_Capture` (preprocessor, 35) keeps the Markdown as written in the page's `Positions`
   (`page.positions`: its texts, one parse of each, and where a position stands in the file;
   the plugin's, when it handed the page over). Unless `unsafe_attributes`, attribute lists
   give no script (`page.unsafe_attributes`). kramdown's constructs are hidden behind
   markers as long as they are (`jekyll.kramdown`, 34.5). `_Rewrite` (34) renders Liquid
   (python-liquid, Jekyll's dialect) and rewrites repository links (`jekyll.rewrite`),
   recording where, so positions map back to the text as written.
2. `_NestLists` (27) re-indents nested list items as CommonMark and kramdown nest them
   (`page.lists`); `_NestingCap` (24) cuts lines and HTML nested too deep to parse
   (`page.nesting`); `_InlineLimits` (23) writes as text the runs Python-Markdown's inline
   pass would take quadratic time over (`page.inline_limits`). `_DefinitionItems` (block
   processor, 25.5) cuts a compact definition list into its items (`page.definitions`).
3. Python-Markdown parses blocks (GitHub alerts become admonitions, `jekyll.alerts`) and
   inlines; kramdown's attribute lists, Just the Docs' callouts and UI classes apply
   (`jekyll.kramdown`, `jekyll.callouts`, `jekyll.ui_classes`); toc gives headings their ids.
4. `_WrittenLinks` (treeprocessor, 0) notes each link's destination as written, before
   MkDocs turns `.md` paths into URLs, and gives a link written for a Jekyll site's URLs as
   its page's Markdown file (`jekyll.urls`), so MkDocs makes it that page's URL.
5. `_PageReader` (-1) reads the tree once into the page's `PageModel` (`page.reader`), lets
   each widget read its part and put its markup in the tree, lints, and hands the model to
   `on_page_model`. Lines are worked out only for what is reported (`page.lines`).
"""

from __future__ import annotations

import html
import itertools
import logging
import os
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Container
from typing import Any

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import Processor
from pymdownx.highlight import HighlightExtension

from .findings import Finding
from .jekyll.alerts import AlertProcessor
from .jekyll.callouts import register_callouts
from .jekyll.children_toc import HEADING_INCLUDE, append_children_toc
from .jekyll.content_layouts import around_content
from .jekyll.kramdown import KramdownSettings, register_kramdown
from .jekyll.kramdown_gfm import register_gfm
from .jekyll.kramdown_syntax import MARK
from .jekyll.repolinks import RepositoryLinks
from .jekyll.rewrite import PageInput, Rewrites
from .jekyll.ui_classes import register_ui_classes
from .jekyll.urls import JekyllUrls
from .page.definitions import item_starts
from .page.inline_limits import rewritten, slow_runs
from .page.lines import Lines
from .page.lint import duplicate_headings, repeated_checklist_headings
from .page.lists import nest_lists
from .page.model import PageModel
from .page.nesting import deep_html, deep_lines, written_line_numbers
from .page.offsets import OffsetMap
from .page.positions import Positions
from .page.reader import read_page
from .page.source import Source
from .page.superfences import linear_superfences
from .page.tree import PageTree, link_attribute, link_value, may_hold_links
from .page.unsafe_attributes import guard_attr_lists
from .settings import WIDGETS as WIDGETS
from .settings import PlaybookSettings, SiteFacts, from_options
from .widgets.code_placeholders import mark_code
from .widgets.render import PageContext, environment

# The same name the MkDocs plugin's findings carry.
log = logging.getLogger("mkdocs.plugins.playbook")

STYLESHEETS = ["playbook.css"]
JEKYLL_STYLESHEET = "jtd.css"
"""Just the Docs' UI classes (buttons, labels, type and spacing utilities): for Jekyll sites."""
SCRIPTS = ["playbook.js"]
"""One file: the scripts of every page, in the order `static.BUNDLES` declares."""


class _Conversion(Extension):
    """What the processors of one conversion share: the page's positions (its text as
    written and as rewritten, one parse of each), what was found before the tree exists (in
    file coordinates), and each link element's written destination.

    One per Markdown instance, so a conversion nested in another (on an instance of its own)
    never shares it; registered with that instance, whose `reset()` clears it, as
    Python-Markdown's footnotes and abbr clear theirs. It adds no processor of its own.
    """

    def __init__(self) -> None:
        super().__init__()
        self.reset()

    def reset(self) -> None:
        """No document: the state a conversion starts from."""
        self.started = False
        """Whether a conversion ran since the last reset."""
        self.positions = Positions()
        """The page's texts as written and as rewritten, their one parse each, and where
        their positions stand in the file."""
        self.problems: list[Finding] = []
        self.links: dict[etree.Element, str] = {}
        self.raw_written: dict[str, str] = {}
        """Each link in raw HTML given another URL, by that URL: the URL as written."""
        self.page: PageInput | None = None
        """The page being converted, when known (from the plugin, or Zensical's context)."""

    def start(self, written: str, page: PageInput | None) -> None:
        """A conversion of `written`, the Markdown of `page` (None: no page's)."""
        if self.started:
            self.reset()  # a Markdown instance converting again without `reset()` between
        self.started = True
        self.page = page
        handed = page.positions if page is not None else None
        if handed is not None and handed.written == written:
            # The plugin's: what it parsed of the page is not parsed again.
            handed.rewritten_as(written, OffsetMap())
            self.positions = handed
        else:
            self.positions = Positions(written, page.first_line if page else 0)

    def lines(self) -> Lines:
        return Lines(self.positions)

    def parse(self, text: str) -> Source:
        """The page's one parse of `text` (read at the time of the call: per conversion)."""
        return self.positions.parse(text)

    def report(self, line: int, column: int, message: str) -> None:
        """A problem at a 1-based line (0: the page) and column of the text given."""
        line = self.positions.file_line(line)
        self.problems.append(Finding(line=line, message=message, column=column))


class _Step(Processor):
    """A processor of one conversion: the extension's settings and the conversion's state."""

    def __init__(self, md: Markdown, extension: PlaybookExtension, conversion: _Conversion):
        super().__init__(md)
        self.extension = extension
        self.conversion = conversion


class _Capture(_Step, Preprocessor):
    """Keeps the Markdown as written, for lines, and the page it converts (the conversion's
    state is fresh: `Markdown.reset()` cleared it); unless `unsafe_attributes`, makes
    `attr_list` drop script."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        # Taken, not read: a conversion inside this one (mkdocstrings renders docstrings with
        # the site's extension instances) finds nothing handed over and is no page's.
        page = self.extension.take_page()
        self.conversion.start(text, page or self.extension.context_page(self.md, text))
        if not self.extension.settings.unsafe_attributes:
            # Here, not in extendMarkdown: an attr_list registered after ours is covered too.
            guard_attr_lists(self.md, self.conversion.report, text, self.conversion.parse)
        linear_superfences(self.md)
        return lines


class _Rewrite(_Step, Preprocessor):
    """Liquid site variables and repository links (`jekyll.rewrite`)."""

    def run(self, lines: list[str]) -> list[str]:
        # The lines as given: kramdown's constructs are hidden by now (as long as they were).
        text = "\n".join(lines)
        positions = self.conversion.positions
        rewritten = self.extension.rewrites.apply(
            text,
            self.conversion.page,
            line_numbers=_shows_line_numbers(self.md),
            positions=positions,
        )
        self.conversion.problems.extend(rewritten.problems)
        positions.rewritten_as(rewritten.text, rewritten.offsets)
        return lines if rewritten.text == text else rewritten.text.split("\n")


def _shows_line_numbers(md: Markdown) -> bool:
    """Whether the site's code blocks take `linenums`: pymdownx.superfences highlighting with
    Pygments, or codehilite."""
    fences = (
        md.preprocessors["fenced_code_block"] if "fenced_code_block" in md.preprocessors else None
    )
    if "hilite" in md.treeprocessors:
        return True
    highlight = next(
        (found for found in md.registeredExtensions if isinstance(found, HighlightExtension)), None
    )
    # Without Pygments, superfences refuses a fence that asks for line numbers.
    pygments = highlight is None or bool(highlight.getConfig("use_pygments"))
    return type(fences).__module__.startswith("pymdownx") and pygments


class _NestLists(Preprocessor):
    """Nested list items re-indented for Python-Markdown (`page.lists`); with `lazy_blocks`
    (a Jekyll site), as kramdown reads lazy lines."""

    def __init__(self, md: Markdown, *, lazy_blocks: bool) -> None:
        super().__init__(md)
        self.lazy_blocks = lazy_blocks

    def run(self, lines: list[str]) -> list[str]:
        # An attribute list under an item's text ends the item, masked by then (`_Mask`).
        return nest_lists(lines, self.lazy_blocks, masked=(MARK,))


class _LineReporter(_Step, Preprocessor):
    """A preprocessor that reports problems at lines of what it is given."""

    def report_at(self, lines: list[str], problems: list[tuple[int, str]]) -> None:
        """Each `(index, message)`: a problem at `lines[index]`, found in the page as written."""
        indexes = sorted({index for index, _ in problems})
        numbers = dict(
            zip(
                indexes,
                written_line_numbers(
                    self.conversion.positions.rewritten, lines, indexes, self.md.tab_length
                ),
                strict=True,
            )
        )
        for index, message in problems:
            self.conversion.report(numbers[index], 0, message)


class _NestingCap(_LineReporter):
    """Caps how deep blocks nest (`page.nesting`) before Python-Markdown's parser recurses."""

    def run(self, lines: list[str]) -> list[str]:
        nested_html = deep_html(lines, frozenset(self.md.block_level_elements))
        capped = list(lines)
        problems: list[tuple[int, str]] = []
        if nested_html is not None:
            for index, offsets in nested_html.tags.items():
                # `&lt;`: the tag is text, shown as written.
                capped[index] = _escaped_at(capped[index], offsets)
            problems.append((nested_html.first, nested_html.message))
        # After the tags: list markers inside the elements kept nest deeper still.
        deep = deep_lines(capped)
        if not deep and nested_html is None:
            return lines
        for line in deep:
            # Stashed as HTML: shown as written, and no block or inline pass reads it.
            capped[line.index] = line.head + self.md.htmlStash.store(html.escape(line.tail))
            problems.append((line.index, line.message))
        self.report_at(lines, problems)
        return capped


def _escaped_at(line: str, offsets: list[int]) -> str:
    """`line` with the `<` at each of `offsets` (ascending) written `&lt;`."""
    parts: list[str] = []
    start = 0
    for offset in offsets:
        parts.append(line[start:offset])
        parts.append("&lt;")
        start = offset + 1
    parts.append(line[start:])
    return "".join(parts)


class _InlineLimits(_LineReporter):
    """Writes as text what Python-Markdown's inline pass would take quadratic time over
    (`page.inline_limits`), and says where."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        escaped_chars = frozenset(self.md.ESCAPED_CHARS)
        breaks = "kramdown_backslash_break" in self.md.inlinePatterns
        # A first look without code (a parse), which can only find more.
        if not slow_runs(text, escaped_chars, breaks=breaks).problems:
            return lines
        source = self.conversion.positions.parse(text)
        runs = slow_runs(text, escaped_chars, source.in_code, breaks=breaks)
        if not runs.problems:
            return lines
        self.report_at(
            lines,
            [(source.line_col(offset)[0] - 1, message) for offset, message in runs.problems],
        )
        return rewritten(text, runs, self.md.htmlStash.store).split("\n")


class _DefinitionItems(BlockProcessor):
    """Cuts a compact definition list before each item's terms (`page.definitions`), which
    `def_list` would otherwise nest, one level per item, into the definition above."""

    def test(self, parent: etree.Element, block: str) -> bool:
        # The string tests first: a registry lookup is a Python call, on every block.
        return ":" in block and "\n" in block and "deflist" in self.parser.blockprocessors

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        lines = blocks[0].split("\n")
        starts = item_starts(lines, self.tab_length)
        if not starts:
            return False  # not a compact list: the block goes on to the next processor
        blocks.pop(0)
        bounds = [0, *starts, len(lines)]
        blocks[:0] = ["\n".join(lines[start:end]) for start, end in itertools.pairwise(bounds)]
        return True


class _WrittenLinks(_Step, Treeprocessor):
    """Notes each link's destination as the Markdown wrote it, before MkDocs rewrites it, and
    gives a link written for Jekyll's URLs as its page's Markdown file (`jekyll.urls`)."""

    def run(self, root: etree.Element) -> None:
        jekyll_urls = self.extension.jekyll_urls
        page = self.conversion.page
        ranks: dict[str, int] = {}
        for element in root.iter():
            attribute = link_attribute(element)
            # The toc extension's permalinks are not written by the author.
            if attribute is None or "headerlink" in (element.get("class") or ""):
                continue
            written = link_value(element, attribute)
            self.conversion.links[element] = written
            rank = ranks.get(written, 0)
            ranks[written] = rank + 1
            if jekyll_urls is None or page is None or element.tag not in ("a", "img"):
                continue
            target = jekyll_urls.target(written, page.src_uri)
            if target is None:
                continue
            if target.src_uri is None:
                # A Jekyll URL no page has stays as written: the link check reports it.
                page.dead_jekyll_links.add(written)
                continue
            # The Markdown file: MkDocs makes it the page's URL (and checks it) either style.
            element.set(attribute, target.href(page.src_uri))
            if target.protocol_relative:
                self._protocol_relative(written, rank, target.href(page.src_uri))
        if jekyll_urls is not None and page is not None:
            self._raw_html_links(jekyll_urls, page.src_uri)

    def _raw_html_links(self, jekyll_urls: JekyllUrls, src_uri: str) -> None:
        """Links to Jekyll URLs in raw HTML, which MkDocs leaves as written, given as the
        built page's URL; the model keeps what was written, for the line a finding names."""
        blocks = self.md.htmlStash.rawHtmlBlocks
        for index, block in enumerate(blocks):
            if not isinstance(block, str) or not may_hold_links(block):
                continue

            def built(match: re.Match[str]) -> str:
                written = html.unescape(match.group("value"))
                target = jekyll_urls.target(written, src_uri)
                href = (
                    jekyll_urls.built_href(target, src_uri)
                    if target
                    else jekyll_urls.resource_href(written, src_uri)
                )
                if href is None:
                    return match.group(0)
                self.conversion.raw_written[href] = written
                quote = match.group("quote")
                return f"{match.group('head')}{quote}{html.escape(href)}{quote}"

            blocks[index] = _RAW_HREF_RE.sub(built, block)

    def _protocol_relative(self, written: str, rank: int, href: str) -> None:
        """`//name/...` (an empty `site.baseurl` before `/`): a browser leaves the site."""
        found = self.conversion.lines().link(written, rank, raw_html=False)
        line, column = (found.line, found.column) if found else (0, 0)
        host = written.lstrip("/").split("/", 1)[0]
        message = (
            f"link target {written}: starts with `//`, so a browser takes `{host}` for a host, "
            f"not a path of this site; it is led to the page it names ({href}): write one `/`"
        )
        self.conversion.problems.append(Finding(line=line, message=message, column=column))


class _ChildPages(_Step, Treeprocessor):
    """What Just the Docs' page prints around the content: the site's own layouts it sits in
    (`jekyll.content_layouts`), as raw HTML before and after it; then, at the end of a parent
    page, its table of contents of child pages (`jekyll.children_toc`), under the site's own
    `toc_heading_custom.html` where it has one."""

    def run(self, root: etree.Element) -> None:
        page = self.conversion.page
        if page is None:
            return
        if page.layouts:
            self._in_layouts(root, page)
        if page.children:
            append_children_toc(root, page.src_uri, page.children, self._heading(root, page))

    def _heading(self, root: etree.Element, page: PageInput) -> list[etree.Element] | None:
        """The site's own heading of the table of child pages, as raw HTML; None: the
        theme's (the site has none, or it could not be rendered, which is reported)."""
        rendered = self.extension.rewrites.site_include(HEADING_INCLUDE, page)
        if rendered is None:
            return None
        if rendered.problems:
            # The tag names the include and why; the page is where it is printed.
            self.conversion.problems.extend(Finding(message=p.message) for p in rendered.problems)
            return None
        text = rendered.text.strip()
        return [PageTree(self.md, root).block(text)] if text else []

    def _in_layouts(self, root: etree.Element, page: PageInput) -> None:
        around = around_content(self.extension.rewrites, page)
        self.conversion.problems.extend(around.problems)
        tree = PageTree(self.md, root)
        if around.before.strip():
            before = tree.block(around.before)
            before.tail = "\n"
            root.insert(0, before)
        if around.after.strip():
            after = tree.block(around.after)
            after.tail = "\n"
            root.append(after)


class _PageReader(_Step, Treeprocessor):
    """Reads the tree into the page model and puts the widgets' markup in it."""

    def run(self, root: etree.Element) -> None:
        tree = PageTree(self.md, root)
        page = self.conversion.page
        model = PageModel(self.conversion.lines(), src_uri=page.src_uri if page else None)
        code_blocks = read_page(tree, model, self.conversion.links, self.conversion.raw_written)
        title = page.meta.get("title") if page else None
        context = PageContext(
            tree,
            model,
            self.extension.environment,
            self.extension.settings,
            page.src_uri if page else "",
            page_url=page.url if page else None,
            page_title=str(title) if isinstance(title, (str, int, float)) else "",
            code_blocks=code_blocks,
        )
        # Before any widget reads it: a checklist keeps its items' HTML as read.
        mark_code(tree)
        features = [make() for make in self.extension.settings.widgets]
        for feature in features:
            feature.read(context)
        for feature in features:
            feature.render(context)
        model.problems[:0] = self.conversion.problems
        model.duplicates = duplicate_headings(model.headings)
        checklist_headings = {checklist.heading for checklist in model.checklists}
        model.problems.extend(repeated_checklist_headings(model.duplicates, checklist_headings))
        self.conversion.positions.settle()
        receiver = self.extension.on_page_model
        if receiver is None:
            # Nothing collects the problems (Zensical, plain Python-Markdown): say them now.
            self.extension.log_problems(page, model.problems)
        else:
            receiver(model)


def _files_of(folder: str) -> frozenset[str]:
    """Every file under `folder`, as paths relative to it."""
    found: set[str] = set()
    for directory, _, names in os.walk(folder, followlinks=True):
        for name in names:
            path = os.path.relpath(os.path.join(directory, name), folder)
            found.add(path.replace(os.sep, "/"))
    return frozenset(found)


class PlaybookExtension(Extension):
    """GitHub alerts as admonitions, and the page model behind the widgets.

    Told everything once: `settings` (the MkDocs plugin builds them from mkdocs.yml), else
    keyword options (`makeExtension(**options)`, as `markdown_extensions` lists them), which
    build the same settings (`settings.from_options`). `on_page_model` is called with each
    page's model; without it, the model's problems are logged as warnings. `one_build`: the
    extension is made anew for each build (as the MkDocs plugin makes it, in `on_config`), so
    the templates it renders cannot change while it lives.
    """

    def __init__(
        self,
        settings: PlaybookSettings | None = None,
        *,
        on_page_model: Callable[[PageModel], None] | None = None,
        one_build: bool = False,
        **options: Any,
    ) -> None:
        super().__init__()
        facts = SiteFacts()
        if settings is None:
            settings, facts = from_options(options)
        elif options:
            raise TypeError(f"options {sorted(options)} given beside settings: give one or other")
        self.settings = settings
        self.on_page_model = on_page_model
        self._handed_over: PageInput | None = None
        """The page about to be converted, from `hand_over` until a conversion takes it."""
        self.know_site(facts)
        # Once per extension, not per page: MkDocs makes a Markdown (so calls extendMarkdown)
        # for every page, and a new environment would recompile every template each time.
        # One that lives one build (`one_build`) need not check its files for changes.
        self.environment = environment(settings.template_loader, auto_reload=not one_build)

    def know_site(self, facts: SiteFacts) -> None:
        """What the whole site says, once per build, when its files are known (the MkDocs
        plugin's `on_files`): what was made of the last facts is made anew."""
        self.site = facts
        self._published: Container[str] | None = facts.published
        self._rewrites: Rewrites | None = None
        self._jekyll_urls: JekyllUrls | None = None

    def hand_over(self, page: PageInput | None) -> None:
        """The page MkDocs converts next: the one channel from plugin to extension (as
        mkdocs-autorefs hands its plugin over). The next conversion to start takes it, so a
        conversion nested inside that one (a docstring, a snippet rendered by another plugin)
        is no page's and never takes the page's record."""
        self._handed_over = page

    def take_page(self) -> PageInput | None:
        """The page handed over, once: the conversion that starts next is that page's."""
        page, self._handed_over = self._handed_over, None
        return page

    def context_page(self, md: Markdown, body: str) -> PageInput | None:
        """The page Zensical is rendering (its `rendering_context`), when no plugin said."""
        if "rendering_context" not in md.preprocessors:
            return None
        page = getattr(md.preprocessors["rendering_context"], "page", None)
        path = getattr(page, "path", None)
        if not isinstance(path, str):
            return None
        meta = getattr(page, "meta", None)
        meta = dict(meta) if isinstance(meta, dict) else {}
        # `_config.yml`'s defaults for it, as `prepare` read them (Zensical reads none).
        meta.update(self.site.defaulted.get(path, {}))
        positions = Positions(body)  # a generated page: its lines are its own
        docs_dir = self.settings.docs_dir
        if docs_dir:
            try:
                with open(os.path.join(docs_dir, path), encoding="utf-8-sig") as stream:
                    positions = Positions.in_file(stream.read(), body)
            except OSError:
                pass
        url = getattr(page, "url", "")
        return PageInput(
            path,
            meta,
            positions.first_line,
            str(url),
            positions=positions,
        )

    def log_problems(self, page: PageInput | None, problems: list[Finding]) -> None:
        """Each problem as a warning naming the file, line and column."""
        docs_dir = self.settings.docs_dir or "docs"
        path = os.path.relpath(os.path.join(docs_dir, page.src_uri)) if page else "(page)"
        for problem in problems:
            log.warning("%s", problem.at_path(path.replace(os.sep, "/")))

    @property
    def published(self) -> Container[str]:
        """Docs paths of every file the site publishes, for repository links: the site's
        facts once its files are known; else every file of `docs_dir`."""
        if self._published is None:
            docs_dir = self.settings.docs_dir
            self._published = _files_of(docs_dir) if docs_dir else frozenset()
        return self._published

    @property
    def jekyll_urls(self) -> JekyllUrls | None:
        """Where Jekyll publishes each page (the site's facts); None for a site that is not
        Jekyll's."""
        urls = self.site.jekyll_urls
        if not urls:
            return None
        if self._jekyll_urls is None:
            # The base URL `{{ site.baseurl }}` printed: links are compared after Liquid.
            variables = self.settings.site_variables
            site = self.settings.site
            # As Liquid prints it: site_url's path, else _config.yml's `baseurl`.
            baseurl = variables.get("site.baseurl") or (site.baseurl or "").rstrip("/")
            own = (
                variables.get("site.url", "") + baseurl,
                (site.url or "") + (site.baseurl or ""),
            )
            self._jekyll_urls = JekyllUrls(
                urls,
                baseurl,
                tuple(_without_scheme(url) for url in own if "://" in url),
                self.site.page_urls,
            )
        return self._jekyll_urls

    @property
    def rewrites(self) -> Rewrites:
        """The site's rewrites, made once per build (their patterns are compiled on first
        use)."""
        if self._rewrites is None:
            settings = self.settings
            repository = (
                RepositoryLinks(
                    settings.repository_url,
                    settings.repository_branches,
                    settings.repository_docs_roots,
                )
                if settings.repository_url
                else None
            )
            config = settings.jekyll_config
            self._rewrites = Rewrites(
                settings.site_variables,
                repository,
                self.published,
                os.path.abspath(settings.docs_dir) if settings.docs_dir else "",
                os.path.dirname(os.path.abspath(config)) if config else "",
                unsafe_urls=settings.unsafe_attributes,
                jekyll_urls=self.jekyll_urls,
                site_data=settings.site.data,
                pages=self.site.site_pages,
                # Jekyll's own default, as `jekyll build` gives it without JEKYLL_ENV.
                environment_name=os.environ.get("JEKYLL_ENV", "development"),
            )
        return self._rewrites

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        conversion = _Conversion()
        md.registerExtension(conversion)  # cleared by md.reset()
        # Before normalize_whitespace (30): lines are counted in the text as written.
        md.preprocessors.register(_Capture(md, self, conversion), "playbook_source", 35)
        md.preprocessors.register(_Rewrite(md, self, conversion), "playbook_rewrite", 34)
        # After normalize_whitespace has expanded tabs, before fenced code (25) is stashed.
        site = self.settings.site
        md.preprocessors.register(_NestLists(md, lazy_blocks=bool(site.path)), "playbook_lists", 27)
        # After fenced code is stashed, so what is left is what the block parser reads (and
        # after normalize_whitespace, which strips the stash's markers), before raw HTML.
        md.preprocessors.register(_NestingCap(md, self, conversion), "playbook_nesting", 24)
        # Likewise, on what the nesting cap left.
        md.preprocessors.register(_InlineLimits(md, self, conversion), "playbook_inline_limits", 23)
        # Just above def_list's (25), which would nest each item of a compact list in the last.
        md.parser.blockprocessors.register(
            _DefinitionItems(md.parser), "playbook_definition_items", 25.5
        )
        # Just above the blockquote processor (20), which would otherwise take the block.
        md.parser.blockprocessors.register(AlertProcessor(md.parser), "playbook_alert", 21)
        # kramdown and Just the Docs (each module's docstring gives its priorities).
        # Where the Jekyll processors report, and the page's parse of a text they read.
        report, parse = conversion.report, conversion.parse
        # kramdown's heading ids for a Jekyll site (its links use them); toc's for any other.
        kramdown = KramdownSettings.from_site(site.data, heading_ids=bool(site.path))
        register_kramdown(
            md, kramdown, report, parse=parse, unsafe_attributes=self.settings.unsafe_attributes
        )
        if site.path:
            # Jekyll's kramdown reads the Markdown of a Jekyll site (`jekyll.kramdown_gfm`).
            register_gfm(md, gfm=kramdown.gfm, hard_wrap=kramdown.hard_wrap)
        register_callouts(md, site.callouts, report, level=site.callouts_level)
        register_ui_classes(md)
        # After toc (5), so the table's heading (and the layouts' HTML) gets no id and stays
        # out of the page's own contents, as the layout's does; before their links are noted
        # and made URLs (0).
        md.treeprocessors.register(_ChildPages(md, self, conversion), "playbook_children", 0.5)
        # After toc (5) and MkDocs' title (1); registered before MkDocs' relpath (0) is, so
        # it runs first at the same priority and sees links as written.
        md.treeprocessors.register(_WrittenLinks(md, self, conversion), "playbook_written", 0)
        # After relpath: the model holds links as readers get them, and the widgets move
        # content (links in checklist items) only once MkDocs has rewritten it.
        md.treeprocessors.register(_PageReader(md, self, conversion), "playbook_page", -1)


# The href of an `<a>` tag, or the src of a media or frame tag, in raw HTML, quoted.
_RAW_HREF_RE = re.compile(
    r"""(?P<head><a\s[^<>]*?\bhref\s*=\s*|<(?:img|video|audio|source|iframe)\s[^<>]*?\bsrc\s*=\s*)"""
    r"""(?P<quote>["'])(?P<value>[^"'<>]*)(?P=quote)""",
    re.IGNORECASE,
)


def _without_scheme(url: str) -> str:
    """`example.org/handbook` of `https://Example.org/handbook/`, as `JekyllUrls` compares."""
    netloc, _, path = url.partition("://")[2].partition("/")
    return f"{netloc.lower()}/{path}".rstrip("/")


def makeExtension(**kwargs: Any) -> PlaybookExtension:
    return PlaybookExtension(**kwargs)
