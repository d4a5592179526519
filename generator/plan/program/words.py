"""Counts that agree with their number: "1 session", "2 sessions", in the handbook's words; and
lists joined as a sentence joins them ("A, B or C", "A and B").

The locale names each countable word in both forms (`count_session`, `count_sessions`), and
reading puts the organization's words into them, so "1 shift debrief" and "3 shift debriefs"
come out right whatever the organization calls a session.
"""

from __future__ import annotations

from collections.abc import Mapping

from babel.numbers import format_decimal


def count(n: int, labels: Mapping[str, str], noun: str = "session", language: str = "en") -> str:
    """ "1 session", "21 sessions" (the noun in the labels' words)."""
    word = labels[f"count_{noun}" if n == 1 else f"count_{noun}s"]
    return f"{format_decimal(n, locale=language)} {word}"


def labels_join(names: list[str], labels: Mapping[str, str], word: str = "fact_or") -> str:
    """ "A", "A or B", "A, B or C" (with `fact_and`: "A, B and C")."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {labels[word]} {names[-1]}"


def within(text: str) -> str:
    """An organization's sentence as the rest of a sentence, after a label and a colon ("Outside
    working hours: the duty manager…"): its first letter in lower case, unless its first word is
    an acronym ("HR"), has no letters to lower ("911"), or begins a name of two capitalised words
    ("Dana Okafor", "Harbor Room"), which the text keeps as written."""
    words = text.split(maxsplit=2)
    if not words or not words[0][:1].isupper() or not words[0][1:2].islower():
        return text
    if len(words) > 1 and words[1][:1].isupper() and words[0].lower() not in ARTICLES:
        return text
    return type(text)(text[:1].lower() + text[1:])  # a text's type (its language mark) kept


ARTICLES = frozenset({"the", "a", "an", "el", "la", "los", "las", "un", "una"})
"""Words before a capitalised name that are not part of it: "The Auditorium" -> "the Auditorium"."""
