"""One employee's own monthly recap row(s): the Lampiran II figures, TPP cut and PP 94
year-to-date as their OPD's recap counts them — for the employee, not their colleagues."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from api.models import DailyRecord, Employee

from .monthly import envelope, month_bounds, monthly


def own_recap(employee: Employee, month: date) -> dict:
    """The caller's rows of the month (two when a transfer split the month), without the
    OPD totals. Computed through the OPD's recap so both always agree."""
    first, last = month_bounds(month)
    opds = {row.opd_id for row in DailyRecord.select(DailyRecord.opd).distinct().where(
        DailyRecord.employee == employee.id, DailyRecord.work_date.between(first, last))}
    recap = monthly(month, tuple(sorted(opds or {employee.opd_id})))
    mine = recap.rows[recap.rows["employee_id"] == employee.id].reset_index(drop=True)
    mine["no"] = range(1, len(mine) + 1)
    answer = envelope(replace(recap, rows=mine), None)
    for key in ("opds", "opd_ids"):
        answer.pop(key)
    return answer
