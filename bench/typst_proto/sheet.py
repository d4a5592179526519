"""A worksheet's view -> Typst (the prototype's _sheet.html.j2 and fields/), and the source of
one worksheet's own PDF. In the fillable variant each space to write in reports its place
(mentorbook.typ's `field`), where forms.py adds the form field after layout."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bench.typst_proto.markup import label, markdown, string, text
from generator.plan.print.worksheets import Block, SheetsView, SheetView
from generator.plan.program.fields import ChoicesView, FieldView, InputView, LinesView, NoteView, TableView

PAPER = {"A4": "a4", "letter": "us-letter"}
LINE_MM = 9


def worksheet_source(view: SheetsView) -> str:
    """One worksheet's PDF: its pages, with the worksheet's title and page numbers in the footer."""
    sheet_ = view.sheets[0]
    settings = [
        f"title: {string(view.title)}",
        f"lang: {string(view.lang)}",
        f"dir: {sheet_.dir}",
        f"paper: {string(PAPER[view.style.paper])}",
        f"brand: rgb({string(view.style.brand)})",
        f"footer: {string(sheet_.title)}",
        f"page-label: {string(view.labels['page'])}",
    ]
    return "\n\n".join(
        [
            '#import "mentorbook.typ": *',
            "#show: book.with(" + ", ".join(settings) + ")",
            '#set page(numbering: "1", footer: context [#set text(size: 8.5pt, fill: luma(90)); '
            + f"#{string(sheet_.title)} #h(1fr) #{string(view.labels['page'])} "
            + "#counter(page).display() #"
            + string(view.labels["of"])
            + " #counter(page).final().first()])",
            sheet(sheet_, view.labels, view.fillable),
        ]
    )


def sheet(view: SheetView, labels: Mapping[str, str], fillable: bool, level: int = 1) -> str:
    """One worksheet's pages: its heading (`level` 2 in a book, a bookmark under "Worksheets"),
    purpose, instructions and sections of fields (a level below)."""
    out = [
        "#pagebreak(weak: true)",
        f"#kicker[{text(view.kicker)}];",
        f"#heading(level: {level})[{text(view.title)}] {label(view.id)}",
        markdown(view.purpose, within=level),
        f"#block(inset: (left: 4mm), stroke: (left: 2pt + luma(120)))[#heading(level: {level + 1}, outlined: false)[{text(labels['instructions'])}]\n{markdown(view.instructions, within=level + 1)}]",
    ]
    for section in view.sections:
        head = [f"#heading(level: {level + 1}, outlined: false)[{text(section.title)}]"]
        head += [markdown(section.intro, within=level + 1)] if section.intro else []
        kept = [_block(block, fillable, level + 1) for block in section.blocks] or [""]
        kept[0] = "\n".join(head) + "\n" + kept[0]  # the heading on the page of its first block
        body = "\n".join(f"#block(breakable: false)[{block}]" for block in kept)
        out.append(f"#[#set text(dir: {section.dir})\n{body}]")
    return "\n".join(out)


def _block(block: Block, fillable: bool, level: int) -> str:
    """Fields that stay on one page together (the plan's blocks); a row or a signature block's
    fields side by side."""
    fields = [_field(f, fillable, level) for f in block.fields]
    if not block.kind or len(fields) == 1:
        return "\n".join(fields)
    cells = ", ".join(f"[{field}]" for field in fields)
    return f"#grid(columns: {len(fields)}, column-gutter: 6mm, {cells})"


def _field(field: FieldView, fillable: bool, level: int) -> str:
    if isinstance(field, NoteView):
        return markdown(field.text, within=level)
    assert isinstance(field, InputView)
    caption = f"#strong[{text(field.label)}];"
    if isinstance(field, ChoicesView) and field.hint:
        caption += f" ({text(field.hint)})"
    caption += f"\n\n{text(field.help)}" if field.help else ""
    return f"#block(breakable: false)[{caption}\n\n{_space(field, fillable)}]\n"


def _space(field: InputView, fillable: bool) -> str:
    flag = f"fillable: {str(fillable).lower()}"
    if isinstance(field, ChoicesView):
        return "\n".join(_choices(field, flag))
    if isinstance(field, TableView):
        head = ", ".join(f"[#strong[{text(c)}];]" for c in field.columns)
        cells = ", ".join(
            f'[#field({string(cell.name)}, "text", height: 7mm, {flag})]' for row in field.rows for cell in row
        )
        return f"#table(columns: {len(field.columns)}, table.header({head}), {cells})"
    if isinstance(field, LinesView):
        height = field.height  # "27mm": so many handwriting lines, as the plan says
        return f'#field({string(field.name)}, "lines", height: {height}, {flag})'
    return f'#field({string(field.name)}, "text", {flag})'


def _choices(field: ChoicesView, flag: str) -> Iterable[str]:
    for choice in field.choices:
        kind = "checkbox" if choice.type == "checkbox" else "radio"
        value = f", value: {string(choice.value)}" if choice.value else ""
        yield (
            f'#field({string(choice.name)}, "{kind}"{value}, width: 4mm, height: 4mm, {flag}) '
            f"#h(2mm) {text(choice.text)} #h(6mm)"
        )
