"""Days without meetings: the program's breaks and the public holidays of its country (the
`holidays` package's names), as the profile writes them."""

from __future__ import annotations

import difflib
from functools import cache

from pydantic import Field, model_validator

from generator.models.base import Model, Name, Short, user_error
from generator.models.schedule import Day


class Break(Model):
    """Dates when no session is held; a session that would fall here moves to the next meeting date."""

    name: Name = Field(description="e.g. `Winter holidays`.")
    start: Day = Field(description="The first day of the break, e.g. 2027-12-20.")
    end: Day = Field(description="The last day of the break, e.g. 2028-01-02.")

    @model_validator(mode="after")
    def _in_order(self) -> Break:
        if self.end < self.start:
            raise user_error(f"the break ends ({self.end}) before it starts ({self.start})", "swap `start` and `end`")
        return self


@cache
def _countries() -> dict[str, tuple[str, ...]]:
    """Country code -> its subdivisions, as the `holidays` package knows them."""
    import holidays

    return {code: tuple(subdivisions) for code, subdivisions in holidays.list_supported_countries().items()}


@cache
def _country_names() -> dict[str, str]:
    """ "united kingdom" -> "GB": the package's own names for its countries, for a suggestion."""
    from holidays.registry import COUNTRIES

    return {module.replace("_", " "): codes[1] for module, codes in COUNTRIES.items()}


def _subdivision_aliases(country: str) -> dict[str, str]:
    import holidays

    aliases: dict[str, str] = getattr(holidays.country_holidays(country), "subdivisions_aliases", {}) or {}
    return aliases


class PublicHolidays(Model):
    """The public holidays of a country (and one of its regions), from the maintained `holidays` package."""

    country: Short = Field(description="The country's two-letter code, e.g. `GB`, `US`, `DE`, `ES`.")
    subdivision: Short | None = Field(
        None, description="A region with holidays of its own, e.g. `ENG` (England) in `GB`, `CA` in `US`."
    )

    @model_validator(mode="after")
    def _known(self) -> PublicHolidays:
        code = self.country.strip().upper()
        countries = _countries()
        if code not in countries:
            named = _country_names().get(self.country.strip().casefold())
            close = named or next(iter(difflib.get_close_matches(code, sorted(countries), n=1)), None)
            hint = f"did you mean `{close}`?" if close else "write the country's two-letter code, e.g. `GB` or `US`"
            raise user_error(f'"{self.country}" is not a country the holidays calendar knows', hint)
        subdivision = self.subdivision.strip() if self.subdivision else None
        if subdivision is not None and subdivision.upper() not in countries[code]:
            aliases = {a.casefold(): c for a, c in _subdivision_aliases(code).items()}
            if subdivision.casefold() in aliases:  # "England" is `ENG`
                subdivision = aliases[subdivision.casefold()]
            else:
                close = next(iter(difflib.get_close_matches(subdivision.upper(), countries[code], n=1)), None)
                close = close or next(iter(difflib.get_close_matches(subdivision.casefold(), aliases, n=1)), None)
                listed = ", ".join(f"`{s}`" for s in countries[code]) or "none"
                hint = (
                    f"did you mean `{aliases.get(close or '', close)}`?"
                    if close
                    else f"the regions of {code} are: {listed}"
                )
                raise user_error(f'"{subdivision}" is not a region of {code} with holidays of its own', hint)
        # Written as the package spells them, so that everything after reads one spelling.
        object.__setattr__(self, "country", code)
        object.__setattr__(self, "subdivision", subdivision.upper() if subdivision else None)
        return self
