"""What an approver needs to decide each kind of pending item: the item's details, the
employee, and one line that says what it is."""
from __future__ import annotations

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
)
from api.rules.codes import label
from api.services import campaigns, checkin
from api.services.changes import absences


def campaign_excuse_item(row: CampaignExcuse) -> dict:
    detail = campaigns.excuses.excuse_dict(row)
    return {"campaign_excuse": {key: detail[key] for key in (
        "campaign_name", "work_date", "window_label", "reason", "document_url")}}


def face_item(row: FaceTemplate) -> dict:
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


def employee(row) -> dict:
    employee = row.employee
    return {"id": employee.id, "name": employee.name, "nip": employee.nip,
            "jabatan": employee.jabatan,
            "opd": {"id": employee.opd.id, "name": employee.opd.name}}


def geofence(event: CheckinEvent) -> dict | None:
    location = event.location if event.location_id else None
    if location is None:
        location = (Location.select().join(EmployeeLocation)
                    .where(EmployeeLocation.employee == event.employee_id)
                    .order_by(EmployeeLocation.primary.desc(), EmployeeLocation.id).first())
    if location is None:
        return None
    return {"location_id": location.id, "name": location.name, "lat": location.lat,
            "lon": location.lon, "radius_m": location.radius_m}


def checkin_item(event: CheckinEvent) -> dict:
    return {"checkin": {
        "kind": event.kind, "work_date": event.work_date, "recorded_at": iso_z(event.recorded_at),
        "selfie_url": (f"/api/v1/attendance/checkins/{event.id}/selfie"
                       if event.selfie_id else None),
        "lat": event.lat, "lon": event.lon, "accuracy_m": event.accuracy_m,
        "is_mock": event.is_mock, "distance_m": event.distance_m, "geofence": geofence(event),
        "note": event.note, "purpose": event.purpose, "similarity": event.similarity,
        "liveness": event.liveness, "codes": [c for c in event.codes.split(",") if c],
        # an offline capture: when the device says it was taken, beside when it arrived
        "offline": event.offline,
        "captured_at": iso_z(event.client_time) if event.offline else None,
        # the liveness step: a SPOOF_REVIEW capture is judged on these
        **checkin.review.liveness_dict(event),
        "frame_urls": [f"/api/v1/attendance/checkins/{event.id}/frames/{n}"
                       for n in range(1, len(checkin.review.frame_ids(event)) + 1)]}}


def absence_item(row: AbsenceRequest) -> dict:
    return {"absence": {
        "code": row.code, "code_label": label(row.code), "date_from": row.date_from,
        "date_to": row.date_to, "workdays": row.workdays, "reason": row.reason,
        "document_url": absences.document_url(row), "submitted_by": row.submitted_by}}


def device_item(binding: DeviceBinding) -> dict:
    current = [b.device.uid for b in DeviceBinding.select().where(
        DeviceBinding.employee == binding.employee_id, DeviceBinding.status == "active")]
    return {"device": {"device_uid": binding.device.uid, "note": binding.note,
                       "current_devices": current}}


def cancellation_item(row: Cancellation) -> dict:
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
