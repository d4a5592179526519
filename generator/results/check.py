"""Checking each submission against the form it claims: the right form and version, answers
among each question's choices, something filled in, and not a second copy of a submission
already counted. A copy is the same submission (its id in the survey tool, or the same file,
or the same row of the same file), never the same answers: two people may well write alike.

A submission that fails is left out, with one problem naming its file and what to do; the
others are counted. Answers in a CSV may be a choice's name (`partly_agree`, what a survey
tool exports by default) or its label: both are taken, and filed as the label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.errors import inert
from generator.plan.program.forms import ID_ITEM, ID_PATTERN, Form
from generator.plan.sheets.xlsform import choice_names
from generator.results.submission import Submission

MAX_ANSWER = 20_000  # characters: a long written answer is a page or two; more is not an answer


@dataclass(frozen=True)
class Response:
    source: str
    form: Form
    answers: dict[str, str]  # item id -> label or text; unanswered items are absent (never the ID)
    participant: str = ""  # a named form's program ID: pairs a person's start and end; never a name


@dataclass(frozen=True)
class Issue:
    source: str
    message: str
    hint: str

    def __str__(self) -> str:
        """As printed and written to problems.txt: an answer's control characters escaped."""
        return inert(f"{self.source}: {self.message} — {self.hint}")


class RejectedError(Exception):
    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def check_all(submissions: list[Submission], forms: tuple[Form, ...]) -> tuple[list[Response], list[Issue]]:
    by_id = {form.id: form for form in forms}
    responses: list[Response] = []
    issues: list[Issue] = []
    seen: dict[str, str] = {}  # submission identity -> the source counted first (read.py's `key`)
    for submission in submissions:
        try:
            form = _form_of(submission, by_id)
            answers = _answers(submission, form)
        except RejectedError as error:
            issues.append(Issue(submission.source, str(error), error.hint))
            continue
        first = seen.get(submission.key)
        if first:
            issues.append(Issue(submission.source, f"repeats {first}", "counted once; remove the copy"))
            continue
        seen[submission.key] = submission.source
        person = answers.pop(ID_ITEM, "")
        responses.append(Response(submission.source, form, answers, person))
    return responses, issues


def _form_of(submission: Submission, by_id: dict[str, Form]) -> Form:
    known = ", ".join(sorted(by_id))
    if submission.claims is None and len(submission.fields_of) == 1 and min(submission.fields_of) in by_id:
        return by_id[min(submission.fields_of)]  # a PDF that lost its keywords: its fields name its form
    if submission.claims is None:
        origin = ", ".join(sorted(submission.fields_of)) or "no form"
        raise RejectedError(
            f"is not one of this handbook's feedback forms (its fields are from `{origin}`)",
            f"give a filled copy of one of the feedback forms ({known})",
        )
    form = by_id.get(submission.claims)
    if form is None:
        raise RejectedError(
            f"says it answers `{submission.claims}`, a form this handbook does not have", f"forms: {known}"
        )
    if submission.version != str(form.version):
        raise RejectedError(
            f"is version {submission.version} of `{form.id}`; this handbook's is version {form.version}",
            "collect the answers again on the current form (download it from the handbook's Feedback page)",
        )
    foreign = submission.fields_of - {form.id}
    if foreign:
        raise RejectedError(
            f"says it is `{form.id}` but has fields of `{', '.join(sorted(foreign))}`: it was altered",
            "collect the answers again on an unaltered copy of the form",
        )
    return form


def _answers(submission: Submission, form: Form) -> dict[str, str]:
    answers: dict[str, str] = {}
    for item_id, value in submission.values.items():
        if not value:
            continue
        if len(value) > MAX_ANSWER:
            raise RejectedError(
                f"`{item_id}`: the answer is {len(value):,} characters long; the most counted is {MAX_ANSWER:,}",
                "shorten it to the answer itself, or leave this response out",
            )
        if item_id == ID_ITEM:
            answers[item_id] = _participant(form, value)
            continue
        item = form.item(item_id)
        if item is None:
            raise RejectedError(
                f"has `{item_id}`, which is not a question of `{form.id}`: it was altered", _again(form)
            )
        if item.answers:
            label = _label(value, item.answers)
            if label is None:
                allowed = ", ".join(item.answers)
                raise RejectedError(f'`{item_id}`: "{value}" is not one of its answers ({allowed})', _again(form))
            value = label
        answers[item_id] = value
    if not any(k != ID_ITEM for k in answers):
        raise RejectedError("is empty: no question was answered", "leave it out, or fill it in and give it again")
    return answers


def _participant(form: Form, value: str) -> str:
    if form.instrument.anonymous:
        raise RejectedError(f"has a program ID in `{form.id}`, which is anonymous", "remove the ID column")
    if not re.fullmatch(ID_PATTERN.strip("^$"), value):
        raise RejectedError(
            f"has a program ID that is not one ({len(value)} characters, with spaces or signs): it may be a name",
            "give the ID from the tracker (letters, digits, - and _), never a name",
        )
    return value


def _again(form: Form) -> str:
    return f"collect the answers again on an unaltered copy of `{form.id}`"


def _label(value: str, answers: tuple[str, ...]) -> str | None:
    if value in answers:
        return value
    names = dict(zip(choice_names(answers), answers, strict=True))
    return names.get(value)
