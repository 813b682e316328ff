"""An employee's inbox: what others decided or changed about their own records — check-ins a
supervisor approved or rejected, absence and device requests decided, approved cancellations,
operators' corrections and manual entries — newest first, with who and why."""
from __future__ import annotations

import json
from collections.abc import Iterable

from api.formats import indonesian_date, iso_z
from api.models import (
    AbsenceRequest,
    AuditEntry,
    Cancellation,
    CheckinEvent,
    Correction,
    DeviceBinding,
    Employee,
    ManualEntry,
)
from api.rules.codes import label

from .items import why_pending

WHAT = {"in": "masuk", "out": "pulang"}


def _checkins(employee_id: int, limit: int) -> Iterable[dict]:
    rows = (CheckinEvent.select().where(CheckinEvent.employee == employee_id,
                                        CheckinEvent.approval.in_(("approved", "rejected")))
            .order_by(CheckinEvent.decided_at.desc()).limit(limit))
    for row in rows:
        yield {"kind": "checkin", "ref_id": row.id, "status": row.approval,
               "title": f"Presensi {WHAT[row.kind]} {why_pending(row)}, "
                        f"{indonesian_date(row.work_date)}",
               "reason": row.decision_reason, "by": row.decided_by, "at": row.decided_at}


def _absences(employee_id: int, limit: int) -> Iterable[dict]:
    rows = (AbsenceRequest.select().where(AbsenceRequest.employee == employee_id,
                                          AbsenceRequest.decided_at.is_null(False),
                                          AbsenceRequest.decided_by != employee_id)
            .order_by(AbsenceRequest.decided_at.desc()).limit(limit))
    for row in rows:
        yield {"kind": "absence", "ref_id": row.id, "status": row.status,
               "title": f"{label(row.code)} mulai {indonesian_date(row.date_from)}",
               "reason": row.decision_reason, "by": row.decided_by, "at": row.decided_at}


def _devices(employee_id: int, limit: int) -> Iterable[dict]:
    rows = (DeviceBinding.select().where(DeviceBinding.employee == employee_id,
                                         DeviceBinding.decided_at.is_null(False))
            .order_by(DeviceBinding.decided_at.desc()).limit(limit))
    statuses = {"active": "approved", "rejected": "rejected", "revoked": "revoked"}
    for row in rows:
        yield {"kind": "device", "ref_id": row.id, "status": statuses.get(row.status, row.status),
               "title": "Permintaan ganti perangkat" if row.status != "revoked"
               else "Perangkat dicabut", "reason": row.decision_reason, "by": row.decided_by,
               "at": row.decided_at}


def _cancellations(employee_id: int, limit: int) -> Iterable[dict]:
    rows = (Cancellation.select().where(Cancellation.employee == employee_id,
                                        Cancellation.status == "approved")
            .order_by(Cancellation.decided_at.desc()).limit(limit))
    for row in rows:
        yield {"kind": "cancellation", "ref_id": row.id, "status": "approved",
               "title": f"Kehadiran {indonesian_date(row.work_date)} dibatalkan (menjadi TK)",
               "reason": row.statement, "by": row.decided_by, "at": row.decided_at}


def _corrections(employee_id: int, limit: int) -> Iterable[dict]:
    rows = (Correction.select().where(Correction.employee == employee_id)
            .order_by(Correction.created_at.desc()).limit(limit))
    for row in rows:
        change = f": {row.code}" if row.code else ""
        yield {"kind": "correction", "ref_id": row.id, "status": "info",
               "title": f"Data presensi {indonesian_date(row.work_date)} dikoreksi{change}",
               "reason": row.reason, "by": row.created_by, "at": row.created_at}


def _manual_entries(employee_id: int, limit: int) -> Iterable[dict]:
    rows = (ManualEntry.select().where(ManualEntry.employee == employee_id)
            .order_by(ManualEntry.entered_at.desc()).limit(limit))
    for row in rows:
        code = f": {row.code}" if row.code else ""
        yield {"kind": "manual", "ref_id": row.id, "status": "info",
               "title": f"Presensi manual {indonesian_date(row.work_date)} dicatat{code}",
               "reason": row.remarks, "by": row.entered_by, "at": row.entered_at}


# what others did to my account, as the audit log has it (before/after are kept there)
ACCOUNT_EVENTS = {
    "password.reset": ("info", "Kata sandi Anda direset; semua sesi lama berakhir"),
    "account.unlock": ("info", "Kunci akun Anda dibuka; kata sandi tetap"),
    "face.enrol": ("info", "Wajah Anda didaftarkan"),
    "face.reenrol.request": ("pending", "Wajah Anda didaftarkan ulang, menunggu persetujuan"),
    "face.reenrol.approve": ("approved", "Pendaftaran ulang wajah Anda disetujui"),
    "face.reenrol.reject": ("rejected", "Pendaftaran ulang wajah Anda ditolak"),
    "role.grant": ("info", "Peran baru diberikan kepada Anda"),
    "role.revoke": ("info", "Peran Anda dicabut"),
    "employee.locations": ("info", "Lokasi presensi Anda diubah"),
    "employee.update": ("info", "Data kepegawaian Anda diubah"),
}


def _account(employee_id: int, limit: int) -> Iterable[dict]:
    rows = (AuditEntry.select().where(
        AuditEntry.entity.in_(("account", "employee")), AuditEntry.entity_id == str(employee_id),
        AuditEntry.action.in_(list(ACCOUNT_EVENTS)),
        AuditEntry.actor != employee_id)  # someone else (a null actor is the system's setup)
        .order_by(AuditEntry.id.desc()).limit(limit))
    for row in rows:
        status, title = ACCOUNT_EVENTS[row.action]
        reason = json.loads(row.after).get("reason", "") if row.after.startswith("{") else ""
        yield {"kind": "account", "ref_id": row.id, "status": status, "title": title,
               "reason": reason, "by": row.actor, "at": row.at}


SOURCES = (_checkins, _absences, _devices, _cancellations, _corrections, _manual_entries,
           _account)


def inbox(employee_id: int, limit: int = 50) -> list[dict]:
    items = [item for source in SOURCES for item in source(employee_id, limit)]
    items.sort(key=lambda item: item["at"], reverse=True)
    items = items[:limit]
    names = dict(Employee.select(Employee.id, Employee.name).where(
        Employee.id.in_({item["by"] for item in items if item["by"]})).tuples())
    for item in items:
        item["by"] = names.get(item["by"])
        item["at"] = iso_z(item["at"])
    return items
