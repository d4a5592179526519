"""What every product says about the program, worked out once: its facts and dates
(`facts.py`, `moments.py`, `timeline.py` with the calendar file), the run-sheet, its days and
messages (`kit_days.py`, `kit.py`), the privacy notice, the feedback forms (`forms.py`), a
worksheet's fields and a session's shared parts, and the coherence check that runs before any
of it."""
