"""Step 4 of a check-in: one usable live face, the employee's own and nobody else's of the
OPD, and not a copy of an earlier selfie or of an enrolment photo."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import numpy as np
from flask import current_app

from api import clock
from api.models import CheckinEvent, Employee, FaceTemplate

from . import colleagues

if TYPE_CHECKING:
    from .checks import Attempt, CheckinRequest

def is_replayed_bytes(employee_id: int, digest: str) -> bool:
    """The same bytes went through the face step before. A selfie refused earlier (a missing
    note, poor GPS, our own failure) is not a replay of itself when it is sent again."""
    return (CheckinEvent.select().where(
        CheckinEvent.employee == employee_id, CheckinEvent.selfie_sha256 == digest,
        CheckinEvent.embedding.is_null(False)).exists())


def earlier_faces(employee_id: int, now: datetime, template) -> list[tuple[np.ndarray,
                                                                           np.ndarray]]:
    """(embedding, fingerprint) of the employee's selfies in the replay window and of the
    enrolment photos: what a new selfie must not be a copy of."""
    from face_engine import fingerprint

    since = clock.utc_naive(now - timedelta(days=current_app.config["REPLAY_WINDOW_DAYS"]))
    query = (CheckinEvent.select(CheckinEvent.embedding, CheckinEvent.face_print)
             .where(CheckinEvent.employee == employee_id, CheckinEvent.recorded_at >= since,
                    CheckinEvent.embedding.is_null(False), CheckinEvent.face_print.is_null(False)))
    faces = [(np.frombuffer(bytes(embedding), dtype=np.float32),
              fingerprint.from_bytes(bytes(face_print))) for embedding, face_print in
             query.tuples()]
    if template.prints is not None:
        faces += list(zip(template.embeddings, template.prints, strict=True))
    return faces


def purge_prints(now: datetime) -> int:
    """Fingerprints older than the replay window are no longer compared: drop them."""
    since = clock.utc_naive(now - timedelta(days=current_app.config["REPLAY_WINDOW_DAYS"]))
    return (CheckinEvent.update(face_print=None)
            .where(CheckinEvent.recorded_at < since, CheckinEvent.face_print.is_null(False))
            .execute())


def check_face(employee: Employee, req: CheckinRequest, digest: str, now: datetime,
               attempt: Attempt) -> None:
    """Step 4: one usable face, alive, matching the enrolled template, not a replay."""
    from api.face import get_engine
    from face_engine import Burst, FaceEngineError, ModelsUnavailable, Template, fingerprint
    from face_engine.liveness import REVIEW

    row = (FaceTemplate.select().where(FaceTemplate.employee == employee.id, FaceTemplate.active)
           .order_by(FaceTemplate.id.desc()).first())
    if row is None:
        attempt.reject("FACE_NOT_ENROLLED")
        return
    if is_replayed_bytes(employee.id, digest):
        attempt.reject("REPLAY_SUSPECTED")
        return
    template = Template.from_bytes(bytes(row.data))
    try:
        burst = (Burst(attempt.challenge.instruction, req.frames)
                 if attempt.challenge is not None else None)
        verification = get_engine().verify(req.selfie, template, burst)
    except ModelsUnavailable:
        attempt.reject("FACE_ENGINE_UNAVAILABLE")
        return
    except FaceEngineError as exc:
        attempt.reject(exc.code)
        return
    attempt.similarity = verification.similarity
    attempt.liveness = verification.liveness
    _liveness_step(verification, attempt)
    analysis = verification.analysis
    if analysis.embedding is not None:
        attempt.embedding = np.asarray(analysis.embedding, dtype=np.float32).tobytes()
        attempt.face_print = fingerprint.to_bytes(analysis.face_print)
    if set(verification.reasons) <= {"FACE_MISMATCH"} and _colleague(employee, verification,
                                                                      attempt):
        return
    if verification.reasons:
        attempt.reject(*verification.reasons)
        return
    # a copy (resized, recompressed) of an earlier check-in or of an enrolment photo
    if fingerprint.copy_of(analysis.embedding, analysis.face_print,
                           earlier_faces(employee.id, now, template)) is not None:
        attempt.reject("REPLAY_SUSPECTED")
    elif verification.band == REVIEW:  # a supervisor looks at the selfie and the frames
        attempt.codes.append("SPOOF_REVIEW")


def _liveness_step(verification, attempt: Attempt) -> None:
    """What the liveness step used and found (the engine already refused the reject band as
    SPOOF_SUSPECTED)."""
    attempt.liveness_band = verification.band
    attempt.liveness_path = "challenge" if verification.challenge is not None else (
        "passive" if verification.band else None)
    if verification.challenge is not None:
        attempt.challenge_result = verification.challenge.to_dict()


def _colleague(employee: Employee, verification, attempt: Attempt) -> bool:
    """A usable live face that is another employee of the OPD more than it is the claimed
    one: refused, and whose face it was is kept for the fraud analytics."""
    from api.face import get_engine

    other = colleagues.best_other(employee.opd_id, employee.id,
                                  verification.analysis.embedding)
    if other is None or other.similarity < get_engine().config.match_threshold:
        return False
    if other.similarity <= (verification.similarity or 0.0):
        return False
    attempt.matched_employee = other.employee_id
    attempt.reject("FACE_OF_OTHER_EMPLOYEE")
    return True
