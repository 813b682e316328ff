"""Absence requests (SPEC §5, Pasal 11(2)–(5)): submit with a document, decide, cancel."""
from __future__ import annotations

from datetime import date, datetime

from api import clock
from api.db import write_transaction
from api.errors import ApiError
from api.formats import date_range_text, iso_z
from api.messages import message
from api.models import AbsenceRequest, Employee
from api.rules.codes import label
from api.services import audit, closing, daily, storage
from api.services.accounts import Actor, duties, scope
from api.services.org import fetch, snapshot
from api.services.storage import evidence_ref

from .steps import lock_employee, person, recompute_past, schedule_days

OPEN_STATUSES = ("pending", "approved")
STATUS_WORDS = {"pending": "menunggu persetujuan", "approved": "disetujui"}


def subject(actor: Actor, employee_id: int | None) -> Employee:
    """Whom a request is for: oneself, or (operator/admin) an employee of a managed OPD."""
    if employee_id is None or employee_id == actor.id:
        return Employee.get_by_id(actor.id)
    employee = fetch(Employee, employee_id)
    if not actor.has("operator", "admin"):
        raise ApiError("OUT_OF_SCOPE", 403)
    scope.require_manage_opd(actor, employee.opd_id)
    if not employee.active:
        raise ApiError("VALIDATION_ERROR", 422, details={"employee_id": ["Pegawai tidak aktif."]})
    return employee


def count_workdays(employee: Employee, date_from: date, date_to: date) -> int:
    return sum(1 for day in schedule_days(employee, date_from, date_to) if day.workday)


def refuse_overlap(employee_id: int, date_from: date, date_to: date) -> None:
    other = (AbsenceRequest.select()
             .where(AbsenceRequest.employee == employee_id,
                    AbsenceRequest.status.in_(OPEN_STATUSES),
                    AbsenceRequest.date_from <= date_to, AbsenceRequest.date_to >= date_from)
             .order_by(AbsenceRequest.date_from).first())
    if other is not None:
        text = message("ABSENCE_OVERLAP").format(
            code=other.code, dates=date_range_text(other.date_from, other.date_to),
            status=STATUS_WORDS[other.status])
        raise ApiError("ABSENCE_OVERLAP", 409, message_text=text, details={
            "other_id": other.id, "other_date_from": other.date_from.isoformat(),
            "other_date_to": other.date_to.isoformat(), "other_status": other.status})


def submit(actor: Actor, data: dict, document: bytes, today: date,
           now: datetime) -> AbsenceRequest:
    employee = subject(actor, data.get("employee_id"))
    date_from, date_to = data["date_from"], data["date_to"]
    workdays = count_workdays(employee, date_from, date_to)
    if workdays == 0:
        raise ApiError("NO_WORKDAY", 422, details={"date_from": [message("NO_WORKDAY")]})
    stored = None
    try:
        with write_transaction():
            lock_employee(employee.id)
            closing.require_entry_window(employee.id, daily.dates(date_from, date_to), today)
            refuse_overlap(employee.id, date_from, date_to)
            stored = storage.save(document, "document", employee.id, actor.id)
            row = AbsenceRequest.create(
                employee=employee, opd=employee.opd_id, code=data["code"], date_from=date_from,
                date_to=date_to, workdays=workdays, reason=data["reason"].strip(),
                document=stored, submitted_by=actor.id, submitted_at=clock.utc_naive(now))
            audit.record(actor.id, "absence.submit", "absence_request", row.id, None,
                         snapshot(row), evidence_ref(stored))
            recompute_past([employee.id], date_from, date_to, today, now)  # flags "pending"
    except Exception:
        storage.discard(stored)
        raise
    return row


def _pending(request_id: int) -> tuple[AbsenceRequest, Employee]:
    row = fetch(AbsenceRequest, request_id, "NOT_FOUND")
    if row.status != "pending":
        raise ApiError("REQUEST_NOT_PENDING", 409)
    return row, Employee.get_by_id(row.employee_id)


def _set_status(row: AbsenceRequest, expected: str, actor_id: int, status: str, reason: str,
                now: datetime) -> AbsenceRequest:
    updated = (AbsenceRequest.update(status=status, decided_by=actor_id,
                                     decided_at=clock.utc_naive(now),
                                     decision_reason=reason.strip())
               .where(AbsenceRequest.id == row.id, AbsenceRequest.status == expected).execute())
    if not updated:  # decided concurrently by someone else
        raise ApiError("REQUEST_NOT_PENDING", 409)
    return AbsenceRequest.get_by_id(row.id)


def decide(actor: Actor, request_id: int, approve: bool, reason: str, today: date,
           now: datetime) -> AbsenceRequest:
    row, employee = _pending(request_id)
    # the direct supervisor, the head or the operator of the OPD; never the one who filed it
    duties.require("absence.decide", actor, employee, filed_by=[row.submitted_by],
                   denied_text="NOT_APPROVER")
    if not approve and not reason.strip():
        raise ApiError("REASON_REQUIRED", 400)
    status = "approved" if approve else "rejected"
    with write_transaction():
        closing.require_not_closed(employee.id, daily.dates(row.date_from, row.date_to))
        after = _set_status(row, "pending", actor.id, status, reason, now)
        audit.record(actor.id, f"absence.{'approve' if approve else 'reject'}", "absence_request",
                     row.id, {"status": "pending"}, {"status": status, "reason": reason})
        recompute_past([employee.id], row.date_from, row.date_to, today, now)
    return after


def cancel(actor: Actor, request_id: int, reason: str, today: date,
           now: datetime) -> AbsenceRequest:
    """Withdraw a pending request (the employee, its submitter or an approver), or revoke an
    approved one (an approver, with a reason, within the entry window)."""
    row = fetch(AbsenceRequest, request_id, "NOT_FOUND")
    employee = Employee.get_by_id(row.employee_id)
    approver = duties.allowed("absence.decide", actor, employee)
    if row.status == "pending":
        allowed = actor.id in (employee.id, row.submitted_by) or approver
    elif row.status == "approved":
        allowed = approver
        if allowed and not reason.strip():
            raise ApiError("REASON_REQUIRED", 400)
    else:
        raise ApiError("REQUEST_NOT_PENDING", 409)
    if not allowed:
        raise ApiError("OUT_OF_SCOPE", 403)
    days = daily.dates(row.date_from, row.date_to)
    with write_transaction():
        if row.status == "approved":
            closing.require_entry_window(employee.id, days, today)
        else:
            closing.require_not_closed(employee.id, days)
        after = _set_status(row, row.status, actor.id, "cancelled", reason, now)
        audit.record(actor.id, "absence.cancel", "absence_request", row.id,
                     {"status": row.status}, {"status": "cancelled", "reason": reason})
        recompute_past([employee.id], row.date_from, row.date_to, today, now)
    return after


def requests_query(actor: Actor, args: dict):
    query = (AbsenceRequest.select(AbsenceRequest, Employee).join(Employee)
             .where(scope.record_filter(actor, AbsenceRequest)))
    if args.get("employee") is not None:
        query = query.where(AbsenceRequest.employee == args["employee"])
    if args.get("opd") is not None:
        query = query.where(AbsenceRequest.opd == args["opd"])
    if args.get("status"):
        query = query.where(AbsenceRequest.status == args["status"])
    if args.get("date_from") is not None:
        query = query.where(AbsenceRequest.date_to >= args["date_from"])
    if args.get("date_to") is not None:
        query = query.where(AbsenceRequest.date_from <= args["date_to"])
    return query


def readable(actor: Actor, request_id: int) -> AbsenceRequest:
    row = fetch(AbsenceRequest, request_id, "NOT_FOUND")
    scope.readable_employee(actor, row.employee_id)
    return row


def document(actor: Actor, row: AbsenceRequest) -> tuple[bytes, str]:
    return storage.evidence_of(actor, row.document_id, row.employee_id)


def document_url(row: AbsenceRequest) -> str:
    return f"/api/v1/absences/{row.id}/document"


def request_dict(row: AbsenceRequest) -> dict:
    return {
        "id": row.id, "employee": person(row.employee), "code": row.code,
        "code_label": label(row.code), "date_from": row.date_from, "date_to": row.date_to,
        "workdays": row.workdays, "reason": row.reason, "status": row.status,
        "document_url": document_url(row), "submitted_by": row.submitted_by,
        "submitted_at": iso_z(row.submitted_at), "decided_by": row.decided_by,
        "decided_at": iso_z(row.decided_at), "decision_reason": row.decision_reason,
    }
