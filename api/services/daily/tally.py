"""The month tally (api/models/attendance.py MonthTally): each employee-month's counted days
grouped by OPD, unit, status and tiers. It is rebuilt from the daily records by their one
writer, `recompute_range`, in the same transaction, so it never disagrees with them; the
whole-pemda recap then reads about 262,000 tally rows instead of grouping 1.5 M days."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from peewee import Value, fn

from api.models import DailyRecord, MonthTally
from api.rules.months import month_end

ID_CHUNK = 20000  # ids per IN list (SQLite allows 32766 variables)
GROUPED = (DailyRecord.employee, DailyRecord.opd, DailyRecord.unit, DailyRecord.status,
           DailyRecord.late_tier, DailyRecord.early_tier)
FIELDS = [MonthTally.employee, MonthTally.month, MonthTally.opd, MonthTally.unit,
          MonthTally.status, MonthTally.late_tier, MonthTally.early_tier, MonthTally.days,
          MonthTally.late_minutes, MonthTally.early_minutes, MonthTally.first_day,
          MonthTally.last_day]


def counted_days():
    """Workday records as the recap counts them (a correction may declare a day off)."""
    return (DailyRecord.workday, DailyRecord.status != "LIBUR")


def _grouped(month: date):
    return (DailyRecord
            .select(GROUPED[0], Value(month), *GROUPED[1:], fn.COUNT(DailyRecord.id),
                    fn.SUM(DailyRecord.late_minutes), fn.SUM(DailyRecord.early_minutes),
                    fn.MIN(DailyRecord.work_date), fn.MAX(DailyRecord.work_date))
            .where(DailyRecord.work_date.between(month, month_end(month)), *counted_days())
            .group_by(*GROUPED))


def refresh(employee_ids: Iterable[int] | None, months: Iterable[date]) -> None:
    """Rebuild these employees' tallies (everyone's when None) for the months (first days)
    from their daily records; inside the caller's write transaction."""
    ids = None if employee_ids is None else sorted(set(employee_ids))
    chunks = [None] if ids is None else [ids[i:i + ID_CHUNK] for i in range(0, len(ids),
                                                                         ID_CHUNK)]
    for month in sorted(set(months)):
        for chunk in chunks:
            stale = MonthTally.delete().where(MonthTally.month == month)
            source = _grouped(month)
            if chunk is not None:
                stale = stale.where(MonthTally.employee.in_(chunk))
                source = source.where(DailyRecord.employee.in_(chunk))
            stale.execute()
            MonthTally.insert_from(source, FIELDS).execute()
