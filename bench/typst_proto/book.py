"""The handbook's plan -> one Typst document (the prototype's handbook.html.j2 and chapters/).

Every text goes through markup.py: plain words through `text` (escaped), Markdown through
`markdown`, addresses through `string`. Ids become labels only through `label`, which accepts
the plan's own ids and nothing else. The whole book is one document laid out in one pass:
Typst keeps its page numbers, contents, bookmarks and links itself, so there are no parts to
join (generator/pdf/join.py) and no footers to lay over (generator/pdf/overlay.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bench.typst_proto.markup import label, markdown, right_to_left, string, text
from bench.typst_proto.sheet import sheet
from generator.plan.print.book import (
    BookView,
    Chapter,
    ContentsEntry,
    GuideChapter,
    HandbookPlan,
    ModuleChapter,
    ModuleView,
    SessionView,
)

PAPER = {"A4": "a4", "letter": "us-letter"}
# At the top level: a set rule inside a function would end with the function's content.
BODY_STARTS = '#set page(numbering: "1")\n#counter(page).update(1)'
NEW_PAGE = "#pagebreak(weak: true)\n"


def handbook_source(plan: HandbookPlan) -> str:
    """The Typst source of the whole handbook: cover, contents, body, worksheets."""
    book = plan.book
    head = [
        '#import "mentorbook.typ": *',
        "#show: book.with(" + ", ".join(_settings(book)) + ")",
        _cover(book),
        "#contents([" + text(book.labels["contents"]) + "], (" + "".join(_entry(e) for e in plan.contents) + "))",
        BODY_STARTS,
    ]
    body = [_chapter(chapter, book) for part in plan.parts for chapter in part.chapters]
    sheets = [
        sheet(part.sheet.view.sheets[0], book.labels, fillable=False, level=2) for part in plan.parts if part.sheet
    ]
    return "\n\n".join([*head, *body, *sheets]) + "\n"


def _settings(book: BookView) -> Iterable[str]:
    yield f"title: {string(book.title)}"
    yield f"lang: {string(book.lang)}"
    yield f"paper: {string(PAPER[book.style.paper])}"
    yield f"brand: rgb({string(book.style.brand)})"
    yield f"footer: {string(css_text(book.style.footer or ''))}"
    yield f"page-label: {string(book.labels['page'])}"
    year, month, day = (int(n) for n in book.date[:10].split("-"))
    yield f"date: datetime(year: {year}, month: {month}, day: {day})"


def css_text(value: str) -> str:
    """The words of a quoted CSS string (markup.css_string): the plan holds the footer's name
    (the organization's short name) only in that form, for print.css."""
    return re.sub(r"\\([0-9a-f]{6}) ", lambda m: chr(int(m.group(1), 16)), value[1:-1])


def _cover(book: BookView) -> str:
    cover = book.cover
    program = f"[{text(cover.program)}], [{text(cover.dates or '')}]" if cover.program else "none, none"
    return f"#cover([{text(book.labels['handbook'])}], [{text(cover.title)}], [{text(cover.org)}], {program})"


def _entry(entry: ContentsEntry) -> str:
    return f"(target: {label(entry.target[1:])}, title: [{text(entry.title)}], level: {entry.level}),"


def _heading(level: int, words: str, anchor: str | None = None, outlined: bool = True, kicker: bool = False) -> str:
    """A heading; `outlined=False`: a section, no bookmark (PDF/UA forbids skipping a level,
    so a chapter's sections are level 2 and a session's level 3, neither in the bookmarks)."""
    hidden = "" if outlined else ", outlined: false"
    tail = f" {label(anchor)}" if anchor else ""
    page = NEW_PAGE if level == 1 and anchor and not kicker else ""  # the kicker above starts the page
    return page + right_to_left(words, f"#heading(level: {level}{hidden})[{text(words)}]{tail}\n")


def _section(level: int, words: str) -> str:
    return _heading(level, words, outlined=False)


def _chapter(chapter: Chapter, book: BookView) -> str:
    if isinstance(chapter, ModuleChapter):
        return _module(chapter, book)
    if isinstance(chapter, GuideChapter):
        guide = chapter.guide
        return f"{NEW_PAGE}#[{markdown(guide.html, within=0)}] {label(guide.id)}\n"
    return _OPENING[chapter.kind](book)


def _welcome(book: BookView) -> str:
    return _heading(1, book.labels["welcome"], "_welcome") + markdown(book.welcome, within=1)


def _values(book: BookView) -> str:
    out = [_heading(1, book.labels["our_values"], "_values")]
    out += [_section(2, v.name) + markdown(v.text, within=2) for v in book.values]
    return "\n".join(out)


def _how_we_work(book: BookView) -> str:
    items = ", ".join(f"[{markdown(note, within=1).strip()}]" for note in book.how_we_work)
    return _heading(1, book.labels["how_we_work"], "_how-we-work") + f"#list({items})\n"


def _contacts(book: BookView) -> str:
    labels = book.labels
    out = [_heading(1, labels["contacts"], "_contacts"), text(labels["contacts_intro"]) + "\n"]
    for c in book.contacts:
        out.append(_section(2, c.role) + f"#strong[{text(c.name)}];\n")
        out += [
            f"\n{text(labels[key])}\\: {text(value)}\n"
            for key, value in (("email", c.email), ("phone", c.phone))
            if value
        ]
        out.append(markdown(c.note, within=2) if c.note else "")
    return "\n".join(out)


def _program(book: BookView) -> str:
    program, labels = book.program, book.labels
    assert program is not None
    rows = []
    for row in program.rows:
        what = f"#link({label(row.target[1:])})[{text(row.title)}];" if row.target else f"#strong[{text(row.title)}];"
        note = f" — {text(row.note)}" if row.note else ""
        rows.append(f"[{text(row.date)}], [{what}{note}],")
    out = [
        _heading(1, program.name, program.id),
        text(program.facts) + "\n",
        "#table(columns: (auto, 1fr), table.header("
        + f"[#strong[{text(labels['date'])}];], [#strong[{text(labels['what'])}];]), "
        + "".join(rows)
        + ")\n",
    ]
    if program.as_needed:
        items = ", ".join(f"[#link({label(i.target[1:])})[{text(i.title)}];]" for i in program.as_needed if i.target)
        out += [_section(2, labels["as_needed"]), text(labels["as_needed_intro"]) + "\n", f"#list({items})\n"]
    if program.breaks:
        items = ", ".join(f"[{text(b.name)}\\: {text(b.dates)}]" for b in program.breaks)
        out += [_section(2, labels["breaks"]), f"#list({items})\n"]
    return "\n".join(out)


def _glossary(book: BookView) -> str:
    items = ", ".join(
        f"terms.item([{text(e.term)}], [{markdown(e.definition, within=1).strip()}])" for e in book.glossary
    )
    return _heading(1, book.labels["glossary"], "_glossary") + f"#terms({items})\n"


def _sheets(book: BookView) -> str:
    return _heading(1, book.labels["worksheets"], "_worksheets") + text(book.labels["handbook_worksheets_intro"]) + "\n"


_OPENING = {
    "welcome": _welcome,
    "values": _values,
    "how_we_work": _how_we_work,
    "contacts": _contacts,
    "program": _program,
    "glossary": _glossary,
    "sheets": _sheets,
}


def _module(chapter: ModuleChapter, book: BookView) -> str:
    opening = [_module_opening(chapter.module, book)] if chapter.opening else []
    return "\n".join([*opening, *(_session(s, book) for s in chapter.sessions)])


def _module_opening(module: ModuleView, book: BookView) -> str:
    labels = book.labels
    objectives = ", ".join(f"[{markdown(o, within=2).strip()}]" for o in module.objectives)
    out = [
        NEW_PAGE + f"#kicker[{text(module.kicker)}];",
        _heading(1, module.title, module.id, kicker=True),
        markdown(module.summary, within=1),
        _section(2, labels["why_it_matters"]) + markdown(module.why, within=2),
        _section(2, labels["objectives"]) + f"#list({objectives})\n",
    ]
    if module.key_ideas:
        out.append(_section(2, labels["key_ideas"]) + markdown(module.key_ideas, within=2))
    return "\n".join(out)


def _session(session: SessionView, book: BookView) -> str:
    labels = book.labels
    address = f" #text(size: 9pt)[ · {text(session.url)}];" if session.url else ""  # as typed, not upper case
    out = [
        "#pagebreak(weak: true)",
        f"#kicker[{text(session.kicker)}];{address}",
        _heading(2, session.title, session.id),
    ]
    out.append(markdown(session.summary, within=2))
    if session.guidance:
        out.append(_section(3, labels["before_you_meet"]) + markdown(session.guidance))
    head = ", ".join(f"[{text(labels[k])}]" for k in ("time", "step", "what_happens"))
    rows = "".join(
        f"([{text(r.time)}], [#strong[{text(r.step)}];], [{markdown(r.detail).strip() if r.detail else ''}]),"
        for r in session.agenda
    )
    out.append(_section(3, labels["agenda"]) + f"#agenda(({head}), ({rows}))\n")
    out.append(_section(3, labels["prompts"]))
    for role in session.prompts:
        out.append(f"#role[{text(role.label)}];\n" + _items(role.lines))
    out.append(_section(3, f"{labels['activity']}: {session.activity.title}") + markdown(session.activity.text))
    brand = f"rgb({string(book.style.brand)})"
    for advice in session.advice:
        out.append(_section(3, advice.title))
        out += [f"#advice({brand})[#role[{text(r.label)}];\n{_items(r.lines)}]\n" for r in advice.roles]
    out.append(_section(3, labels["worksheets_used"]))
    if session.worksheets:
        refs = ", ".join(f"[#link({label(s.target[1:])})[{text(s.title)}];]" for s in session.worksheets)
        out.append(f"#list({refs})\n")
    else:
        out.append(text(labels["no_worksheets"]) + "\n")
    return "\n".join(out)


def _items(lines: Iterable[str]) -> str:
    return "#list(" + ", ".join(f"[{markdown(line).strip()}]" for line in lines) + ")\n"
