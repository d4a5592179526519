"""The footers laid over a joined file's pages (join.py): each footer page as a form, drawn after
the page's own content and marked as an artifact, so that it stays outside the structure tree
(PDF/UA asks that of running headers and footers; WeasyPrint leaves its own untagged, #1836)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pikepdf
from pikepdf import Name, Pdf


@contextmanager
def laid_over(pdf: Pdf, footer: Path | None, start: int = 0) -> Iterator[None]:
    """Lay each page of `footer` from its page `start` (from 0) over the pages of `pdf` in turn,
    as a form marked as an artifact (running footers are not content: PDF/UA). The footer
    stays open until the part is copied: its streams are read only then."""
    if footer is None:
        yield
        return
    with Pdf.open(footer) as source:
        overs = list(source.pages)[start : start + len(pdf.pages)]
        if len(overs) != len(pdf.pages):
            raise ValueError(f"{len(overs)} footer pages from page {start} for a part of {len(pdf.pages)}")
        for page, over in zip(pdf.pages, overs, strict=True):
            name = _unused(page, "/Footer")
            page.add_resource(pdf.copy_foreign(over.as_form_xobject()), Name.XObject, Name(name))
            page.contents_add(pdf.make_stream(b"q"), prepend=True)
            page.contents_add(pdf.make_stream(b"Q /Artifact BMC q %s Do Q EMC" % name.encode()))
        yield


def _unused(page: pikepdf.Page, name: str) -> str:
    """`name`, or with a number after it if the page's resources already hold one so named
    (WeasyPrint's pages share one resource dictionary, so a part's footers are /Footer,
    /Footer1, ...; not pikepdf's random suffix: the same parts must give the same bytes)."""
    taken = page.obj.get(Name.Resources, pikepdf.Dictionary()).get(Name.XObject, pikepdf.Dictionary())
    number = 0
    while (name + (str(number) if number else "")) in taken:
        number += 1
    return name + (str(number) if number else "")
