"""Holiday calendar: national holidays and cuti bersama from `holidays`, plus local days."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from types import MappingProxyType

import holidays

PUBLIC = "public"
CUTI_BERSAMA = "cuti_bersama"
LOCAL = "local"
KINDS = (PUBLIC, CUTI_BERSAMA, LOCAL)


@dataclass(frozen=True)
class Holiday:
    """One non-working day of the calendar."""

    date: date
    name: str
    kind: str  # public | cuti_bersama | local


@dataclass(frozen=True)
class LocalDay:
    """An admin's addition; kind may also be cuti_bersama/public for days the package lacks."""

    date: date
    name: str
    kind: str = LOCAL

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Jenis hari libur tidak dikenal: {self.kind!r}")
        if not self.name.strip():
            raise ValueError("Nama hari libur wajib diisi")


@dataclass(frozen=True)
class HolidayCalendar:
    """Holidays by date; `years` are the years the package was consulted for."""

    years: frozenset[int]
    days: Mapping[date, Holiday] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "days", MappingProxyType(dict(self.days)))

    def get(self, day: date) -> Holiday | None:
        """The holiday on `day`, or None."""
        return self.days.get(day)

    def covers(self, day: date) -> bool:
        """Whether `day`'s year was loaded: outside it, "no holiday" means "not known"."""
        return day.year in self.years

    def __contains__(self, day: object) -> bool:
        return day in self.days

    def __iter__(self) -> Iterator[Holiday]:
        return iter(sorted(self.days.values(), key=lambda h: h.date))

    def __len__(self) -> int:
        return len(self.days)


def package_holidays(years: Iterable[int]) -> dict[date, Holiday]:
    """National holidays ("public") and cuti bersama ("government") in Indonesian."""
    return {holiday.date: holiday for year in sorted(set(years))
            for holiday in _package_year(year)}


@lru_cache(maxsize=128)
def _package_year(year: int) -> tuple[Holiday, ...]:
    """One year of the package's days, computed once per process: every check-in's schedule
    asks for them, and the package takes milliseconds per call."""
    found: dict[date, Holiday] = {}
    # Asked separately per category so each day's kind is known; a public holiday wins if a
    # date ever appears in both (none does in holidays 0.109, 2000-2035).
    for category, kind in (("government", CUTI_BERSAMA), ("public", PUBLIC)):
        days = holidays.country_holidays("ID", years=[year], categories=(category,),
                                         language="id")
        for day, name in days.items():
            found[day] = Holiday(day, name, kind)
    return tuple(found.values())


def build_calendar(
    years: Iterable[int],
    additions: Iterable[LocalDay] = (),
    removals: Iterable[date] = (),
) -> HolidayCalendar:
    """Package days minus `removals`, plus `additions` (an addition beats both)."""
    years = frozenset(years)
    days = package_holidays(years)
    for day in removals:
        days.pop(day, None)
    # Admin data beats package data: an addition on a package day renames/re-kinds it, and an
    # addition on a removed date counts (remove + add = replace).
    for extra in additions:
        days[extra.date] = Holiday(extra.date, extra.name.strip(), extra.kind)
    return HolidayCalendar(years, days)
