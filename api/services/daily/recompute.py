"""Daily records: recompute employee-days from their inputs with the pure status engine."""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask import current_app

from api import clock
from api.bulk import insert_rows, raw_rows
from api.db import is_sqlite, write_transaction
from api.models import Assignment, DailyRecord, Employee, EmployeeLocation, Location
from api.rules.daily_status import DayResult, compute_day
from api.rules.months import month_of
from api.services import policy, schedules

from . import inputs as day_inputs
from . import tally

CHUNK = 2000
RECORD_COLUMNS = ("employee", "work_date", "opd", "unit", "workday", "status", "label",
                  "check_in_at", "check_out_at", "late_minutes", "early_minutes", "late_tier",
                  "early_tier", "excused_code", "source", "has_pending", "computed_at")
UPDATED_FIELDS = ("opd", "unit", "workday", "status", "label", "check_in_at", "check_out_at",
                  "late_minutes", "early_minutes", "late_tier", "early_tier", "excused_code",
                  "source", "has_pending", "computed_at")


def pemda_today() -> date:
    return clock.local(clock.now(), current_app.config["PEMDA_TZ"]).date()


def dates(date_from: date, date_to: date) -> list[date]:
    return [date_from + timedelta(days=i) for i in range((date_to - date_from).days + 1)]


@dataclass(frozen=True)
class Posting:
    """Where an employee belonged from a date: OPD, unit and the office's time zone."""

    valid_from: date
    opd_id: int
    unit_id: int | None
    tz: str


def load_postings(employee_ids: Sequence[int], default_tz: str) -> dict[int, list[Posting]]:
    primary_tz = dict(
        EmployeeLocation.select(EmployeeLocation.employee, Location.tz)
        .join(Location).where(EmployeeLocation.employee.in_(list(employee_ids)),
                              EmployeeLocation.primary).tuples())
    location_tz = dict(Location.select(Location.id, Location.tz).tuples())
    postings: dict[int, list[Posting]] = defaultdict(list)
    query = (Assignment.select(Assignment.employee, Assignment.valid_from, Assignment.opd,
                               Assignment.unit, Assignment.location)
             .where(Assignment.employee.in_(list(employee_ids)))
             .order_by(Assignment.employee, Assignment.valid_from).tuples())
    rows = list(query)
    for index, (employee_id, valid_from, opd_id, unit_id, location_id) in enumerate(rows):
        current = index + 1 == len(rows) or rows[index + 1][0] != employee_id
        # the current posting follows the office as set today; older ones keep their own
        own = primary_tz.get(employee_id) if current else location_tz.get(location_id)
        tz = own or location_tz.get(location_id) or primary_tz.get(employee_id) or default_tz
        postings[employee_id].append(Posting(valid_from, opd_id, unit_id, tz))
    return postings


def posting_on(postings: list[Posting], day: date) -> Posting | None:
    index = bisect_right([p.valid_from for p in postings], day) - 1
    return postings[index] if index >= 0 else (postings[0] if postings else None)


def record_row(employee_id: int, posting: Posting, result: DayResult, has_pending: bool,
               computed_at: datetime) -> tuple:
    """One DailyRecord row, in RECORD_COLUMNS order."""
    return (
        employee_id, result.work_date, posting.opd_id, posting.unit_id, result.workday,
        result.status, result.label,
        clock.utc_naive(result.check_in) if result.check_in else None,
        clock.utc_naive(result.check_out) if result.check_out else None,
        result.late_minutes, result.early_minutes, result.late_tier, result.early_tier,
        result.excused_code, result.source, has_pending, computed_at,
    )


def upsert(rows: list[tuple]) -> None:
    insert_rows(DailyRecord, RECORD_COLUMNS, rows, conflict=("employee", "work_date"),
                update=UPDATED_FIELDS)


def closed_months(date_from: date, date_to: date) -> set[tuple[int, date]]:
    """(OPD, first day of month) pairs that are closed: their records are final."""
    from api.models import MonthClosing

    query = (MonthClosing.select(MonthClosing.opd, MonthClosing.month)
             .where(MonthClosing.status == "closed",
                    MonthClosing.month.between(date_from.replace(day=1), date_to)))
    return set(query.tuples())


def computed_days(employees: Iterable[tuple], date_from: date, date_to: date, now: datetime,
                  book: schedules.ScheduleBook, default_tz: str):
    """(employee id, posting, DayResult, has pending) for (employee id, schedule group id,
    joined date) tuples; days of a closed OPD-month are left as they were closed."""
    employees = list(employees)
    closed = closed_months(date_from, date_to)
    ids = [e[0] for e in employees]
    postings = load_postings(ids, default_tz)
    inputs = day_inputs.load(ids, date_from, date_to)
    policies = policy.load_policies()
    empty = day_inputs.DayInputs()
    for employee_id, group_id, joined in employees:
        own = postings.get(employee_id, [])
        for day in dates(max(date_from, joined), date_to):
            posting = posting_on(own, day)
            if posting is None or (posting.opd_id, day.replace(day=1)) in closed:
                continue
            schedule_day = book.day(employee_id, group_id, day, posting.tz)
            day_input = inputs.get((employee_id, day), empty)
            result = compute_day(schedule_day, day_input.punches, day_input.absence_code,
                                 policies.for_date(day), now, day_input.override,
                                 day_input.manual_code)
            yield employee_id, posting, result, day_input.has_pending


def compute_rows(employees: Iterable[tuple], date_from: date, date_to: date, now: datetime,
                 book: schedules.ScheduleBook, default_tz: str) -> list[tuple]:
    """Daily record rows (RECORD_COLUMNS order) of the computed days."""
    computed_at = clock.utc_naive(now)
    return [record_row(employee_id, posting, result, pending, computed_at)
            for employee_id, posting, result, pending in
            computed_days(employees, date_from, date_to, now, book, default_tz)]


COMPARED = slice(2, len(RECORD_COLUMNS) - 1)  # everything but the key and computed_at


def _as_stored(row: tuple) -> tuple:
    """A computed row as the driver hands the stored one back: SQLite keeps dates and
    timestamps as text (str() is its adapter's form) and booleans as 1/0 (equal to True/False),
    PostgreSQL returns Python types."""
    if not is_sqlite():
        return row
    return tuple(str(v) if isinstance(v, date) else v for v in row)  # datetime is a date


def changed(rows: list[tuple], ids: Sequence[int], date_from: date, date_to: date,
            ) -> list[tuple]:
    """The computed rows that differ from what is stored: an unchanged day is not rewritten."""
    columns = [getattr(DailyRecord, name) for name in RECORD_COLUMNS]
    query = DailyRecord.select(*columns).where(DailyRecord.employee.in_(list(ids)),
                                               DailyRecord.work_date.between(date_from, date_to))
    stored = {(row[0], row[1]): row[COMPARED] for row in raw_rows(query)}
    out = []
    for row in rows:
        form = _as_stored(row)
        if stored.get((form[0], form[1])) != form[COMPARED]:
            out.append(row)
    return out


def _employees(employee_ids: Sequence[int] | None, default_tz: str) -> list[tuple]:
    query = (Employee.select(Employee.id, Employee.schedule_group, Employee.created_at)
             .where(Employee.active).order_by(Employee.id))
    if employee_ids is not None:
        query = query.where(Employee.id.in_(list(employee_ids)))
    return [(eid, gid, joined_date(created, default_tz)) for eid, gid, created in query.tuples()]


def recompute_range(date_from: date, date_to: date, employee_ids: Sequence[int] | None,
                    now: datetime, book: schedules.ScheduleBook | None = None) -> int:
    """Recompute the records of these employees (all active ones if None) for the dates;
    returns how many records were computed (only changed ones are written). `book`: one the
    caller loaded in this transaction, used when it covers these days."""
    default_tz = current_app.config["PEMDA_TZ"]
    book_from = date_from - timedelta(days=1)  # overnight shifts begin the day before
    if book is None or employee_ids is None or not book.covers(book_from, date_to,
                                                               employee_ids):
        book = schedules.ScheduleBook.load(book_from, date_to, employee_ids)
    employees = _employees(employee_ids, default_tz)
    total = 0
    for start in range(0, len(employees), CHUNK):
        chunk = employees[start:start + CHUNK]
        rows = compute_rows(chunk, date_from, date_to, now, book, default_tz)
        writes = changed(rows, [e[0] for e in chunk], date_from, date_to)
        if writes:
            with write_transaction():
                upsert(writes)
                tally.refresh({row[0] for row in writes}, {month_of(row[1]) for row in writes})
        total += len(rows)
    return total


def day_results(employee_ids: Sequence[int], work_date: date,
                now: datetime) -> dict[int, tuple[DayResult, str]]:
    """How the status engine decides these employees' day: (result, office time zone) each,
    for explaining what an input did (closed months left out)."""
    default_tz = current_app.config["PEMDA_TZ"]
    book = schedules.ScheduleBook.load(work_date - timedelta(days=1), work_date, employee_ids)
    return {employee_id: (result, posting.tz) for employee_id, posting, result, _pending in
            computed_days(_employees(employee_ids, default_tz), work_date, work_date, now, book,
                          default_tz)}


def joined_date(created_at, tz: str) -> date:
    created = clock.from_db(created_at)
    return clock.local(created, tz).date() if created else date.min


def recompute_day(employee_id: int, work_date: date, now: datetime,
                  book: schedules.ScheduleBook | None = None) -> None:
    """Recompute one employee-day (inside the caller's transaction)."""
    recompute_range(work_date, work_date, [employee_id], now, book)
