"""The liveness step of a check-in through the API: the server-issued challenge (issue,
expiry, reuse, another employee or device), a live burst accepted, a still burst asked to be
retaken, the review band waiting in the approvals queue with its frames, the too-close
answer, and clients without the challenge on the passive bands. Real models and photos:
webmorph_lisa/5–8 are one live face at 15, 30, 45 and 60 cm."""
from __future__ import annotations

import pytest

from api.models import CheckinEvent, DailyRecord, LivenessChallenge
from tests.api.checkin_helpers import checkin, enroll, new_challenge
from tests.conftest import face_photo


@pytest.fixture
def enrolled(app, client, world):
    app.config["LIVENESS_CHALLENGE_INSTRUCTIONS"] = "closer"
    enroll(client, world, "pegawai_a", "webmorph_lisa", numbers=(1,))
    return world


def live_checkin(client, world, challenge, key=None, who="pegawai_a", **extra):
    """Lisa at 60 cm as the selfie, then at 30 and 15 cm: the phone brought closer."""
    return checkin(client, world, who, number=8, client_kind="web", challenge=challenge,
                   frames=[face_photo("webmorph_lisa", 6), face_photo("webmorph_lisa", 5)],
                   key=key, **extra)


def test_a_challenge_is_issued_for_the_own_device_and_its_nonce_not_stored(client, enrolled):
    response = new_challenge(client, enrolled, "pegawai_a")
    assert response.status_code == 201, response.json
    body = response.json
    assert body["instruction"] == "closer" and body["ttl_s"] == 120 and len(body["nonce"]) >= 24
    row = LivenessChallenge.get_by_id(body["challenge_id"])
    assert body["nonce"] not in row.nonce_sha256 and row.used_at is None


def test_a_live_burst_is_accepted_on_the_challenge_path(client, enrolled):
    challenge = new_challenge(client, enrolled, "pegawai_a").json
    response = live_checkin(client, enrolled, challenge)
    assert response.status_code == 201, response.json
    body = response.json
    assert body["status"] == "ACCEPTED" and body["codes"] == []
    assert body["liveness_path"] == "challenge" and body["liveness_band"] == "accept"
    assert body["challenge"]["outcome"] == "live" and body["challenge"]["growth"] > 1.5
    event = CheckinEvent.get_by_id(body["event_id"])
    assert (event.client, event.challenge_id) == ("web", challenge["challenge_id"])
    assert len(event.frames.split(",")) == 2
    # the employee sees the own frames; an analyst never sees a face
    frame = client.get(f"/api/v1/attendance/checkins/{event.id}/frames/2",
                       headers=enrolled.headers("pegawai_a"))
    assert frame.status_code == 200 and frame.data == face_photo("webmorph_lisa", 5)
    assert client.get(f"/api/v1/attendance/checkins/{event.id}/frames/3",
                      headers=enrolled.headers("pegawai_a")).status_code == 404
    assert client.get(f"/api/v1/attendance/checkins/{event.id}/frames/1",
                      headers=enrolled.headers("analis")).status_code == 403


def test_a_challenge_is_used_once_but_a_resend_of_the_same_capture_is_the_same_answer(
        client, enrolled):
    challenge = new_challenge(client, enrolled, "pegawai_a").json
    first = live_checkin(client, enrolled, challenge, key="capture-1")
    again = live_checkin(client, enrolled, challenge, key="capture-1")
    assert again.headers.get("Idempotent-Replay") == "true" and again.json == first.json
    other = live_checkin(client, enrolled, challenge, key="capture-2", kind="out")
    assert other.json["status"] == "REJECTED" and other.json["codes"] == ["CHALLENGE_USED"]


def test_an_expired_challenge_is_refused(app, client, enrolled):
    challenge = new_challenge(client, enrolled, "pegawai_a").json
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T07:12:01+07:00"  # issued 07:10, lives 120 s
    body = live_checkin(client, enrolled, challenge).json
    assert body["codes"] == ["CHALLENGE_EXPIRED"] and "habis" in body["message"]


def test_a_challenge_binds_the_employee_the_device_and_the_nonce(client, enrolled):
    challenge = new_challenge(client, enrolled, "pegawai_a").json
    enroll(client, enrolled, "pegawai_a2", "london_004", numbers=(1,))
    colleague = checkin(client, enrolled, "pegawai_a2", identity="london_004", number=2,
                        client_kind="web", challenge=challenge,
                        frames=[face_photo("london_004", 2)]).json
    assert colleague["codes"] == ["CHALLENGE_INVALID"]
    wrong_nonce = live_checkin(client, enrolled, {**challenge, "nonce": "x" * 32}).json
    assert wrong_nonce["codes"] == ["CHALLENGE_INVALID"]
    assert LivenessChallenge.get_by_id(challenge["challenge_id"]).used_at is None
    assert live_checkin(client, enrolled, challenge).json["status"] == "ACCEPTED"


def test_a_challenge_is_not_issued_for_a_phone_bound_to_someone_else(client, enrolled):
    assert live_checkin(client, enrolled, new_challenge(client, enrolled, "pegawai_a").json
                        ).json["status"] == "ACCEPTED"  # binds hp-pegawai_a
    refused = new_challenge(client, enrolled, "pegawai_a2", device="hp-pegawai_a")
    assert refused.status_code == 403 and refused.json["error"]["code"] == "DEVICE_SHARED"


def test_the_web_app_must_send_a_challenge_and_may_retry_with_the_same_key(client, enrolled):
    bare = checkin(client, enrolled, "pegawai_a", number=8, client_kind="web", key="cap")
    assert bare.json["codes"] == ["CHALLENGE_REQUIRED"]
    challenge = new_challenge(client, enrolled, "pegawai_a").json
    assert live_checkin(client, enrolled, challenge, key="cap").json["status"] == "ACCEPTED"


def test_a_burst_that_does_not_move_is_retaken(client, enrolled):
    challenge = new_challenge(client, enrolled, "pegawai_a").json
    still = face_photo("webmorph_lisa", 8)
    body = checkin(client, enrolled, "pegawai_a", number=8, client_kind="web",
                   challenge=challenge, frames=[still, still]).json
    assert body["status"] == "REJECTED" and body["codes"] == ["CHALLENGE_NOT_FOLLOWED"]
    assert body["challenge"]["reason"] == "TOO_LITTLE_MOVEMENT"
    assert "petunjuk" in body["message"]


def test_frames_come_with_a_challenge_and_a_challenge_with_frames(client, enrolled):
    stray = checkin(client, enrolled, "pegawai_a", frames=[face_photo("webmorph_lisa", 6)])
    assert stray.status_code == 422 and "frames" in stray.json["error"]["details"]
    challenge = new_challenge(client, enrolled, "pegawai_a").json
    empty = checkin(client, enrolled, "pegawai_a", client_kind="web", challenge=challenge)
    assert empty.status_code == 422 and empty.json["error"]["code"] == "CHALLENGE_FRAMES"
    assert CheckinEvent.select().count() == 0


def test_an_app_without_the_challenge_is_judged_on_the_passive_bands(client, enrolled):
    body = checkin(client, enrolled, "pegawai_a", number=8, client_kind="android").json
    assert body["status"] == "ACCEPTED" and body["liveness_path"] == "passive"
    assert CheckinEvent.get_by_id(body["event_id"]).client == "android"


def test_a_face_filling_the_frame_is_told_to_step_back(client, enrolled):
    body = checkin(client, enrolled, "pegawai_a", number=5).json
    assert body["status"] == "REJECTED" and body["codes"] == ["FACE_TOO_CLOSE"]
    assert "Jauhkan ponsel dari wajah" in body["message"] and body["liveness"] is None


def test_a_review_band_capture_waits_in_the_queue_with_its_frames(client, enrolled,
                                                                  monkeypatch):
    # the thresholds raised so that this live burst lands between reject and accept
    monkeypatch.setenv("FACE_LIVENESS_ACCEPT", "0.9999")
    monkeypatch.setenv("FACE_LIVENESS_CHALLENGE_ACCEPT", "0.9999")
    challenge = new_challenge(client, enrolled, "pegawai_a").json
    body = live_checkin(client, enrolled, challenge).json
    assert body["status"] == "PENDING" and body["codes"] == ["SPOOF_REVIEW"]
    assert body["liveness_band"] == "review" and "diperiksa atasan" in body["message"]
    record = DailyRecord.get(DailyRecord.employee == enrolled.people["pegawai_a"].id)
    assert record.check_in_at is None  # not counted until a supervisor approves
    queue = client.get("/api/v1/approvals?kind=checkin", headers=enrolled.headers("atasan_a"))
    (item,) = [i for i in queue.json["items"] if i["id"] == body["event_id"]]
    assert "keaslian wajah yang perlu diperiksa" in item["summary"]
    seen = item["checkin"]
    assert seen["codes"] == ["SPOOF_REVIEW"]
    assert seen["liveness"] == pytest.approx(body["liveness"], abs=1e-4)
    assert seen["challenge"]["outcome"] == "live" and len(seen["frame_urls"]) == 2
    assert seen["selfie_url"]
    frame = client.get(seen["frame_urls"][0], headers=enrolled.headers("atasan_a"))
    assert frame.status_code == 200 and frame.mimetype == "image/jpeg"
    decided = client.post(f"/api/v1/approvals/checkin/{body['event_id']}/approve",
                          json={"reason": "Wajah langsung, diperiksa"},
                          headers=enrolled.headers("atasan_a"))
    assert decided.status_code == 200, decided.json
    record = DailyRecord.get(DailyRecord.employee == enrolled.people["pegawai_a"].id)
    assert record.check_in_at is not None


def test_the_review_band_without_a_challenge_and_the_reject_band(client, enrolled, monkeypatch):
    monkeypatch.setenv("FACE_LIVENESS_ACCEPT", "0.9999")
    review = checkin(client, enrolled, "pegawai_a", number=8).json
    assert review["status"] == "PENDING" and review["liveness_path"] == "passive"
    monkeypatch.setenv("FACE_LIVENESS_CHALLENGE_ACCEPT", "0.9999")
    monkeypatch.setenv("FACE_LIVENESS_REJECT", "0.9999")
    reject = checkin(client, enrolled, "pegawai_a", number=7, kind="out").json
    assert reject["status"] == "REJECTED" and reject["codes"] == ["SPOOF_SUSPECTED"]
