"""Tagged PDFs made part by part -> one tagged PDF, as if WeasyPrint had made it whole.

The handbook is laid out in parts (pdf/handbook.py) because WeasyPrint holds every laid-out page
in memory until it writes the file: about 1.3 MB a page, 4 GB for a 1,000-session handbook.
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
- each part's footers (laid out apart, parts.py), each page's laid over it as a form marked
  as an artifact: not content, so outside the structure tree, as PDF/UA asks;
- the first part's language, title, XMP metadata and document information;
- an ID computed from the content, so that the same parts give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, cast

import pikepdf
from pikepdf import Name, Pdf

from generator.pdf.overlay import laid_over

_TOKENS = re.compile(rb"\((?:[^\\)]|\\.)*\)|<[0-9A-Fa-f\s]*>|(\d+) (\d+) R", re.S)  # strings, or a reference
_SKIPPED_TYPES = {"/ObjStm", "/XRef", "/Catalog", "/Pages", "/StructTreeRoot"}
_ROW = struct.Struct(">BIH")  # a cross-reference stream's row: /W [1 4 2]


@dataclass(frozen=True)
class Part:
    pdf: bytes
    stand_ins: frozenset[str]  # named destinations that stand in for other parts' anchors
    continues: bool = False  # its first bookmark goes on the previous part's last (a long module)
    footer: bytes | None = None  # a PDF of as many pages, laid over this part's as an artifact


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


def join_parts(parts: Sequence[Part], target: Path, front_pages: int) -> None:
    """Write `parts` as one PDF; the first `front_pages` pages are labelled i, ii, iii..."""
    with target.open("wb") as file:
        out = _Writer(file)
        catalog, pages, tree, document, parent_tree, names, outlines = (out.reserve() for _ in range(7))
        joined, fixed = _Joined(), {"pages": pages, "tree": tree, "document": document}
        for number, part in enumerate(parts):
            with Pdf.open(io.BytesIO(part.pdf)) as pdf, laid_over(pdf, part.footer):
                _copy(pdf, part, out, joined, fixed, first=number == 0)
                if number == 0:  # the document's language, XMP and information are the first part's
                    lang, metadata = pdf.Root.Lang.unparse(), out.numbers[pdf.Root.Metadata.objgen]
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
        _write_outline(out, outlines, joined.outline)
        labels = (b"0 << /S /r >> " if front_pages else b"") + b"%d << /S /D /St 1 >>" % front_pages
        out.write_object(
            catalog,
            b"<< /Type /Catalog /Pages %d 0 R /StructTreeRoot %d 0 R /Outlines %d 0 R /Names << /Dests %d 0 R >>"
            b" /PageLabels << /Nums [%s] >> /MarkInfo << /Marked true >> /ViewerPreferences << /DisplayDocTitle"
            b" true >> /Lang %s /Metadata %d 0 R >>" % (pages, tree, outlines, names, labels, lang, metadata),
        )
        out.finish(catalog, info)


def _copy(pdf: Pdf, part: Part, out: _Writer, joined: _Joined, fixed: dict[str, int], first: bool) -> None:
    """Write one part's objects, renumbered; note what the joined document's own objects need."""
    stand_ins, continues = part.stand_ins, part.continues
    tree = pdf.Root.StructTreeRoot
    document, leaf = tree.K[0], tree.ParentTree
    skipped = {document.objgen, *_outline_objects(pdf)}
    skipped |= set() if first else {pdf.trailer.Info.objgen, pdf.Root.Metadata.objgen}
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
    for obj in objects:
        out.number(obj.objgen)
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
    joined.outline += entries


def _kept(obj: pikepdf.Object) -> bool:
    """Not the part's own catalogue, page tree, structure root or cross-reference streams."""
    return not (isinstance(obj, pikepdf.Dictionary | pikepdf.Stream) and str(obj.get(Name.Type, "")) in _SKIPPED_TYPES)


def _outline_objects(pdf: Pdf) -> set[tuple[int, int]]:
    """The part's outline items: rewritten for the joined document (_write_outline)."""
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


def _write_outline(out: _Writer, root: int, entries: list[Outline]) -> None:
    count, ends = _write_items(out, root, entries)
    out.write_object(root, b"<< /Type /Outlines /Count %d%s >>" % (count, ends))


def _write_items(out: _Writer, parent: int, entries: list[Outline]) -> tuple[int, bytes]:
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


class _Writer:
    """A PDF written object by object: numbers handed out as needed; objects other than
    streams packed, compressed, a hundred to an object stream, as WeasyPrint does (the
    structure tree is most of a handbook's objects); a cross-reference stream, whose rows are
    kept as written, 7 bytes an object (a dict of tuples took 200: 80 MB for the 400,000
    objects of a 1,000-session handbook); an MD5 of every byte for the document ID."""

    PACK = 100

    def __init__(self, file: BinaryIO) -> None:
        self.file, self.digest = file, hashlib.md5(usedforsecurity=False)
        self.next = 1
        self.numbers: dict[tuple[int, int], int] = {}  # the current part's objects -> ours
        self.rows = bytearray(_ROW.pack(0, 0, 65535))  # each number's cross-reference row
        self.pending: list[tuple[int, bytes]] = []
        self._write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def reserve(self) -> int:
        self.next += 1
        self.rows += bytes(_ROW.size)  # free, until the object is written
        return self.next - 1

    def _place(self, number: int, kind: int, where: int, index: int) -> None:
        _ROW.pack_into(self.rows, number * _ROW.size, kind, where, index)

    def number(self, objgen: tuple[int, int]) -> None:
        self.numbers[objgen] = self.reserve()

    def copy(self, obj: pikepdf.Object) -> None:
        number = self.numbers[obj.objgen]
        if isinstance(obj, pikepdf.Stream):
            raw = obj.read_raw_bytes()  # as stored (compressed): streams hold no references
            head = pikepdf.Dictionary({**dict(obj.stream_dict.items()), "/Length": len(raw)}).unparse()
            self._stream(number, self.renumber(head), raw)
        else:
            self.write_object(number, self.renumber(obj.unparse(resolved=True)))

    def renumber(self, data: bytes) -> bytes:
        def sub(match: re.Match[bytes]) -> bytes:
            if match.group(1) is None:
                return match.group(0)
            return b"%d 0 R" % self.numbers[(int(match.group(1)), int(match.group(2)))]

        return _TOKENS.sub(sub, data)

    def write_object(self, number: int, body: bytes) -> None:
        self.pending.append((number, body))
        if len(self.pending) == self.PACK:
            self._pack()

    def _stream(self, number: int, head: bytes, data: bytes) -> None:
        self._place(number, 1, self.file.tell(), 0)
        self._write(b"%d 0 obj\n%s\nstream\n%s\nendstream\nendobj\n" % (number, head, data))

    def _pack(self) -> None:
        number, header, bodies, offset = self.reserve(), [], [], 0
        for index, (packed, body) in enumerate(self.pending):
            self._place(packed, 2, number, index)
            header.append(b"%d %d" % (packed, offset))
            bodies.append(body)
            offset += len(body) + 1
        first = b" ".join(header) + b"\n"
        data = zlib.compress(first + b"\n".join(bodies) + b"\n")
        head = b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>" % (
            len(self.pending),
            len(first),
            len(data),
        )
        self._stream(number, head, data)
        self.pending = []

    def finish(self, root: int, info: int) -> None:
        if self.pending:
            self._pack()
        number = self.reserve()
        self._place(number, 1, self.file.tell(), 0)
        table = zlib.compress(self.rows)
        ident = self.digest.hexdigest().encode()
        head = (
            b"<< /Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>]"
            b" /Filter /FlateDecode /Length %d >>" % (self.next, root, info, ident, ident, len(table))
        )
        start = self.file.tell()
        self._write(b"%d 0 obj\n%s\nstream\n%s\nendstream\nendobj\n" % (number, head, table))
        self._write(b"startxref\n%d\n%%%%EOF\n" % start)

    def _write(self, data: bytes) -> None:
        self.file.write(data)
        self.digest.update(data)
