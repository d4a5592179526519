"""The PDFs: the plan's documents laid out with WeasyPrint (printer.py) by the PDF stage, a batch
program (stage.py; `python -m generator.pdf` runs it for serve)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.plan.print.book import HandbookPlan
from generator.plan.print.worksheets import PdfDocument, PrintSetup


@dataclass(frozen=True)
class PdfWork:
    """What the PDF stage is given: the plan's files (worksheets, packets, forms) and books."""

    setup: PrintSetup
    files: tuple[PdfDocument, ...] = ()
    books: tuple[HandbookPlan, ...] = ()
