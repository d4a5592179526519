"""The report: a standalone page (HTML, offline: its charts are `data:` URLs, its style in
the page), the same as a PDF (WeasyPrint, reading nothing but those URLs), and the tidy CSV.
Every number a chart shows is also in the table beside it."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass

from generator.jinja import environment
from generator.results.change import ChangeRow, ChangeTable, InstrumentChange
from generator.results.charts import chart_svg, describe
from generator.results.tally import InstrumentTally, ItemTally

TEMPLATE = "results/report.html.j2"
PAGE, PDF, CSV, PROBLEMS = "index.html", "report.pdf", "responses.csv", "problems.txt"
# Written answers a group shows, and the characters of each: the page and its PDF stay a
# size a person reads and WeasyPrint lays out in seconds; responses.csv holds every answer.
SHOWN_TEXTS, SHOWN_CHARS = 100, 2_000


@dataclass(frozen=True)
class Row:
    answer: str
    cells: tuple[str, ...]  # per shown group: "3 (60%)"


@dataclass(frozen=True)
class ItemView:
    id: str
    label: str
    chart: str | None  # a data: URL
    alt: str
    groups: tuple[str, ...]  # the shown groups' names, with their number of answers
    rows: tuple[Row, ...]
    texts: tuple[tuple[str, tuple[str, ...]], ...]  # per shown group of a written question
    hidden: tuple[str, ...]  # a sentence per group too small to show


@dataclass(frozen=True)
class ChangeView:
    caption: str
    hidden: str | None  # a sentence when the table's group is too small to show
    columns: tuple[str, ...]  # people, before, after, change, higher, same, lower
    parts: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]  # by construct, by item: (heading, rows)


@dataclass(frozen=True)
class InstrumentView:
    id: str
    title: str
    groups: tuple[tuple[str, int], ...]
    items: tuple[ItemView, ...]
    change_intro: str | None = None
    changes: tuple[ChangeView, ...] = ()


@dataclass(frozen=True)
class ReportView:
    lang: str
    title: str
    org: str
    summary: str
    left_out: str | None
    labels: Mapping[str, str]
    instruments: tuple[InstrumentView, ...]
    links: tuple[tuple[str, str], ...]  # (title, file) beside the page


def report_view(
    org: str,
    lang: str,
    tallies: tuple[InstrumentTally, ...],
    change: tuple[InstrumentChange, ...],
    counted: int,
    left_out: int,
    minimum: int,
    labels: Mapping[str, str],
) -> ReportView:
    return ReportView(
        lang=lang,
        title=f"{labels['results_title']}: {org}",
        org=org,
        summary=labels["results_summary"].format(responses=counted, minimum=minimum),
        left_out=labels["results_left_out"].format(count=left_out) if left_out else None,
        labels=labels,
        instruments=tuple(_with_change(_instrument(t, minimum, labels), change, minimum, labels) for t in tallies),
        links=((labels["report_pdf"], PDF), (labels["responses_csv"], CSV)),
    )


def _instrument(t: InstrumentTally, minimum: int, labels: Mapping[str, str]) -> InstrumentView:
    return InstrumentView(t.id, t.title, t.groups, tuple(_item(i, minimum, labels) for i in t.items))


def _with_change(
    view: InstrumentView, change: tuple[InstrumentChange, ...], minimum: int, labels: Mapping[str, str]
) -> InstrumentView:
    found = next((c for c in change if c.instrument == view.id), None)
    if found is None or not found.scale:
        return view
    low, high = found.scale[0], found.scale[-1]
    intro = labels["change_intro"].format(top=len(found.scale), low=low, high=high, minimum=minimum)
    tables = tuple(_change_table(t, minimum, labels) for t in found.tables)
    return InstrumentView(view.id, view.title, view.groups, view.items, intro, tables)


def _change_table(table: ChangeTable, minimum: int, labels: Mapping[str, str]) -> ChangeView:
    caption = labels[f"change_{table.design}"].format(group=table.role, n=table.people)
    if not table.shown:
        hidden = labels["change_hidden"].format(group=table.role, n=table.people, minimum=minimum)
        return ChangeView(caption, hidden, (), ())
    too_few = labels["change_too_few"].format(minimum=minimum)
    columns = tuple(labels["change_columns"].split("|"))
    parts = (
        (labels["change_by_construct"], tuple(_change_cells(r, too_few) for r in table.constructs)),
        (labels["change_by_item"], tuple(_change_cells(r, too_few) for r in table.items)),
    )
    return ChangeView(caption, None, columns, parts)


def _change_cells(row: ChangeRow, too_few: str) -> tuple[str, ...]:
    if not row.shown:
        return (row.label, too_few, "", "", "", "", "", "")
    change = row.after - row.before
    return (
        row.label,
        str(row.people),
        f"{row.before:.1f}",
        f"{row.after:.1f}",
        f"{change:+.1f}",
        str(row.higher),
        str(row.same),
        str(row.lower),
    )


def _item(item: ItemTally, minimum: int, labels: Mapping[str, str]) -> ItemView:
    shown = tuple(g for g in item.shown if g.answered)
    svg = chart_svg(item, labels)
    chart = "data:image/svg+xml;base64," + base64.b64encode(svg).decode() if svg else None
    rows = tuple(
        Row(answer, tuple(_cell(g.counts[n], g.answered) for g in shown)) for n, answer in enumerate(item.answers)
    )
    hidden = tuple(
        labels["hidden_group"].format(group=g.name, n=g.responses, minimum=minimum) for g in item.groups if not g.shown
    )
    texts = tuple((g.name, _shown_texts(g.texts, labels)) for g in item.shown) if not item.answers else ()
    groups = tuple(f"{g.name} (n={g.answered})" for g in shown)
    return ItemView(item.id, item.label, chart, describe(item, labels) if svg else "", groups, rows, texts, hidden)


def _shown_texts(texts: tuple[str, ...], labels: Mapping[str, str]) -> tuple[str, ...]:
    shown = tuple(t if len(t) <= SHOWN_CHARS else t[:SHOWN_CHARS] + "…" for t in texts[:SHOWN_TEXTS])
    more = len(texts) - SHOWN_TEXTS
    return (*shown, labels["more_written_answers"].format(n=f"{more:,}")) if more > 0 else shown


def _cell(count: int, total: int) -> str:
    return f"{count} ({round(100 * count / total)}%)" if total else "0"


def report_html(view: ReportView) -> str:
    return environment("html").get_template(TEMPLATE).render(view=view, labels=view.labels)


def report_pdf(html: str) -> bytes:
    """The page as a PDF: WeasyPrint reads nothing but the page's own `data:` URLs, and lays it
    out with the bundled fonts only (pdf/fonts.py)."""
    from weasyprint import HTML

    from generator.pdf.fetch import ProjectFetcher
    from generator.pdf.fonts import BundledFonts

    document = HTML(string=html, url_fetcher=ProjectFetcher(()))
    return bytes(document.write_pdf(pdf_tags=True, font_config=BundledFonts()))
