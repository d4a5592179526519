"""The PDFs: the plan's documents laid out with WeasyPrint (printer.py) by the PDF stage, a batch
program (stage.py; `python -m generator.pdf` runs it for serve)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.plan.print.book import HandbookPlan
from generator.plan.print.worksheets import PdfDocument, PrintSetup


@dataclass(frozen=True)
class WholePdf:
    """A document laid out in one call as its HTML says, nothing of ours added (no footers,
    contents or tags): a slide deck's PDF, the scenario cards (slides.py prints the HTML)."""

    path: str
    html: str


@dataclass(frozen=True)
class PdfWork:
    """What the PDF stage is given: the plan's files (worksheets, packets, forms), books and
    whole documents."""

    setup: PrintSetup
    files: tuple[PdfDocument, ...] = ()
    books: tuple[HandbookPlan, ...] = ()
    wholes: tuple[WholePdf, ...] = ()

    def paths(self) -> list[str]:
        """Every document's path, in the order the stage writes them."""
        return [f.path for f in self.files] + [b.path for b in self.books] + [w.path for w in self.wholes]
