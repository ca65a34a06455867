"""What a Jekyll + Just the Docs site means: front matter, navigation, Liquid, repository
links and alerts. Imports nothing from MkDocs."""
