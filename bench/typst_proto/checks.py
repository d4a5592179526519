"""What the decision record compares in two handbooks, read back from the files: the structure
tree's roles, /Lang, page furniture marked as artifacts (pikepdf), bookmarks (pypdf), the text
as a reader copies it (pdftotext, which orders right-to-left text as viewers do).
Used by bench/typst_compare.py and tests/bench/test_typst_proto.py."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pikepdf
from pypdf import PdfReader

TEXT_SHOWING = {"Tj", "TJ", "'", '"', "Do"}  # Do: a form XObject (WeasyPrint's footers, overlay.py)
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def structure(path: Path) -> dict[str, Any]:
    """The tagged PDF's roles (how many elements of each), its /Lang, whether it is marked as
    tagged, and how many pages show text as an artifact (page furniture: footers) and as
    marked content (the structure's)."""
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        roles: Counter[str] = Counter()
        tree = root.get("/StructTreeRoot")
        if tree is not None:
            _roles(tree.get("/K"), roles, 0)
        artifact_pages = tagged_pages = 0
        for page in pdf.pages:
            artifact, tagged = _text_kinds(page)
            artifact_pages += artifact
            tagged_pages += tagged
        info = root.get("/MarkInfo")
        marked = info is not None and bool(info.get("/Marked", False))
        return {
            "roles": dict(sorted(roles.items())),
            "lang": str(root.get("/Lang", "")),
            "marked": bool(marked),
            "pages": len(pdf.pages),
            "artifact_pages": artifact_pages,
            "tagged_pages": tagged_pages,
        }


def _roles(node: Any, roles: Counter[str], depth: int) -> None:
    if depth > 200 or node is None:
        return
    if isinstance(node, pikepdf.Array):
        for kid in node:
            _roles(kid, roles, depth + 1)
    elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
        roles[str(node.S)[1:]] += 1
        _roles(node.get("/K"), roles, depth + 1)


def _text_kinds(page: pikepdf.Page) -> tuple[bool, bool]:
    """(shows text inside an /Artifact sequence, shows text inside one with an MCID)."""
    stack: list[str] = []
    artifact = tagged = False
    for instruction in pikepdf.parse_content_stream(page):
        operands, op = instruction.operands, str(instruction.operator)
        if op in ("BMC", "BDC"):
            tag = str(operands[0])
            has_mcid = op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]
            stack.append("artifact" if tag == "/Artifact" else "tagged" if has_mcid else stack[-1] if stack else "")
        elif op == "EMC" and stack:
            stack.pop()
        elif op in TEXT_SHOWING and stack:
            artifact |= stack[-1] == "artifact"
            tagged |= stack[-1] == "tagged"
    return artifact, tagged


def bookmarks(path: Path) -> list[tuple[int, str]]:
    """The outline as (level, title), in order."""
    found: list[tuple[int, str]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, str(item.title)))

    walk(PdfReader(path).outline, 1)
    return found


def text(path: Path, first: int | None = None, last: int | None = None) -> str:
    """The text as pdftotext copies it (logical order for right-to-left scripts), without the
    bidirectional marks it adds around such runs."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], check=True, capture_output=True)
    return _BIDI_MARKS.sub("", out.stdout.decode("utf-8"))


def words(path: Path) -> Counter[str]:
    """Every word of the text, counted (hyphenation and line breaks do not matter; page numbers
    and the contents' dots are left out: the engines break pages differently)."""
    found = re.findall(r"\w+", text(path).replace("\u00ad", ""))
    return Counter(w for w in found if not w.isdigit() and not re.fullmatch(r"[ivxlc]+", w))


def text_equality(a: Path, b: Path) -> dict[str, float]:
    """How much of each PDF's words the other holds (1.0 both ways: equal in content)."""
    first, second = words(a), words(b)
    common = sum((first & second).values())
    return {
        "words_a": float(sum(first.values())),
        "words_b": float(sum(second.values())),
        "a_in_b": common / max(sum(first.values()), 1),
        "b_in_a": common / max(sum(second.values()), 1),
    }


def missing_words(a: Path, b: Path, most: int = 15) -> list[tuple[str, int]]:
    """The words `a` holds more often than `b`: what to look at when the two differ."""
    return (words(a) - words(b)).most_common(most)
