"""One approvals queue (SPEC §7 Persetujuan): what waits for the caller's decision, with what
an approver needs to decide, and one dispatcher for the decisions."""
from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from peewee import JOIN, fn

from api import clock
from api.errors import ApiError
from api.formats import iso_z
from api.models import (
    AbsenceRequest,
    CampaignExcuse,
    Cancellation,
    CheckinEvent,
    DeviceBinding,
    Employee,
    FaceTemplate,
    Location,
    Opd,
    RoleGrant,
)
from api.services import campaigns, checkin
from api.services.accounts import Actor
from api.services.changes import absences, cancellations
from api.services.org import fetch

from . import items

KINDS = ("checkin", "absence", "device", "cancellation", "face", "campaign_excuse")


@dataclass(frozen=True)
class Source:
    """One kind of pending item: its query for an actor, its time column and its details."""

    kind: str
    query: Callable[[Actor], object | None]
    column: object  # when it was submitted
    item: Callable[[object], dict]

    def submitted(self, row) -> datetime:
        return getattr(row, self.column.name)


def _with_employee(model, *extra):
    return (model.select(model, Employee, Opd, *extra)
            .join(Employee, on=(model.employee == Employee.id)).join(Opd))


def _supervised(actor: Actor, *roles: str):
    condition = Employee.supervisor == actor.id
    opds = actor.opds_for(*roles)
    if opds:
        condition |= Employee.opd.in_(list(opds))
    return condition & (Employee.id != actor.id)


def _checkins(actor: Actor):
    if not actor.has("atasan", "kepala_opd"):
        return None
    return (_with_employee(CheckinEvent, Location)
            .switch(CheckinEvent).join(Location, JOIN.LEFT_OUTER)
            .where(CheckinEvent.approval == "pending", _supervised(actor, "kepala_opd")))


def _absences(actor: Actor):
    if not actor.has("atasan", "kepala_opd", "operator"):
        return None
    return _with_employee(AbsenceRequest).where(AbsenceRequest.status == "pending",
                                                _supervised(actor, "kepala_opd", "operator"),
                                                AbsenceRequest.submitted_by != actor.id)


def _devices(actor: Actor):
    if not actor.has("admin"):
        return None
    return _with_employee(DeviceBinding).where(DeviceBinding.status == "pending",
                                               Employee.id != actor.id)


def _cancellations(actor: Actor):
    """The head decides; what a head filed as direct supervisor goes to an admin instead."""
    opds = actor.opds_for("kepala_opd")
    mine = Cancellation.opd.in_(list(opds)) if opds else None
    if actor.has("admin"):
        head_filed = RoleGrant.select().where(RoleGrant.employee == Cancellation.supervisor,
                                              RoleGrant.role == "kepala_opd",
                                              RoleGrant.opd == Cancellation.opd)
        mine = fn.EXISTS(head_filed) if mine is None else (mine | fn.EXISTS(head_filed))
    if mine is None:
        return None
    return _with_employee(Cancellation).where(Cancellation.status == "pending", mine,
                                              Employee.id != actor.id,
                                              Cancellation.supervisor != actor.id)


def _faces(actor: Actor):
    """Re-enrolments: heads of the OPD and admins, never the one who enrolled."""
    opds = actor.opds_for("kepala_opd")
    if not (opds or actor.has("admin")):
        return None
    query = _with_employee(FaceTemplate).where(FaceTemplate.approval == "pending",
                                               Employee.id != actor.id,
                                               FaceTemplate.enrolled_by != actor.id)
    return query if actor.has("admin") else query.where(Employee.opd.in_(list(opds)))


def _campaign_excuses(actor: Actor):
    """Why a campaign window was not reported: the direct supervisor or the head decides."""
    if not actor.has("atasan", "kepala_opd"):
        return None
    return _with_employee(CampaignExcuse).where(CampaignExcuse.status == "pending",
                                                _supervised(actor, "kepala_opd"))


SOURCES = (
    Source("checkin", _checkins, CheckinEvent.recorded_at, items.checkin_item),
    Source("absence", _absences, AbsenceRequest.submitted_at, items.absence_item),
    Source("device", _devices, DeviceBinding.requested_at, items.device_item),
    Source("cancellation", _cancellations, Cancellation.filed_at, items.cancellation_item),
    Source("face", _faces, FaceTemplate.enrolled_at, items.face_item),
    Source("campaign_excuse", _campaign_excuses, CampaignExcuse.submitted_at,
           items.campaign_excuse_item),
)
def pending(actor: Actor, kind: str | None, opd: int | None, limit: int,
            offset: int) -> tuple[int, list[dict]]:
    """(total, one page of items) oldest first, in the caller's scope."""
    total, streams = 0, []
    for source in SOURCES:
        if kind not in (None, source.kind):
            continue
        query = source.query(actor)
        if query is None:
            continue
        if opd is not None:
            query = query.where(Employee.opd == opd)
        total += query.count()
        rows = query.order_by(source.column, source.column.model.id).limit(offset + limit)
        streams.append([(clock.from_db(source.submitted(r)), source.kind, r.id, r, source)
                        for r in rows])
    merged = list(heapq.merge(*streams, key=lambda t: (t[0], t[1], t[2])))[offset:offset + limit]
    return total, [_item(row, source) for _, _, _, row, source in merged]


def _item(row, source: Source) -> dict:
    return {"kind": source.kind, "id": row.id, "employee": items.employee(row),
            "submitted_at": iso_z(source.submitted(row)),
            "summary": items.SUMMARIES[source.kind](row), **source.item(row)}


def decide(actor: Actor, kind: str, item_id: int, approve: bool, reason: str, today: date,
           now: datetime) -> dict:
    """Dispatch a decision to the service that owns the item."""
    if kind == "checkin":
        event = checkin.review.decide(actor, item_id, approve, reason, now)
        return _decision(kind, item_id, event.approval, event.decided_at)
    if kind == "absence":
        row = absences.decide(actor, item_id, approve, reason, today, now)
        return _decision(kind, item_id, row.status, row.decided_at)
    if kind == "cancellation":
        row = cancellations.decide(actor, item_id, approve, reason, today, now)
        return _decision(kind, item_id, row.status, row.decided_at)
    if kind == "face":
        row = checkin.enrolment.decide(actor, item_id, approve, reason, now)
        return _decision(kind, item_id, row.approval, row.decided_at)
    if kind == "device":
        binding = checkin.devices.decide(actor, fetch(DeviceBinding, item_id, "NOT_FOUND"),
                                         approve, reason)
        return _decision(kind, item_id, "approved" if binding.status == "active" else "rejected",
                         binding.decided_at)
    if kind == "campaign_excuse":
        row = campaigns.excuses.decide(actor, fetch(CampaignExcuse, item_id, "NOT_FOUND"),
                                       approve, reason, now)
        return _decision(kind, item_id, row.status, row.decided_at)
    raise ApiError("UNKNOWN_APPROVAL_KIND", 404)


def _decision(kind: str, item_id: int, status: str, decided_at) -> dict:
    return {"kind": kind, "id": item_id, "status": status, "decided_at": iso_z(decided_at)}
