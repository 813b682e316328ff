"""Face enrolment: 1–5 reference photos → one template; re-enrolment is audited."""
from __future__ import annotations

from flask import current_app

from api.db import write_transaction
from api.errors import ApiError
from api.messages import message
from api.models import Employee, FaceTemplate
from api.services import audit, storage


def _explained(details: dict | None) -> dict | None:
    """Each refused photo's reasons, also as the Bahasa sentences a person reads."""
    if details and "photos" in details:
        return {**details, "photos": [{**photo, "messages": [message(r) for r in photo["reasons"]]}
                                      for photo in details["photos"]]}
    return details


def enroll(actor_id: int, employee: Employee, photos: list[bytes]) -> FaceTemplate:
    from api.face import get_engine
    from face_engine import FaceEngineError, ModelsUnavailable

    if not 1 <= len(photos) <= 5:
        raise ApiError("ENROLL_PHOTO_COUNT", 400)
    limit = current_app.config["MAX_SELFIE_BYTES"]
    for index, photo in enumerate(photos):
        storage.check(photo, storage.IMAGE_TYPES, limit, f"photos[{index}]")
    try:
        template = get_engine().enroll(photos)
    except ModelsUnavailable as exc:
        raise ApiError("FACE_ENGINE_UNAVAILABLE", 503) from exc
    except FaceEngineError as exc:
        code = exc.code if exc.code.startswith("ENROLL_") else "ENROLL_FAILED"
        raise ApiError(code, 400, details=_explained(exc.details) or {"code": exc.code}) from exc
    with write_transaction():
        previous = list(FaceTemplate.select().where(FaceTemplate.employee == employee.id,
                                                    FaceTemplate.active))
        FaceTemplate.update(active=False).where(FaceTemplate.employee == employee.id).execute()
        row = FaceTemplate.create(employee=employee, data=template.to_bytes(),
                                  model_version=template.model_version,
                                  photo_count=len(photos), enrolled_by=actor_id)
        audit.record(actor_id, "face.reenrol" if previous else "face.enrol", "employee",
                     employee.id, [{"template": p.id, "model": p.model_version} for p in previous],
                     {"template": row.id, "model": row.model_version, "photos": len(photos)})
    return row
