"""Store a check-in attempt and answer it; retries with the same key get the first answer."""
from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime, timedelta

from flask import current_app
from peewee import IntegrityError

from api import clock
from api.db import write_transaction
from api.formats import iso_z
from api.messages import message
from api.models import CheckinEvent, DailyRecord, Employee
from api.services import daily, org, storage

from . import devices
from .checks import ZONE_NAMES, Attempt, CheckinRequest, evaluate, stored_answer

# Refusals that do not pin the idempotency key: our own failure, the ones the user fixes
# without a new photo (a note, a better GPS fix), and a challenge to fetch again. The same
# capture, sent again with the same key, is judged afresh.
UNPINNED_CODES = {"FACE_ENGINE_UNAVAILABLE", "NOTE_REQUIRED", "LOW_ACCURACY",
                  "CHALLENGE_REQUIRED", "CHALLENGE_INVALID", "CHALLENGE_EXPIRED"}


def compose_message(kind: str, attempt: Attempt, at_local: datetime, late: int, early: int,
                    approver: dict | None = None) -> str:
    zone = ZONE_NAMES.get(attempt.tz, attempt.tz)
    what = "masuk" if kind == "in" else "pulang"
    if attempt.status == "REJECTED":  # only what refused it: nothing about approvals
        return f"Presensi {what} ditolak. " + " ".join(message(c) for c in attempt.refusals)
    text = f"Presensi {what} pukul {at_local:%H:%M} {zone}"
    if attempt.status == "PENDING":
        who = f" ({approver['name']})" if approver else ""
        text += f" dicatat dan menunggu persetujuan atasan{who}."
        for code in ("OFFLINE_CAPTURE", "SPOOF_REVIEW"):
            if code in attempt.codes:
                text += " " + message(code)
    else:
        text += " berhasil dicatat."
    if "ALREADY_CHECKED_IN" in attempt.codes:
        text += " " + message("ALREADY_CHECKED_IN")
    elif kind == "in" and late:
        text += f" Anda terlambat {late} menit."
    elif kind == "out" and early:
        text += f" Anda pulang {early} menit lebih awal."
    if "IMPOSSIBLE_JUMP" in attempt.codes:
        text += " " + message("IMPOSSIBLE_JUMP")
    return text


def retention_date(now: datetime):
    """When an ordinary selfie taken now is purged (SELFIE_RETENTION_DAYS)."""
    return (now + timedelta(days=current_app.config["SELFIE_RETENTION_DAYS"])).date()


def _retention(attempt: Attempt, now: datetime):
    if attempt.out_of_office and not attempt.rejected:
        return None  # kept until the month is closed (SPEC §4)
    return retention_date(now)


def submit(employee: Employee, must_change_password: bool, req: CheckinRequest,
           now: datetime) -> tuple[dict, bool]:
    """(answer, replayed). The event, the selfie, a first-use binding and the day's record
    are written in one transaction."""
    previous = stored_answer(employee.id, req.idempotency_key)
    if previous is not None:
        return previous, True
    digest = hashlib.sha256(req.selfie).hexdigest()
    attempt = evaluate(employee, must_change_password, req, now, digest)
    key = req.idempotency_key
    if UNPINNED_CODES & set(attempt.refusals):
        key = f"{key}:{uuid.uuid4().hex}"
    selfie, frames = None, []
    try:
        with write_transaction():
            retain = _retention(attempt, now)
            if storage.sniff(req.selfie):
                selfie = storage.save(req.selfie, "selfie", employee.id, employee.id, retain)
            for data in req.frames:  # appended one by one: a failure discards those saved
                frames.append(storage.save(data, "frame", employee.id, employee.id, retain))
            if attempt.bind_device and not attempt.rejected:
                attempt.device = devices.bind_first_use(employee, req.device_id)
            if "DEVICE_CHANGE_REQUESTED" in attempt.codes:
                binding = devices.request_change(employee, req.device_id,
                                                 "Diajukan otomatis saat presensi dari HP baru")
                attempt.device = binding.device
            event = CheckinEvent.create(
                employee=employee, kind=req.kind, status=attempt.status,
                codes=",".join(attempt.codes), recorded_at=clock.utc_naive(now),
                work_date=attempt.work_date, offline=req.offline,
                purpose=req.purpose if attempt.out_of_office else None,
                client_time=clock.utc_naive(req.client_time) if req.client_time else None,
                lat=req.lat, lon=req.lon, accuracy_m=req.accuracy_m, is_mock=req.is_mock,
                device=attempt.device, device_uid=req.device_id, location=attempt.location,
                distance_m=attempt.distance_m, out_of_office=attempt.out_of_office,
                similarity=attempt.similarity, liveness=attempt.liveness, selfie=selfie,
                selfie_sha256=digest, embedding=attempt.embedding,
                face_print=attempt.face_print, matched_employee=attempt.matched_employee,
                note=req.note, client=req.client, liveness_path=attempt.liveness_path,
                liveness_band=attempt.liveness_band,
                challenge_id=attempt.challenge.id if attempt.challenge else None,
                challenge_result=(json.dumps(attempt.challenge_result)
                                  if attempt.challenge_result else ""),
                frames=",".join(str(f.id) for f in frames),
                idempotency_key=key,
                approval="pending" if attempt.status == "PENDING" else None,
            )
            if attempt.status != "REJECTED":
                daily.recompute_day(employee.id, attempt.work_date, now, attempt.book)
            answer = answer_for(event, attempt, req.kind)
            event.response = json.dumps(answer)
            event.save()
    except IntegrityError:
        _discard(selfie, frames)
        previous = stored_answer(employee.id, req.idempotency_key)
        if previous is None:
            raise
        return previous, True  # a concurrent duplicate won the race: same answer
    except Exception:
        _discard(selfie, frames)
        raise
    return answer, False


def _discard(selfie, frames) -> None:
    for stored in [selfie, *frames]:
        storage.discard(stored)


def approver_of(employee: Employee) -> dict | None:
    """Who decides a pending check-in: the direct supervisor, else the head of the OPD."""
    person = employee.supervisor if employee.supervisor_id else org.head_of(employee.opd_id)
    return {"name": person.name, "jabatan": person.jabatan} if person else None


def answer_for(event: CheckinEvent, attempt: Attempt, kind: str) -> dict:
    late = early = 0
    if attempt.status != "REJECTED":
        record = DailyRecord.get_or_none(DailyRecord.employee == event.employee_id,
                                         DailyRecord.work_date == attempt.work_date)
        if record is not None:
            late, early = record.late_minutes, record.early_minutes
    # a pending offline capture counts at its capture time once approved
    counted = attempt.moment
    approver = approver_of(event.employee) if attempt.status == "PENDING" else None
    return {
        "event_id": event.id,
        "status": attempt.status,
        "codes": attempt.codes,
        "message": compose_message(kind, attempt, clock.local(counted, attempt.tz), late, early,
                                   approver),
        "recorded_at": iso_z(event.recorded_at),
        "captured_at": (iso_z(clock.utc_naive(counted))
                        if "OFFLINE_CAPTURE" in attempt.codes else None),
        "approver": approver,
        "work_date": attempt.work_date.isoformat() if attempt.work_date else None,
        "late_minutes": late if kind == "in" else 0,
        "early_minutes": early if kind == "out" else 0,
        "similarity": round(attempt.similarity, 4) if attempt.similarity is not None else None,
        "liveness": round(attempt.liveness, 4) if attempt.liveness is not None else None,
        "liveness_band": attempt.liveness_band,
        "liveness_path": attempt.liveness_path,
        "challenge": attempt.challenge_result,
    }
