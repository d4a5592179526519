"""Checks across a whole file that no single field can make: unique ids, references that exist."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from generator.errors import Problem
from generator.models import Curriculum, Module, OwnCurriculum, Worksheet
from generator.models.source import Loc, YamlFile


def check_curriculum(source: YamlFile, curriculum: Curriculum) -> list[Problem]:
    worksheets = curriculum.worksheets
    problems = check_modules(source, curriculum.modules, [w.id for w in worksheets])
    problems += check_worksheets(source, worksheets)
    glossary = ((("glossary", i, "term"), g.term) for i, g in enumerate(curriculum.glossary))
    problems += _unique(source, "glossary term `{}`", glossary)
    return problems + _unknown_standards(source, curriculum)


def check_own(source: YamlFile, own: OwnCurriculum, shared: Curriculum) -> list[Problem]:
    """An organization's modules and worksheets, checked as if they were part of the shared
    curriculum: ids unique across both, references to either's worksheets."""
    known = [w.id for w in shared.worksheets] + [w.id for w in own.worksheets]
    return check_modules(source, own.modules, known, taken=shared) + check_worksheets(source, own.worksheets, shared)


def check_worksheets(
    source: YamlFile, worksheets: tuple[Worksheet, ...], taken: Curriculum | None = None
) -> list[Problem]:
    """Unique worksheet ids (also against `taken`'s) and field names unique in each worksheet."""
    ids = [(("worksheets", i, "id"), w.id) for i, w in enumerate(worksheets)]
    problems = _unique(source, "worksheet id `{}`", ids)
    if taken is not None:
        problems += _clashes(source, "worksheet", ids, {w.id for w in taken.worksheets})
    for i, worksheet in enumerate(worksheets):
        names = (
            (("worksheets", i, "sections", j, "fields", k, "name"), getattr(f, "name", None))
            for j, section in enumerate(worksheet.sections)
            for k, f in enumerate(section.fields)
        )
        problems += _unique(source, f"field name `{{}}` in worksheet `{worksheet.id}`", names)
    return problems


def _unknown_standards(source: YamlFile, curriculum: Curriculum) -> list[Problem]:
    """A worksheet's or run-sheet step's `standard` is one of the curriculum's `standards`."""
    known = [s.id for s in curriculum.standards]
    named: list[tuple[Loc, str | None]] = [
        (("worksheets", i, "standard"), w.standard) for i, w in enumerate(curriculum.worksheets)
    ]
    named += [(("run_sheet", i, "standard"), t.standard) for i, t in enumerate(curriculum.run_sheet)]
    return [unknown(source, loc, "standard", value, known) for loc, value in named if value and value not in known]


def unknown(source: YamlFile, loc: Loc, what: str, value: str, known: list[str]) -> Problem:
    close = difflib.get_close_matches(value, known, n=1)
    hint = f"did you mean `{close[0]}`?" if close else f"the {what}s are: " + ", ".join(known or ["(none yet)"])
    return source.problem(loc, f"there is no {what} `{value}`", hint)


def check_modules(
    source: YamlFile,
    modules: tuple[Module, ...],
    worksheet_ids: list[str],
    taken: Curriculum | None = None,
) -> list[Problem]:
    """Unique module and session ids (also against `taken`, the shared curriculum, when these
    are an organization's own modules) and worksheet references that exist."""
    module_ids = [(("modules", i, "id"), m.id) for i, m in enumerate(modules)]
    sessions = [
        (("modules", i, "sessions", j, "id"), s.id) for i, m in enumerate(modules) for j, s in enumerate(m.sessions)
    ]
    problems = _unique(source, "module id `{}`", module_ids) + _unique(source, "session id `{}`", sessions)
    if taken is not None:
        problems += _clashes(source, "module", module_ids, {m.id for m in taken.modules})
        problems += _clashes(source, "session", sessions, {s.id for s in taken.sessions()})
    return problems + _unknown_worksheets(source, modules, worksheet_ids)


def _clashes(source: YamlFile, what: str, ids: Iterable[tuple[Loc, str]], shared: set[str]) -> list[Problem]:
    """An organization's own ids that the shared curriculum already uses."""
    return [
        source.problem(
            loc, f"the {what} id `{id_}` is already used by the shared curriculum", f"give your {what} its own id"
        )
        for loc, id_ in ids
        if id_ in shared
    ]


def _unknown_worksheets(source: YamlFile, modules: tuple[Module, ...], worksheet_ids: list[str]) -> list[Problem]:
    known, problems = set(worksheet_ids), []
    for i, module in enumerate(modules):
        for j, session in enumerate(module.sessions):
            for k, ref in enumerate(session.worksheets):
                if ref in known:
                    continue
                close = difflib.get_close_matches(ref, worksheet_ids, n=1)
                hint = (
                    f"did you mean `{close[0]}`?"
                    if close
                    else "the worksheets are: " + ", ".join(worksheet_ids or ["(none yet)"])
                )
                where: Loc = ("modules", i, "sessions", j, "worksheets", k)
                message = f"session `{session.id}` uses worksheet `{ref}`, which does not exist"
                problems.append(source.problem(where, message, hint))
    return problems


def _unique(source: YamlFile, what: str, items: Iterable[tuple[Loc, str | None]]) -> list[Problem]:
    seen: dict[str, Loc] = {}
    problems = []
    for loc, value in items:
        if value is None:
            continue
        if value in seen:
            first = source.mark(seen[value])
            message = f"the {what.format(value)} is used twice (first on line {first.line})"
            problems.append(source.problem(loc, message, "give each one its own"))
        else:
            seen[value] = loc
    return problems
