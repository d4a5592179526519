"""`--engine zensical`: the same docs built by Zensical, as strictly and as safely as by MkDocs.
Skipped where the optional extra is not installed (`make zensical`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.build import build
from generator.errors import InputError
from tests.util import tree_digest

pytest.importorskip("zensical")
pytestmark = pytest.mark.slow

LOADS_FROM_OUTSIDE = re.compile(r"""<(?:script|img|iframe|link)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


def _build(root: Path) -> None:
    build(root, root / "organizations/org.yaml", engine="zensical")


def test_zensical_builds_every_page_offline(project: Path) -> None:
    _build(project)
    site = project / "site"
    assert (site / "index.html").is_file() and (site / "search.js").is_file()
    assert (site / "assets/javascripts/iframe-worker-shim.js").is_file()
    assert (site / "assets/stylesheets/mentorbook.css").is_file()
    pages = list(site.rglob("*.html"))
    assert len(pages) > 5
    assert [p.name for p in pages if LOADS_FROM_OUTSIDE.search(p.read_text())] == []
    assert '"engine": "zensical"' in (site / ".mentorbook.json").read_text()


def test_zensical_keeps_links_safe(project: Path) -> None:
    """Our Markdown extension (generator.markup) runs inside Zensical too."""
    (project / "content/welcome.md").write_text(
        "# Welcome\n\n[click](javascript:alert(1)) and [ok](https://example.org)\n"
    )
    _build(project)
    html = (project / "site/guides/welcome.html").read_text()
    assert "javascript:" not in html
    assert "https://example.org" in html


def test_a_broken_link_fails_and_leaves_the_previous_output(project: Path) -> None:
    _build(project)
    before = tree_digest(project / "site")
    (project / "content/welcome.md").write_text("# Welcome\n\nSee [the rules](rules.md).\n")
    with pytest.raises(InputError) as caught:
        _build(project)
    assert "content/welcome.md" in caught.value.report()
    assert tree_digest(project / "site") == before
