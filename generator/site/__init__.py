"""The site: planned pages -> Markdown -> MkDocs or ProperDocs (or Zensical)."""

from generator.site.engine import redirect

redirect()  # before any module here imports MkDocs: with ProperDocs, `mkdocs` is its alias
