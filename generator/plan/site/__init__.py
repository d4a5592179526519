"""The site's pages (`pages.py`), its navigation, the program manager's kit pages, the feedback
page and the facilitator's slide decks: what site/ renders and MkDocs builds."""
