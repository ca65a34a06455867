"""`site.data`: the files of a Jekyll site's `_data/` folder, read as Jekyll reads them (YAML,
JSON, CSV with a header row, TSV), each under its name without the extension, sub-folders as
nested mappings.

Read the way includes are (`jekyll.includes`): each file through its symlinks and kept inside
`_data/`, only when it is a small regular UTF-8 file, YAML without aliases past its bounds
(`jekyll.bounded_yaml`); at most `FILES_LIMIT` files. What cannot be read is left out and
logged, naming the file.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
from typing import Any

import yaml

from .bounded_yaml import load as load_yaml
from .includes import IncludeError, read_text, resolved

log = logging.getLogger("mkdocs.plugins.playbook")

FILES_LIMIT = 1000
"""Data files read, at most: a site's `_data/` holds a few dozen."""
_EXTENSIONS = (".yml", ".yaml", ".json", ".csv", ".tsv")


def load_data(folder: str) -> dict[str, Any]:
    """Every data file under `folder` (`_data/`), by name; empty when there is none."""
    data: dict[str, Any] = {}
    if not os.path.isdir(folder):
        return data
    source = os.path.dirname(folder)
    count = 0
    for directory, folders, names in os.walk(folder):
        folders.sort()
        for name in sorted(names):
            stem, extension = os.path.splitext(name)
            if extension.lower() not in _EXTENSIONS:
                continue
            count += 1
            path = os.path.join(directory, name)
            shown = os.path.relpath(path, source).replace(os.sep, "/")
            if count > FILES_LIMIT:
                log.warning(
                    "%s: more than %d data files; the rest are not read", shown, FILES_LIMIT
                )
                return data
            try:
                value = _read(resolved(path, folder, source, shown), shown, extension.lower())
            except (IncludeError, ValueError, yaml.YAMLError, csv.Error) as error:
                log.warning("%s: not read into site.data: %s", shown, _reason(error))
                continue
            target = data
            for part in os.path.relpath(directory, folder).split(os.sep):
                if part != ".":
                    inner = target.get(part)
                    if not isinstance(inner, dict):
                        inner = target[part] = {}
                    target = inner
            target[stem] = value
    return data


def _reason(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _read(path: str, shown: str, extension: str) -> Any:
    text = read_text(path, shown)
    if extension == ".json":
        return json.loads(text)
    if extension in (".csv", ".tsv"):
        dialect = "excel-tab" if extension == ".tsv" else "excel"
        return list(csv.DictReader(io.StringIO(text), dialect=dialect))
    _, value = load_yaml(text)
    return value
