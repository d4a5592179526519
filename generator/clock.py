"""The build's date: SOURCE_DATE_EPOCH when set (reproducible builds), else now.

Not only we read the variable: MkDocs and fontTools (inside WeasyPrint) do too, each with a
bare `int()` that fails with a traceback on anything else. So every command settles it once,
before any of them runs, and leaves it in the form they all accept: a bad value stops the
command with one line; an empty one is removed, as most tools treat it as unset.
"""

from __future__ import annotations

import datetime as dt
import os
import re

VARIABLE = "SOURCE_DATE_EPOCH"
LATEST = 32503679999  # 2999-12-31 23:59:59 UTC: the end of the latest year a program may have


class BadSettingError(ValueError):
    """The variable holds what no reader can use: a mistake in the command, exit code 2."""


def settle() -> None:
    """Check the variable and normalize it in the environment (which builds in other
    processes, such as `build --all`'s, inherit)."""
    value = os.environ.get(VARIABLE)
    if value is None:
        return
    if not value.strip():
        del os.environ[VARIABLE]
        return
    os.environ[VARIABLE] = str(_seconds(value))


def build_time() -> dt.datetime:
    value = os.environ.get(VARIABLE, "")
    if not value.strip():
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    return dt.datetime.fromtimestamp(_seconds(value), dt.UTC)


def _seconds(value: str) -> int:
    text = value.strip()
    if not re.fullmatch(r"[0-9]{1,11}", text) or int(text) > LATEST:
        raise BadSettingError(
            f'{VARIABLE} is "{value}", but it must be the build\'s date as a whole number of seconds since'
            f" 1970-01-01 (UTC), at most {LATEST}, e.g. 1767225600 for 2026-01-01; or leave it unset"
        )
    return int(text)
