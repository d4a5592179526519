"""The evaluation instruments, read and checked at the edge like the curriculum.

They are Mentorbook's own (`shipped/instruments.yaml`), put into the organization's words
(its terminology) when its handbook is in their language. A mistake in them is ours, but it
is reported like any other file's, with its line and column.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.models.instrument import Instruments
from generator.read.layout import SHIPPED
from generator.read.overlay import reword_model
from generator.read.validate import parse
from generator.read.yaml_file import load_yaml

INSTRUMENTS = SHIPPED / "instruments.yaml"


def load_instruments(reword: Callable[[str], str] | None = None) -> Instruments:
    """The shipped instruments; with `reword`, in the organization's words (ids, kinds and
    roles are kept: roles are an Enum, not text)."""
    instruments = parse(load_yaml(INSTRUMENTS), Instruments)
    return reword_model(instruments, reword) if reword else instruments
