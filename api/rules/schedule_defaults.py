"""Shipped schedules (RULES.md §1, Perbup Jember 55/2021 Pasal 9) as data for seeds and demo."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from api.rules.schedule import (
    SHIFT,
    WEEKLY,
    DayPattern,
    OverridePeriod,
    ScheduleGroup,
    Shift,
    WeeklyPattern,
)

MON, TUE, WED, THU, FRI, SAT = range(6)
MON_THU = (MON, TUE, WED, THU)


def hm(text: str) -> time:
    """"07:00" or "07.00" → time(7, 0)."""
    hours, minutes = text.replace(".", ":").split(":")
    return time(int(hours) % 24, int(minutes))


def day(
    start: str,
    end: str,
    checkin: tuple[str, str],
    checkout: tuple[str, str],
    rest: tuple[str, str] | None = None,
) -> DayPattern:
    """A DayPattern from "HH:MM" strings; `rest` is the break."""
    return DayPattern(
        hm(start), hm(end),
        hm(rest[0]) if rest else None, hm(rest[1]) if rest else None,
        hm(checkin[0]), hm(checkin[1]), hm(checkout[0]), hm(checkout[1]),
    )  # fmt: skip


def windowed(start: str, end: str, rest: tuple[str, str] | None = None) -> DayPattern:
    """The house window where a regulation gives none: check-in opens 2 h before start and is
    on time until start; check-out from end until end + 3 h (the Perbup's own proportions)."""
    def shift(text: str, hours: int) -> str:
        t = hm(text)
        return f"{(t.hour + hours) % 24:02d}:{t.minute:02d}"

    return day(start, end, (shift(start, -2), start), (end, shift(end, 3)), rest)


def jember_5day_week() -> WeeklyPattern:
    """5 hari kerja: Mon–Thu 07.00–15.00, Fri 07.00–14.30 (break 11.00–13.00)."""
    mon_thu = day("07:00", "15:00", ("05:00", "07:00"), ("15:00", "18:00"))
    fri = day("07:00", "14:30", ("05:00", "07:00"), ("14:30", "17:30"), ("11:00", "13:00"))
    return WeeklyPattern({**dict.fromkeys(MON_THU, mon_thu), FRI: fri})


def jember_6day_week() -> WeeklyPattern:
    """6 hari kerja: Mon–Thu 07.00–14.00, Fri 07.00–11.00, Sat 07.00–12.30."""
    mon_thu = day("07:00", "14:00", ("05:00", "07:00"), ("14:00", "17:00"))
    fri = day("07:00", "11:00", ("05:00", "07:00"), ("11:00", "14:00"))
    sat = day("07:00", "12:30", ("05:00", "07:00"), ("12:30", "15:30"))
    return WeeklyPattern({**dict.fromkeys(MON_THU, mon_thu), FRI: fri, SAT: sat})


def ramadan_5day_week() -> WeeklyPattern:
    """Ramadan, 5 days: Mon–Thu 08.00–15.00 (break 12.00–12.30), Fri 08.00–15.30 (11.30–12.30)."""
    mon_thu = windowed("08:00", "15:00", ("12:00", "12:30"))
    fri = windowed("08:00", "15:30", ("11:30", "12:30"))
    return WeeklyPattern({**dict.fromkeys(MON_THU, mon_thu), FRI: fri})


def ramadan_6day_week() -> WeeklyPattern:
    """Ramadan, 6 days: Mon–Thu and Sat 08.00–14.00, Fri 08.00–14.30."""
    other = windowed("08:00", "14:00")
    fri = windowed("08:00", "14:30")
    return WeeklyPattern({**dict.fromkeys((*MON_THU, SAT), other), FRI: fri})


def ramadan_5day(date_from: date, date_to: date, name: str = "Ramadan") -> OverridePeriod:
    """The Ramadan override for a 5-day group (dates from the year's SE)."""
    return OverridePeriod(name, date_from, date_to, ramadan_5day_week())


def ramadan_6day(date_from: date, date_to: date, name: str = "Ramadan") -> OverridePeriod:
    """The Ramadan override for a 6-day group."""
    return OverridePeriod(name, date_from, date_to, ramadan_6day_week())


def jember_5day(overrides: Sequence[OverridePeriod] = ()) -> ScheduleGroup:
    """The 5-day group of Perbup Jember 55/2021 Pasal 9(1)a."""
    return ScheduleGroup("5HK", "5 hari kerja", WEEKLY, jember_5day_week(), tuple(overrides))


def jember_6day(overrides: Sequence[OverridePeriod] = ()) -> ScheduleGroup:
    """The 6-day group of Perbup Jember 55/2021 Pasal 9(1)b."""
    return ScheduleGroup("6HK", "6 hari kerja", WEEKLY, jember_6day_week(), tuple(overrides))


def rsud_shifts() -> tuple[Shift, ...]:
    """Example hospital shifts (Pasal 10(1)): Pagi 07–14, Siang 14–21, Malam 21–07."""
    return (
        Shift("P", "Pagi", windowed("07:00", "14:00")),
        Shift("S", "Siang", windowed("14:00", "21:00")),
        Shift("M", "Malam", windowed("21:00", "07:00")),
    )


def rsud_group() -> ScheduleGroup:
    """A shift group for the example hospital; the roster decides each day."""
    return ScheduleGroup("RSUD", "Shift RSUD", SHIFT)


def ramadan_dates(year: int) -> tuple[int, date, date]:
    """(Hijri year, first day, last day) of the first Ramadan that begins in Gregorian
    `year`, by the Umm al-Qura calendar (hijridate). Indonesia fixes 1 Ramadan and 1 Syawal
    by the Ministry of Religious Affairs' sidang isbat, which can differ by a day: this is a
    suggestion for the admin to confirm, never applied on its own."""
    from datetime import timedelta

    from hijridate import Gregorian, Hijri

    start_year = Gregorian(year, 1, 1).to_hijri().year
    for hijri_year in (start_year, start_year + 1):
        first = Hijri(hijri_year, 9, 1).to_gregorian()
        if first.year == year:
            last = Hijri(hijri_year, 10, 1).to_gregorian() - timedelta(days=1)
            return (hijri_year, date(first.year, first.month, first.day),
                    date(last.year, last.month, last.day))
    raise ValueError(f"no Ramadan begins in {year}")  # cannot happen: one a lunar year


def ramadan_week_for(workdays: int) -> WeeklyPattern:
    """The Ramadan pattern of a 5- or 6-day group."""
    if workdays not in (5, 6):
        raise ValueError("Ramadan hours are shipped for 5- and 6-day groups")
    return ramadan_5day_week() if workdays == 5 else ramadan_6day_week()
