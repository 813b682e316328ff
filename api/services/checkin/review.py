"""Supervisor decisions on out-of-office check-ins, and event listings for review."""
from __future__ import annotations

import json
from datetime import datetime

from api import clock
from api.db import write_transaction
from api.errors import ApiError
from api.formats import iso_z
from api.models import CheckinEvent, Employee
from api.services import audit, closing, daily
from api.services.accounts import Actor, duties
from api.services.accounts.scope import record_filter


def decide(actor: Actor, event_id: int, approve: bool, reason: str, now: datetime) -> CheckinEvent:
    event = CheckinEvent.get_or_none(CheckinEvent.id == event_id)
    if event is None:
        raise ApiError("NOT_FOUND", 404)
    employee = Employee.get_by_id(event.employee_id)
    duties.require("checkin.decide", actor, employee)
    if event.approval != "pending":
        raise ApiError("NOT_PENDING", 409)
    if not approve and not reason.strip():
        raise ApiError("REASON_REQUIRED", 400)
    with write_transaction():
        closing.require_not_closed(employee.id, [event.work_date])
        updated = (CheckinEvent.update(approval="approved" if approve else "rejected",
                                       decided_by=actor.id, decided_at=clock.utc_naive(now),
                                       decision_reason=reason.strip())
                   .where(CheckinEvent.id == event.id, CheckinEvent.approval == "pending")
                   .execute())
        if not updated:  # decided concurrently by someone else
            raise ApiError("NOT_PENDING", 409)
        audit.record(actor.id, "checkin.approve" if approve else "checkin.reject",
                     "checkin_event", event.id, {"approval": "pending"},
                     {"approval": "approved" if approve else "rejected", "reason": reason})
        daily.recompute_day(employee.id, event.work_date, now)
    return CheckinEvent.get_by_id(event.id)


def events_query(actor: Actor, args: dict):
    query = (CheckinEvent.select(CheckinEvent, Employee.name.alias("employee_name"))
             .join(Employee).where(record_filter(actor, _EventScope)))
    if args.get("employee") is not None:
        query = query.where(CheckinEvent.employee == args["employee"])
    if args.get("date_from") is not None:
        query = query.where(CheckinEvent.work_date >= args["date_from"])
    if args.get("date_to") is not None:
        query = query.where(CheckinEvent.work_date <= args["date_to"])
    if args.get("status"):
        query = query.where(CheckinEvent.status == args["status"])
    if args.get("approval"):
        query = query.where(CheckinEvent.approval == args["approval"])
    return query


class _EventScope:
    """record_filter needs `employee` and `opd`: an event's OPD is its employee's."""

    employee = CheckinEvent.employee
    opd = Employee.opd


def event_dict(event: CheckinEvent) -> dict:
    return {
        "id": event.id, "employee_id": event.employee_id,
        "employee_name": getattr(event, "employee_name", None) or event.employee.name,
        "kind": event.kind, "status": event.status,
        "codes": [c for c in event.codes.split(",") if c],
        "recorded_at": clock.from_db(event.recorded_at).isoformat().replace("+00:00", "Z"),
        "work_date": event.work_date, "lat": event.lat, "lon": event.lon,
        "accuracy_m": event.accuracy_m, "is_mock": event.is_mock, "device_uid": event.device_uid,
        "location_id": event.location_id, "distance_m": event.distance_m,
        "out_of_office": event.out_of_office, "similarity": event.similarity,
        "liveness": event.liveness, "has_selfie": event.selfie_id is not None,
        "note": event.note, "purpose": event.purpose, "offline": event.offline,
        "client_time": iso_z(event.client_time), "approval": event.approval,
        "decision_reason": event.decision_reason,
        **liveness_dict(event),
    }


def frame_ids(event: CheckinEvent) -> list[int]:
    return [int(i) for i in event.frames.split(",") if i]


def liveness_dict(event: CheckinEvent) -> dict:
    """What the liveness step used and found, for a reviewer."""
    return {"client": event.client, "liveness_band": event.liveness_band,
            "liveness_path": event.liveness_path,
            "challenge": json.loads(event.challenge_result) if event.challenge_result else None,
            "frame_count": len(frame_ids(event))}
