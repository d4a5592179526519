"""The evaluation instruments, read and checked at the edge like the curriculum.

They are Mentorbook's own (`instruments.yaml`, shipped: read/layout.py), put into the organization's words
(its terminology) when its handbook is in their language. A mistake in them is ours, but it
is reported like any other file's, with its line and column.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.models.instrument import Instruments
from generator.read.layout import INSTRUMENTS as NAME
from generator.read.layout import SHIPPED
from generator.read.overlay import in_language, reword_model
from generator.read.validate import parse
from generator.read.yaml_file import load_yaml

INSTRUMENTS = SHIPPED / NAME


LANGUAGE = "en"  # the language the shipped instruments are written in


def load_instruments(language: str = LANGUAGE, reword: Callable[[str], str] | None = None) -> Instruments:
    """The shipped instruments; for a handbook in their language, in the organization's words
    (`reword`: ids, kinds and roles are kept, roles being an Enum, not text); for one in another
    language, their text marked as English, so that pages say which parts are (WCAG 3.1.2)."""
    instruments = parse(load_yaml(INSTRUMENTS), Instruments)
    if language != LANGUAGE:
        return in_language(instruments, LANGUAGE)
    return reword_model(instruments, reword) if reword else instruments
