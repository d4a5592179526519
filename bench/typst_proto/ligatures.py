"""Right-to-left ligatures that copy as the letters they are, in Typst's PDFs: the fix
generator/pdf/ligatures.py makes in WeasyPrint's, applied with pikepdf to every font's
ToUnicode map after Typst has written the file. Typst, too, writes a lam-alef glyph's text in
reading order, which PDF readers reverse (pdftotext copied "برنامج الإرشاد" as "اإلرشاد")."""

from __future__ import annotations

import io
import re

import pikepdf

from generator.pdf.ligatures import drawn_order

_ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>(\s*)<([0-9A-Fa-f]{8,})>")  # a glyph whose text is 2+ characters


def _entry(match: re.Match[bytes]) -> bytes:
    text = bytes.fromhex(match.group(3).decode()).decode("utf-16-be", errors="surrogatepass")
    drawn = drawn_order(text).encode("utf-16-be", errors="surrogatepass").hex().upper().encode()
    return b"<%s>%s<%s>" % (match.group(1), match.group(2), drawn)


def right_to_left_ligatures(data: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        changed = False
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and "/ToUnicode" not in obj and _is_cmap(obj):
                old = obj.read_bytes()
                new = _rewrite(old)
                if new != old:
                    obj.write(new)
                    changed = True
        if not changed:
            return data
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
        return out.getvalue()


def _is_cmap(stream: pikepdf.Stream) -> bool:
    try:
        return b"beginbfchar" in stream.read_bytes()[:4096] or b"beginbfchar" in stream.read_bytes()
    except pikepdf.PdfError:
        return False


def _rewrite(cmap: bytes) -> bytes:
    parts = re.split(rb"(beginbfchar.*?endbfchar)", cmap, flags=re.S)
    return b"".join(_ENTRY.sub(_entry, p) if p.startswith(b"beginbfchar") else p for p in parts)
