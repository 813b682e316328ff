"""Manual attendance (Pasal 11(7)–(8)): what the paper daily sheet says, entered by the
operator with the scan as evidence when the app, the network or a location fails."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time

from peewee import IntegrityError

from api import clock
from api.db import write_transaction
from api.errors import ApiError
from api.formats import iso_z
from api.messages import message
from api.models import Employee, ManualEntry, StoredFile
from api.rules.codes import ABSENCE_CODES
from api.rules.precedence import ManualLine, manual_outcome
from api.rules.schedule import ScheduleDay
from api.services import audit, closing, daily, storage
from api.services.accounts import Actor, duties
from api.services.org import fetch, snapshot
from api.services.storage import evidence_ref

from .steps import day_snapshot, person, punch_times, schedule_days, utc_naive

# Lampiran I's code column is TK/C/S/DL/I; "C" (any cuti) is read as annual leave, the
# common case; an operator who knows better writes the exact code (CB, CM, CAP, ...).
SHEET_ALIASES = {"C": "CT"}
ENTRY_CODES = frozenset({"TK"} | ABSENCE_CODES)


def entry_code(raw: str | None) -> str | None:
    """A Lampiran I / RULES.md §4 code, normalised; ValueError (Indonesian) when unknown."""
    if raw is None or not str(raw).strip():
        return None
    code = str(raw).strip().upper()
    code = SHEET_ALIASES.get(code, code)
    if code not in ENTRY_CODES:
        raise ValueError(f"Kode {str(raw).strip()!r} tidak dikenal (gunakan TK, C, S, DL, I, "
                         "DIK, TB atau kode cuti).")
    return code


@dataclass(frozen=True)
class CheckedEntry:
    """A validated manual entry, ready to store."""

    employee: Employee
    work_date: date
    check_in_at: datetime | None
    check_out_at: datetime | None
    code: str | None
    remarks: str
    sheet_row: int | None = None


def entry_problems(day: ScheduleDay, check_in: time | None, check_out: time | None,
                   code: str | None, now: datetime) -> tuple[list[str], datetime | None,
                                                              datetime | None]:
    """What is wrong with one line of the sheet for this employee-day (Indonesian)."""
    if code and (check_in or check_out):
        return ["Isi jam datang/pulang atau kode, tidak keduanya."], None, None
    if not (code or check_in or check_out):
        return ["Isi jam datang, jam pulang, atau kode."], None, None
    if not day.workday:
        return ["Tanggal tersebut bukan hari kerja pegawai."], None, None
    if code:
        return [], None, None
    return punch_times(day, check_in, check_out, now)


def check_date(work_date: date, today: date) -> None:
    if work_date > today:
        raise ApiError("FUTURE_DATE", 422, details={"work_date": [message("FUTURE_DATE")]})


def check_single(actor: Actor, data: dict, today: date, now: datetime) -> CheckedEntry:
    employee = fetch(Employee, data["employee_id"])
    duties.require("manual.create", actor, employee)
    if not employee.active:
        raise ApiError("VALIDATION_ERROR", 422, details={"employee_id": ["Pegawai tidak aktif."]})
    check_date(data["work_date"], today)
    day = schedule_days(employee, data["work_date"], data["work_date"])[0]
    problems, check_in_at, check_out_at = entry_problems(
        day, data.get("check_in"), data.get("check_out"), data.get("code"), now)
    if problems:
        raise ApiError("VALIDATION_ERROR", 422, details={"entry": problems})
    return CheckedEntry(employee, data["work_date"], check_in_at, check_out_at,
                        data.get("code"), data.get("remarks", "").strip())


def store_entry(actor_id: int, entry: CheckedEntry, opd_id: int, evidence: StoredFile,
                sheet_id: int | None = None) -> ManualEntry:
    """Insert one entry (inside the caller's transaction); one per employee and date."""
    if ManualEntry.select().where(ManualEntry.employee == entry.employee.id,
                                  ManualEntry.work_date == entry.work_date).exists():
        raise ApiError("MANUAL_EXISTS", 409, details={"employee_id": entry.employee.id,
                                                      "work_date": entry.work_date.isoformat()})
    try:
        row = ManualEntry.create(
            employee=entry.employee, work_date=entry.work_date, opd=opd_id,
            check_in_at=utc_naive(entry.check_in_at), check_out_at=utc_naive(entry.check_out_at),
            code=entry.code, remarks=entry.remarks, evidence=evidence, sheet=sheet_id,
            sheet_row=entry.sheet_row, entered_by=actor_id)
    except IntegrityError as exc:  # a concurrent entry for the same day won
        raise ApiError("MANUAL_EXISTS", 409) from exc
    audit.record(actor_id, "manual.create", "manual_entry", row.id,
                 day_snapshot(entry.employee.id, entry.work_date), snapshot(row),
                 evidence_ref(evidence))
    return row


def create_entry(actor: Actor, data: dict, evidence: bytes, today: date,
                 now: datetime) -> ManualEntry:
    entry = check_single(actor, data, today, now)
    stored = None
    try:
        with write_transaction():
            closing.require_entry_window(entry.employee.id, [entry.work_date], today)
            stored = storage.save(evidence, "evidence", entry.employee.id, actor.id)
            opd_id = closing.opd_on(entry.employee.id, entry.work_date)
            before = {entry.employee.id: day_snapshot(entry.employee.id, entry.work_date)}
            row = store_entry(actor.id, entry, opd_id, stored)
            daily.recompute_day(entry.employee.id, entry.work_date, now)
            record_outcomes([row], before, now)
    except Exception:
        storage.discard(stored)
        raise
    return row


def record_outcomes(rows: list[ManualEntry], before: dict[int, dict | None],
                    now: datetime) -> None:
    """After the recompute, inside the write: what each entry of one date changed in its day
    and, where it does not count, why (the precedence rule, api/rules/precedence.py)."""
    if not rows:
        return
    results = daily.day_results([r.employee_id for r in rows], rows[0].work_date, now)
    for row in rows:
        result, tz = results.get(row.employee_id, (None, None))
        line = ManualLine(row.code, clock.from_db(row.check_in_at),
                          clock.from_db(row.check_out_at))
        outcome = manual_outcome(line, result, tz)
        row.outcome = json.dumps({
            "counted": outcome.counted, "notes": list(outcome.notes),
            "changed": day_snapshot(row.employee_id, row.work_date) != before[row.employee_id]})
        ManualEntry.update(outcome=row.outcome).where(ManualEntry.id == row.id).execute()


def entry_dict(row: ManualEntry) -> dict:
    return {
        "id": row.id, "employee": person(row.employee), "work_date": row.work_date,
        "opd_id": row.opd_id, "check_in_at": iso_z(row.check_in_at),
        "check_out_at": iso_z(row.check_out_at), "code": row.code, "remarks": row.remarks,
        "evidence_id": row.evidence_id, "sheet_id": row.sheet_id, "sheet_row": row.sheet_row,
        "entered_by": row.entered_by, "entered_at": iso_z(row.entered_at),
        "outcome": json.loads(row.outcome) if row.outcome else None,
    }
