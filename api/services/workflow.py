"""Shared steps of the record-changing workflows: absences, manual entries, corrections and
cancellations (uploads, per-employee locks, schedule days, day snapshots, Indonesian dates)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app

from api import clock
from api.db import database, is_postgres
from api.models import DailyRecord, Employee, RoleGrant, StoredFile
from api.rules.schedule import ScheduleDay, window_check
from api.services import daily, storage
from api.services.schedules import ScheduleBook, employee_tz

EMPLOYEE_LOCK_SPACE = 4243  # pg_advisory_xact_lock(space, employee id)
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
DAY_FIELDS = ("status", "label", "check_in_at", "check_out_at", "late_minutes",
              "early_minutes", "excused_code", "source")


def read_upload(files, field: str, allowed: tuple[str, ...]) -> bytes:
    """The bytes of an uploaded file, checked by content and size (MAX_DOCUMENT_BYTES)."""
    limit = current_app.config["MAX_DOCUMENT_BYTES"]
    data = files[field].read(limit + 1)
    storage.check(data, allowed, limit, field)
    return data


def evidence_ref(stored: StoredFile) -> str:
    """How an audit entry names its evidence: the stored file and its content hash."""
    return f"stored_file:{stored.id} sha256:{stored.sha256}"


def lock_employee(employee_id: int) -> None:
    """Serialise writes about one employee (inside a write transaction).

    A date-range overlap cannot be a unique constraint; SQLite's BEGIN IMMEDIATE already
    serialises writers, PostgreSQL needs this transaction-scoped lock."""
    if is_postgres():
        database.execute_sql("SELECT pg_advisory_xact_lock(%s, %s)",
                             (EMPLOYEE_LOCK_SPACE, employee_id))


def dates(date_from: date, date_to: date) -> list[date]:
    return [date_from + timedelta(days=i) for i in range((date_to - date_from).days + 1)]


def schedule_days(employee: Employee, date_from: date, date_to: date) -> list[ScheduleDay]:
    """The employee's resolved schedule for each date (office time zone)."""
    book = ScheduleBook.load(date_from, date_to, [employee.id])
    tz = employee_tz(employee.id)
    return [book.day(employee.id, employee.schedule_group_id, day, tz)
            for day in dates(date_from, date_to)]


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


def indonesian_date(day: date, weekday: bool = False) -> str:
    """2026-03-02 → "2 Maret 2026" (or "Senin, 2 Maret 2026")."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]}, {text}" if weekday else text


def date_range_text(date_from: date, date_to: date) -> str:
    """"3 Maret 2026", "3–5 Maret 2026" or "30 Maret 2026–2 April 2026"."""
    if date_from == date_to:
        return indonesian_date(date_from)
    if (date_from.year, date_from.month) == (date_to.year, date_to.month):
        return f"{date_from.day}–{indonesian_date(date_to)}"
    return f"{indonesian_date(date_from)}–{indonesian_date(date_to)}"


def month_text(month: date) -> str:
    return f"{MONTHS[month.month - 1]} {month.year}"


def iso_z(moment) -> str | None:
    aware = clock.from_db(moment)
    return aware.isoformat().replace("+00:00", "Z") if aware else None


def pemda_place() -> str:
    """Where letters are signed: "Pemerintah Kabupaten Jember" → "Jember"."""
    name = current_app.config["PEMDA_NAME"]
    for word in ("Kabupaten", "Kota", "Provinsi"):
        if word in name:
            return name.split(word, 1)[1].strip() or name
    return name


def pemda_region() -> str:
    """"Pemerintah Kabupaten Jember" → "Kabupaten Jember"."""
    return current_app.config["PEMDA_NAME"].removeprefix("Pemerintah").strip()


def head_of(opd_id: int) -> Employee | None:
    """The head of an OPD (the kepala_opd grant holder; the lowest id when several)."""
    return (Employee.select().join(RoleGrant, on=(RoleGrant.employee == Employee.id))
            .where(RoleGrant.role == "kepala_opd", RoleGrant.opd == opd_id, Employee.active)
            .order_by(Employee.id).first())


def person(employee: Employee) -> dict:
    return {"id": employee.id, "name": employee.name, "nip": employee.nip,
            "opd_id": employee.opd_id}


def day_rows_query(model, actor, args: dict):
    """Per-day rows (a model with employee, opd, work_date) in the actor's scope, filtered
    by the DayRowsQuery arguments."""
    from api.services import scope

    query = (model.select(model, Employee).join(Employee)
             .where(scope.record_filter(actor, model),
                    model.work_date.between(args["date_from"], args["date_to"])))
    if args.get("employee") is not None:
        query = query.where(model.employee == args["employee"])
    if args.get("opd") is not None:
        query = query.where(model.opd == args["opd"])
    return query
