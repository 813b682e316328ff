"""The check-in hot path (SPEC §4): five checks in order, every attempt stored as an event."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import current_app

from api import clock
from api.models import (
    CheckinEvent,
    DailyRecord,
    Employee,
    EmployeeLocation,
    LivenessChallenge,
    Location,
)
from api.rules import geo
from api.rules import schedule as rs
from api.services.policy import policy_for
from api.services.schedules import ScheduleBook, employee_tz

from . import challenges, devices
from .face_step import check_face

log = logging.getLogger(__name__)
ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA",
              "Asia/Jayapura": "WIT"}
PENDING_CODES = {"OUTSIDE_GEOFENCE", "IMPOSSIBLE_JUMP", "OFFLINE_CAPTURE", "SPOOF_REVIEW"}
PURPOSES = ("WFH", "DINAS_LUAR")  # why one may check in outside every geofence (BONTANG PRIMA)
CLOCK_SKEW = timedelta(minutes=2)  # a phone's clock a little ahead of ours is not a lie


@dataclass(frozen=True)
class CheckinRequest:
    kind: str
    selfie: bytes
    lat: float
    lon: float
    accuracy_m: float
    is_mock: bool
    device_id: str
    client_time: datetime | None
    note: str
    idempotency_key: str
    purpose: str | None = None
    offline: bool = False  # from the web app's outbox: client_time is when it was captured
    client: str = "other"  # the client kind the request declares (challenges.CLIENTS)
    challenge_id: int | None = None
    challenge_nonce: str = ""
    frames: tuple[bytes, ...] = ()  # the challenge burst without the selfie, capture order


@dataclass
class Attempt:
    """What the checks found so far; becomes the stored event. `moment` is the instant
    judged: the server's now, or the capture time of an offline capture."""

    codes: list[str] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)  # the codes that rejected it
    moment: datetime | None = None
    work_date: object = None
    tz: str = "Asia/Jakarta"
    book: ScheduleBook | None = None  # the schedules the window was judged on
    location: Location | None = None
    distance_m: float | None = None
    out_of_office: bool = False
    similarity: float | None = None
    liveness: float | None = None
    embedding: bytes | None = None
    face_print: bytes | None = None
    matched_employee: int | None = None  # FACE_OF_OTHER_EMPLOYEE
    challenge: LivenessChallenge | None = None  # redeemed for this attempt
    liveness_path: str | None = None  # challenge | passive, once the face step judged it
    liveness_band: str | None = None  # accept | review | reject
    challenge_result: dict | None = None
    bind_device: bool = False
    device: object = None

    def reject(self, *codes: str) -> Attempt:
        self.codes.extend(codes)
        self.refusals.extend(codes)
        return self

    @property
    def rejected(self) -> bool:
        return bool(self.refusals)

    @property
    def status(self) -> str:
        if self.rejected:
            return "REJECTED"
        return "PENDING" if PENDING_CODES & set(self.codes) else "ACCEPTED"


def stored_answer(employee_id: int, key: str) -> dict | None:
    event = CheckinEvent.get_or_none(CheckinEvent.employee == employee_id,
                                     CheckinEvent.idempotency_key == key)
    return json.loads(event.response) if event else None


def check_account_and_device(employee: Employee, must_change_password: bool,
                             req: CheckinRequest, attempt: Attempt) -> None:
    """Step 1: active account, changed password, a device bound to this employee."""
    if not employee.active:
        attempt.reject("ACCOUNT_INACTIVE")
    elif must_change_password:
        attempt.reject("PASSWORD_CHANGE_REQUIRED")
    else:
        outcome = devices.check(employee, req.device_id)
        attempt.device = outcome.device
        attempt.bind_device = outcome.bind_on_success
        if outcome.code:
            attempt.reject(outcome.code)


def check_challenge(employee: Employee, req: CheckinRequest, now: datetime,
                    attempt: Attempt) -> None:
    """Step 1b: the challenge the capture followed, when it carries one or its client kind
    must. An offline capture has none (no network to fetch one): it is judged by the passive
    bands and waits for a supervisor anyway."""
    if req.offline or (req.challenge_id is None and not challenges.required_for(req.client)):
        return
    challenge, code = challenges.redeem(employee.id, req.device_id, req.challenge_id,
                                        req.challenge_nonce, req.idempotency_key, now)
    if code:
        attempt.reject(code)
    attempt.challenge = challenge


def fences_of(employee: Employee) -> list[tuple[geo.Geofence, bool]]:
    links = (EmployeeLocation.select(EmployeeLocation, Location).join(Location)
             .where(EmployeeLocation.employee == employee.id, Location.active))
    return [(geo.Geofence(link.location.id, link.location.name, link.location.lat,
                          link.location.lon, link.location.radius_m, link.location.tz),
             link.primary) for link in links]


def check_schedule(employee: Employee, kind: str, now: datetime, tz: str,
                   attempt: Attempt) -> None:
    """Step 2: a workday, inside the window (server clock, office zone)."""
    candidates = rs.candidate_dates(now, tz)[:2]  # yesterday (overnight shifts) and today
    book = ScheduleBook.load(candidates[0], candidates[-1], [employee.id])
    days = [book.day(employee.id, employee.schedule_group_id, d, tz) for d in candidates]
    chosen = rs.pick_work_date(now, days, kind)
    attempt.tz, attempt.book = tz, book  # the day's recompute reuses the book it covers
    if chosen is None:
        today = days[-1]
        attempt.work_date = today.work_date
        attempt.reject(rs.window_check(kind, today, now) or "WINDOW_CLOSED")
        return
    attempt.work_date = chosen.work_date


def check_offline(req: CheckinRequest, now: datetime, attempt: Attempt) -> None:
    """An offline capture is judged at its capture time, which only the device tells: it
    must be plausible, and the event waits for a supervisor whatever else it passes."""
    captured = req.client_time
    if captured is None:
        attempt.reject("CLIENT_TIME_REQUIRED")
    elif captured > now + CLOCK_SKEW:
        attempt.reject("CLIENT_TIME_INVALID")
    elif now - captured > timedelta(hours=current_app.config["OFFLINE_MAX_AGE_HOURS"]):
        attempt.reject("OFFLINE_TOO_OLD")
    else:
        attempt.moment = min(captured, now)
        attempt.codes.append("OFFLINE_CAPTURE")


def previous_fix(employee_id: int, before: datetime) -> geo.GpsFix | None:
    last = (CheckinEvent.select().where(CheckinEvent.employee == employee_id,
                                        CheckinEvent.status != "REJECTED",
                                        CheckinEvent.lat.is_null(False),
                                        CheckinEvent.recorded_at < clock.utc_naive(before))
            .order_by(CheckinEvent.recorded_at.desc()).first())
    if last is None:
        return None
    return geo.GpsFix(last.lat, last.lon, last.accuracy_m or 0.0, clock.from_db(last.recorded_at))


def check_location(employee: Employee, req: CheckinRequest, now: datetime,
                   fences: list[geo.Geofence], attempt: Attempt) -> None:
    """Step 3: mock flag, accuracy, impossible jump, geofence (outside = pending, with a
    purpose and a note)."""
    policy = policy_for(attempt.work_date)
    fix = geo.GpsFix(req.lat, req.lon, req.accuracy_m, now, req.is_mock)
    flags = geo.location_flags(fix, previous_fix(employee.id, now), policy)
    if geo.MOCK_LOCATION in flags:
        attempt.reject(geo.MOCK_LOCATION)
        return
    if geo.LOW_ACCURACY in flags:
        attempt.reject(geo.LOW_ACCURACY)
        return
    attempt.codes.extend(flag for flag in flags if flag == geo.IMPOSSIBLE_JUMP)
    match = geo.match_geofence(req.lat, req.lon, req.accuracy_m, fences,
                               max_accuracy_credit_m=policy.geofence_max_accuracy_m)
    attempt.distance_m = match.distance_m
    attempt.location = Location.get_or_none(Location.id == match.fence.id) if match.fence else None
    if not match.inside:
        if not req.note.strip() or req.purpose not in PURPOSES:
            attempt.reject("NOTE_REQUIRED")
            return
        attempt.out_of_office = True
        attempt.codes.append("OUTSIDE_GEOFENCE")


def check_duplicate(employee: Employee, kind: str, attempt: Attempt) -> None:
    """Step 5: the first valid IN counts; a later IN is stored but changes nothing."""
    if kind != "in":
        return
    record = DailyRecord.get_or_none(DailyRecord.employee == employee.id,
                                     DailyRecord.work_date == attempt.work_date)
    if record is not None and record.check_in_at is not None:
        attempt.codes.append("ALREADY_CHECKED_IN")


def evaluate_presence(employee: Employee, must_change_password: bool, req: CheckinRequest,
                      now: datetime, digest: str, with_face: bool) -> Attempt:
    """The checks a whereabouts report shares with a check-in (issue 11): account and
    device, the mock-location flag and the GPS accuracy, then (with a selfie) the liveness
    challenge, the face and the replay checks. No schedule, no geofence."""
    attempt = Attempt(moment=now, work_date=clock.local(now, employee_tz(employee.id)).date())
    check_account_and_device(employee, must_change_password, req, attempt)
    if not attempt.rejected:
        policy = policy_for(attempt.work_date)
        fix = geo.GpsFix(req.lat, req.lon, req.accuracy_m, now, req.is_mock)
        flags = geo.location_flags(fix, None, policy)
        for flag in (geo.MOCK_LOCATION, geo.LOW_ACCURACY):
            if flag in flags and not attempt.rejected:
                attempt.reject(flag)
    if with_face and not attempt.rejected:
        check_challenge(employee, req, now, attempt)
    if with_face and not attempt.rejected:
        check_face(employee, req, digest, now, attempt)
    return attempt


def evaluate(employee: Employee, must_change_password: bool, req: CheckinRequest,
             now: datetime, digest: str) -> Attempt:
    attempt = Attempt()
    linked = fences_of(employee)
    fences = [fence for fence, _primary in linked]
    tz = employee_tz(employee.id)
    attempt.moment = now
    attempt.work_date = clock.local(now, tz).date()
    check_account_and_device(employee, must_change_password, req, attempt)
    if not attempt.rejected:
        check_challenge(employee, req, now, attempt)
    if not attempt.rejected and req.offline:
        check_offline(req, now, attempt)
        attempt.work_date = clock.local(attempt.moment, tz).date()
    if not attempt.rejected:
        check_schedule(employee, req.kind, attempt.moment, tz, attempt)
    if not attempt.rejected:
        if not fences:
            attempt.reject("NO_LOCATION")
        else:
            check_location(employee, req, attempt.moment, fences, attempt)
    if not attempt.rejected:
        check_face(employee, req, digest, now, attempt)
    if not attempt.rejected:
        check_duplicate(employee, req.kind, attempt)
    return attempt
