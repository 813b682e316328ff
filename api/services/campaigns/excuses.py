"""Excuses for a missed window: the employee gives a reason and a document (for one window,
or the whole day), and the direct supervisor (or the head of the OPD) decides. An approved
absence covering the date excuses it without asking (compliance.py)."""
from __future__ import annotations

from datetime import date, datetime

from api import clock
from api.db import write_transaction
from api.errors import ApiError
from api.formats import iso_z
from api.models import Campaign, CampaignExcuse, Employee
from api.services import audit, storage
from api.services.accounts import Actor, duties

from .book import rules_of


def document(actor: Actor, row: CampaignExcuse) -> tuple[bytes, str]:
    """The supporting document, for the employee, those who decide and admins (audited)."""
    return storage.evidence_of(actor, row.document_id, row.employee_id)


def window_label(row: CampaignExcuse) -> str:
    if row.window is None:
        return "sepanjang hari"
    windows = rules_of(row.campaign).windows
    return windows[row.window].label if row.window < len(windows) else str(row.window)


def excuse_dict(row: CampaignExcuse) -> dict:
    return {"id": row.id, "campaign_id": row.campaign_id,
            "employee": {"id": row.employee_id, "name": row.employee.name,
                         "nip": row.employee.nip, "opd_id": row.opd_id},
            "work_date": row.work_date, "window": row.window,
            "window_label": window_label(row), "campaign_name": row.campaign.name,
            "reason": row.reason, "document_id": row.document_id,
            "document_url": f"/api/v1/campaign-excuses/{row.id}/document", "status": row.status,
            "submitted_at": iso_z(row.submitted_at), "decided_by": row.decided_by,
            "decided_at": iso_z(row.decided_at), "decision_reason": row.decision_reason}


def create(employee: Employee, campaign: Campaign, work_date: date, window: int | None,
           reason: str, document: bytes, today: date) -> CampaignExcuse:
    rules = rules_of(campaign)
    problems = {}
    if not rules.covers(work_date):
        problems["work_date"] = ["Tanggal di luar masa kampanye."]
    elif work_date > today:
        problems["work_date"] = ["Alasan diajukan untuk jendela yang sudah lewat atau hari ini."]
    if window is not None and not 0 <= window < len(rules.windows):
        problems["window"] = [f"Jendela tidak dikenal (0–{len(rules.windows) - 1})."]
    if problems:
        raise ApiError("VALIDATION_ERROR", 422, details=problems)
    if not rules.targets(employee.opd_id, employee.employment_type):
        raise ApiError("CAMPAIGN_NOT_TARGETED", 403)
    stored = None
    try:
        with write_transaction():
            stored = storage.save(document, "document", employee.id, employee.id)
            row = CampaignExcuse.create(campaign=campaign, employee=employee,
                                        opd=employee.opd_id, work_date=work_date,
                                        window=window, reason=reason, document=stored)
            audit.record(employee.id, "campaign.excuse.create", "campaign_excuse", row.id,
                         None, excuse_dict(row))
    except Exception:
        storage.discard(stored)
        raise
    return row


def decide(actor: Actor, row: CampaignExcuse, approve: bool, reason: str,
           now: datetime) -> CampaignExcuse:
    duties.require("campaign_excuse.decide", actor, row.employee)
    if row.status != "pending":
        raise ApiError("REQUEST_NOT_PENDING", 409, details={"status": row.status})
    if not approve and not reason.strip():
        raise ApiError("VALIDATION_ERROR", 422, details={"reason": ["Alasan penolakan wajib "
                                                                    "diisi."]})
    with write_transaction():
        before = excuse_dict(row)
        row.status = "approved" if approve else "rejected"
        row.decided_by, row.decided_at = actor.id, clock.utc_naive(now)
        row.decision_reason = reason.strip()
        row.save()
        audit.record(actor.id, f"campaign.excuse.{row.status}", "campaign_excuse", row.id,
                     before, excuse_dict(row))
    return row
