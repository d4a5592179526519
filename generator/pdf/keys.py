"""What each PDF is known by, from its HTML, without laying anything out: equal keys, equal bytes.
`serve` names its finished PDFs by them (`python -m generator.pdf`), so that a document an edit
did not change is not laid out again; `validate` prints every print template this way, so a
mistake in one shows without a build."""

from __future__ import annotations

from generator.pdf import PdfWork
from generator.pdf.jobs import body_job, contents_jobs, packet_front, part_job_of, whole_job
from generator.pdf.printer import Printer


def pdf_keys(work: PdfWork) -> dict[str, str]:
    """Every document's key, by its path: a hash of its parts' keys, the front's without page
    numbers (they follow from the rest): 0.14 s for the shipped curriculum, no layout."""
    printer = Printer(work.setup)
    keys = {}
    for file in work.files:
        jobs = [body_job(printer, body) for body in file.sheets]
        front = [packet_front(printer, file, [0] * len(file.sheets))] if file.front else []
        keys[file.path] = printer.key("file", *(job.key(printer) for job in [*front, *jobs]))
    for book in work.books:
        jobs = [part_job_of(printer, book, index) for index in range(len(book.parts))]
        jobs += contents_jobs(printer, book, {})
        keys[book.path] = printer.key("book", *(job.key(printer) for job in jobs))
    for whole in work.wholes:
        keys[whole.path] = printer.key("whole", whole_job(whole).key(printer))
    return keys
