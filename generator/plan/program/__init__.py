"""What every product says about the program, worked out once: its facts and dates
(`facts.py` with `schedule_facts.py`, `training_facts.py` and `reach.py`; `moments.py`,
`timeline.py` with the calendar file), the run-sheet, its days and messages (`kit_days.py`,
`kit.py`, `pair_milestones.py`), the escalation table (`escalation.py`), the time each role asks
(`time_asked.py`), the privacy notice, the feedback forms (`forms.py`), a
worksheet's fields and a session's shared parts, and the coherence check that runs before any
of it."""
