"""MkDocs plugin and Python-Markdown extension for incident-response playbooks."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mkdocs-playbook")
except PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0+unknown"
