"""The shipped defaults a new installation starts with (RULES.md §1 schedules)."""
from __future__ import annotations

from api.db import write_transaction
from api.models import ScheduleGroup as GroupRow
from api.models import SchedulePattern, Shift
from api.rules import schedule_defaults as defaults
from api.rules.schedule import DayPattern, ScheduleGroup

from .book import TIME_FIELDS


def _times(pattern: DayPattern) -> dict:
    return {name: getattr(pattern, name) for name in TIME_FIELDS}


def _group(spec: ScheduleGroup) -> GroupRow:
    row, created = GroupRow.get_or_create(
        code=spec.code, defaults={"name": spec.name, "kind": spec.kind,
                                  "observes_holidays": spec.observes_holidays})
    if created and spec.weekly is not None:
        for weekday, pattern in spec.weekly.days.items():
            SchedulePattern.create(group=row, period=None, weekday=weekday, **_times(pattern))
    return row


def ensure_default_schedules() -> dict[str, GroupRow]:
    """The 5-day, 6-day and hospital shift groups (idempotent)."""
    with write_transaction():
        groups = {spec.code: _group(spec) for spec in
                  (defaults.jember_5day(), defaults.jember_6day(), defaults.rsud_group())}
        rsud = groups["RSUD"]
        for shift in defaults.rsud_shifts():
            Shift.get_or_create(group=rsud, code=shift.code,
                                defaults={"name": shift.name, **_times(shift.pattern)})
    return groups


def ramadan_suggestion(group: GroupRow, year: int) -> dict:
    """The override period an admin may add for Ramadan: dates from the Hijri calendar, the
    shipped Ramadan hours of a 5- or 6-day group. Only a suggestion (PeriodIn's shape)."""
    from api.errors import ApiError

    workdays = (SchedulePattern.select().where(SchedulePattern.group == group.id,
                                               SchedulePattern.period.is_null()).count())
    if group.kind != "weekly" or workdays not in (5, 6):
        raise ApiError("INVALID_SCHEDULE", 400, details={"group": [
            "Usulan Ramadan hanya untuk grup jadwal mingguan 5 atau 6 hari kerja."]})
    hijri_year, first, last = defaults.ramadan_dates(year)
    week = defaults.ramadan_week_for(workdays)
    return {"name": f"Ramadan {hijri_year} H", "date_from": first, "date_to": last,
            "patterns": [{"weekday": weekday, **{k: v.strftime("%H:%M") if v else None
                                                  for k, v in _times(pattern).items()}}
                         for weekday, pattern in sorted(week.days.items())],
            "basis": ("Kalender Hijriah Umm al-Qura; sesuaikan dengan hasil sidang isbat "
                      "Kementerian Agama sebelum disimpan.")}
