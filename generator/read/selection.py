"""The organization's choice of modules and sessions, checked against what exists: every id
it names is a module (or a session of that module) of the shared curriculum or its own, and
none is named twice. Each mistake points at the id and suggests the nearest one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from generator.errors import Problem
from generator.models import Curriculum, Module, Organization, OwnCurriculum
from generator.models.source import Loc, YamlFile


def check_selection(
    source: YamlFile,
    org: Organization,
    shared: Curriculum,
    own: OwnCurriculum | None,
    own_ids: list[str] | None = None,
) -> list[Problem]:
    """`own_ids`: the ids the organization's own file declares even when it has a mistake of
    its own (already reported), so that its modules are not also "no module"; None when they
    cannot be known, and then only repeats are checked."""
    modules = {m.id: m for m in (*shared.modules, *(own.modules if own else ()))}
    declared = set(own_ids or ())
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, choice in enumerate(org.modules or ()):
        loc: Loc = ("modules", index) if choice.sessions is None else ("modules", index, "module")
        module = modules.get(choice.module)
        if module is None and (own_ids is None or choice.module in declared):
            pass  # its own file's mistake is the problem to fix
        elif module is None:
            hint = _nearest(choice.module, [*modules, *sorted(declared - set(modules))], "the modules are")
            problems.append(source.problem(loc, f"modules: there is no module `{choice.module}`", hint))
        elif choice.module in seen:
            problems.append(source.problem(loc, f"modules: `{choice.module}` is listed twice", "list each module once"))
        seen.add(choice.module)
        if module is not None and choice.session_ids is not None:
            problems += _check_sessions(source, index, module, choice.session_ids, modules.values())
    return problems


def _check_sessions(
    source: YamlFile, index: int, module: Module, chosen: Sequence[str], modules: Iterable[Module]
) -> list[Problem]:
    ids = [s.id for s in module.sessions]
    elsewhere = {s.id: m.id for m in modules if m is not module for s in m.sessions}
    problems, seen = [], set()
    for j, session_id in enumerate(chosen):
        loc: Loc = ("modules", index, "sessions", j)
        where = f"modules[{module.id}].sessions"
        if session_id in seen:
            problems.append(source.problem(loc, f"{where}: `{session_id}` is listed twice", "list each session once"))
        elif session_id not in ids:
            if session_id in elsewhere:
                hint = f"it is in module `{elsewhere[session_id]}`: choose it there, or choose one of: " + ", ".join(
                    ids
                )
            else:
                hint = _nearest(session_id, ids, f"the sessions of `{module.id}` are")
            message = f"{where}: module `{module.id}` has no session `{session_id}`"
            problems.append(source.problem(loc, message, hint))
        seen.add(session_id)
    return problems


def _nearest(written: str, known: list[str], listing: str) -> str:
    close = difflib.get_close_matches(written, known, n=1)
    return f"did you mean `{close[0]}`?" if close else f"{listing}: " + ", ".join(known)
