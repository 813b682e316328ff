"""Face enrolment: 1–5 reference photos → one template.

A first enrolment takes effect at once (audited). A re-enrolment that would replace an active
template waits for a second person — the head of the OPD or an admin, never the one who
enrolled it — and until then check-ins keep matching the old template. No account may get a
face that is already another employee's: that is how one person checks in for another."""
from __future__ import annotations

from datetime import datetime

from flask import current_app

from api import clock
from api.db import write_transaction
from api.errors import ApiError
from api.messages import message
from api.models import Employee, FaceTemplate
from api.services import audit, storage
from api.services.accounts import Actor, duties

from . import colleagues


def _explained(details: dict | None) -> dict | None:
    """Each refused photo's reasons, also as the Bahasa sentences a person reads."""
    if details and "photos" in details:
        return {**details, "photos": [{**photo, "messages": [message(r) for r in photo["reasons"]]}
                                      for photo in details["photos"]]}
    return details


def _template(photos: list[bytes]):
    from api.face import get_engine
    from face_engine import FaceEngineError, ModelsUnavailable

    if not 1 <= len(photos) <= 5:
        raise ApiError("ENROLL_PHOTO_COUNT", 400)
    limit = current_app.config["MAX_SELFIE_BYTES"]
    for index, photo in enumerate(photos):
        storage.check(photo, storage.IMAGE_TYPES, limit, f"photos[{index}]")
    try:
        return get_engine().enroll(photos), get_engine().config.match_threshold
    except ModelsUnavailable as exc:
        raise ApiError("FACE_ENGINE_UNAVAILABLE", 503) from exc
    except FaceEngineError as exc:
        code = exc.code if exc.code.startswith("ENROLL_") else "ENROLL_FAILED"
        raise ApiError(code, 400, details=_explained(exc.details) or {"code": exc.code}) from exc


def _refuse_someone_elses_face(employee: Employee, template, threshold: float,
                               actor_id: int | None) -> None:
    """The OPD's other faces, and the enrolling person's own when they sit elsewhere."""
    candidates = [colleagues.best_other(employee.opd_id, employee.id, template.embeddings)]
    actor = Employee.get_or_none(Employee.id == actor_id) if actor_id else None
    if actor is not None and actor.opd_id != employee.opd_id:
        mine = colleagues.best_other(actor.opd_id, employee.id, template.embeddings)
        candidates.append(mine if mine and mine.employee_id == actor.id else None)
    for match in candidates:
        if match is not None and match.similarity >= threshold:
            other = Employee.get_by_id(match.employee_id)
            raise ApiError("ENROLL_FACE_OF_OTHER_EMPLOYEE", 409, details={"employee": {
                "id": other.id, "name": other.name, "nip": other.nip}})


def enroll(actor_id: int | None, employee: Employee, photos: list[bytes]) -> FaceTemplate:
    """The new template: active at once, or pending a second person when it would replace
    one (the system itself, `actor_id` None, replaces directly)."""
    template, threshold = _template(photos)
    _refuse_someone_elses_face(employee, template, threshold, actor_id)
    stored = []
    try:
        with write_transaction():
            previous = list(FaceTemplate.select().where(FaceTemplate.employee == employee.id,
                                                        FaceTemplate.active))
            replacing = bool(previous) and actor_id is not None
            if replacing and FaceTemplate.select().where(
                    FaceTemplate.employee == employee.id,
                    FaceTemplate.approval == "pending").exists():
                raise ApiError("FACE_REQUEST_EXISTS", 409)
            stored = [storage.save(photo, "enrolment", employee.id, actor_id) for photo in photos]
            if not replacing:
                FaceTemplate.update(active=False).where(
                    FaceTemplate.employee == employee.id).execute()
            row = FaceTemplate.create(
                employee=employee, data=template.to_bytes(), model_version=template.model_version,
                photo_count=len(photos), enrolled_by=actor_id, active=not replacing,
                approval="pending" if replacing else None,
                photos=",".join(str(s.id) for s in stored))
            audit.record(actor_id, "face.reenrol.request" if replacing else "face.enrol",
                         "employee", employee.id,
                         [{"template": p.id, "model": p.model_version} for p in previous],
                         {"template": row.id, "model": row.model_version, "photos": len(photos),
                          "pending": replacing})
    except Exception:
        for file in stored:
            storage.discard(file)
        raise
    return row


def decide(actor: Actor, template_id: int, approve: bool, reason: str,
           now: datetime) -> FaceTemplate:
    """A second person approves (it replaces the active template) or rejects a re-enrolment."""
    row = FaceTemplate.get_or_none(FaceTemplate.id == template_id)
    if row is None:
        raise ApiError("NOT_FOUND", 404)
    employee = Employee.get_by_id(row.employee_id)
    duties.require("face.decide", actor, employee, filed_by=[row.enrolled_by])
    if row.approval != "pending":
        raise ApiError("NOT_PENDING", 409)
    if not approve and not reason.strip():
        raise ApiError("REASON_REQUIRED", 400)
    with write_transaction():
        before = [t.id for t in FaceTemplate.select().where(FaceTemplate.employee == employee.id,
                                                           FaceTemplate.active)]
        updated = (FaceTemplate.update(approval="approved" if approve else "rejected",
                                       active=approve, decided_by=actor.id,
                                       decided_at=clock.utc_naive(now),
                                       decision_reason=reason.strip())
                   .where(FaceTemplate.id == row.id, FaceTemplate.approval == "pending")
                   .execute())
        if not updated:  # decided concurrently
            raise ApiError("NOT_PENDING", 409)
        if approve:
            FaceTemplate.update(active=False).where(FaceTemplate.employee == employee.id,
                                                    FaceTemplate.id != row.id).execute()
        audit.record(actor.id, "face.reenrol.approve" if approve else "face.reenrol.reject",
                     "employee", employee.id, {"active_templates": before},
                     {"template": row.id, "approval": "approved" if approve else "rejected",
                      "reason": reason.strip()})
    return FaceTemplate.get_by_id(row.id)


def photo_ids(row: FaceTemplate) -> list[int]:
    return [int(part) for part in row.photos.split(",") if part]
