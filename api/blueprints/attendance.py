"""Check-ins, their review by supervisors, and the daily records."""
from __future__ import annotations

from flask import Response, current_app
from flask_smorest import Blueprint

from api import clock
from api.errors import ApiError
from api.extensions import limiter
from api.models import CheckinEvent, DailyRecord, Employee
from api.schemas import attendance as s
from api.services import daily, storage
from api.services.accounts import authenticated, current_actor
from api.services.checkin import CheckinRequest, challenges, review, submit

from .capture import IDEMPOTENT, checkin_limit, frames, idempotency_key, image

blp = Blueprint("attendance", __name__, url_prefix="/api/v1/attendance",
                description="Presensi masuk/pulang dan rekap harian")
SECURITY = [{"bearerAuth": []}]


def _challenge_limit() -> str:
    return current_app.config["RATELIMIT_CHALLENGE"]


@blp.route("/challenges", methods=["POST"])
@limiter.limit(_challenge_limit)
@authenticated()
@blp.arguments(s.ChallengeIn)
@blp.response(201, s.ChallengeOut)
@blp.doc(security=SECURITY)
def create_challenge(body):
    """Tantangan keaslian wajah sekali pakai untuk presensi berikutnya dari perangkat ini:
    ikuti `instruction` sambil merekam rangkaian foto, kirim bersama presensi sebelum
    `expires_at`."""
    actor = current_actor()
    return challenges.issue(Employee.get_by_id(actor.id), body["device_id"], clock.now())


@blp.route("/checkins", methods=["POST"])
@limiter.limit(checkin_limit)
@authenticated(allow_default_password=True, allow_inactive=True)
@blp.arguments(s.CheckinForm, location="form")
@blp.arguments(s.SelfieFile, location="files")
@blp.response(201, s.CheckinOut)
@blp.alt_response(200, schema=s.CheckinOut, description="Ditolak (status REJECTED) atau "
                  "jawaban ulang untuk Idempotency-Key yang sama")
@blp.doc(security=SECURITY, **IDEMPOTENT)
def create_checkin(form, files):
    """Presensi masuk/pulang dengan swafoto, lokasi GPS dan ID perangkat (SPEC §4)."""
    actor = current_actor()
    req = CheckinRequest(selfie=image(files["selfie"], "selfie"),
                         idempotency_key=idempotency_key(), frames=frames(form), **form)
    answer, replayed = submit(Employee.get_by_id(actor.id), actor.must_change_password, req,
                              clock.now())
    status = 200 if replayed or answer["status"] == "REJECTED" else 201
    headers = {"Idempotent-Replay": "true"} if replayed else {}
    if "FACE_ENGINE_UNAVAILABLE" in answer["codes"]:
        status = 503
    return answer, status, headers


@blp.route("/checkins", methods=["GET"])
@authenticated()
@blp.arguments(s.EventQuery, location="query")
@blp.response(200, s.EventPage)
@blp.doc(security=SECURITY)
def list_checkins(args):
    """Riwayat upaya presensi (diterima, menunggu, ditolak) dalam lingkup pengguna."""
    query = review.events_query(current_actor(), args)
    total = query.count()
    rows = (query.order_by(CheckinEvent.recorded_at.desc())
            .limit(args["limit"]).offset(args["offset"]).objects())
    return {"total": total, "items": [review.event_dict(e) for e in rows]}


def _decide(event_id: int, approve: bool, reason: str):
    event = review.decide(current_actor(), event_id, approve, reason, clock.now())
    return review.event_dict(event)


@blp.route("/checkins/<int:event_id>/approve", methods=["POST"])
@authenticated("atasan", "kepala_opd")
@blp.arguments(s.DecisionIn)
@blp.response(200, s.EventOut)
@blp.doc(security=SECURITY)
def approve_checkin(body, event_id):
    """Setujui presensi di luar kantor (atasan langsung / kepala OPD)."""
    return _decide(event_id, True, body["reason"])


@blp.route("/checkins/<int:event_id>/reject", methods=["POST"])
@authenticated("atasan", "kepala_opd")
@blp.arguments(s.DecisionIn)
@blp.response(200, s.EventOut)
@blp.doc(security=SECURITY)
def reject_checkin(body, event_id):
    """Tolak presensi di luar kantor; alasan wajib."""
    return _decide(event_id, False, body["reason"])


@blp.route("/checkins/<int:event_id>/selfie", methods=["GET"])
@authenticated()
@blp.doc(security=SECURITY, responses={200: {"content": {"image/jpeg": {}}}})
def get_selfie(event_id):
    """Swafoto sebuah upaya presensi (dalam lingkup pengguna)."""
    event = CheckinEvent.get_or_none(CheckinEvent.id == event_id)
    if event is None or event.selfie_id is None:
        raise ApiError("NOT_FOUND", 404)
    content, mime = storage.evidence_of(current_actor(), event.selfie_id, event.employee_id)
    return Response(content, mimetype=mime, headers={"Cache-Control": "private, max-age=300"})


@blp.route("/checkins/<int:event_id>/frames/<int:position>", methods=["GET"])
@authenticated()
@blp.doc(security=SECURITY, responses={200: {"description": "Foto tantangan (JPEG/PNG)",
                                             "content": {"image/jpeg": {}}}})
def get_frame(event_id, position):
    """Foto ke-`position` (mulai 1) dari rangkaian tantangan sebuah presensi."""
    event = CheckinEvent.get_or_none(CheckinEvent.id == event_id)
    ids = review.frame_ids(event) if event is not None else []
    if not 1 <= position <= len(ids):
        raise ApiError("NOT_FOUND", 404)
    content, mime = storage.evidence_of(current_actor(), ids[position - 1], event.employee_id)
    return Response(content, mimetype=mime, headers={"Cache-Control": "private, max-age=300"})


@blp.route("/days", methods=["GET"])
@authenticated()
@blp.arguments(s.DaysQuery, location="query")
@blp.response(200, s.DayPage)
@blp.doc(security=SECURITY)
def list_days(args):
    """Rekap harian (satu baris per pegawai per tanggal) dalam lingkup pengguna."""
    actor = current_actor()
    if args["employee"] is None and args["opd"] is None:
        args["employee"] = actor.id
    query = daily.days_query(actor, args)
    total = query.count()
    rows = query.order_by(DailyRecord.work_date, Employee.name).limit(args["limit"]).offset(
        args["offset"]).objects()
    return {"total": total, "items": [daily.day_dict(row) for row in rows]}
