"""Just the Docs callouts as Material admonitions (issue #14 §3).

Just the Docs styles a paragraph or block quote whose class is a callout named under
`callouts:` in `_config.yml` (`{: .note }`), with the callout's `title` above it; with the
name and `-title` (`{: .note-title }`), a block quote's first paragraph is the title instead.
Here each becomes `<div class="admonition TYPE playbook-callout">` with the title in
`<p class="admonition-title">`, the way Material (and our GitHub alerts) write admonitions.
Other classes and the id move to the admonition.

**A callout class, or an ordinary one?** A class is only a callout because `_config.yml`
says so; any other class on a paragraph may be a site's own (`.code-example`, a utility such
as `.fs-5`). So a class is reported as an undefined callout only where it can be nothing
else: one of the callout names Just the Docs' documentation uses (`highlight`, `important`,
`new`, `note`, `warning`), or a name ending in `-title` on a block quote (that form exists only
for callouts). Those Just the Docs renders unstyled; the report names the line of the
attribute list that gave the class, so `mkdocs build --strict` fails until it is defined.

**Colour to Material type.** Just the Docs colours a callout with one of seven colours; each
maps to the Material type of that colour, so callouts of different colours look different in
the light and the dark scheme alike (Material keeps its type colours in both):

| colour | type | Material's colour |
| --- | --- | --- |
| blue | note | blue |
| green | success | green |
| yellow | warning | orange, the nearest |
| red | danger | red |
| purple | example | deep purple |
| grey-dk | quote | grey |
| grey-lt | quote, with `playbook-callout--grey-lt` | a lighter grey (`assets/jtd.css`) |

A colour of the site's own Sass (`$X-300` in `_sass/custom/setup.scss`, `sass_colours`) is
drawn in that colour (`playbook-callout--own`, the colour on the element), or, where it is one
of the theme's colours' shades, as that colour; any other is shown as grey-dk, and
`site_config` warns about it. `callouts_level: quiet` gives the admonition a faint outline
(`playbook-callout--quiet`), `loud` Material's full colour one (`playbook-callout--loud`);
unset, it is quiet in the light scheme and loud in the dark one, as in Just the Docs.
Material shows its type's icon in the title; Just the Docs has no icon.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Mapping

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from .kramdown_attributes import Report, attribute_origin
from .site_config import Callout, CalloutsLevel

MATERIAL_TYPES = {
    "blue": "note",
    "green": "success",
    "yellow": "warning",
    "red": "danger",
    "purple": "example",
    "grey-dk": "quote",
    "grey-lt": "quote",
}
"""Just the Docs' callout colours and the Material admonition type each one gets."""
_OWN_COLOURS = frozenset({"grey-lt"})
"""Colours with no Material type of their own: `assets/jtd.css` colours them."""
DOCUMENTED_NAMES = frozenset({"highlight", "important", "new", "note", "warning"})
"""The callout names Just the Docs' documentation uses: as a class, they mean a callout."""
_TITLE = "-title"


def register_callouts(
    md: Markdown,
    callouts: Mapping[str, Callout],
    report: Report,
    *,
    level: CalloutsLevel | None = None,
) -> None:
    """Make paragraphs and block quotes with a callout's class into admonitions; report
    callout classes `callouts` does not define (at the attribute list that set them)."""
    # After attribute lists gave the classes (kramdown's at 16, attr_list at 8); before abbr
    # (7) and toc (5), which read the finished elements.
    md.treeprocessors.register(_Callouts(md, callouts, report, level), "jtd_callouts", 7.5)


class _Callouts(Treeprocessor):
    def __init__(
        self,
        md: Markdown,
        callouts: Mapping[str, Callout],
        report: Report,
        level: CalloutsLevel | None,
    ) -> None:
        super().__init__(md)
        self.callouts = callouts
        self.report = report
        self.level = level

    def run(self, root: etree.Element) -> None:
        # Listed first: a callout's element changes, its nested callouts are visited still.
        for element in [e for e in root.iter() if e.tag in ("p", "blockquote") and e.get("class")]:
            classes = (element.get("class") or "").split()
            found = self._callout(element.tag, classes)
            if found is None:
                self._report_undefined(element, classes)
            else:
                self._to_admonition(element, classes, *found)

    def _callout(self, tag: str, classes: list[str]) -> tuple[str, Callout, bool] | None:
        """The first callout class, its callout, and whether its first paragraph is the title."""
        for name in classes:
            if name in self.callouts:
                return name, self.callouts[name], False
            base = name.removesuffix(_TITLE)
            if base != name and base in self.callouts:
                return name, self.callouts[base], tag == "blockquote"
        return None

    def _report_undefined(self, element: etree.Element, classes: list[str]) -> None:
        for name in classes:
            base = name.removesuffix(_TITLE)
            titled = base != name and element.tag == "blockquote"
            if (name in DOCUMENTED_NAMES or titled) and base:
                line, column = attribute_origin(self.md, element, name) or (0, 0)
                self.report(
                    line,
                    column,
                    f"callout `{base}` is not defined under `callouts:` in _config.yml "
                    "(Just the Docs shows it as plain text); define it with a `color` "
                    "(and a `title`), or remove the class",
                )

    def _to_admonition(
        self, element: etree.Element, classes: list[str], name: str, callout: Callout, titled: bool
    ) -> None:
        kind = MATERIAL_TYPES.get(callout.color, "quote")
        modifiers = ["playbook-callout"]
        if callout.color in _OWN_COLOURS:
            modifiers.append(f"playbook-callout--{callout.color}")
        if callout.shade is not None:
            # The site's own colour, which `assets/jtd.css` draws the callout in.
            modifiers.append("playbook-callout--own")
            style = (element.get("style") or "").strip().rstrip(";")
            own = f"--playbook-callout-color: {callout.shade}"
            element.set("style", f"{style}; {own}" if style else own)
        if self.level is not None:
            modifiers.append(f"playbook-callout--{self.level}")
        others = [c for c in classes if c != name]
        element.set("class", " ".join(["admonition", kind, *modifiers, *others]))
        if element.tag == "p":
            content = etree.Element("p")
            content.text, element.text = element.text, None
            for child in list(element):
                element.remove(child)
                content.append(child)
            element.append(content)
        element.tag = "div"
        first = element[0] if len(element) else None
        if titled and first is not None and first.tag == "p":
            first.set("class", "admonition-title")
        elif callout.title is not None and not name.endswith(_TITLE):
            title = etree.Element("p", {"class": "admonition-title"})
            title.text = callout.title
            element.insert(0, title)
