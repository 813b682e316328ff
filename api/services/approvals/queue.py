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
from api.formats import indonesian_date, iso_z
from api.models import (
    AbsenceRequest,
    CampaignExcuse,
    Cancellation,
    CheckinEvent,
    DailyRecord,
    DeviceBinding,
    Employee,
    EmployeeLocation,
    FaceTemplate,
    Location,
    Opd,
    RoleGrant,
)
from api.rules.codes import label
from api.services import campaigns, checkin
from api.services.accounts import Actor
from api.services.changes import absences, cancellations
from api.services.org import fetch

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


def _campaign_excuse_item(row: CampaignExcuse) -> dict:
    detail = campaigns.excuses.excuse_dict(row)
    return {"campaign_excuse": {key: detail[key] for key in (
        "campaign_name", "work_date", "window_label", "reason", "document_url")}}


def _face_item(row: FaceTemplate) -> dict:
    from face_engine import Template

    def photos(template: FaceTemplate | None) -> list[str]:
        return [] if template is None else [
            f"/api/v1/employees/{row.employee_id}/face/photos/{file_id}"
            for file_id in checkin.enrolment.photo_ids(template)]

    current = (FaceTemplate.select().where(FaceTemplate.employee == row.employee_id,
                                           FaceTemplate.active).first())
    new = Template.from_bytes(bytes(row.data)).embeddings
    similarity = None if current is None else round(float((
        new @ Template.from_bytes(bytes(current.data)).embeddings.T).max()), 4)
    enroller = Employee.get_or_none(Employee.id == row.enrolled_by)
    return {"face": {"template_id": row.id, "photo_count": row.photo_count,
                     "photos": photos(row), "current_photos": photos(current),
                     "similarity_to_current": similarity,
                     "enrolled_by": enroller.name if enroller else None}}


def _employee(row) -> dict:
    employee = row.employee
    return {"id": employee.id, "name": employee.name, "nip": employee.nip,
            "jabatan": employee.jabatan,
            "opd": {"id": employee.opd.id, "name": employee.opd.name}}


def _geofence(event: CheckinEvent) -> dict | None:
    location = event.location if event.location_id else None
    if location is None:
        location = (Location.select().join(EmployeeLocation)
                    .where(EmployeeLocation.employee == event.employee_id)
                    .order_by(EmployeeLocation.primary.desc(), EmployeeLocation.id).first())
    if location is None:
        return None
    return {"location_id": location.id, "name": location.name, "lat": location.lat,
            "lon": location.lon, "radius_m": location.radius_m}


def _checkin_item(event: CheckinEvent) -> dict:
    return {"checkin": {
        "kind": event.kind, "work_date": event.work_date, "recorded_at": iso_z(event.recorded_at),
        "selfie_url": (f"/api/v1/attendance/checkins/{event.id}/selfie"
                       if event.selfie_id else None),
        "lat": event.lat, "lon": event.lon, "accuracy_m": event.accuracy_m,
        "is_mock": event.is_mock, "distance_m": event.distance_m, "geofence": _geofence(event),
        "note": event.note, "purpose": event.purpose, "similarity": event.similarity,
        "liveness": event.liveness, "codes": [c for c in event.codes.split(",") if c],
        # an offline capture: when the device says it was taken, beside when it arrived
        "offline": event.offline,
        "captured_at": iso_z(event.client_time) if event.offline else None,
        # the liveness step: a SPOOF_REVIEW capture is judged on these
        **checkin.review.liveness_dict(event),
        "frame_urls": [f"/api/v1/attendance/checkins/{event.id}/frames/{n}"
                       for n in range(1, len(checkin.review.frame_ids(event)) + 1)]}}


def _absence_item(row: AbsenceRequest) -> dict:
    return {"absence": {
        "code": row.code, "code_label": label(row.code), "date_from": row.date_from,
        "date_to": row.date_to, "workdays": row.workdays, "reason": row.reason,
        "document_url": absences.document_url(row), "submitted_by": row.submitted_by}}


def _device_item(binding: DeviceBinding) -> dict:
    current = [b.device.uid for b in DeviceBinding.select().where(
        DeviceBinding.employee == binding.employee_id, DeviceBinding.status == "active")]
    return {"device": {"device_uid": binding.device.uid, "note": binding.note,
                       "current_devices": current}}


def _cancellation_item(row: Cancellation) -> dict:
    people = {e.id: e for e in Employee.select().where(Employee.id.in_(
        [row.supervisor_id, row.witness_1_id, row.witness_2_id]))}
    record = DailyRecord.get_or_none(DailyRecord.employee == row.employee_id,
                                     DailyRecord.work_date == row.work_date)

    def brief(employee_id: int) -> dict:
        e = people[employee_id]
        return {"id": e.id, "name": e.name, "nip": e.nip, "jabatan": e.jabatan}

    return {"cancellation": {
        "work_date": row.work_date, "statement": row.statement,
        "supervisor": brief(row.supervisor_id),
        "witnesses": [brief(row.witness_1_id), brief(row.witness_2_id)],
        "day": None if record is None else {
            "status": record.status, "label": record.label,
            "check_in_at": iso_z(record.check_in_at),
            "check_out_at": iso_z(record.check_out_at)}}}


SOURCES = (
    Source("checkin", _checkins, CheckinEvent.recorded_at, _checkin_item),
    Source("absence", _absences, AbsenceRequest.submitted_at, _absence_item),
    Source("device", _devices, DeviceBinding.requested_at, _device_item),
    Source("cancellation", _cancellations, Cancellation.filed_at, _cancellation_item),
    Source("face", _faces, FaceTemplate.enrolled_at, _face_item),
    Source("campaign_excuse", _campaign_excuses, CampaignExcuse.submitted_at,
           _campaign_excuse_item),
)
def why_pending(event: CheckinEvent) -> str:
    """Why a check-in waits (or waited) for a supervisor, in words: "tanpa sinyal dan di luar
    kantor", "dengan keaslian wajah yang perlu diperiksa" …"""
    codes = set(event.codes.split(","))
    parts = [text for flag, text in (
        (event.offline, "tanpa sinyal"), (event.out_of_office, "di luar kantor"),
        ("IMPOSSIBLE_JUMP" in codes, "dengan perpindahan lokasi tidak wajar"),
        ("SPOOF_REVIEW" in codes, "dengan keaslian wajah yang perlu diperiksa")) if flag]
    return " dan ".join(parts) or "yang menunggu persetujuan"


SUMMARIES = {
    "checkin": lambda r: (f"Presensi {'masuk' if r.kind == 'in' else 'pulang'} "
                          f"{why_pending(r)}, {indonesian_date(r.work_date)}"),
    "absence": lambda r: f"{label(r.code)}, {r.workdays} hari kerja mulai "
                         f"{indonesian_date(r.date_from)}",
    "device": lambda r: "Permintaan ganti perangkat",
    "cancellation": lambda r: f"Pembatalan kehadiran {indonesian_date(r.work_date)}",
    "face": lambda r: f"Pendaftaran ulang wajah ({r.photo_count} foto)",
    "campaign_excuse": lambda r: (f"Alasan tidak melapor keberadaan, "
                                  f"{indonesian_date(r.work_date)} "
                                  f"({campaigns.excuses.window_label(r)})"),
}


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
    return {"kind": source.kind, "id": row.id, "employee": _employee(row),
            "submitted_at": iso_z(source.submitted(row)),
            "summary": SUMMARIES[source.kind](row), **source.item(row)}


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
