"""A pure function of a project, worked out once per project: the run-sheet's days, the
program's facts, the time each role asks and the dated run-sheet are read by many pages and
books, each asking again (the shipped example's build asked for the run-sheet's days 784 times;
serve's rebuild after an edit spent 0.6 of its 2 s on them, `bench/preview.py`). A project is
frozen, so one project object's answer never changes; the answer is kept by the object's
identity (not its value, which would hash the whole curriculum on every call) for the last few
projects (a build plans two: the project and its copy with the facts filled in).
"""

from __future__ import annotations

import functools
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from generator.models.project import Project

P = ParamSpec("P")
T = TypeVar("T")
KEPT = 4  # projects whose answers are kept: a test run makes hundreds, a build two


def once_per_project(function: Callable[Concatenate[Project, P], T]) -> Callable[Concatenate[Project, P], T]:
    """`function(project, *args)` worked out once for that project object and those (hashable)
    arguments; the same answer given after, so it must not be changed by its callers."""
    kept: OrderedDict[int, tuple[weakref.ref[Project], dict[object, T]]] = OrderedDict()

    @functools.wraps(function)
    def once(project: Project, /, *args: P.args, **kwargs: P.kwargs) -> T:
        entry = kept.get(id(project))
        if entry is None or entry[0]() is not project:  # a new project (or a dead one's id reused)
            entry = kept[id(project)] = (weakref.ref(project), {})
            while len(kept) > KEPT:
                kept.popitem(last=False)
        answers, key = entry[1], (args, tuple(sorted(kwargs.items())))
        if key not in answers:
            answers[key] = function(project, *args, **kwargs)
        return answers[key]

    return once
