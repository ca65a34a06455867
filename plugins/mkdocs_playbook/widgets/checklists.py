"""Checklists: which lists of a page are checklists, their stable ids, and their markup.

A list is a checklist when it holds a task item (`[ ]`, `[x]`), or stands in the section of a
heading matching one of the `checklist_headings` patterns. The class `checklist` or
`no-checklist` on the list's heading (`## Steps {.checklist}`) or on a `<div markdown>` around
the list opts it in or out explicitly. An item's id comes from its checklist (the heading),
its parents' text and its own normalised text, never its position, so edits elsewhere never
move a tick.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..findings import Finding
from ..page.lines import UNKNOWN
from ..page.model import Checklist, ChecklistItem, Heading
from ..page.reader import HEADINGS, heading_text
from ..page.tree import collapse
from .render import PageContext, stable_id

OPT_IN = "checklist"
OPT_OUT = "no-checklist"
_LISTS = ("ul", "ol")
_MARKER_RE = re.compile(r"^\s*\[([ xX])\](?:\s+|$)")


def compile_patterns(patterns: Iterable[str]) -> list[re.Pattern[str]]:
    """The heading patterns, compiled; `re.error` names a broken one."""
    return [re.compile(pattern, re.IGNORECASE) for pattern in patterns]


def item_text_key(text: str) -> str:
    """An item's text as its id sees it: Unicode-normalised, case-folded, spaces collapsed."""
    return collapse(unicodedata.normalize("NFKC", text)).casefold()


@dataclass
class _Section:
    heading: Heading
    element: etree.Element
    promises: bool
    """The heading calls for a checklist (pattern or opt-in class)."""
    insists: bool
    """An empty section is a finding: the site's own pattern or the class promised it."""
    lists: int = 0


@dataclass
class _ItemView:
    """What the template needs of one item."""

    model: ChecklistItem
    label_html: str
    extra_html: str
    tag: str
    children: list[_ItemView] = field(default_factory=list)


@dataclass
class _ListView:
    element: etree.Element
    checklist: Checklist
    interactive: bool
    tag: str
    start: str
    items: list[_ItemView]


class Checklists:
    """The checklist `Feature`: reads checklists into the model and renders them."""

    def __init__(self) -> None:
        self._views: list[_ListView] = []

    def read(self, context: PageContext) -> None:
        reader = _Reader(context)
        reader.walk()
        reader.close_sections(0)
        self._views = reader.views

    def render(self, context: PageContext) -> None:
        if any(view.interactive for view in self._views):
            context.use("checklist_controls", "checklist_page")
        for view in self._views:
            markup = context.render(
                "checklist.html",
                checklist=view.checklist,
                interactive=view.interactive,
                tag=view.tag,
                start=view.start,
                items=view.items,
            )
            context.tree.replace(view.element, markup)


def _classes(element: etree.Element) -> list[str]:
    return (element.get("class") or "").split()


def _is_list(element: etree.Element) -> bool:
    return element.tag in _LISTS


class _Reader:
    def __init__(self, context: PageContext) -> None:
        self.context = context
        self.tree = context.tree
        self.patterns = compile_patterns(context.settings.heading_patterns)
        # A heading the site's own patterns (or class) call a checklist must have its list;
        # one only the default pattern matches may be prose on a site that never asked.
        self.report_empty = context.settings.checklist_headings is not None
        self.headings = list(context.model.headings)
        self.sections: list[_Section] = []
        self.views: list[_ListView] = []
        self.checklists_per_heading: Counter[str] = Counter()

    def walk(self) -> None:
        # A stack, not recursion: unclosed raw HTML nests thousands of elements deep.
        pending = list(reversed(self.tree.root))
        while pending:
            child = pending.pop()
            if child.tag in HEADINGS:
                self.enter_heading(child)
            elif _is_list(child):
                self.read_list(child)
            else:
                pending.extend(reversed(child))

    def enter_heading(self, element: etree.Element) -> None:
        text = heading_text(self.tree, element)
        # The model's headings, in the same order; one skipped (inside a list) is passed over.
        found = next((i for i, h in enumerate(self.headings) if h.text == text), None)
        if found is None:
            heading = Heading(int(element.tag[1]), text, element.get("id"))
        else:
            heading = self.headings[found]
            del self.headings[: found + 1]
        self.close_sections(heading.level)
        classes = _classes(element)
        promises = OPT_OUT not in classes and (
            OPT_IN in classes or any(p.search(heading.text) for p in self.patterns)
        )
        insists = promises and (self.report_empty or OPT_IN in classes)
        self.sections.append(_Section(heading, element, promises, insists))

    def close_sections(self, level: int) -> None:
        while self.sections and self.sections[-1].heading.level >= level:
            section = self.sections.pop()
            if section.insists and section.lists == 0:
                self.context.model.problems.append(
                    Finding(
                        line=section.heading.line,
                        message=f"checklist heading '{section.heading.text}' has no list under it: "
                        f"write its steps as a list, or add {{.{OPT_OUT}}} to the heading",
                    )
                )

    def read_list(self, element: etree.Element) -> None:
        for section in self.sections:
            section.lists += 1
        choice = self._choice(element)
        # Each item's own text, read once: the task test and the items both need it.
        texts = {li: self._own_text(li) for li in element.iter("li")}
        has_tasks = any(_marker(text) is not None for text in texts.values())
        if choice is False:
            if not has_tasks:
                return
            interactive = False  # opted out, but its boxes are still shown, unticked or ticked
        elif choice or has_tasks or any(s.promises for s in self.sections):
            interactive = True
        else:
            return
        heading = self.sections[-1].heading if self.sections else None
        name = heading.text if heading else ""
        occurrence = self.checklists_per_heading[name]
        self.checklists_per_heading[name] += 1
        key = stable_id("checklist", name, str(occurrence))
        items = self._items(element, key, (), texts)
        at = heading.at if heading else UNKNOWN
        checklist = Checklist(key, name, tuple(view.model for view in items), at)
        if interactive:
            self.context.model.checklists.append(checklist)
        self.views.append(
            _ListView(element, checklist, interactive, element.tag, element.get("start", ""), items)
        )

    def _choice(self, element: etree.Element) -> bool | None:
        """An explicit opt-in (True) or opt-out (False), the nearest one winning."""
        for ancestor in self.tree.ancestors(element):
            classes = _classes(ancestor)
            if OPT_OUT in classes:
                return False
            if OPT_IN in classes:
                return True
        if self.sections:
            classes = _classes(self.sections[-1].element)
            if OPT_OUT in classes:
                return False
            if OPT_IN in classes:
                return True
        return None

    def _own_text(self, li: etree.Element) -> str:
        """The item's text without its nested lists."""
        return self.tree.text(li, skip=_is_list)

    def _items(
        self,
        element: etree.Element,
        checklist: str,
        parents: Sequence[str],
        texts: dict[etree.Element, str],
    ) -> list[_ItemView]:
        seen: Counter[str] = Counter()
        views: list[_ItemView] = []
        for li in (child for child in element if child.tag == "li"):
            raw_text = texts[li]
            marker = _marker(raw_text)
            text = _MARKER_RE.sub("", raw_text)
            at = self.context.model.lines.register("list_item", raw_text, prefix=True)
            text_key = item_text_key(text)
            duplicate = seen[text_key]
            seen[text_key] += 1
            key = stable_id(checklist, *parents, text_key, str(duplicate))
            nested = [child for child in li if _is_list(child)]
            children: list[_ItemView] = []
            for sub in nested:
                children.extend(self._items(sub, checklist, (*parents, text_key), texts))
            label_html, extra_html = self._content(li)
            checked = marker is not None and marker != " "
            model = ChecklistItem(key, text, checked, tuple(c.model for c in children), at)
            tag = nested[0].tag if nested else "ul"
            views.append(_ItemView(model, label_html, extra_html, tag, children))
        return views

    def _content(self, li: etree.Element) -> tuple[str, str]:
        """The item's label HTML (its first paragraph, marker removed) and what follows it."""
        first = li[0] if len(li) and not (li.text or "").strip() else None
        if first is not None and first.tag == "p":
            label = self.tree.inner_html(first)
            rest = etree.Element("li")
            rest.extend(child for child in li if child is not first)
            extra = self.tree.inner_html(rest, skip=_is_list)
        else:
            label = self.tree.inner_html(li, skip=_is_list)
            extra = ""
        return _MARKER_RE.sub("", label, count=1).strip(), extra.strip()


def _marker(text: str) -> str | None:
    match = _MARKER_RE.match(text)
    return match.group(1) if match else None
