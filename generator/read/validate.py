"""Loaded YAML -> frozen models, with every mistake explained at its line and column.

Pydantic finds the mistakes; this module says them in words an HR colleague can act on:
what is wrong, where, and what to write instead ("did you mean `title`?").
"""

from __future__ import annotations

import difflib
import types
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from generator.errors import InputError, Problem
from generator.models.source import Loc, YamlFile

M = TypeVar("M", bound=BaseModel)
UNIONS = (Union, types.UnionType)  # `Union[X, Y]` and `X | Y`


def parse(source: YamlFile, model: type[M]) -> M:
    """Validate a loaded file into `model`, or raise InputError listing every problem."""
    try:
        return model.model_validate(source.data)
    except ValidationError as error:
        errors = _without_echoes(error.errors())
        raise InputError([explain(source, model, e) for e in errors]) from None


def _without_echoes(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """Drop errors that only repeat another one: "needs at least N items" for a list whose
    items have errors of their own (pydantic counts only the valid items), and "`title` is
    missing" where `titel` stands."""
    inner = {e["loc"][:i] for e in errors for i in range(len(e["loc"])) if isinstance(e["loc"][i], int)}
    typos = [(e["loc"][:-1], str(e["loc"][-1])) for e in errors if e["type"] == "extra_forbidden"]

    def echo(e: ErrorDetails) -> bool:
        if e["type"] == "too_short":
            return e["loc"] in inner
        if e["type"] == "missing":  # `titel: x` also makes `title` missing: say it once
            name = str(e["loc"][-1])
            return any(p == e["loc"][:-1] and difflib.get_close_matches(k, [name], cutoff=0.6) for p, k in typos)
        return False

    return [e for e in errors if not echo(e)]


def explain(source: YamlFile, model: type[BaseModel], error: ErrorDetails) -> Problem:
    loc = data_loc(source.data, error["loc"])
    where = readable(source.data, loc)
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx", {})
    name = str(loc[-1]) if loc and isinstance(loc[-1], str) else "this item"

    if kind == "mentorbook":
        return source.problem(loc, f"{where}: {ctx['message']}", ctx.get("hint", ""), key=value is None)
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        allowed = allowed_fields(model, error["loc"])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = (
            f"did you mean `{close[0]}`?" if close else "the fields here are: " + ", ".join(f"`{a}`" for a in allowed)
        )
        return source.problem(loc, f"{where}: `{key}` is not a field here", hint, key=True)
    if kind == "missing":
        info = field_info(model, error["loc"])
        about = f" ({info.description})" if info and info.description else ""
        return source.problem(loc, f"{where}: `{name}` is missing", f"add a line `{name}: ...`{about}")
    if value is None:
        return source.problem(loc, f"{where}: is empty", _empty_hint(kind), key=True)
    message, hint = _describe(kind, value, ctx, name, error["msg"])
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        loc = (*loc, "kind")
    return source.problem(loc, f"{where}: {message}", hint, key=kind == "union_tag_not_found")


def _empty_hint(kind: str) -> str:
    if kind in ("tuple_type", "list_type", "too_short"):
        return "add at least one item below it, each on its own line starting with `- `"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "add its fields below it, indented by two spaces"
    if kind.startswith("int"):
        return "write a whole number after the colon, e.g. 45"
    return "write the text after the colon"


def _describe(kind: str, value: Any, ctx: dict[str, Any], name: str, msg: str) -> tuple[str, str]:
    shown = _show(value)
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"should be a whole number, not {shown}", f"write digits only, e.g. `{name}: 45`"
    if kind in ("greater_than_equal", "greater_than"):
        return f"is {shown}, but the least allowed is {ctx.get('ge', ctx.get('gt'))}", "write a larger number"
    if kind in ("less_than_equal", "less_than"):
        return f"is {shown}, but the most allowed is {ctx.get('le', ctx.get('lt'))}", "write a smaller number"
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return (
            f"needs at least {least} item{'s' if least != 1 else ''}",
            "add items, each on its own line starting with `- `",
        )
    if kind == "too_long":
        return f"has more than {ctx.get('max_length')} items", "remove some items or split the list"
    if kind in ("string_type", "str_type"):
        return f"should be text, not {_shape(value)}", "write the text on the same line after the colon"
    if kind in ("tuple_type", "list_type"):
        return f"should be a list, not {_shape(value)}", "write each item on its own line starting with `- `"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return (
            f"should be a group of fields, not {_shape(value)}",
            "write `name: value` lines below it, indented by two spaces",
        )
    if kind.startswith(("date_", "datetime_")):
        return f"{shown} is not a date", "write it as year-month-day, e.g. 2027-01-11"
    if kind == "bool_parsing":
        return f"should be yes or no, not {shown}", "write `yes` or `no`"
    if kind == "union_tag_invalid":
        tags = [t.strip("'") for t in str(ctx.get("expected_tags", "")).split(", ")]
        close = difflib.get_close_matches(str(ctx.get("tag")).casefold(), tags, n=1)
        guess = f"did you mean `{close[0]}`? " if close else ""
        hint = guess + "use one of: " + ", ".join(f"`{t}`" for t in tags) + " (capitals do not matter)"
        return f"`kind: {ctx.get('tag')}` is not a kind of field", hint
    if kind == "union_tag_not_found":
        return (
            "`kind` is missing",
            "add `kind:` with one of text, lines, checklist, rating, date, signature, table, note",
        )
    if kind == "literal_error":
        return f"is {shown}", f"write one of: {ctx.get('expected')}"
    return f"{msg[:1].lower()}{msg[1:]} (got {shown})", "check this value"


def _show(value: Any) -> str:
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return value
    if isinstance(value, str):
        return f'"{value}"' if len(value) < 60 else f'"{value[:57]}..."'
    return _shape(value)


def _shape(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    return _show(value) if isinstance(value, str) else repr(value)


def data_loc(data: Any, loc: tuple[int | str, ...]) -> Loc:
    """Pydantic's error location without the union tags it adds, as a path into the data."""
    out: list[int | str] = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif isinstance(node, dict) and i > 0 and isinstance(loc[i - 1], int) and node.get("kind") == part:
            continue  # the discriminator pydantic adds after a list index
        elif isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        else:
            continue
        out.append(part)
    return tuple(out)


def readable(data: Any, loc: Loc) -> str:
    """`modules[goal-setting].sessions[first-goals].minutes`: ids where items have them."""
    text, node = "", data
    for part in loc:
        if isinstance(part, int) and isinstance(node, list):
            item = node[part]
            label = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else part + 1
            text += f"[{label}]"
            node = item
        else:
            text += f".{part}" if text else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return text or "the file"


def _unwrap(tp: Any) -> Any:
    args = get_args(tp)
    if get_origin(tp) in UNIONS and type(None) in args:
        members = [a for a in args if a is not type(None)]
        return _unwrap(members[0]) if len(members) == 1 else Union[tuple(members)]  # noqa: UP007 (built at run time)
    if hasattr(tp, "__metadata__"):
        return _unwrap(args[0])
    return tp


def _step(tp: Any, part: int | str) -> Any:
    tp = _unwrap(tp)
    origin = get_origin(tp)
    if isinstance(part, int):
        return get_args(tp)[0] if origin in (tuple, list) else None
    if origin in UNIONS:
        return next((m for m in get_args(tp) if part in _kinds(m)), None)
    if isinstance(tp, type) and issubclass(tp, BaseModel) and part in tp.model_fields:
        return tp.model_fields[part].annotation
    return None


def _kinds(member: Any) -> tuple[str, ...]:
    member = _unwrap(member)
    if isinstance(member, type) and issubclass(member, BaseModel) and "kind" in member.model_fields:
        return get_args(member.model_fields["kind"].annotation)
    return ()


def _model_at(root: type[BaseModel], loc: tuple[int | str, ...]) -> Any:
    tp: Any = root
    for part in loc:
        tp = _step(tp, part)
        if tp is None:
            return None
    return _unwrap(tp)


def allowed_fields(root: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    tp = _model_at(root, loc[:-1])
    return list(tp.model_fields) if isinstance(tp, type) and issubclass(tp, BaseModel) else []


def field_info(root: type[BaseModel], loc: tuple[int | str, ...]) -> FieldInfo | None:
    tp = _model_at(root, loc[:-1])
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp.model_fields.get(str(loc[-1]))
    return None
