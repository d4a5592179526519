"""The structure: generator/'s imports drawn as a graph, read from the source (every import,
also those inside functions and under TYPE_CHECKING), with no circle and no arrow back up.

The stages, earliest first; a module may import its own stage or an earlier one, never a later:

    base     generator/__init__, errors, clock, markup, grammar, direction, cells, engines,
             jinja, stages, console: what every stage uses
    models   frozen value types
    read     YAML and files -> one checked Project (the edge)
    plan     pure: Project -> every document, as values
    product  site/, pdf/, sheets.py, slides.py: documents -> files
    results  filled forms -> the results report (reads forms as pdf/ made them)
    build    write.py, build.py: the pipeline
    commands commands/: serve, init, build --all, results, ...
    cli      cli.py, arguments.py, __main__.py

and inside plan/, the same rule: paths.py (every document's address) < program/ (what every
product says about the program) < sheets/ < site/ < print/ (the books print the site's pages)
< plan/__init__ (the Plan, in the order it is made).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "generator"
STAGES = ("base", "models", "read", "plan", "product", "results", "build", "commands", "cli")
TOP = {  # generator/<name>.py or generator/<name>/ -> its stage
    "generator": "base",
    "errors": "base",
    "clock": "base",
    "markup": "base",
    "grammar": "base",
    "direction": "base",
    "cells": "base",
    "engines": "base",
    "jinja": "base",
    "stages": "base",
    "console": "base",
    "models": "models",
    "read": "read",
    "plan": "plan",
    "site": "product",
    "pdf": "product",
    "sheets": "product",
    "slides": "product",
    "results": "results",
    "write": "build",
    "build": "build",
    "commands": "commands",
    "cli": "cli",
    "arguments": "cli",
    "__main__": "cli",
}
PLAN = ("paths", "program", "sheets", "site", "print", "plan")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, modules: set[str]) -> Iterator[str]:
    """The generator modules `path` imports (a name imported from a package that is a module
    of its own counts as that module)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                named = f"{node.module}.{alias.name}"
                yield named if named in modules else node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(files)
    return {name: {m for m in imports(path, modules) if m in modules and m != name} for name, path in files.items()}


def stage(module: str) -> int:
    parts = module.split(".")
    return STAGES.index(TOP["generator" if len(parts) == 1 else parts[1]])


def plan_floor(module: str) -> int | None:
    parts = module.split(".")
    if parts[1:2] != ["plan"]:
        return None
    return PLAN.index("plan" if len(parts) == 2 else parts[2])


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(edges[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_every_module_has_a_stage() -> None:
    unplaced = [m for m in graph() if m != "generator" and m.split(".")[1] not in TOP]
    assert unplaced == [], "give each a stage in TOP"
    assert all(plan_floor(m) is not None for m in graph() if m.startswith("generator.plan"))


def test_no_import_goes_round_in_a_circle() -> None:
    assert cycles(graph()) == []


def test_no_import_runs_back_up_the_stages() -> None:
    edges = graph()
    up = [f"{m} -> {o}" for m, targets in edges.items() for o in targets if stage(o) > stage(m)]
    assert up == [], f"an earlier stage imports a later one (order: {' < '.join(STAGES)})"


def test_inside_plan_the_floors_run_one_way() -> None:
    edges = graph()
    up = [
        f"{m} -> {o}"
        for m, targets in edges.items()
        for o in targets
        if (here := plan_floor(m)) is not None and (there := plan_floor(o)) is not None and there > here
    ]
    assert up == [], f"order inside plan/: {' < '.join(PLAN)}"


def test_the_checks_find_what_they_look_for() -> None:
    """The checks themselves, on a made-up graph: a circle is found, and so is an arrow up."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert stage("generator.read.project") > stage("generator.models.project")
    assert plan_floor("generator.plan.print.book") > plan_floor("generator.plan.site.pages")  # type: ignore[operator]
