"""Load schedule data from the database into the pure resolver's dataclasses."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date

from api.models import (
    LocalDay,
    RosterEntry,
    SchedulePattern,
    SchedulePeriod,
    Shift,
)
from api.models import ScheduleGroup as GroupRow
from api.rules import calendar as rcal
from api.rules import schedule as rs

TIME_FIELDS = tuple(f.name for f in fields(rs.DayPattern))  # the 8 times of a day


def day_pattern(row) -> rs.DayPattern:
    return rs.DayPattern(**{name: getattr(row, name) for name in TIME_FIELDS})


def load_groups() -> dict[int, rs.ScheduleGroup]:
    """Every schedule group with its weekly pattern and override periods."""
    patterns: dict[tuple[int, int | None], dict[int, rs.DayPattern]] = defaultdict(dict)
    for row in SchedulePattern.select():
        patterns[(row.group_id, row.period_id)][row.weekday] = day_pattern(row)
    periods: dict[int, list[rs.OverridePeriod]] = defaultdict(list)
    for period in SchedulePeriod.select().order_by(SchedulePeriod.date_from):
        periods[period.group_id].append(rs.OverridePeriod(
            name=period.name, date_from=period.date_from, date_to=period.date_to,
            pattern=rs.WeeklyPattern(days=patterns.get((period.group_id, period.id), {})),
        ))
    groups = {}
    for group in GroupRow.select():
        weekly = rs.WeeklyPattern(days=patterns.get((group.id, None), {}))
        groups[group.id] = rs.ScheduleGroup(
            code=group.code, name=group.name, kind=group.kind,
            weekly=weekly if group.kind == "weekly" else None,
            overrides=tuple(periods.get(group.id, ())),
            observes_holidays=group.observes_holidays,
        )
    return groups


def load_calendar(years: Iterable[int]) -> rcal.HolidayCalendar:
    additions, removals = [], []
    for day in LocalDay.select():
        if day.action == "remove":
            removals.append(day.date)
        else:
            additions.append(rcal.LocalDay(date=day.date, name=day.name, kind=day.kind))
    return rcal.build_calendar(sorted(set(years)), additions, removals)


def load_shifts() -> dict[int, rs.Shift]:
    return {s.id: rs.Shift(code=s.code, name=s.name, pattern=day_pattern(s))
            for s in Shift.select()}


@dataclass
class ScheduleBook:
    """Everything needed to resolve many employee-days with a handful of queries."""

    groups: dict[int, rs.ScheduleGroup]
    calendar: rcal.HolidayCalendar
    shifts: dict[int, rs.Shift]
    roster: dict[tuple[int, date], int | None] = field(default_factory=dict)
    _weekly: dict[tuple[int, date, str], rs.ScheduleDay] = field(default_factory=dict)
    # what was loaded: the roster holds these dates of these employees (None: everyone)
    loaded: tuple[date, date, frozenset[int] | None] | None = None

    @classmethod
    def load(cls, date_from: date, date_to: date, employee_ids: Iterable[int] | None = None,
             ) -> ScheduleBook:
        years = range(date_from.year - 1, date_to.year + 1)  # -1: overnight shifts on Jan 1
        book = cls(load_groups(), load_calendar(years), load_shifts())
        book.loaded = (date_from, date_to,
                       None if employee_ids is None else frozenset(employee_ids))
        query = RosterEntry.select(RosterEntry.employee, RosterEntry.work_date,
                                   RosterEntry.shift).where(
            RosterEntry.work_date.between(date_from, date_to))
        if employee_ids is not None:
            ids = list(employee_ids)
            if len(ids) < 5000:
                query = query.where(RosterEntry.employee.in_(ids))
        for entry in query.tuples().iterator():
            book.roster[(entry[0], entry[1])] = entry[2]
        return book

    def covers(self, date_from: date, date_to: date, employee_ids: Iterable[int]) -> bool:
        """Whether this book can answer for these employee-days (a day outside what was
        loaded would silently read as not rostered)."""
        if self.loaded is None:
            return False
        first, last, ids = self.loaded
        return first <= date_from and date_to <= last and (
            ids is None or set(employee_ids) <= ids)

    def day(self, employee_id: int, group_id: int, work_date: date, tz: str) -> rs.ScheduleDay:
        group = self.groups[group_id]
        if group.kind != "shift":
            # everyone in a weekly group shares the day: resolve it once per zone
            key = (group_id, work_date, tz)
            if key not in self._weekly:
                self._weekly[key] = rs.resolve_day(work_date, group, self.calendar, tz)
            return self._weekly[key]
        key = (employee_id, work_date)
        if key not in self.roster:
            return rs.resolve_day(work_date, group, self.calendar, tz, roster=rs.NOT_ROSTERED)
        shift_id = self.roster[key]
        shift = self.shifts[shift_id] if shift_id is not None else None
        return rs.resolve_day(work_date, group, self.calendar, tz, roster=shift)


def employee_tz(employee_id: int) -> str:
    """The time zone of the employee's primary office (the pemda's zone without one)."""
    from flask import current_app

    from api.models import EmployeeLocation, Location

    row = (Location.select(Location.tz).join(EmployeeLocation)
           .where(EmployeeLocation.employee == employee_id)
           .order_by(EmployeeLocation.primary.desc(), EmployeeLocation.id).first())
    return row.tz if row else current_app.config["PEMDA_TZ"]
