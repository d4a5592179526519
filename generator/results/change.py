"""Change from the start to the end: a person's two self-assessments paired by program ID,
or, for a person with no start form, the end form's "then" ratings beside its "today" ones.

Per role, per item and per construct (a person's construct score is the average of the
construct's items they rated both times; "does not apply" is never a score). Each table, and
each row, is shown only for at least the minimum group size; a smaller one shows only how
many people it holds. No name is read or written: the pairing key is the program ID.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from statistics import fmean

from generator.models.instrument import THEN_PREFIX
from generator.plan.program.forms import Form, FormItem
from generator.results.check import Issue, Response

Scores = dict[str, float]  # item or construct id -> a person's score


@dataclass(frozen=True)
class ChangeRow:
    label: str
    people: int  # with a score both times
    before: float
    after: float
    higher: int
    same: int
    lower: int
    shown: bool


@dataclass(frozen=True)
class ChangeTable:
    role: str  # the role's name
    design: str  # "paired" or "looking_back"
    people: int
    shown: bool
    constructs: tuple[ChangeRow, ...]
    items: tuple[ChangeRow, ...]


@dataclass(frozen=True)
class InstrumentChange:
    instrument: str
    scale: tuple[str, ...]  # the skills' points, lowest first
    tables: tuple[ChangeTable, ...]


def one_per_person(responses: list[Response]) -> tuple[list[Response], list[Issue]]:
    """A participant's first response to a form is counted; a second is left out, named."""
    kept: list[Response] = []
    issues: list[Issue] = []
    seen: dict[tuple[str, str], str] = {}
    for response in responses:
        key = (response.form.id, response.participant)
        if response.participant and key in seen:
            message = f"is a second `{response.form.id}` from `{response.participant}`"
            issues.append(Issue(response.source, message, f"only the first ({seen[key]}) is counted; remove one"))
            continue
        seen.setdefault(key, response.source)
        kept.append(response)
    return kept, issues


def changes(
    forms: tuple[Form, ...], responses: list[Response], labels: Mapping[str, str], minimum: int
) -> tuple[InstrumentChange, ...]:
    """For each named instrument asked on two occasions or more: a paired table and a
    looking-back table per role, first occasion against last."""
    out = []
    for instrument in dict.fromkeys(f.instrument.id for f in forms if not f.instrument.anonymous):
        of = [f for f in forms if f.instrument.id == instrument]
        tables = []
        for role in of[0].instrument.answered_by:
            own = [f for f in of if f.role == role]
            if len(own) > 1:
                tables += _tables(labels[f"role_{role.value}"], own[0], own[-1], responses, minimum)
        scale = next((i.points for f in of for i in f.items if i.kind == "rating" and i.section != "items"), ())
        if tables:
            out.append(InstrumentChange(instrument, scale, tuple(tables)))
    return tuple(out)


def _tables(role: str, start: Form, end: Form, responses: list[Response], minimum: int) -> list[ChangeTable]:
    before = {r.participant: r.answers for r in responses if r.form.id == start.id and r.participant}
    after = [r for r in responses if r.form.id == end.id]
    paired = [(before[r.participant], r.answers) for r in after if r.participant in before]
    alone = [r.answers for r in after if r.participant not in before]
    rated = [i for i in end.items if i.kind == "rating" and i.section in ("skills", "areas") and start.item(i.id)]
    tables = [_table(role, "paired", rated, [(_scores(rated, b), _scores(rated, a)) for b, a in paired], minimum)]
    if any(i.section == "then" for i in end.items):
        then = [(_scores(rated, a, THEN_PREFIX), _scores(rated, a)) for a in alone]
        tables.append(_table(role, "looking_back", rated, then, minimum))
    return [t for t in tables if t.people]


def _scores(items: list[FormItem], answers: Mapping[str, str], prefix: str = "") -> Scores:
    scores: Scores = {}
    for item in items:
        score = item.score(answers.get(prefix + item.id, ""))
        if score is not None:
            scores[item.id] = score
    return scores


def _table(
    role: str, design: str, items: list[FormItem], people: list[tuple[Scores, Scores]], minimum: int
) -> ChangeTable:
    shown = len(people) >= minimum
    if not shown:
        return ChangeTable(role, design, len(people), False, (), ())
    constructs: dict[str, list[FormItem]] = {}
    for item in items:
        constructs.setdefault(item.topic or "", []).append(item)
    by_construct = tuple(_row(topic, _construct_pairs(group, people), minimum) for topic, group in constructs.items())
    by_item = tuple(_row(i.label, _item_pairs(i.id, people), minimum) for i in items)
    return ChangeTable(role, design, len(people), True, by_construct, by_item)


def _item_pairs(item_id: str, people: list[tuple[Scores, Scores]]) -> list[tuple[float, float]]:
    return [(b[item_id], a[item_id]) for b, a in people if item_id in b and item_id in a]


def _construct_pairs(items: Iterable[FormItem], people: list[tuple[Scores, Scores]]) -> list[tuple[float, float]]:
    """A person's average over the construct's items they rated both times."""
    ids = [i.id for i in items]
    pairs = []
    for b, a in people:
        both = [i for i in ids if i in b and i in a]
        if both:
            pairs.append((fmean(b[i] for i in both), fmean(a[i] for i in both)))
    return pairs


def _row(label: str, pairs: list[tuple[float, float]], minimum: int) -> ChangeRow:
    if len(pairs) < minimum:
        return ChangeRow(label, len(pairs), 0.0, 0.0, 0, 0, 0, False)
    before, after = fmean(b for b, _ in pairs), fmean(a for _, a in pairs)
    higher = sum(a > b for b, a in pairs)
    lower = sum(a < b for b, a in pairs)
    return ChangeRow(label, len(pairs), before, after, higher, len(pairs) - higher - lower, lower, True)
