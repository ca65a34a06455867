"""MkDocs plugin and Python-Markdown extension for incident-response playbooks."""

# The one place the version is written: pyproject.toml reads it (setuptools' dynamic version).
__version__ = "0.7.6"
