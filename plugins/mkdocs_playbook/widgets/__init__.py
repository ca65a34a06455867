"""Checklists, the severity lookup, template forms and incident runs: read from the page
model, rendered from Jinja fragments."""
