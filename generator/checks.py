"""Checks across a whole file that no single field can make: unique ids, references that exist."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from generator.errors import Problem
from generator.models import Curriculum
from generator.source import Loc, Source


def check_curriculum(source: Source, curriculum: Curriculum) -> list[Problem]:
    problems: list[Problem] = []
    problems += _unique(
        source, "module id `{}`", ((("modules", i, "id"), m.id) for i, m in enumerate(curriculum.modules))
    )
    problems += _unique(
        source,
        "session id `{}`",
        (
            (("modules", i, "sessions", j, "id"), s.id)
            for i, m in enumerate(curriculum.modules)
            for j, s in enumerate(m.sessions)
        ),
    )
    problems += _unique(
        source, "worksheet id `{}`", ((("worksheets", i, "id"), w.id) for i, w in enumerate(curriculum.worksheets))
    )
    problems += _unique(
        source, "glossary term `{}`", ((("glossary", i, "term"), g.term) for i, g in enumerate(curriculum.glossary))
    )
    for i, worksheet in enumerate(curriculum.worksheets):
        problems += _unique(
            source,
            f"field name `{{}}` in worksheet `{worksheet.id}`",
            (
                (("worksheets", i, "sections", j, "fields", k, "name"), getattr(f, "name", None))
                for j, section in enumerate(worksheet.sections)
                for k, f in enumerate(section.fields)
            ),
        )
    known = [w.id for w in curriculum.worksheets]
    for i, module in enumerate(curriculum.modules):
        for j, session in enumerate(module.sessions):
            for k, ref in enumerate(session.worksheets):
                if ref not in known:
                    close = difflib.get_close_matches(ref, known, n=1)
                    hint = (
                        f"did you mean `{close[0]}`?"
                        if close
                        else "the worksheets are: " + ", ".join(known or ["(none yet)"])
                    )
                    loc: Loc = ("modules", i, "sessions", j, "worksheets", k)
                    problems.append(
                        source.problem(
                            loc, f"session `{session.id}` uses worksheet `{ref}`, which does not exist", hint
                        )
                    )
    return problems


def _unique(source: Source, what: str, items: Iterable[tuple[Loc, str | None]]) -> list[Problem]:
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
