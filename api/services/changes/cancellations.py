"""Cancellation of attendance (Pasal 13): recorded present but absent in fact. The direct
supervisor files it with two witnesses, the head of the OPD approves it, the day becomes TK
and the Lampiran III letter is generated."""
from __future__ import annotations

from datetime import date, datetime

from flask import current_app

from api import clock
from api.db import write_transaction
from api.errors import ApiError
from api.formats import iso_z
from api.messages import message
from api.models import Cancellation, DailyRecord, Employee, Opd, StoredFile
from api.rules.codes import PRESENT_CODES
from api.services import audit, closing, daily, storage
from api.services.accounts import Actor, duties, scope
from api.services.org import fetch, snapshot
from api.services.storage import evidence_ref

from .letter import LetterData, cancellation_letter
from .steps import day_snapshot, lock_employee, person


def check_witnesses(employee: Employee, supervisor_id: int, witness_ids: list[int]) -> None:
    problems = []
    if len(set(witness_ids)) != 2:
        problems.append("Dua saksi harus orang yang berbeda.")
    if employee.id in witness_ids:
        problems.append("Pegawai yang bersangkutan tidak dapat menjadi saksi.")
    if supervisor_id in witness_ids:
        problems.append("Atasan langsung tidak dapat menjadi saksi.")
    found = {e.id: e for e in Employee.select().where(Employee.id.in_(witness_ids))}
    for witness_id in witness_ids:
        if witness_id not in found:
            problems.append(f"Saksi dengan id {witness_id} tidak ditemukan.")
        elif not found[witness_id].active:
            problems.append(f"Saksi {found[witness_id].name} tidak aktif.")
    if problems:
        raise ApiError("WITNESS_INVALID", 422, details={"witness_ids": problems})


def file(actor: Actor, data: dict, today: date, now: datetime) -> Cancellation:
    employee = fetch(Employee, data["employee_id"])
    duties.require("cancellation.file", actor, employee, denied="NOT_DIRECT_SUPERVISOR")
    check_witnesses(employee, actor.id, data["witness_ids"])
    work_date = data["work_date"]
    if work_date > today:
        raise ApiError("FUTURE_DATE", 422, details={"work_date": [message("FUTURE_DATE")]})
    with write_transaction():
        lock_employee(employee.id)
        closing.require_entry_window(employee.id, [work_date], today)
        record = DailyRecord.get_or_none(DailyRecord.employee == employee.id,
                                         DailyRecord.work_date == work_date)
        if record is None or record.status not in PRESENT_CODES:
            raise ApiError("NOT_RECORDED_PRESENT", 409,
                           details={"status": record.status if record else None})
        if Cancellation.select().where(Cancellation.employee == employee.id,
                                       Cancellation.work_date == work_date,
                                       Cancellation.status.in_(("pending", "approved"))).exists():
            raise ApiError("CANCELLATION_EXISTS", 409)
        first, second = data["witness_ids"]
        row = Cancellation.create(
            employee=employee, work_date=work_date, opd=record.opd_id, supervisor=actor.id,
            witness_1=first, witness_2=second, statement=data["statement"].strip(),
            letter_number=data.get("letter_number", "").strip(), filed_at=clock.utc_naive(now))
        audit.record(actor.id, "cancellation.file", "cancellation", row.id, None, snapshot(row))
        daily.recompute_day(employee.id, work_date, now)  # flags the day as pending
    return row


def decide(actor: Actor, cancellation_id: int, approve: bool, reason: str, today: date,
           now: datetime) -> Cancellation:
    row = fetch(Cancellation, cancellation_id, "NOT_FOUND")
    # the head of the OPD, never the supervisor who filed it (a head may also be a supervisor)
    duties.require("cancellation.decide", actor, Employee.get_by_id(row.employee_id),
                   filed_by=[row.supervisor_id], denied_text="NOT_HEAD_OF_OPD",
                   opd_id=row.opd_id)
    if row.status != "pending":
        raise ApiError("REQUEST_NOT_PENDING", 409)
    if not approve and not reason.strip():
        raise ApiError("REASON_REQUIRED", 400)
    status = "approved" if approve else "rejected"
    stored = None
    try:
        with write_transaction():
            closing.require_not_closed(row.employee_id, [row.work_date])
            before = day_snapshot(row.employee_id, row.work_date)
            changes = {"status": status, "decided_by": actor.id,
                       "decided_at": clock.utc_naive(now), "decision_reason": reason.strip()}
            if approve:
                pdf = cancellation_letter(letter_data(row, actor.id, daily.pemda_today()))
                stored = storage.save(pdf, "letter", row.employee_id, actor.id)
                changes["letter"] = stored.id
            updated = (Cancellation.update(**changes)
                       .where(Cancellation.id == row.id, Cancellation.status == "pending")
                       .execute())
            if not updated:
                raise ApiError("REQUEST_NOT_PENDING", 409)
            daily.recompute_day(row.employee_id, row.work_date, now)
            audit.record(actor.id, f"cancellation.{'approve' if approve else 'reject'}",
                         "cancellation", row.id, {"status": "pending", "day": before},
                         {"status": status, "reason": reason.strip(),
                          "day": day_snapshot(row.employee_id, row.work_date)},
                         evidence_ref(stored) if stored else "")
    except Exception:
        storage.discard(stored)
        raise
    return Cancellation.get_by_id(row.id)


def letter_data(row: Cancellation, head_id: int, signed_on: date) -> LetterData:
    people = {e.id: e for e in Employee.select().where(Employee.id.in_(
        [row.employee_id, row.supervisor_id, row.witness_1_id, row.witness_2_id, head_id]))}
    return LetterData(
        opd=Opd.get_by_id(row.opd_id), employee=people[row.employee_id],
        supervisor=people[row.supervisor_id], head=people[head_id],
        witnesses=(people[row.witness_1_id], people[row.witness_2_id]),
        work_date=row.work_date,
        statement_date=clock.local(clock.from_db(row.filed_at), current_app.config["PEMDA_TZ"]
                                   ).date(),
        signed_on=signed_on, number=row.letter_number, statement=row.statement)


def readable(actor: Actor, cancellation_id: int) -> Cancellation:
    row = fetch(Cancellation, cancellation_id, "NOT_FOUND")
    scope.readable_employee(actor, row.employee_id)
    return row


def letter(actor: Actor, row: Cancellation) -> bytes:
    scope.require_evidence(actor, row.employee_id)
    if row.letter_id is None:
        raise ApiError("LETTER_NOT_READY", 409)
    return storage.read_audited(actor.id, StoredFile.get_by_id(row.letter_id), row.employee_id)


def cancellations_query(actor: Actor, args: dict):
    query = (Cancellation.select(Cancellation, Employee).join(
        Employee, on=(Cancellation.employee == Employee.id))
        .where(scope.record_filter(actor, Cancellation)))
    for name, column in (("employee", Cancellation.employee), ("opd", Cancellation.opd),
                         ("status", Cancellation.status)):
        if args.get(name) is not None:
            query = query.where(column == args[name])
    if args.get("date_from") is not None:
        query = query.where(Cancellation.work_date >= args["date_from"])
    if args.get("date_to") is not None:
        query = query.where(Cancellation.work_date <= args["date_to"])
    return query


def cancellation_dict(row: Cancellation) -> dict:
    return {
        "id": row.id, "employee": person(row.employee), "work_date": row.work_date,
        "opd_id": row.opd_id, "supervisor_id": row.supervisor_id,
        "witness_ids": [row.witness_1_id, row.witness_2_id], "statement": row.statement,
        "letter_number": row.letter_number, "status": row.status,
        "filed_at": iso_z(row.filed_at), "decided_by": row.decided_by,
        "decided_at": iso_z(row.decided_at), "decision_reason": row.decision_reason,
        "letter_url": f"/api/v1/cancellations/{row.id}/letter" if row.letter_id else None,
    }
