"""English plural and article rules, from `inflect` (a maintained library): "coach" ->
"coaches", "a" or "an" by sound ("an hour", "a university", "an MBA candidate").

inflect takes over a second to import (its type checks), so it is imported on first use, and
only a handbook whose organization changes a word ever uses it. Each answer is remembered:
rewording 1,000 sessions asks for the same few words thousands of times.
"""

from __future__ import annotations

import functools
from typing import Any


@functools.cache
def _engine() -> Any:
    import inflect

    return inflect.engine()


@functools.cache
def plural(word: str) -> str:
    """The plural of a word or phrase: its last word's ("shift debrief" -> "shift debriefs",
    "coach" -> "coaches"); of a hyphenated last word, its last part ("one-to-one" -> "one-to-ones",
    where inflect's rule for "mother-in-law" would give "ones-to-one")."""
    head, space, last = word.rpartition(" ")
    if not last:
        return word
    front, hyphen, part = last.rpartition("-")
    return head + space + front + hyphen + str(_engine().plural_noun(part or last))


@functools.cache
def article(word: str) -> str:
    """ "a" or "an" for the word that follows, by how it sounds."""
    first = word.split()[0] if word.split() else word
    if not first[:1].isalnum():
        return "a"
    return str(_engine().a(first)).split()[0].lower()
