"""The one schedule resolver: employee-date → workday, times and windows in the office zone.

Weekly groups: a holiday (when the group observes them) is never a workday, even inside an
override; otherwise a dated override period covering the date replaces the weekly pattern,
and a weekday missing from the pattern is a WEEKEND. Shift groups: the roster alone decides
(a Shift → its times anchored to the date it starts; None → ROSTER_OFF; no entry →
NO_ROSTER); holidays do not apply to them, but holiday_name is always filled for display.
"""
from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from types import MappingProxyType

from api.rules.calendar import CUTI_BERSAMA, LOCAL, HolidayCalendar
from api.rules.tz import as_utc, zone

WEEKLY = "weekly"
SHIFT = "shift"
OFF_REASONS = ("WEEKEND", "HOLIDAY", "CUTI_BERSAMA", "LOCAL_HOLIDAY", "ROSTER_OFF", "NO_ROSTER")
_HOLIDAY_REASON = {CUTI_BERSAMA: "CUTI_BERSAMA", LOCAL: "LOCAL_HOLIDAY"}
# Window edges are read like the clock on the paper sheet: "18.00" lasts until 18:00:59.
_EDGE = timedelta(minutes=1)
_DAY = timedelta(days=1)


@dataclass(frozen=True)
class DayPattern:
    """Times of one workday; the anchoring rules of `anchor()` allow crossing midnight."""

    start: time
    end: time
    break_start: time | None
    break_end: time | None
    checkin_open: time
    checkin_close: time  # on time until here; late minutes count from it
    checkout_open: time  # earliest on-time leave; early minutes count until it
    checkout_close: time  # end of the check-out window

    def __post_init__(self) -> None:
        if (self.break_start is None) != (self.break_end is None):
            raise ValueError("Jam istirahat harus diisi lengkap (mulai dan selesai) atau kosong")


@dataclass(frozen=True)
class WeeklyPattern:
    """Weekday (0 = Monday .. 6 = Sunday) → pattern; a missing weekday is not a workday."""

    days: Mapping[int, DayPattern]

    def __post_init__(self) -> None:
        if any(d not in range(7) for d in self.days):
            raise ValueError("Hari dalam pola mingguan harus 0 (Senin) sampai 6 (Minggu)")
        object.__setattr__(self, "days", MappingProxyType(dict(self.days)))


@dataclass(frozen=True)
class OverridePeriod:
    """A dated replacement of the weekly pattern (Ramadan); both dates inclusive."""

    name: str
    date_from: date
    date_to: date
    pattern: WeeklyPattern

    def __post_init__(self) -> None:
        if self.date_to < self.date_from:
            raise ValueError(f"Periode {self.name}: tanggal akhir sebelum tanggal mulai")

    def covers(self, day: date) -> bool:
        return self.date_from <= day <= self.date_to


@dataclass(frozen=True)
class Shift:
    """A roster shift; it belongs to the date on which it starts."""

    code: str
    name: str
    pattern: DayPattern


@dataclass(frozen=True)
class ScheduleGroup:
    """A 5-day, 6-day or shift group of employees sharing one schedule."""

    code: str
    name: str
    kind: str
    weekly: WeeklyPattern | None = None
    overrides: tuple[OverridePeriod, ...] = ()
    observes_holidays: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "overrides", tuple(self.overrides))
        if self.kind not in (WEEKLY, SHIFT):
            raise ValueError(f"Jenis kelompok jadwal harus weekly atau shift: {self.kind!r}")
        if self.kind == WEEKLY and self.weekly is None:
            raise ValueError(f"Kelompok {self.code}: pola mingguan wajib diisi")
        ordered = sorted(self.overrides, key=lambda o: o.date_from)
        for a, b in zip(ordered, ordered[1:], strict=False):
            # Overlaps would make the pattern depend on list order: refuse them.
            if b.date_from <= a.date_to:
                raise ValueError(f"Periode {a.name} dan {b.name} tumpang tindih")


class _Roster(enum.Enum):
    NOT_ROSTERED = "NOT_ROSTERED"


NOT_ROSTERED = _Roster.NOT_ROSTERED  # no roster entry at all (≠ None, a rostered day off)


@dataclass(frozen=True)
class ScheduleDay:
    """The resolved schedule of one employee-date; times are aware, in the office zone."""

    work_date: date
    workday: bool
    off_reason: str | None
    holiday_name: str | None
    tz: str
    source: str  # weekly | override:<name> | shift:<code> | roster
    start: datetime | None = None
    end: datetime | None = None
    break_start: datetime | None = None
    break_end: datetime | None = None
    checkin_open: datetime | None = None
    checkin_close: datetime | None = None
    checkout_open: datetime | None = None
    checkout_close: datetime | None = None

    def utc(self, name: str) -> datetime | None:
        """One of the times as a UTC instant, memoised: a resolved day is shared by every
        employee of its group, and a recompute asks for the same instants millions of times."""
        cache = self.__dict__.setdefault("_utc", {})  # not a field: eq/hash ignore it
        if name not in cache:
            moment = getattr(self, name)
            cache[name] = None if moment is None else as_utc(moment)
        return cache[name]


def anchor(pattern: DayPattern, work_date: date, tz: str) -> dict[str, datetime | None]:
    """Place a pattern's times on the timeline of `work_date` (start is on work_date).

    end, break and check-out times are the first occurrence after start (so an earlier
    clock time means the next day); checkin_open is the last occurrence at or before start
    (a later clock time means the previous day); checkin_close follows checkin_open.
    """
    zi = zone(tz)

    def at(day: date, t: time) -> datetime:
        return datetime.combine(day, t, tzinfo=zi)

    def after(ref: datetime, t: time, strict: bool) -> datetime:
        moment = at(ref.date(), t)
        return moment + _DAY if moment < ref or (strict and moment == ref) else moment

    start = at(work_date, pattern.start)
    opens = at(work_date, pattern.checkin_open)
    if opens > start:
        opens -= _DAY
    times: dict[str, datetime | None] = {
        "start": start,
        "end": after(start, pattern.end, strict=True),
        "break_start": None,
        "break_end": None,
        "checkin_open": opens,
        "checkin_close": after(opens, pattern.checkin_close, strict=False),
        "checkout_open": after(start, pattern.checkout_open, strict=True),
    }
    times["checkout_close"] = after(times["checkout_open"], pattern.checkout_close, strict=False)
    if pattern.break_start is not None and pattern.break_end is not None:
        times["break_start"] = after(start, pattern.break_start, strict=False)
        times["break_end"] = after(times["break_start"], pattern.break_end, strict=True)
        if times["break_end"] > times["end"]:
            raise ValueError("Jam istirahat harus berada di dalam jam kerja")
    if times["checkin_close"] > times["end"]:
        raise ValueError("Batas tepat waktu presensi masuk harus sebelum jam pulang")
    return times


def resolve_day(
    work_date: date,
    group: ScheduleGroup,
    calendar: HolidayCalendar,
    tz: str,
    roster: Shift | None | _Roster = NOT_ROSTERED,
) -> ScheduleDay:
    """Is `work_date` a workday for `group`, and with which times (rules: module docstring)."""
    zone(tz)
    holiday = calendar.get(work_date)
    name = holiday.name if holiday else None

    def off(reason: str, source: str) -> ScheduleDay:
        return ScheduleDay(work_date, False, reason, name, tz, source)

    def on(pattern: DayPattern, source: str) -> ScheduleDay:
        return ScheduleDay(work_date, True, None, name, tz, source,
                           **anchor(pattern, work_date, tz))

    if group.kind == SHIFT:
        # Rostered units work through holidays: the roster alone decides.
        if roster is NOT_ROSTERED:
            return off("NO_ROSTER", "roster")
        if roster is None:
            return off("ROSTER_OFF", "roster")
        if not isinstance(roster, Shift):
            raise TypeError(f"Roster harus Shift, None atau NOT_ROSTERED: {roster!r}")
        return on(roster.pattern, f"shift:{roster.code}")
    if roster is not NOT_ROSTERED:
        raise ValueError(f"Kelompok {group.code} berjadwal mingguan: tidak memakai roster")
    weekly, source = group.weekly, WEEKLY
    for period in group.overrides:
        if period.covers(work_date):
            weekly, source = period.pattern, f"override:{period.name}"
    if group.observes_holidays:
        if not calendar.covers(work_date):
            # Silently treating Idul Fitri as a workday would turn a whole pemda into TK.
            raise ValueError(f"Kalender hari libur tahun {work_date.year} belum dimuat")
        if holiday is not None:
            return off(_HOLIDAY_REASON.get(holiday.kind, "HOLIDAY"), source)
    assert weekly is not None
    pattern = weekly.days.get(work_date.weekday())
    if pattern is None:
        return off("WEEKEND", source)
    return on(pattern, source)


def window_check(kind: str, day: ScheduleDay, now: datetime) -> str | None:
    """None when a check-`kind` ("in"/"out") is accepted at `now`, else a machine code.

    Late check-in and early check-out are accepted (and counted, SPEC §4.2): check-in runs
    from checkin_open to end, check-out from start to checkout_close.
    """
    if kind not in ("in", "out"):
        raise ValueError(f"Jenis presensi harus 'in' atau 'out': {kind!r}")
    t = as_utc(now)
    if not day.workday:
        return "NOT_WORKDAY"
    assert day.start and day.end and day.checkin_open and day.checkout_close
    opens, closes = ("checkin_open", "end") if kind == "in" else ("start", "checkout_close")
    if t < day.utc(opens):
        return "TOO_EARLY"
    if t >= day.utc(closes) + _EDGE:
        return "WINDOW_CLOSED"
    return None


def candidate_dates(now: datetime, tz: str) -> tuple[date, date, date]:
    """Yesterday, today and tomorrow in the office zone: the dates an event may belong to."""
    today = as_utc(now).astimezone(zone(tz)).date()
    return today - _DAY, today, today + _DAY


def pick_work_date(now: datetime, days: Sequence[ScheduleDay], kind: str) -> ScheduleDay | None:
    """The day an event at `now` belongs to, among `days` whose `kind` window is open.

    "out": the oldest such day (yesterday's overnight shift while its check-out window is
    open beats today's shift, whose check-out window opens at its start). "in": the day whose
    check-in window opened last (the upcoming shift, not a late check-in to an old one).
    None when no window is open.
    """
    open_days = [d for d in days if window_check(kind, d, now) is None]
    if not open_days:
        return None
    if kind == "out":
        return min(open_days, key=lambda d: d.utc("start"))  # type: ignore[arg-type]
    return max(open_days, key=lambda d: d.utc("checkin_open"))  # type: ignore[arg-type]
