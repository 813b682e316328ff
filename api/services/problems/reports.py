"""Reports of system problems: an OPD's operator files one (Perbup Pasal 6 ayat 2 huruf d), the
administrator follows it up with a status and an answer (Pasal 5 ayat 2 huruf d)."""
from __future__ import annotations

from datetime import datetime

from api import clock
from api.db import write_transaction
from api.errors import ApiError
from api.formats import iso_z
from api.models import Employee, ProblemReport, StoredFile
from api.services import audit, storage
from api.services.accounts import Actor, scope
from api.services.changes import person

CATEGORIES = ("aplikasi", "wajah", "lokasi", "perangkat", "server", "lainnya")
STATUSES = ("open", "in_progress", "resolved")


def file(actor: Actor, data: dict, attachment: bytes | None, now: datetime) -> ProblemReport:
    """A new report of the operator's OPD (the affected employee, if named, of that OPD)."""
    scope.require_manage_opd(actor, data["opd_id"])
    employee_id = data.get("employee_id")
    if employee_id is not None:
        affected = Employee.get_or_none(Employee.id == employee_id)
        if affected is None or affected.opd_id != data["opd_id"]:
            raise ApiError("INVALID_REFERENCE", 400, details={
                "employee_id": ["Pegawai tidak ditemukan di OPD ini."]})
    stored = None
    try:
        with write_transaction():
            if attachment is not None:
                stored = storage.save(attachment, "problem", employee_id, actor.id)
            row = ProblemReport.create(
                opd=data["opd_id"], filed_by=actor.id, filed_at=clock.utc_naive(now),
                updated_at=clock.utc_naive(now), category=data["category"],
                title=data["title"].strip(), description=data["description"].strip(),
                employee=employee_id, attachment=stored)
            audit.record(actor.id, "problem.report", "problem_report", row.id, None,
                         {"opd": row.opd_id, "category": row.category, "title": row.title,
                          "employee": employee_id,
                          "attachment": storage.evidence_ref(stored) if stored else None})
    except Exception:
        storage.discard(stored)
        raise
    return row


def follow_up(actor: Actor, row: ProblemReport, status: str, response: str,
              now: datetime) -> ProblemReport:
    """The administrator's status and answer; a report is resolved only with an answer."""
    if not actor.has("admin"):
        raise ApiError("FORBIDDEN", 403)
    if status == "resolved" and not response.strip():
        raise ApiError("VALIDATION_ERROR", 422, details={
            "response": ["Tulis tindak lanjutnya sebelum menyatakan selesai."]})
    with write_transaction():
        before = {"status": row.status, "response": row.response}
        row.status, row.response = status, response.strip()
        row.handled_by, row.updated_at = actor.id, clock.utc_naive(now)
        row.save()
        audit.record(actor.id, "problem.status", "problem_report", row.id, before,
                     {"status": status, "response": row.response})
    return row


def visible(actor: Actor):
    """The reports the actor may read: an admin all, an operator those of their OPDs."""
    query = ProblemReport.select().order_by(ProblemReport.filed_at.desc(), ProblemReport.id.desc())
    opds = scope.managed_opds(actor)
    if opds is None:
        return query
    return query.where(ProblemReport.opd.in_(list(opds)))


def readable(actor: Actor, report_id: int) -> ProblemReport:
    row = visible(actor).where(ProblemReport.id == report_id).first()
    if row is None:
        raise ApiError("NOT_FOUND", 404)
    return row


def attachment(actor: Actor, row: ProblemReport) -> tuple[bytes, str]:
    if row.attachment_id is None:
        raise ApiError("NOT_FOUND", 404)
    stored = StoredFile.get_by_id(row.attachment_id)
    return storage.read_audited(actor.id, stored, row.employee_id or row.filed_by_id), stored.mime


def report_dict(row: ProblemReport) -> dict:
    people = {e.id: e for e in Employee.select().where(Employee.id.in_(
        [i for i in (row.filed_by_id, row.employee_id, row.handled_by) if i]))}
    return {
        "id": row.id, "opd_id": row.opd_id, "filed_by": person(people[row.filed_by_id]),
        "filed_at": iso_z(row.filed_at), "category": row.category, "title": row.title,
        "description": row.description,
        "employee": person(people[row.employee_id]) if row.employee_id else None,
        "attachment_url": (f"/api/v1/problem-reports/{row.id}/attachment"
                           if row.attachment_id else None),
        "status": row.status, "response": row.response,
        "handled_by": person(people[row.handled_by]) if row.handled_by else None,
        "updated_at": iso_z(row.updated_at)}
