"""The names of the program's facts: what the curriculum, the guides and the messages may say
by placeholder (`{kickoff.minutes}`) instead of restating a number a profile can change.

The values are computed once, in the plan (plan/program/facts.py), from the organization's profile
and its schedule; this module holds only the names, so that reading can refuse an unknown one
at its line and the JSON Schema and README can list them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

MOMENT_KEYS = {
    # a session's `moment` -> the name its facts go by
    "kickoff": "kickoff",
    "agreement": "agreement",
    "goals": "goals",
    "mid-point review": "midpoint",
    "final review": "final_review",
    "celebration": "celebration",
}

FACTS: dict[str, str] = {
    "program": "the program's name (without a `program:`, the word for program: 'the program')",
    "organization": "the organization's name",
    "start": "the program's first day for its people: its first meeting for all pairs (the kickoff) when that comes before `program.start`, else `program.start`, e.g. 'Mon, Jan 11, 2027'",
    "end": "the program's last day",
    "weeks": "the program's length with its unit, e.g. '36 weeks'",
    "sessions": "how many sessions the program books, with the word, e.g. '21 sessions'",
    "rhythm": "how often pairs meet, in words, e.g. 'weekly for the first 6 one-to-one sessions, then every two weeks'",
    "meeting.minutes": "how long a usual one-to-one meeting is, in minutes, e.g. '60'",
    "first_one_to_one.date": "the day of the first session after the kickoff",
    "first_one_to_one.time": "the time of day the first session after the kickoff is booked for (or 'a time you agree')",
    "last_session.date": "the day of the last booked session",
    "training.minutes": "the length of the mentor training workshop (or of each meeting of the series that holds it), in minutes",
    "orientation.minutes": "the length of the mentee orientation (or of each meeting of the series that holds it), in minutes",
    "training.date": "the days the mentor training workshop is offered, each mentor at one: the run-sheet's, e.g. 'Mon, Dec 7, 2026 or Mon, Dec 14, 2026', or those of the profile's own series that holds it (`holds: training`)",
    "orientation.date": "the days the mentee orientation is offered, each mentee at one: the run-sheet's, or those of the profile's own series that holds it (`holds: orientation`)",
    "training.booking": "what a mentor does about those days, as a sentence: choose one (the last is a catch-up) when the program team asks on the invitation's day; a series of one meeting that `holds: training`: come to it",
    "training.dated": "how the training's days are set, for the facilitator: the run-sheet dates as many workshops as the program's mentors need; or the profile's own series that `holds: training` offers the workshop at each of its meetings, each mentor at one (and says so if they hold fewer than `size` mentors)",
    "orientation.booking": "what a mentee does about those days, as a sentence: choose one when asked; a series of one meeting that `holds: orientation`: come to it",
    "training.reply": "in an invitation, what the reader replies: the date they choose (the last a catch-up), or with one date, to keep it free",
    "orientation.reply": "in an invitation, what the mentee replies: the date they choose (the last a catch-up), or with one date, to keep it free",
    "training.each": "'each workshop', or with one date 'the workshop'",
    "orientation.each": "'each orientation', or with one date 'the orientation'",
    "training.both_days": "a sentence for the facilitator when a day holds both the training and the orientation (the training ends first), else nothing",
    "orientation.capacity": "the most mentees one orientation holds (the `orient` step's `capacity`), e.g. '40'",
    "orientation.when": "the orientation's place beside the kickoff, from their days and times: 'before the kickoff', 'straight after the kickoff' or 'after the kickoff'",
    "orientation.show": "what the orientation's last step shows of the mentee's Start here page: 'the kickoff, what to bring', or after the kickoff 'what to bring'",
    "orientation.until": "until when a mentee who missed the orientation asks: 'before you meet your mentor', or after the kickoff 'before your first meeting on <day>'",
    "kickoff.guides": "where the pairs got their guides, said at the kickoff: at the training and the orientation, or (an orientation after the kickoff) the mentees' there",
    "kickoff.guide": "how a mentee brings their guide to the kickoff: 'printed or on your phone', or (an orientation after the kickoff) on their phone, the printed copy coming at the orientation",
    "kickoff.stay": "in the kickoff's message, page and slides, a sentence asking the mentees to stay for their orientation when it starts as the kickoff ends, else nothing",
    "training.day_before": "the working day before each mentor training workshop (weekends, holidays and breaks skipped)",
    "orientation.day_before": "the working day before each mentee orientation (weekends, holidays and breaks skipped)",
    "training.time": "when the mentor training starts (`program.training_time`, default '09:30'; or the time of the series that holds it)",
    "training.place": "where the mentor training is held (`program.training_place`, else the kickoff's place)",
    "orientation.time": "when the mentee orientation starts (`program.orientation_time`, default '14:00'; or the time of the series that holds it)",
    "orientation.place": "where the mentee orientation is held (`program.orientation_place`, else the kickoff's place)",
    "contact": "the first contact's name and how to reach them",
    "size": "how many pairs the program runs (`program.size`), e.g. '40'",
    "privacy": "the name of the privacy notice's page, e.g. 'privacy notice'",
    "applications.who": "who reads an application, and what the applicant's line manager is told when, in the privacy "
    "notice's words (sentences)",
    "sponsor": "the program's sponsor, who opens the kickoff (`program.sponsor`), else 'the senior leader who backs "
    "the program'",
    "kickoff.place": "where the kickoff happens (`program.kickoff_place`)",
    "celebration.place": "where the closing celebration happens (`program.closing_place`, else the kickoff's place)",
    "emergency": "what to do in immediate danger: the profile's `emergency`, else 'call your local emergency number'",
    "people": "how many people take part: a mentor and a mentee for each pair, e.g. '80'",
    "everyone": "who comes to a session for everyone: '80 people (40 pairs)', without `program.size` 'every mentor and mentee'",
    "in_all.people": "after 'one for each person': ' (80 in all)', or nothing without `program.size`",
    "in_all.mentors": "after 'one for each mentor': ' (40 in all)', or nothing without `program.size`",
    "in_all.mentees": "after 'one for each mentee': ' (40 in all)', or nothing without `program.size`",
    "meetings.planned": "how many meetings each pair has planned of its own from the start on, not the kickoff or "
    "the closing celebration (the tracker's 'Meetings held' heading), e.g. '18'",
    "first_one_to_one.module": "the title of the module that holds the pair's first session after the kickoff, "
    "e.g. 'Starting well'",
    "first_module": "the title of the handbook's first module, e.g. 'Starting well'",
    "training.capacity": "the most mentors one training workshop holds (the `train` step's `capacity`), e.g. '16'",
    "training.card_sets": "how many copies of each chosen scenario's page of cards a full workshop needs, and its practice groups, e.g. '5 copies of each chosen scenario's page, one for each group: 4 of three and 1 of four'",
    "gatherings": "what a facilitator hosts, after 'Host': the schedule's gatherings for mentors or for mentees only (a timed milestone with that `audience`), each with its day and time, and its series of meetings for all pairs (a group call), 'the peer gathering in the schedule: ...'; else 'each peer gathering you add to the schedule ...'",
    "website": "where the handbook is on the web: 'the handbook's website, <program.handbook_url>', else 'the handbook's website (the program team's messages link to it)'; on the website itself, 'this website'",
    "worksheets.where": "where a reader finds the worksheets they prepare alone: 'in the back of this guide' in a "
    "printed guide, 'on the Worksheets page' on the website",
    "link.handbook": "the handbook's address (`program.handbook_url`), else '[link to the handbook]' for the sender to replace",
    "link.mentor_role": "the address of the mentor's role description under `program.handbook_url`, else '[link to the mentor's role description]'",
    "link.mentee_role": "the address of the mentee's role description, else '[link to the mentee's role description]'",
    "link.start_mentor": "the address of the mentor's Start here page, else '[link to the mentor's Start here page]'",
    "link.start_mentee": "the address of the mentee's Start here page, else '[link to the mentee's Start here page]'",
    "link.code_of_conduct": "the address of the code of conduct, else '[link to the code of conduct]'",
    "link.privacy": "the address of the privacy notice, else '[link to the privacy notice]'",
    "link.timeline": "the address of the program's timeline page, else '[link to the timeline]'",
    "link.calendar": "the address of the program's calendar file, else '[link to the calendar file]'",
    "link.calendar_mentors": "the address of the mentors' calendar file, else '[link to the mentors' calendar file]'",
    "link.calendar_mentees": "the address of the mentees' calendar file, else '[link to the mentees' calendar file]'",
    "midpoint_conversation.minutes": "how long the program team's mid-point conversation with each person is",
    "exit_conversation.minutes": "how long the program team's exit conversation with each person is",
    "introduce.when": "when the program team introduces a pair, as one rule: once both people have said yes, both "
    "line managers have approved the time, and the mentor is trained",
    "goals.shared": "the day of the first milestone written `after:` the goals session (such as the goals a mentee "
    "shares with their line manager), e.g. 'Mon, Mar 1, 2027'; else 'the day the program team sets'",
}
SAID_WHEN = frozenset({"kickoff.stay", "training.both_days"})  # a sentence when it applies, else nothing

for _moment, _key in MOMENT_KEYS.items():
    FACTS[f"{_key}.minutes"] = f"how long the meeting that holds the {_moment} session is, in minutes"
    FACTS[f"{_key}.time"] = f"the time of day of the {_moment} meeting, e.g. '09:30' (or 'a time you agree')"
    FACTS[f"{_key}.date"] = f"the day of the {_moment} session"
    FACTS[f"{_key}.agenda"] = (
        f"the {_moment} session's agenda in one line, each step with its minutes, e.g. 'Welcome (5 minutes); ...'"
    )
    FACTS[f"{_key}.day_before"] = (
        f"the working day before the {_moment} session (weekends, holidays and breaks skipped), e.g. 'Fri, Jan 8, 2027'"
    )

CONCERN_FACTS = {
    "respond": "how fast that concern is answered, e.g. 'within two working days'",
    "who": "who handles that concern: the contacts' names and how to reach them, e.g. 'Sam Lindqvist (people@example.org)'",
}
"""`{concern.<id>.respond}` and `{concern.<id>.who}`, for each concern id of the curriculum."""

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*(?:\.[a-z0-9_-]+)*)\}")
"""A placeholder as written: `{name}` or `{name.part}` in lower case; `{: .mentor }` and
`{#anchor}` (Markdown attribute lists) are not placeholders."""


STEP_FACT = "the first day of that run-sheet step, e.g. {step.training-invite.date}"
"""`{step.<id>.date}`, for each run-sheet step's id."""


def fact_names(concerns: Iterable[str], steps: Iterable[str] = ()) -> tuple[str, ...]:
    """Every fact name a text may use, for a curriculum with these concern and run-sheet step ids."""
    dynamic = [f"concern.{c}.{part}" for c in concerns for part in CONCERN_FACTS]
    return tuple(sorted([*FACTS, *dynamic, *(f"step.{s}.date" for s in steps)]))


def placeholders(text: str) -> Iterator[tuple[int, str]]:
    """Each placeholder in `text`: its offset and its name."""
    for match in PLACEHOLDER.finditer(text):
        yield match.start(), match.group(1)


def described() -> str:
    """The names and what each gives, for the JSON Schema's description."""
    lines = [f"{{{name}}}: {what}" for name, what in FACTS.items()]
    lines += [f"{{concern.<id>.{part}}}: {what}" for part, what in CONCERN_FACTS.items()]
    lines.append(f"{{step.<id>.date}}: {STEP_FACT}")
    return "; ".join(lines)
