"""Tagged PDFs made part by part -> one tagged PDF, as if WeasyPrint had made it whole: a book
from its parts, a worksheet's or the packet's file from the worksheets' bodies (stage.py's
step 4, `join_file`: given as a `Joining` of the parts' files, so that it can go to a worker).

The handbook is laid out in parts (stage.py) because WeasyPrint holds every laid-out page
in memory until it writes the file: about 1.1 MB a page, 3.6 GB for a 1,000-session handbook
(docs/decisions/0001-pdf-engine.md).
A PDF library would hold the joined document in memory too (qpdf: 600 MB for the 400,000
objects of that handbook), so the parts are joined as a stream: each part is read (pikepdf),
its objects are renumbered and written out, and it is let go before the next. What stays in
memory is one part and a few numbers per page.

The joined file keeps what a reader and a screen reader rely on:
- pages, in order, with their links and fonts;
- one structure tree (PDF/UA): every part's elements under one Document element; each part's
  parent tree becomes a leaf of one number tree, its keys moved past the previous parts'
  (pages' /StructParents and links' /StructParent move with them);
- named destinations: each part's own anchors, not its stand-ins (the names WeasyPrint was
  given for anchors that live in other parts, so that it kept the links to them);
- bookmarks, in order and at their levels (a module that goes on into the next part keeps
  all its sessions under it); page labels (roman numbers for the front matter);
- each part's footers (laid out apart, a run of pages to a job: stage.py), each page's laid
  over it as a form marked as an artifact: not content, so outside the structure tree, as
  PDF/UA asks;
- a worksheet's bookmark under the book's "Worksheets" (a part `nested`), without its
  sections';
- the form fields of fillable parts: one form of every part's fields, in order, with the
  resources their appearances name;
- the first part's language, title, XMP metadata (PDF/UA's; a fillable one has none) and
  document information;
- an ID computed from the content, so that the same parts give the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import pikepdf
from pikepdf import Name, Pdf

from generator.pdf.overlay import laid_over
from generator.pdf.writer import Writer

_SKIPPED_TYPES = {"/ObjStm", "/XRef", "/Catalog", "/Pages", "/StructTreeRoot"}


def write_whole(target: Path, data: bytes) -> None:
    """In one rename: a reader of the folder never sees half a file."""
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)


@dataclass(frozen=True)
class Part:
    """A laid-out job's PDF as a join takes it (read only when its turn comes)."""

    pdf: Path
    stand_ins: frozenset[str]  # named destinations that stand in for other parts' anchors
    continues: bool = False  # its first bookmark goes on the previous part's last (a long module)
    nested: bool = False  # its bookmarks go under the previous part's last, without their own
    footer: Path | None = None  # a PDF whose pages from `footer_from` are laid over this part's
    footer_from: int = 0


@dataclass(frozen=True)
class Joining:
    """A file to join from its parts; `whole`, a file that is its one part's PDF."""

    path: str
    parts: tuple[Part, ...]
    front_pages: int = 0
    whole: bool = False


def join_file(task: tuple[Path, Joining]) -> str:
    """In a worker (or here): write the file into `docs`."""
    docs, joining = task
    target = docs / joining.path
    target.parent.mkdir(parents=True, exist_ok=True)
    if joining.whole:
        write_whole(target, joining.parts[0].pdf.read_bytes())
    else:
        join_parts(joining.parts, target, joining.front_pages)
    return joining.path


Outline = tuple[bytes, int, float, list["Outline"]]  # title (as PDF), page number, top, children


@dataclass
class _Joined:
    """What the joined document's own objects need: a few numbers per page and per part."""

    pages: list[int] = field(default_factory=list)  # object numbers, in order
    document_kids: list[int] = field(default_factory=list)
    tree_leaves: list[int] = field(default_factory=list)
    next_key: int = 0
    destinations: list[tuple[str, bytes]] = field(default_factory=list)
    outline: list[Outline] = field(default_factory=list)
    fields: list[int] = field(default_factory=list)  # the form's fields, in order
    resources: dict[str, dict[str, bytes]] = field(default_factory=dict)  # what their appearances name


def join_parts(parts: Sequence[Part], target: Path, front_pages: int) -> None:
    """Write `parts` as one PDF; the first `front_pages` pages are labelled i, ii, iii..."""
    with target.open("wb") as file:
        out = Writer(file)
        catalog, pages, tree, document, parent_tree, names, outlines = (out.reserve() for _ in range(7))
        joined, fixed = _Joined(), {"pages": pages, "tree": tree, "document": document}
        for number, part in enumerate(parts):
            with Pdf.open(part.pdf) as pdf, laid_over(pdf, part.footer, part.footer_from):
                _copy(pdf, part, out, joined, fixed, first=number == 0)
                if number == 0:  # the document's language, XMP and information are the first part's
                    lang = pdf.Root.Lang.unparse()
                    metadata = (
                        b" /Metadata %d 0 R" % out.numbers[pdf.Root.Metadata.objgen]
                        if Name.Metadata in pdf.Root
                        else b""
                    )
                    info = out.numbers[pdf.trailer.Info.objgen]
        out.write_object(pages, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (_refs(joined.pages), len(joined.pages)))
        kids = _refs(joined.document_kids)
        out.write_object(document, b"<< /Type /StructElem /S /Document /P %d 0 R /K [%s] >>" % (tree, kids))
        out.write_object(parent_tree, b"<< /Kids [%s] >>" % _refs(joined.tree_leaves))
        out.write_object(
            tree,
            b"<< /Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d >>"
            % (document, parent_tree, joined.next_key),
        )
        dests = b" ".join(pikepdf.String(n).unparse() + b" " + a for n, a in sorted(joined.destinations))
        out.write_object(names, b"<< /Names [%s] >>" % dests)
        count, ends = _write_items(out, outlines, joined.outline)
        out.write_object(outlines, b"<< /Type /Outlines /Count %d%s >>" % (count, ends))
        labels = (b"0 << /S /r >> " if front_pages else b"") + b"%d << /S /D /St 1 >>" % front_pages
        out.write_object(
            catalog,
            b"<< /Type /Catalog /Pages %d 0 R /StructTreeRoot %d 0 R /Outlines %d 0 R /Names << /Dests %d 0 R >>"
            b" /PageLabels << /Nums [%s] >> /MarkInfo << /Marked true >> /ViewerPreferences << /DisplayDocTitle"
            b" true >> /Lang %s%s%s >>" % (pages, tree, outlines, names, labels, lang, metadata, _form(joined)),
        )
        out.finish(catalog, info)


def _form(joined: _Joined) -> bytes:
    """The catalog's form, if the parts have fields: theirs, and the resources they name."""
    if not joined.fields:
        return b""
    kinds = b" ".join(
        b"/%s << %s >>" % (kind.encode()[1:], b" ".join(b"%s %s" % (n.encode(), v) for n, v in entries.items()))
        for kind, entries in joined.resources.items()
    )
    return b" /AcroForm << /Fields [%s] /DR << %s >> /NeedAppearances true >>" % (_refs(joined.fields), kinds)


def _copy(pdf: Pdf, part: Part, out: Writer, joined: _Joined, fixed: dict[str, int], first: bool) -> None:
    """Write one part's objects, renumbered; note what the joined document's own objects need."""
    stand_ins, continues = part.stand_ins, part.continues
    tree = pdf.Root.StructTreeRoot
    document, leaf = tree.K[0], tree.ParentTree
    skipped = {document.objgen, *_outline_objects(pdf)}
    if not first:
        skipped |= {pdf.trailer.Info.objgen} | ({pdf.Root.Metadata.objgen} if Name.Metadata in pdf.Root else set())
    out.numbers = {  # references to the part's own page tree and roots lead to the joined one's
        pdf.Root.Pages.objgen: fixed["pages"],
        tree.objgen: fixed["tree"],
        document.objgen: fixed["document"],
    }
    _move_keys(pdf, joined.next_key)
    keys = [int(key) for key in list(leaf.Nums)[::2]]
    leaf.Limits = pikepdf.Array([min(keys), max(keys)])
    joined.next_key = max(keys) + 1
    objects = [o for o in pdf.objects if o.objgen not in skipped and _kept(o)]
    objects = [o for o in objects if out.number(o)]
    for obj in objects:
        out.copy(obj)
    joined.pages += [out.numbers[page.obj.objgen] for page in pdf.pages]
    joined.document_kids += [out.numbers[kid.objgen] for kid in document.K]
    joined.tree_leaves.append(out.numbers[leaf.objgen])
    page_numbers = {page.obj.objgen: out.numbers[page.obj.objgen] for page in pdf.pages}
    for name, destination in pikepdf.NameTree(pdf.Root.Names.Dests).items():
        if name not in stand_ins:
            joined.destinations.append((name, out.renumber(destination.unparse())))
    with pdf.open_outline() as outline:
        entries = [_entry(item, page_numbers) for item in outline.root]
    if continues and entries and joined.outline and entries[0][0] == joined.outline[-1][0]:
        joined.outline[-1][3].extend(entries.pop(0)[3])
    if part.nested and joined.outline:
        joined.outline[-1][3].extend((title, page, top, []) for title, page, top, _ in entries)
    else:
        joined.outline += entries
    _fields(pdf, out, joined)


def _fields(pdf: Pdf, out: Writer, joined: _Joined) -> None:
    """A fillable part's fields, and the resources their appearances name (the first part's
    where two name the same: the same font, by WeasyPrint's names for its subsets)."""
    form = pdf.Root.get(Name.AcroForm)
    if form is None:
        return
    joined.fields += [out.numbers[item.objgen] for item in form.get(Name.Fields, pikepdf.Array())]
    for kind, entries in form.get(Name.DR, pikepdf.Dictionary()).items():
        kept = joined.resources.setdefault(kind, {})
        for name, value in entries.items():
            kept.setdefault(name, out.renumber(value.unparse()))


def _kept(obj: pikepdf.Object) -> bool:
    """Not the part's own catalogue, page tree, structure root or cross-reference streams."""
    return not (isinstance(obj, pikepdf.Dictionary | pikepdf.Stream) and str(obj.get(Name.Type, "")) in _SKIPPED_TYPES)


def _outline_objects(pdf: Pdf) -> set[tuple[int, int]]:
    """The part's outline items: rewritten for the joined document (_write_items)."""
    found: set[tuple[int, int]] = set()
    stack = [pdf.Root.Outlines] if Name.Outlines in pdf.Root else []
    while stack:
        item = stack.pop()
        found.add(item.objgen)
        for key in (Name.First, Name.Next):
            if key in item:
                stack.append(item[key])
    return found


def _move_keys(pdf: Pdf, offset: int) -> None:
    """Move the part's parent-tree keys past `offset`, where its pages and links point."""
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    for index in range(0, len(nums), 2):
        nums[index] = int(nums[index]) + offset
    for page in pdf.pages:
        page.obj.StructParents = int(page.obj.StructParents) + offset
        for annotation in page.obj.get(Name.Annots, pikepdf.Array()):
            if Name.StructParent in annotation:
                annotation.StructParent = int(annotation.StructParent) + offset


def _entry(item: pikepdf.OutlineItem, pages: dict[tuple[int, int], int]) -> Outline:
    destination = cast(pikepdf.Array, item.destination)
    top = float(destination[3]) if len(destination) > 3 else 0.0
    children = [_entry(child, pages) for child in item.children]
    return (pikepdf.String(item.title).unparse(), pages[destination[0].objgen], top, children)


def _write_items(out: Writer, parent: int, entries: list[Outline]) -> tuple[int, bytes]:
    """Write `entries` as the children of outline item `parent`. Returns how many items are
    open below it (all are, as WeasyPrint writes them) and its /First and /Last."""
    numbers = [out.reserve() for _ in entries]
    count = 0
    for index, ((title, page, top, children), number) in enumerate(zip(entries, numbers, strict=True)):
        below, ends = _write_items(out, number, children)
        siblings = b"".join(
            b" /%s %d 0 R" % (key, numbers[at])
            for key, at in ((b"Prev", index - 1), (b"Next", index + 1))
            if 0 <= at < len(numbers)
        )
        out.write_object(
            number,
            b"<< /Title %s /Parent %d 0 R%s%s /Count %d /Dest [%d 0 R /XYZ 0 %s 0] >>"
            % (title, parent, siblings, ends, below, page, _real(top)),
        )
        count += 1 + below
    return count, b" /First %d 0 R /Last %d 0 R" % (numbers[0], numbers[-1]) if numbers else b""


def _real(value: float) -> bytes:
    return (b"%.6f" % value).rstrip(b"0").rstrip(b".") or b"0"


def _refs(numbers: list[int]) -> bytes:
    return b" ".join(b"%d 0 R" % n for n in numbers)
