"""Recomputes that follow a change of an employee's current data: the office's time zone
(a primary location set or edited) moves the local times of the current posting's days, and a
new schedule group changes the current month's days (as an edit of its weekly pattern does).
Each is queued as one background job, after the change is committed."""
from __future__ import annotations

from collections.abc import Iterable

from peewee import fn

from api.models import Assignment, DailyRecord, Employee, EmployeeLocation, Location
from api.services import jobs

from .recompute import pemda_today


def office_tz(employee_ids: Iterable[int]) -> dict[int, str | None]:
    """Each employee's primary office time zone (None: no primary location)."""
    ids = list(employee_ids)
    found = dict(EmployeeLocation.select(EmployeeLocation.employee, Location.tz).join(Location)
                 .where(EmployeeLocation.employee.in_(ids), EmployeeLocation.primary).tuples())
    return {employee_id: found.get(employee_id) for employee_id in ids}


def after_office_change(actor_id: int, tz_before: dict[int, str | None], reason: str) -> None:
    """Queue the recompute of the employees whose office time zone changed, over their current
    posting's days that have a record (earlier postings keep their own office's zone)."""
    changed = [e for e, tz in office_tz(tz_before).items() if tz != tz_before[e]]
    if not changed:
        return
    posting = (Assignment.select(Assignment.employee.alias("employee_id"),
                                 fn.MAX(Assignment.valid_from).alias("since"))
               .where(Assignment.employee.in_(changed)).group_by(Assignment.employee)
               .alias("posting"))
    first = (DailyRecord.select(fn.MIN(DailyRecord.work_date))  # one query for all of them
             .join(posting, on=((DailyRecord.employee == posting.c.employee_id)
                                & (DailyRecord.work_date >= posting.c.since))).scalar())
    today = pemda_today()
    if first is not None and first <= today:
        jobs.enqueue_recompute(actor_id, first, today, sorted(changed), reason)


def after_group_change(actor_id: int, employee: Employee, reason: str) -> None:
    today = pemda_today()
    jobs.enqueue_recompute(actor_id, today.replace(day=1), today, [employee.id], reason)
