"""One `mkdocs build` in this fresh process; prints its time, peak memory and log as JSON.

Run as `python -m bench.buildrun [--out FILE] CONFIG`: a process per build, so `ru_maxrss` is
that build's own peak and no build warms another's caches. With `--out`, the JSON goes to FILE
(hyperfine, which times the whole process, discards what it prints).
"""

from __future__ import annotations

import json
import logging
import re
import resource
import sys
import time

_LINK_TIME_RE = re.compile(r"links validated in ([0-9.]+) s")
# The plugin's logger (mkdocs.plugins.get_plugin_logger prefixes "mkdocs.plugins.").
PLUGIN_LOGGER = "mkdocs.plugins.playbook"


class _Collector(logging.Handler):
    """Counts warnings and keeps the plugin's own link-validation timing, if it logs one."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.warnings: list[str] = []
        self.link_seconds: float | None = None

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.WARNING:
            self.warnings.append(message)
        match = _LINK_TIME_RE.search(message)
        if match and record.name.startswith(PLUGIN_LOGGER):
            self.link_seconds = float(match.group(1))


def main(config_file: str, out: str = "") -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collector = _Collector()
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(collector)
    mkdocs_logger.setLevel(logging.INFO)
    mkdocs_logger.propagate = False
    # Only the plugin's logger at DEBUG: its timing line without MkDocs' own debug chatter.
    logging.getLogger(PLUGIN_LOGGER).setLevel(logging.DEBUG)
    started = time.perf_counter()
    config = load_config(config_file=config_file)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result = {
        "seconds": seconds,
        # What this process itself ran: steadier than wall time when the machine is shared.
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        # Linux reports kilobytes.
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "warnings": collector.warnings,
        "link_seconds": collector.link_seconds,
    }
    if out:
        with open(out, "w", encoding="utf-8") as stream:
            json.dump(result, stream)
    else:
        json.dump(result, sys.stdout)


if __name__ == "__main__":
    if sys.argv[1] == "--out":
        main(sys.argv[3], sys.argv[2])
    else:
        main(sys.argv[1])
