"""What a Jekyll + Just the Docs site means: front matter, `_config.yml`, navigation, Liquid,
repository links, alerts, kramdown's syntax, callouts and UI classes. Imports nothing from
MkDocs."""
