"""The worksheets' order and names, as every product gives them: in the order the sessions first
use them, the pairs' worksheets numbered ("Worksheet 3"), the program team's forms lettered
apart ("Form A"). The site's Worksheets page, the PDFs and the books read them here."""

from __future__ import annotations

from collections.abc import Mapping
from string import ascii_uppercase

from generator.models import Curriculum, Worksheet


def is_team_form(worksheet: Worksheet) -> bool:
    """A form the program team handles (an application, a match check), not the pairs' own:
    one the manager's edition carries. It goes in the team's packet, not the pairs'."""
    return "manager" in worksheet.editions


def kickers(curriculum: Curriculum, labels: Mapping[str, str]) -> dict[str, str]:
    """Each worksheet's heading word and number, in program order: the pairs' worksheets
    numbered ("Worksheet 3"), the program team's forms lettered on their own ("Form A")."""
    pairs = [w for w in program_order(curriculum) if not is_team_form(w)]
    team = [w for w in program_order(curriculum) if is_team_form(w)]
    named = {w.id: f"{labels['worksheet']} {n}" for n, w in enumerate(pairs, start=1)}
    letters = [*ascii_uppercase]
    named |= {w.id: f"{labels['team_form']} {letters[n] if n < 26 else n + 1}" for n, w in enumerate(team)}
    return named


def program_order(curriculum: Curriculum) -> list[Worksheet]:
    """Worksheets in the order the sessions first use them; unused ones last, as declared."""
    first_use: dict[str, tuple[int, int]] = {}
    for number, session in enumerate(curriculum.sessions()):
        for position, ref in enumerate(session.worksheets):
            first_use.setdefault(ref, (number, position))
    last = (len(curriculum.sessions()), 0)
    declared = {w.id: n for n, w in enumerate(curriculum.worksheets)}
    return sorted(curriculum.worksheets, key=lambda w: (first_use.get(w.id, last), declared[w.id]))
