"""Checklists: which lists of a page are checklists, their stable ids, and their markup.

A list is a checklist when it holds a task item (`[ ]`, `[x]`), or stands in the section of a
heading matching one of the `checklist_headings` patterns. The class `checklist` or
`no-checklist` on the list's heading (`## Steps {.checklist}`) or on a `<div markdown>` around
the list opts it in or out explicitly. An item's id comes from its checklist (the heading),
its parents' text and its own normalised text, never its position, so edits elsewhere never
move a tick.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..page.analysis import heading_text
from ..page.htmltree import Element
from ..page.model import Checklist, ChecklistItem, Heading, Problem
from ..page.sourcemap import normalise
from .render import Edit, PageContext

DEFAULT_HEADINGS = ["checklist"]
"""Heading patterns (case-insensitive regular expressions) whose lists are checklists."""
OPT_IN = "checklist"
OPT_OUT = "no-checklist"
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LISTS = ("ul", "ol")
_MARKER_RE = re.compile(r"^\s*\[([ xX])\](?:\s+|$)")
_ITEM_START_RE = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( +|$)")


def compile_patterns(patterns: Iterable[str]) -> list[re.Pattern[str]]:
    """The heading patterns, compiled; `re.error` names a broken one."""
    return [re.compile(pattern, re.IGNORECASE) for pattern in patterns]


def item_text_key(text: str) -> str:
    """An item's text as its id sees it: Unicode-normalised, case-folded, spaces collapsed."""
    return normalise(unicodedata.normalize("NFKC", text)).casefold()


def stable_id(*parts: str) -> str:
    """A short id that depends on `parts` only."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


@dataclass
class _Section:
    heading: Heading
    element: Element
    promises: bool
    """The heading calls for a checklist (pattern or opt-in class)."""
    lists: int = 0


@dataclass
class _Entry:
    """A list item as read from the HTML, before it is nested and named."""

    li: Element
    text: str
    marker: str | None
    line: int
    nested: list[Element]
    """Lists that Python-Markdown nested inside it."""
    children: list[_Entry] = field(default_factory=list)
    """Items nested under it by their source indentation only."""
    children_tag: str = "ul"


@dataclass
class _ItemView:
    """What the template needs of one item."""

    model: ChecklistItem
    dom_id: str
    label_html: str
    extra_html: str
    tag: str
    children: list[_ItemView] = field(default_factory=list)


@dataclass
class _ListView:
    element: Element
    checklist: Checklist
    interactive: bool
    tag: str
    start: str
    items: list[_ItemView]


class Checklists:
    """The checklist `Feature`: reads checklists into the model and renders them."""

    def __init__(self) -> None:
        self._views: dict[int, list[_ListView]] = {}

    def read(self, context: PageContext) -> None:
        reader = _Reader(context)
        reader.walk(context.tree)
        reader.close_sections(0)
        self._views[id(context)] = reader.views

    def render(self, context: PageContext) -> list[Edit]:
        views = self._views.pop(id(context), [])
        edits: list[Edit] = []
        template = context.environment.get_template("playbook/checklist.html")
        page_template = context.environment.get_template("playbook/checklist_page.html")
        first = next((view for view in views if view.interactive), None)
        for view in views:
            text = template.render(
                checklist=view.checklist,
                interactive=view.interactive,
                tag=view.tag,
                start=view.start,
                items=view.items,
                page_id=context.page_id,
                site_id=context.settings.get("site_id", ""),
            )
            if view is first:
                text = page_template.render(page_id=context.page_id) + text
            edits.append(Edit(view.element.start, view.element.end, text))
        return edits


class _Reader:
    def __init__(self, context: PageContext) -> None:
        self.context = context
        self.html = context.html
        self.patterns = compile_patterns(context.settings.get("checklist_headings", []))
        self.headings = list(context.model.headings)
        self.sections: list[_Section] = []
        self.views: list[_ListView] = []
        self.checklists_per_heading: Counter[str] = Counter()

    def walk(self, element: Element) -> None:
        # A stack, not recursion: unclosed raw HTML nests thousands of elements deep.
        pending = list(reversed(element.elements))
        while pending:
            child = pending.pop()
            if child.tag in _HEADINGS:
                self.enter_heading(child)
            elif child.tag in _LISTS:
                self.read_list(child)
            else:
                pending.extend(reversed(child.elements))

    def enter_heading(self, element: Element) -> None:
        text = heading_text(element)
        # The model's headings, in the same order; one skipped (inside a list) is passed over.
        found = next((i for i, h in enumerate(self.headings) if h.text == text), None)
        if found is None:
            heading = Heading(int(element.tag[1]), text, element.attrs.get("id"), 0)
        else:
            heading = self.headings[found]
            del self.headings[: found + 1]
        self.close_sections(heading.level)
        classes = element.classes()
        promises = OPT_OUT not in classes and (
            OPT_IN in classes or any(p.search(heading.text) for p in self.patterns)
        )
        self.sections.append(_Section(heading, element, promises))

    def close_sections(self, level: int) -> None:
        while self.sections and self.sections[-1].heading.level >= level:
            section = self.sections.pop()
            if section.promises and section.lists == 0:
                self.context.model.problems.append(
                    Problem(
                        section.heading.line,
                        f"checklist heading '{section.heading.text}' has no list under it: "
                        f"write its steps as a list, or add {{.{OPT_OUT}}} to the heading",
                    )
                )

    def read_list(self, element: Element) -> None:
        for section in self.sections:
            section.lists += 1
        choice = self._choice(element)
        has_tasks = any(_marker(_own_text(li)) is not None for li in element.iter("li"))
        if choice is False:
            if not has_tasks:
                return
            interactive = False  # opted out, but its boxes are still shown, unticked or ticked
        elif choice or has_tasks or any(s.promises for s in self.sections):
            interactive = True
        else:
            return
        heading = self.sections[-1].heading.text if self.sections else ""
        occurrence = self.checklists_per_heading[heading]
        self.checklists_per_heading[heading] += 1
        key = stable_id("checklist", heading, str(occurrence))
        items = self._items(element, key, ())
        line = self.sections[-1].heading.line if self.sections else 0
        checklist = Checklist(key, heading, line, tuple(view.model for view in items))
        if interactive:
            self.context.model.checklists.append(checklist)
        for view in _flatten(items):
            self.context.model.ids.add(view.dom_id)
        self.views.append(
            _ListView(
                element, checklist, interactive, element.tag, element.attrs.get("start", ""), items
            )
        )

    def _choice(self, element: Element) -> bool | None:
        """An explicit opt-in (True) or opt-out (False), the nearest one winning."""
        for ancestor in element.ancestors():
            classes = ancestor.classes()
            if OPT_OUT in classes:
                return False
            if OPT_IN in classes:
                return True
        if self.sections:
            classes = self.sections[-1].element.classes()
            if OPT_OUT in classes:
                return False
            if OPT_IN in classes:
                return True
        return None

    def _items(self, element: Element, checklist: str, parents: Sequence[str]) -> list[_ItemView]:
        entries = [self._entry(li) for li in element.elements if li.tag == "li"]
        return self._views(_nest_by_source(entries, self.context.source.lines), checklist, parents)

    def _entry(self, li: Element) -> _Entry:
        raw_text = _own_text(li)
        marker = _marker(raw_text)
        source = self.context.source
        line = source.take("list_item", raw_text) or source.take_prefix("list_item", raw_text)
        nested = [child for child in li.elements if child.tag in _LISTS]
        return _Entry(li, _MARKER_RE.sub("", raw_text), marker, line, nested)

    def _views(
        self, entries: list[_Entry], checklist: str, parents: Sequence[str]
    ) -> list[_ItemView]:
        seen: Counter[str] = Counter()
        views: list[_ItemView] = []
        for entry in entries:
            text_key = item_text_key(entry.text)
            duplicate = seen[text_key]
            seen[text_key] += 1
            key = stable_id(checklist, *parents, text_key, str(duplicate))
            path = (*parents, text_key)
            children = self._views(entry.children, checklist, path)
            for sub in entry.nested:
                children.extend(self._items(sub, checklist, path))
            label_html, extra_html = self._content(entry.li, entry.nested)
            checked = entry.marker is not None and entry.marker != " "
            model = ChecklistItem(
                key, entry.text, entry.line, checked, tuple(c.model for c in children)
            )
            tag = entry.nested[0].tag if entry.nested else entry.children_tag
            views.append(
                _ItemView(model, f"playbook-check-{key}", label_html, extra_html, tag, children)
            )
        return views

    def _content(self, li: Element, nested: list[Element]) -> tuple[str, str]:
        """The item's label HTML (its first paragraph, marker removed) and what follows it."""
        first = next((c for c in li.children if not (isinstance(c, str) and not c.strip())), None)
        if isinstance(first, Element) and first.tag == "p":
            label = self.html[first.inner_start : first.inner_end]
            extra = _cut(self.html, first.end, li.inner_end, nested)
        else:
            label = _cut(self.html, li.inner_start, li.inner_end, nested)
            extra = ""
        return _MARKER_RE.sub("", label, count=1).strip(), extra.strip()


def _nest_by_source(entries: list[_Entry], lines: list[str]) -> list[_Entry]:
    """Items nested as CommonMark (and GitHub) nest them, by their source indentation.

    Python-Markdown nests only under four spaces, so `4. Step` followed by `   - sub` comes
    out as one flat list; markdown-it and readers of the Markdown see `sub` inside `Step`.
    """
    top: list[_Entry] = []
    stack: list[tuple[_Entry, int]] = []
    for entry in entries:
        match = (
            _ITEM_START_RE.match(lines[entry.line - 1]) if 0 < entry.line <= len(lines) else None
        )
        if match is None:
            stack.clear()
            top.append(entry)
            continue
        indent = len(match.group(1))
        while stack and indent < stack[-1][1]:
            stack.pop()
        if stack:
            parent = stack[-1][0]
            parent.children.append(entry)
            parent.children_tag = "ul" if match.group(2) in "-*+" else "ol"
        else:
            top.append(entry)
        # Content starts after the marker and its spaces (one, when more than four follow).
        spaces = len(match.group(3))
        stack.append((entry, indent + len(match.group(2)) + (spaces if spaces <= 4 else 1)))
    return top


def _cut(html: str, start: int, end: int, holes: list[Element]) -> str:
    parts: list[str] = []
    position = start
    for hole in holes:
        if hole.start < position or hole.end > end:
            continue
        parts.append(html[position : hole.start])
        position = hole.end
    parts.append(html[position:end])
    return "".join(parts)


def _own_text(li: Element) -> str:
    """The item's text without its nested lists."""
    own = Element(
        "#own",
        {},
        0,
        0,
        children=[c for c in li.children if not (isinstance(c, Element) and c.tag in _LISTS)],
    )
    return own.text()


def _marker(text: str) -> str | None:
    match = _MARKER_RE.match(text)
    return match.group(1) if match else None


def _flatten(items: list[_ItemView]) -> Iterable[_ItemView]:
    for item in items:
        yield item
        yield from _flatten(item.children)
