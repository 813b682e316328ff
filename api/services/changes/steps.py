"""Shared steps of the attendance changes: absences, manual entries, corrections and
cancellations (per-employee locks, schedule days, times written on paper, day snapshots)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from api import clock
from api.db import database, is_postgres
from api.models import DailyRecord, Employee
from api.rules.schedule import ScheduleDay, window_check
from api.services import daily
from api.services.schedules import ScheduleBook, employee_tz

EMPLOYEE_LOCK_SPACE = 4243  # pg_advisory_xact_lock(space, employee id)
DAY_FIELDS = ("status", "label", "check_in_at", "check_out_at", "late_minutes",
              "early_minutes", "excused_code", "source")


def lock_employee(employee_id: int) -> None:
    """Serialise writes about one employee (inside a write transaction).

    A date-range overlap cannot be a unique constraint; SQLite's BEGIN IMMEDIATE already
    serialises writers, PostgreSQL needs this transaction-scoped lock."""
    if is_postgres():
        database.execute_sql("SELECT pg_advisory_xact_lock(%s, %s)",
                             (EMPLOYEE_LOCK_SPACE, employee_id))


def schedule_days(employee: Employee, date_from: date, date_to: date) -> list[ScheduleDay]:
    """The employee's resolved schedule for each date (office time zone)."""
    book = ScheduleBook.load(date_from, date_to, [employee.id])
    tz = employee_tz(employee.id)
    return [book.day(employee.id, employee.schedule_group_id, day, tz)
            for day in daily.dates(date_from, date_to)]


def place_time(day: ScheduleDay, kind: str, at: time) -> datetime | None:
    """The instant a clock time on the paper means for this day's check-`kind` window.

    The day before and after are tried too, so a shift crossing midnight reads naturally."""
    zi = ZoneInfo(day.tz)
    for offset in (0, 1, -1):
        moment = datetime.combine(day.work_date + timedelta(days=offset), at, tzinfo=zi)
        if window_check(kind, day, moment) is None:
            return moment
    return None


def window_text(day: ScheduleDay, kind: str) -> str:
    opens, closes = (day.checkin_open, day.end) if kind == "in" else (day.start,
                                                                      day.checkout_close)
    return f"{opens:%H.%M}–{closes:%H.%M}"


def punch_times(day: ScheduleDay, check_in: time | None, check_out: time | None,
                now: datetime) -> tuple[list[str], datetime | None, datetime | None]:
    """(problems, check-in instant, check-out instant) for times written for a day."""
    problems: list[str] = []
    placed: dict[str, datetime | None] = {"in": None, "out": None}
    for kind, value, word in (("in", check_in, "datang"), ("out", check_out, "pulang")):
        if value is None:
            continue
        moment = place_time(day, kind, value)
        if moment is None:
            problems.append(f"Jam {word} {value:%H.%M} di luar jendela presensi "
                            f"({window_text(day, kind)}).")
        elif moment > now:
            problems.append(f"Jam {word} {value:%H.%M} belum terjadi.")
        else:
            placed[kind] = moment
    if placed["in"] and placed["out"] and placed["out"] <= placed["in"]:
        problems.append("Jam pulang harus setelah jam datang.")
    return problems, placed["in"], placed["out"]


def day_snapshot(employee_id: int, work_date: date) -> dict | None:
    """The daily record as a user sees it, for before/after in the audit log."""
    row = DailyRecord.get_or_none(DailyRecord.employee == employee_id,
                                  DailyRecord.work_date == work_date)
    if row is None:
        return None
    return {"work_date": work_date, **{name: getattr(row, name) for name in DAY_FIELDS}}


def recompute_past(employee_ids: Iterable[int], date_from: date, date_to: date, today: date,
                   now: datetime) -> None:
    """Recompute the dates up to today; later days get their record when they come."""
    last = min(date_to, today)
    if date_from <= last:
        daily.recompute_range(date_from, last, sorted(set(employee_ids)), now)


def utc_naive(moment: datetime | None) -> datetime | None:
    return clock.utc_naive(moment) if moment else None


def person(employee: Employee) -> dict:
    return {"id": employee.id, "name": employee.name, "nip": employee.nip,
            "opd_id": employee.opd_id}


def day_rows_query(model, actor, args: dict):
    """Per-day rows (a model with employee, opd, work_date) in the actor's scope, filtered
    by the DayRowsQuery arguments."""
    from api.services.accounts import scope

    query = (model.select(model, Employee).join(Employee)
             .where(scope.record_filter(actor, model),
                    model.work_date.between(args["date_from"], args["date_to"])))
    if args.get("employee") is not None:
        query = query.where(model.employee == args["employee"])
    if args.get("opd") is not None:
        query = query.where(model.opd == args["opd"])
    return query
