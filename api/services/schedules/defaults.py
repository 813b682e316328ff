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
