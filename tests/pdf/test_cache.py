"""`serve` remembers PDFs between builds (generator/pdf_cache.py). A build with the cache must
be the build without it, byte for byte, while laying out only what an edit changed; a changed
image must be laid out again although the HTML that names it is the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.pdf.cache import PdfCache
from tests.conftest import REPO, copy_project
from tests.util import tree_digest

pytestmark = pytest.mark.slow  # lays out PDFs or builds whole sites: not in `make test-fast`

ORG = Path("organizations") / "org.yaml"


def with_logo(root: Path) -> Path:
    (root / "organizations" / "org").mkdir()
    shutil.copy(REPO / "organizations" / "example" / "logo.svg", root / "organizations" / "org" / "logo.svg")
    profile = root / ORG
    profile.write_text(profile.read_text(encoding="utf-8") + "logo: logo.svg\n", encoding="utf-8")
    return root


def cached_then_fresh(root: Path, out: Path, cache: PdfCache) -> tuple[int, int]:
    """Build with the cache and without: the same files. Returns (laid out, remembered)."""
    build(root, root / ORG, out / "cached", pdf_cache=cache)
    made, remembered = cache.made, cache.remembered
    cache.next_build()
    build(root, root / ORG, out / "fresh")
    assert tree_digest(out / "cached") == tree_digest(out / "fresh")
    return made, remembered


def test_an_edit_lays_out_only_what_it_changed(tmp_path: Path) -> None:
    root, cache = with_logo(copy_project(tmp_path / "project")), PdfCache()
    first, shared = cached_then_fresh(root, tmp_path / "1", cache)
    assert first >= 5  # worksheets, packets, handbook parts
    assert shared >= 4  # the books' front footers (cover, contents: the same pages), laid out once
    curriculum = root / "curriculum.yaml"
    curriculum.write_text(curriculum.read_text(encoding="utf-8").replace("Meet.", "Meet again."), encoding="utf-8")
    made, remembered = cached_then_fresh(root, tmp_path / "2", cache)
    assert 1 <= made < first and made + remembered == first + shared  # the session's parts, the fronts


def test_a_changed_image_is_laid_out_again(tmp_path: Path) -> None:
    root, cache = with_logo(copy_project(tmp_path / "project")), PdfCache()
    first, shared = cached_then_fresh(root, tmp_path / "1", cache)
    shutil.copy(REPO / "organizations" / "st-brigid-health" / "logo.svg", root / "organizations" / "org" / "logo.svg")
    made, remembered = cached_then_fresh(root, tmp_path / "2", cache)
    # The logo is on the two packets' covers, the handbook's and each of its three editions'.
    assert (made, remembered) == (6, first + shared - 6)
