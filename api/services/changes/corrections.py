"""Corrections of a day's record by the OPD's operator, only with evidence and a reason
(Pasal 11(4)–(6); Pasal 14(2) punishes changes without valid evidence)."""
from __future__ import annotations

from datetime import date, datetime

from api.db import write_transaction
from api.errors import ApiError
from api.formats import iso_z
from api.messages import message
from api.models import Cancellation, Correction, Employee
from api.rules.codes import ABSENCE_CODES
from api.services import audit, closing, daily, storage
from api.services.accounts import Actor, duties
from api.services.org import fetch, snapshot
from api.services.storage import evidence_ref

from .steps import day_snapshot, person, punch_times, schedule_days, utc_naive

CORRECTION_CODES = frozenset({"H", "WFH", "TK"} | ABSENCE_CODES)


def check(actor: Actor, data: dict, today: date, now: datetime):
    """(employee, check-in instant, check-out instant) for a well-formed correction."""
    employee = fetch(Employee, data["employee_id"])
    duties.require("correction.create", actor, employee)
    work_date = data["work_date"]
    if work_date > today:
        raise ApiError("FUTURE_DATE", 422, details={"work_date": [message("FUTURE_DATE")]})
    day = schedule_days(employee, work_date, work_date)[0]
    if not day.workday:
        raise ApiError("DATE_NOT_WORKDAY", 422,
                       details={"work_date": [message("DATE_NOT_WORKDAY")]})
    if data.get("code"):
        return employee, None, None
    problems, check_in_at, check_out_at = punch_times(day, data.get("check_in"),
                                                      data.get("check_out"), now)
    if problems:
        raise ApiError("VALIDATION_ERROR", 422, details={"correction": problems})
    return employee, check_in_at, check_out_at


def correct(actor: Actor, data: dict, evidence: bytes, today: date, now: datetime) -> Correction:
    employee, check_in_at, check_out_at = check(actor, data, today, now)
    work_date = data["work_date"]
    stored = None
    try:
        with write_transaction():
            closing.require_entry_window(employee.id, [work_date], today)
            if Cancellation.select().where(Cancellation.employee == employee.id,
                                           Cancellation.work_date == work_date,
                                           Cancellation.status == "approved").exists():
                raise ApiError("DAY_CANCELLED", 409)
            before = day_snapshot(employee.id, work_date)
            stored = storage.save(evidence, "evidence", employee.id, actor.id)
            row = Correction.create(
                employee=employee, work_date=work_date,
                opd=closing.opd_on(employee.id, work_date),
                check_in_at=utc_naive(check_in_at), check_out_at=utc_naive(check_out_at),
                code=data.get("code"), reason=data["reason"].strip(), evidence=stored,
                created_by=actor.id)
            daily.recompute_day(employee.id, work_date, now)
            audit.record(actor.id, "correction.create", "correction", row.id, before,
                         {**(day_snapshot(employee.id, work_date) or {}),
                          "correction": snapshot(row)}, evidence_ref(stored))
    except Exception:
        storage.discard(stored)
        raise
    return row


def correction_dict(row: Correction) -> dict:
    return {
        "id": row.id, "employee": person(row.employee), "work_date": row.work_date,
        "opd_id": row.opd_id, "check_in_at": iso_z(row.check_in_at),
        "check_out_at": iso_z(row.check_out_at), "code": row.code, "reason": row.reason,
        "evidence_id": row.evidence_id, "created_by": row.created_by,
        "created_at": iso_z(row.created_at),
    }
