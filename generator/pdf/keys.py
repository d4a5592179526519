"""What each PDF of a plan is known by, from its HTML, without laying anything out: equal keys,
equal bytes. `serve` compares them with the served files' to lay out only what changed;
`validate` prints every print template this way, so a mistake in one shows without a build."""

from __future__ import annotations

from generator.pdf.files import file_key
from generator.pdf.handbook import handbook_key
from generator.pdf.printer import Printer
from generator.plan import Plan


def pdf_keys(plan: Plan) -> dict[str, str]:
    """Every PDF's key, from its HTML (0.14 s for the shipped curriculum, no layout)."""
    printer = Printer(plan.setup)
    keys = {d.path: file_key(printer, d) for d in plan.pdfs}
    for book in (plan.handbook, *plan.editions):
        keys[book.path] = handbook_key(printer, book)
    return keys
