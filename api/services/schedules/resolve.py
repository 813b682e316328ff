"""One employee's resolved schedule for a date, as the API shows it."""
from __future__ import annotations

from datetime import date

from api.models import Employee
from api.rules.schedule import ScheduleDay

from .book import TIME_FIELDS, ScheduleBook


def schedule_dict(day: ScheduleDay) -> dict:
    out = {"work_date": day.work_date, "workday": day.workday, "off_reason": day.off_reason,
           "holiday_name": day.holiday_name, "tz": day.tz, "source": day.source}
    for name in TIME_FIELDS:
        moment = getattr(day, name)
        out[name] = moment.isoformat() if moment else None
    return out


def resolve_for(employee: Employee, work_date: date, tz: str) -> ScheduleDay:
    book = ScheduleBook.load(work_date, work_date, [employee.id])
    return book.day(employee.id, employee.schedule_group_id, work_date, tz)
