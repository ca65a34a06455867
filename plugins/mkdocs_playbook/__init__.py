"""MkDocs plugin and Python-Markdown extension for incident-response playbooks."""
