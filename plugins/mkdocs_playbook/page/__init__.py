"""One page's model, its source lines and code regions, and its lint. Imports nothing from
MkDocs."""
