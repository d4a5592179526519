"""A PDF written object by object, for join.py: numbers handed out as needed; objects other than
streams packed, compressed, a hundred to an object stream, as WeasyPrint does (the structure
tree is most of a handbook's objects); a cross-reference stream, whose rows are kept as
written, 7 bytes an object (a dict of tuples took 200: 80 MB for the 400,000 objects of a
1,000-session handbook); an MD5 of every byte for the document ID.

A stream whose dictionary holds no reference (a font file, an image, a page's content) is a
value: one the file holds already is not written again, and its copies lead to the first. The
fillable packet's worksheets each embed the whole fonts they use (about 430 KB a worksheet):
they share one copy.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from typing import BinaryIO

import pikepdf

_TOKENS = re.compile(rb"\((?:[^\\)]|\\.)*\)|<[0-9A-Fa-f\s]*>|(\d+) (\d+) R", re.S)  # strings, or a reference
_ROW = struct.Struct(">BIH")  # a cross-reference stream's row: /W [1 4 2]


class Writer:
    PACK = 100

    def __init__(self, file: BinaryIO) -> None:
        self.file, self.digest = file, hashlib.md5(usedforsecurity=False)
        self.next = 1
        self.numbers: dict[tuple[int, int], int] = {}  # the current part's objects -> ours
        self.rows = bytearray(_ROW.pack(0, 0, 65535))  # each number's cross-reference row
        self.pending: list[tuple[int, bytes]] = []
        self.values: dict[bytes, int] = {}  # a written stream's digest -> its number
        self._write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def reserve(self) -> int:
        self.next += 1
        self.rows += bytes(_ROW.size)  # free, until the object is written
        return self.next - 1

    def _place(self, number: int, kind: int, where: int, index: int) -> None:
        _ROW.pack_into(self.rows, number * _ROW.size, kind, where, index)

    def number(self, obj: pikepdf.Object) -> bool:
        """Give `obj` its number here; whether it is to be copied (not if it is a stream
        written already)."""
        if isinstance(obj, pikepdf.Stream):
            head = obj.stream_dict.unparse()
            if not any(match.group(1) for match in _TOKENS.finditer(head)):
                digest = hashlib.md5(head + obj.read_raw_bytes(), usedforsecurity=False).digest()
                if digest in self.values:
                    self.numbers[obj.objgen] = self.values[digest]
                    return False
                self.values[digest] = self.numbers[obj.objgen] = self.reserve()
                return True
        self.numbers[obj.objgen] = self.reserve()
        return True

    def copy(self, obj: pikepdf.Object) -> None:
        number = self.numbers[obj.objgen]
        if isinstance(obj, pikepdf.Stream):
            raw = obj.read_raw_bytes()  # as stored (compressed)
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
        self._stream(number, head, table)  # placed again, where it was
        self._write(b"startxref\n%d\n%%%%EOF\n" % start)

    def _write(self, data: bytes) -> None:
        self.file.write(data)
        self.digest.update(data)
