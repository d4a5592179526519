"""How fast a concern is answered: the one time every page states for it (the kit's "Who
handles what", the Start here pages, the contacts), and how many days a promise allows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.models.kit import Concern
from generator.models.organization import Contact

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_UNITS = {"hour": 1 / 24, "day": 1.0, "working day": 1.0, "business day": 1.0, "week": 7.0}
_WITHIN = re.compile(
    r"within\s+(?P<n>\d+|" + "|".join(_NUMBERS) + r")\s+(?P<unit>working day|business day|hour|day|week)s?\b"
)


def days(promise: str) -> float | None:
    """How many days a promise like "within two working days" allows: "the same day" is half a
    day, "any time" and what cannot be read are None (nothing to compare)."""
    text = promise.casefold()
    if "same day" in text:
        return 0.5
    match = _WITHIN.search(text)
    if not match:
        return None
    n = match.group("n")
    return (int(n) if n.isdigit() else _NUMBERS[n]) * _UNITS[match.group("unit")]


def answered(concern: Concern, named: Sequence[Contact]) -> str:
    """The concern's response time: its contacts' own `responds` when they all give the same
    one and it is at least as fast as the concern promises ("at once" and "any time" stay), else the concern's promise; so a
    page never says "usually within one working day" beside "within two working days"."""
    own = {c.responds for c in named}
    if len(own) != 1 or None in own:
        return concern.respond
    (usual,) = own
    assert usual is not None
    fast, promised = days(usual), days(concern.respond)
    return usual if fast is not None and promised is not None and fast <= promised else concern.respond
