"""LinkChecker's own command, with its plugins found before it gives up root.

Run as root, LinkChecker switches to the user `nobody` and only then lists its plugin folder.
When the project (and so the virtualenv) sits in a folder only root may enter, as `mktemp -d`
makes, the listing finds nothing and LinkChecker runs without AnchorCheck: every #fragment
passes unchecked, with no word said. So the plugins are listed here, while we may still read
them, and a LinkChecker without AnchorCheck is refused.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import ModuleType

from linkcheck import plugins
from linkcheck.command.linkchecker import linkchecker

# The plugins our linkcheckerrc enables; without them the run would pass what it should not.
REQUIRED = ("AnchorCheck",)


def preload_plugins() -> list[str]:
    """Import LinkChecker's plugin modules now, and hand the same list to its plugin manager."""
    modules = list(plugins.get_plugin_modules([]))
    names = sorted(cls.__name__ for cls in plugins.get_plugin_classes(modules))
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise SystemExit(
            f"check-links: LinkChecker has no {', '.join(missing)} plugin here "
            f"(found: {', '.join(names) or 'none'}); anchors would go unchecked"
        )

    def loaded(folders: list[str]) -> Iterator[ModuleType]:
        # linkcheckerrc names no plugin folders, so only the package's own plugins exist.
        return iter(modules)

    plugins.get_plugin_modules = loaded
    return names


if __name__ == "__main__":
    preload_plugins()
    sys.argv[0] = "linkchecker"
    sys.exit(linkchecker())
