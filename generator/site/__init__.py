"""The site: planned pages -> Markdown -> MkDocs (or Zensical)."""
