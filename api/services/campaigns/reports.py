"""Whereabouts reports: a GPS fix (and a selfie, when the campaign asks) inside one of the
campaign's windows in the employee's own office time. The account, device, liveness
challenge, face and replay are checked as for a check-in; the first report of a window
counts and a second one is answered with it. Nothing here touches attendance."""
from __future__ import annotations

import hashlib
from datetime import datetime

from peewee import IntegrityError

from api import clock
from api.db import write_transaction
from api.errors import ApiError
from api.formats import iso_z
from api.messages import message
from api.models import Campaign, CampaignReport, Employee
from api.rules.campaigns import inside_zone, status, window_at, window_bounds
from api.services import checkin, storage
from api.services.schedules import employee_tz

from .book import campaign_dict, rules_of


def report_dict(row: CampaignReport, duplicate: bool = False, tz: str | None = None) -> dict:
    """The report as answers show it, its time in the employee's office zone (`tz`, looked up
    when not given)."""
    tz = tz or employee_tz(row.employee_id)
    local = clock.local(clock.from_db(row.reported_at), tz)
    text = (message("REPORT_ALREADY_SENT") if duplicate else message("REPORT_RECORDED")).format(
        time=f"{local:%H.%M}", zone=checkin.ZONE_NAMES.get(tz, tz))
    if not row.inside_zone:
        text += " " + message("REPORT_OUTSIDE_ZONE")
    return {"id": row.id, "campaign_id": row.campaign_id, "employee_id": row.employee_id,
            "work_date": row.work_date, "window": row.window,
            "reported_at": iso_z(row.reported_at), "lat": row.lat, "lon": row.lon,
            "inside_zone": row.inside_zone, "similarity": row.similarity,
            "duplicate": duplicate, "message": text}


def mine(employee: Employee, now: datetime) -> list[dict]:
    """The campaigns running today for this employee: today's windows in their office time,
    each with its state and report, and the reports sent so far."""
    tz = employee_tz(employee.id)
    today = clock.local(now, tz).date()
    out = []
    for row in Campaign.select().where(Campaign.date_from <= today, Campaign.date_to >= today):
        rules = rules_of(row)
        if not rules.targets(employee.opd_id, employee.employment_type):
            continue
        sent = {(r.work_date, r.window): r for r in CampaignReport.select().where(
            CampaignReport.campaign == row.id, CampaignReport.employee == employee.id)}
        windows = []
        for index, window in enumerate(rules.windows):
            starts, ends = window_bounds(today, window, tz)
            report = sent.get((today, index))
            windows.append({"index": index, "label": window.label,
                            "starts_at": starts.isoformat(), "ends_at": ends.isoformat(),
                            "status": status(report is not None, False, today, window, tz, now),
                            "report": report_dict(report, tz=tz) if report else None})
        history = [report_dict(r, tz=tz) for r in
                   sorted(sent.values(), key=lambda r: r.reported_at, reverse=True)]
        out.append({"campaign": campaign_dict(row), "today": windows, "history": history})
    return out


def submit(employee: Employee, must_change_password: bool, campaign: Campaign,
           req: checkin.CheckinRequest, now: datetime) -> tuple[dict, bool]:
    """(answer, replayed): a retry with the same key, or a second report in the same window,
    gets the first report back."""
    previous = CampaignReport.get_or_none(CampaignReport.employee == employee.id,
                                          CampaignReport.idempotency_key == req.idempotency_key)
    if previous is not None:
        return report_dict(previous), True
    rules = rules_of(campaign)
    tz = employee_tz(employee.id)
    found = window_at(rules.windows, now, tz)
    if found is None or not rules.covers(found[0]):
        raise ApiError("REPORT_OUTSIDE_WINDOW", 409, details={
            "windows": [w.label for w in rules.windows],
            "dates": [rules.date_from.isoformat(), rules.date_to.isoformat()]})
    day, window = found
    if not rules.targets(employee.opd_id, employee.employment_type):
        raise ApiError("CAMPAIGN_NOT_TARGETED", 403)
    first = CampaignReport.get_or_none(CampaignReport.campaign == campaign.id,
                                       CampaignReport.employee == employee.id,
                                       CampaignReport.work_date == day,
                                       CampaignReport.window == window)
    if first is not None:
        return report_dict(first, duplicate=True, tz=tz), True
    digest = hashlib.sha256(req.selfie).hexdigest() if req.selfie else ""
    attempt = checkin.evaluate_presence(employee, must_change_password, req, now, digest,
                                        rules.selfie_required)
    if digest and CampaignReport.select().where(CampaignReport.employee == employee.id,
                                                CampaignReport.selfie_sha256 == digest).exists():
        attempt.reject("REPLAY_SUSPECTED")
    if attempt.rejected:
        raise ApiError("REPORT_REFUSED", 422, details={"codes": attempt.refusals},
                       message_text=" ".join(message(c) for c in attempt.refusals))
    selfie = None
    try:
        with write_transaction():
            if rules.selfie_required:
                selfie = storage.save(req.selfie, "selfie", employee.id, employee.id,
                                      checkin.retention_date(now))
            if attempt.bind_device:
                checkin.devices.bind_first_use(employee, req.device_id)
            row = CampaignReport.create(
                campaign=campaign, employee=employee, opd=employee.opd_id, work_date=day,
                window=window, reported_at=clock.utc_naive(now), lat=req.lat, lon=req.lon,
                accuracy_m=req.accuracy_m, inside_zone=inside_zone(rules.zone, req.lat, req.lon),
                selfie=selfie, selfie_sha256=digest, similarity=attempt.similarity,
                liveness=attempt.liveness, device_uid=req.device_id,
                idempotency_key=req.idempotency_key)
    except IntegrityError:  # a concurrent report of the same window, or the same key
        storage.discard(selfie)
        row = (CampaignReport.get_or_none(CampaignReport.employee == employee.id,
                                          CampaignReport.idempotency_key == req.idempotency_key)
               or CampaignReport.get(CampaignReport.campaign == campaign.id,
                                     CampaignReport.employee == employee.id,
                                     CampaignReport.work_date == day,
                                     CampaignReport.window == window))
        return report_dict(row, duplicate=row.idempotency_key != req.idempotency_key), True
    except Exception:
        storage.discard(selfie)
        raise
    return report_dict(row, tz=tz), False
