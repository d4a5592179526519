"""Tagged PDFs made part by part -> one tagged PDF, as if WeasyPrint had made it whole.

The handbook is laid out in parts (guide_pdf.py) because WeasyPrint holds every laid-out page
in memory until it writes the file: about 1.3 MB a page, 4 GB for a 1,000-session handbook.
Joining (with pikepdf, i.e. qpdf) keeps what a reader and a screen reader rely on:
- pages, in order, with their links and fonts;
- one structure tree (PDF/UA): each part's elements under the first part's Document element,
  its parent-tree keys moved past the previous parts' (pages' /StructParents and links'
  /StructParent move with them);
- named destinations: each part's own anchors, not its stand-ins (the names WeasyPrint was
  given for anchors that live in other parts, so that it kept the links to them);
- bookmarks, in order and at their levels; page labels (roman numbers for the front matter);
- the first part's catalogue: language, title, XMP metadata, viewer preferences;
- object streams, as WeasyPrint writes them (the structure tree is most of the objects), and
  an ID computed from the content, so that the same parts give the same bytes.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf


@dataclass(frozen=True)
class Part:
    pdf: bytes
    stand_ins: frozenset[str]  # named destinations that stand in for other parts' anchors


def join_parts(parts: Sequence[Part], target: Path, front_pages: int) -> None:
    """Write `parts` as one PDF; the first `front_pages` pages are labelled i, ii, iii..."""
    with Pdf.open(io.BytesIO(parts[0].pdf)) as joined:
        tree = joined.Root.StructTreeRoot
        document, nums = tree.K[0], tree.ParentTree.Nums
        destinations = _destinations(joined, joined, 0, parts[0].stand_ins)
        outline = _outline(joined, 0)
        for part in parts[1:]:
            with Pdf.open(io.BytesIO(part.pdf)) as source:
                start, offset = len(joined.pages), _next_key(nums)
                _move_keys(source, offset)
                with warnings.catch_warnings():  # destinations are ours to carry (add_pages_from would rename them)
                    warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
                    joined.pages.extend(source.pages)
                _graft(source, joined, document, nums)
                destinations += _destinations(source, joined, start, part.stand_ins)
                outline += _outline(source, start)
        tree.ParentTreeNextKey = _next_key(nums)
        _set_destinations(joined, destinations)
        _set_outline(joined, outline)
        labels = [*([0, Dictionary(S=Name.r)] if front_pages else []), front_pages, Dictionary(S=Name.D, St=1)]
        joined.Root.PageLabels = Dictionary(Nums=Array(labels))
        joined.save(
            target,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            deterministic_id=True,
            compress_streams=True,
        )


def _next_key(nums: Array) -> int:
    return max((int(key) for key in list(nums)[::2]), default=-1) + 1


def _move_keys(source: Pdf, offset: int) -> None:
    """Move the part's parent-tree keys past `offset`, where its pages and links point."""
    nums = source.Root.StructTreeRoot.ParentTree.Nums
    for index in range(0, len(nums), 2):
        nums[index] = int(nums[index]) + offset
    for page in source.pages:
        page.obj.StructParents = int(page.obj.StructParents) + offset
        for annotation in page.obj.get(Name.Annots, Array()):
            if Name.StructParent in annotation:
                annotation.StructParent = int(annotation.StructParent) + offset


def _graft(source: Pdf, joined: Pdf, document: Dictionary, nums: Array) -> None:
    """Move the part's structure elements under `document` and its parent tree into `nums`.
    Its top elements lose their parent first: copying it would drag the part's root along.
    Pages and links were copied already, so the elements point at the copies."""
    tree = source.Root.StructTreeRoot
    kids = tree.K[0].K
    for kid in kids:
        del kid[Name.P]
        copied = joined.copy_foreign(kid)
        copied.P = document
        document.K.append(copied)
    nums.extend(_copy(joined, value) for value in tree.ParentTree.Nums)


def _copy(joined: Pdf, value: object) -> object:
    """`value` in the joined document: indirect objects copied (once), arrays item by item,
    numbers (pikepdf gives them as int) as they are."""
    if not isinstance(value, pikepdf.Object):
        return value
    if isinstance(value, pikepdf.Array) and not value.is_indirect:
        return Array([_copy(joined, item) for item in value])
    return joined.copy_foreign(value) if value.is_indirect else value


def _destinations(source: Pdf, joined: Pdf, start: int, stand_ins: frozenset[str]) -> list[tuple[str, Array]]:
    """The part's own named destinations, on the joined document's pages."""
    found = []
    pages = {page.objgen: n for n, page in enumerate(source.pages)}
    for name, destination in pikepdf.NameTree(source.Root.Names.Dests).items():
        if name in stand_ins:
            continue
        page = joined.pages[start + pages[destination[0].objgen]]
        found.append((name, Array([page.obj, *list(destination)[1:]])))
    return found


def _set_destinations(joined: Pdf, destinations: list[tuple[str, Array]]) -> None:
    flat = Array()
    for name, array in sorted(destinations, key=lambda d: d[0]):  # a name tree is sorted; ours are ASCII
        flat.extend([pikepdf.String(name), array])
    joined.Root.Names.Dests = Dictionary(Names=flat)


Entry = tuple[str, int, float, list["Entry"]]  # title, page index, top, children


def _outline(source: Pdf, start: int) -> list[Entry]:
    pages = {page.objgen: n for n, page in enumerate(source.pages)}
    with source.open_outline() as outline:
        return [_entry(item, pages, start) for item in outline.root]


def _entry(item: pikepdf.OutlineItem, pages: dict[tuple[int, int], int], start: int) -> Entry:
    destination = item.destination
    page = start + pages[destination[0].objgen]
    top = float(destination[3]) if len(destination) > 3 else 0.0
    return (item.title, page, top, [_entry(child, pages, start) for child in item.children])


def _set_outline(joined: Pdf, entries: list[Entry]) -> None:
    def item(entry: Entry) -> pikepdf.OutlineItem:
        title, page, top, children = entry
        made = pikepdf.OutlineItem(title, page, pikepdf.PageLocation.XYZ, left=0, top=top)
        made.children.extend(item(child) for child in children)
        return made

    with joined.open_outline() as outline:
        outline.root.clear()
        outline.root.extend(item(entry) for entry in entries)
