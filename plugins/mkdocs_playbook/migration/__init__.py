"""Moving a Just the Docs site over: `init` writes its MkDocs configuration, `compare` reads
Jekyll's built `_site/` beside ours and reports where they differ. Imports nothing from MkDocs
but its command line, which `init` runs."""
