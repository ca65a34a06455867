"""ATX headings as kramdown-parser-gfm 1.1.0 reads them: the hashes must be followed by a
space or a tab (`#98 by @someone` is a paragraph, as on GitHub); Python-Markdown makes a
heading of any line that starts with `#`. Fixture: tests/fixtures/kramdown-gfm/
heading-needs-space.md."""

from __future__ import annotations

import re

from markdown.blockprocessors import HashHeaderProcessor


class SpacedHashHeader(HashHeaderProcessor):
    """Python-Markdown's reader of `# Heading` lines, registered in its place (`hashheader`,
    70), with a space or tab required after the hashes: the rest of its pattern unchanged."""

    RE = re.compile(
        r"(?:^|\n)(?P<level>#{1,6})(?=[ \t])(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)"
    )
