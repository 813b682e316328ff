"""The check-in hot path (SPEC §4) on real face models: acceptance, each refusal, retries."""
from __future__ import annotations

import pytest

from api.models import CheckinEvent, DailyRecord, DeviceBinding
from tests.api.checkin_helpers import checkin, enroll, reencoded
from tests.conftest import face_photo


def match_threshold() -> float:
    from face_engine import EngineConfig

    return EngineConfig.from_env().match_threshold


@pytest.fixture
def enrolled(client, world):
    # webmorph_lisa has 8 photos: 1 enrols, 2-5 are distinct later captures
    enroll(client, world, "pegawai_a", "webmorph_lisa", numbers=(1,))
    return world


def events_of(world, who):
    return list(CheckinEvent.select().where(CheckinEvent.employee == world.people[who].id)
                .order_by(CheckinEvent.id))


def test_own_face_in_the_office_is_accepted_and_counted_late(client, enrolled):
    response = checkin(client, enrolled, "pegawai_a")
    assert response.status_code == 201, response.json
    body = response.json
    assert body["status"] == "ACCEPTED" and body["codes"] == []
    assert body["late_minutes"] == 10  # 07:10 against the 07:00 on-time limit
    assert "terlambat 10 menit" in body["message"]
    assert body["similarity"] >= match_threshold()
    record = DailyRecord.get(DailyRecord.employee == enrolled.people["pegawai_a"].id)
    assert (record.status, record.label, record.late_tier) == ("H", "TL1", 1)


def test_early_checkout_counts_early_minutes(client, enrolled, app):
    assert checkin(client, enrolled, "pegawai_a").json["status"] == "ACCEPTED"
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T14:00:00+07:00"
    body = checkin(client, enrolled, "pegawai_a", kind="out", number=3).json
    assert body["status"] == "ACCEPTED" and body["early_minutes"] == 60
    assert "60 menit lebih awal" in body["message"]
    record = DailyRecord.get(DailyRecord.employee == enrolled.people["pegawai_a"].id)
    assert (record.label, record.early_tier) == ("TL1/PSW2", 2)


def test_the_enrolment_photo_resent_is_a_replay(client, enrolled):
    body = checkin(client, enrolled, "pegawai_a", number=1).json
    assert body["codes"] == ["REPLAY_SUSPECTED"]


def test_someone_elses_face_is_rejected(client, enrolled):
    body = checkin(client, enrolled, "pegawai_a", identity="london_002").json
    assert body["status"] == "REJECTED"
    assert "FACE_MISMATCH" in body["codes"]
    assert "tidak cocok" in body["message"]
    event = events_of(enrolled, "pegawai_a")[-1]
    assert event.status == "REJECTED" and event.similarity < match_threshold()
    assert not DailyRecord.select().where(DailyRecord.check_in_at.is_null(False)).exists()


def test_not_enrolled(client, world):
    body = checkin(client, world, "pegawai_a2").json
    assert body["status"] == "REJECTED" and body["codes"] == ["FACE_NOT_ENROLLED"]


def test_same_selfie_bytes_twice_is_a_replay(client, enrolled):
    first = checkin(client, enrolled, "pegawai_a")
    second = checkin(client, enrolled, "pegawai_a")  # new key, same bytes
    assert first.json["status"] == "ACCEPTED"
    assert second.json["codes"] == ["REPLAY_SUSPECTED"]


def test_reencoded_copy_of_an_earlier_selfie_is_a_replay(client, enrolled, app):
    assert checkin(client, enrolled, "pegawai_a").json["status"] == "ACCEPTED"
    app.config["HADIR_FAKE_NOW"] = "2026-03-03T06:55:00+07:00"
    copy = reencoded(face_photo("webmorph_lisa", 2))
    assert checkin(client, enrolled, "pegawai_a", selfie=copy).json["codes"] == [
        "REPLAY_SUSPECTED"]


def test_photo_without_a_face(client, enrolled):
    import cv2
    import numpy as np

    wall = np.full((480, 640, 3), 180, np.uint8)
    data = cv2.imencode(".jpg", wall)[1].tobytes()
    body = checkin(client, enrolled, "pegawai_a", selfie=data).json
    assert body["status"] == "REJECTED" and body["codes"] == ["NO_FACE"]


def test_two_faces_are_refused(client, enrolled):
    import cv2
    import numpy as np

    left = cv2.imdecode(np.frombuffer(face_photo("london_003", 1), np.uint8), cv2.IMREAD_COLOR)
    right = cv2.imdecode(np.frombuffer(face_photo("london_004", 1), np.uint8), cv2.IMREAD_COLOR)
    both = np.hstack([cv2.resize(left, (320, 320)), cv2.resize(right, (320, 320))])
    body = checkin(client, enrolled, "pegawai_a",
                   selfie=cv2.imencode(".jpg", both)[1].tobytes()).json
    assert body["codes"] == ["MULTIPLE_FACES"]


def test_truncated_jpeg_is_rejected_with_a_reason(client, enrolled):
    data = face_photo("london_001", 2)[:4000]
    body = checkin(client, enrolled, "pegawai_a", selfie=data).json
    assert body["status"] == "REJECTED" and body["codes"] == ["IMAGE_UNREADABLE"]


def test_a_text_file_is_not_a_selfie(client, enrolled):
    response = checkin(client, enrolled, "pegawai_a", selfie=b"bukan foto sama sekali")
    assert response.status_code == 415
    assert response.json["error"]["code"] == "UNSUPPORTED_MEDIA"
    assert events_of(enrolled, "pegawai_a") == []


def test_liveness_bands_from_config_turn_away_a_weak_live_score(client, enrolled,
                                                                monkeypatch):
    monkeypatch.setenv("FACE_LIVENESS_REJECT", "0.9999")
    monkeypatch.setenv("FACE_LIVENESS_ACCEPT", "0.9999")
    monkeypatch.setenv("FACE_LIVENESS_CHALLENGE_ACCEPT", "0.9999")
    body = checkin(client, enrolled, "pegawai_a").json
    assert body["status"] == "REJECTED" and "SPOOF_SUSPECTED" in body["codes"]


def test_without_face_models_checkins_are_refused_not_skipped(client, enrolled, monkeypatch,
                                                              tmp_path):
    monkeypatch.setenv("FACE_MODELS_DIR", str(tmp_path / "empty"))
    monkeypatch.setenv("FACE_BUILD_DIR", str(tmp_path / "empty"))
    response = checkin(client, enrolled, "pegawai_a", key="retry-me")
    assert response.status_code == 503
    assert response.json["codes"] == ["FACE_ENGINE_UNAVAILABLE"]
    monkeypatch.undo()
    retry = checkin(client, enrolled, "pegawai_a", key="retry-me")  # the key is not pinned
    assert retry.status_code == 201 and retry.json["status"] == "ACCEPTED"
    assert [e.status for e in events_of(enrolled, "pegawai_a")] == ["REJECTED", "ACCEPTED"]


# --- step 2: workday and window ------------------------------------------------------------

@pytest.mark.parametrize(("now", "kind", "code"), [
    ("2026-03-07T07:00:00+07:00", "in", "NOT_WORKDAY"),  # Saturday, 5-day group
    ("2026-03-02T04:30:00+07:00", "in", "TOO_EARLY"),
    ("2026-03-02T15:01:00+07:00", "in", "WINDOW_CLOSED"),
    ("2026-03-02T06:30:00+07:00", "out", "TOO_EARLY"),
    ("2026-03-02T18:05:00+07:00", "out", "WINDOW_CLOSED"),
    ("2026-08-17T07:00:00+07:00", "in", "NOT_WORKDAY"),  # Hari Kemerdekaan
])
def test_schedule_refusals(client, enrolled, app, now, kind, code):
    app.config["HADIR_FAKE_NOW"] = now
    body = checkin(client, enrolled, "pegawai_a", kind=kind).json
    assert body["status"] == "REJECTED" and body["codes"] == [code]


def test_second_checkin_is_stored_but_the_first_counts(client, enrolled, app):
    assert checkin(client, enrolled, "pegawai_a").json["late_minutes"] == 10
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T08:00:00+07:00"
    again = checkin(client, enrolled, "pegawai_a", number=3).json
    assert again["status"] == "ACCEPTED" and again["codes"] == ["ALREADY_CHECKED_IN"]
    assert again["late_minutes"] == 10  # still the first check-in's minutes
    assert len(events_of(enrolled, "pegawai_a")) == 2


# --- step 3: location ------------------------------------------------------------------------

def test_mock_location_is_rejected(client, enrolled):
    body = checkin(client, enrolled, "pegawai_a", is_mock=True).json
    assert body["status"] == "REJECTED" and body["codes"] == ["MOCK_LOCATION"]


def test_poor_gps_accuracy_is_rejected(client, enrolled):
    body = checkin(client, enrolled, "pegawai_a", accuracy_m=500).json
    assert body["codes"] == ["LOW_ACCURACY"]


def test_outside_the_geofence_needs_a_purpose_and_a_note(client, enrolled):
    far = (-8.1724 + 0.045, 113.7005)  # ~5 km north
    for extra in ({}, {"note": "rapat di kecamatan"}, {"purpose": "WFH"}):
        body = checkin(client, enrolled, "pegawai_a", lat=far[0], lon=far[1], **extra).json
        assert body["status"] == "REJECTED" and body["codes"] == ["NOTE_REQUIRED"]
        assert "keperluan" in body["message"] and "menunggu" not in body["message"]


def test_outside_with_a_note_is_pending_until_the_supervisor_approves(client, enrolled):
    far = (-8.1724 + 0.045, 113.7005)
    response = checkin(client, enrolled, "pegawai_a", lat=far[0], lon=far[1],
                       note="Dinas luar ke Kantor Kecamatan Sumbersari", purpose="DINAS_LUAR")
    assert response.status_code == 201
    body = response.json
    assert body["status"] == "PENDING" and body["codes"] == ["OUTSIDE_GEOFENCE"]
    assert "menunggu persetujuan" in body["message"]
    employee_id = enrolled.people["pegawai_a"].id
    record = DailyRecord.get(DailyRecord.employee == employee_id)
    assert record.has_pending and record.check_in_at is None
    event_id = body["event_id"]
    outsider = client.post(f"/api/v1/attendance/checkins/{event_id}/approve",
                           headers=enrolled.headers("kepala_b"), json={})
    assert outsider.status_code == 403
    own = client.post(f"/api/v1/attendance/checkins/{event_id}/approve",
                      headers=enrolled.headers("atasan_a"), json={})
    assert own.status_code == 200 and own.json["approval"] == "approved"
    record = DailyRecord.get(DailyRecord.employee == employee_id)
    assert record.status == "WFH" and record.late_minutes == 10 and not record.has_pending
    twice = client.post(f"/api/v1/attendance/checkins/{event_id}/approve",
                        headers=enrolled.headers("kepala_a"), json={})
    assert twice.status_code == 409


def test_rejecting_needs_a_reason(client, enrolled):
    far = (-8.1724 + 0.045, 113.7005)
    event_id = checkin(client, enrolled, "pegawai_a", lat=far[0], lon=far[1],
                       note="WFH", purpose="WFH").json["event_id"]
    url = f"/api/v1/attendance/checkins/{event_id}/reject"
    assert client.post(url, headers=enrolled.headers("atasan_a"), json={}).status_code == 400
    done = client.post(url, headers=enrolled.headers("atasan_a"),
                       json={"reason": "Tidak ada surat tugas"})
    assert done.json["approval"] == "rejected"


def test_impossible_jump_is_pending(client, enrolled, app):
    assert checkin(client, enrolled, "pegawai_a").json["status"] == "ACCEPTED"
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T07:20:00+07:00"
    surabaya = (-7.2575, 112.7521)  # ~150 km in 10 minutes
    body = checkin(client, enrolled, "pegawai_a", kind="out", lat=surabaya[0], lon=surabaya[1],
                   note="rapat", purpose="DINAS_LUAR", number=3).json
    assert body["status"] == "PENDING"
    assert body["codes"] == ["IMPOSSIBLE_JUMP", "OUTSIDE_GEOFENCE"]


def test_no_presence_location(client, enrolled):
    from api.models import EmployeeLocation

    EmployeeLocation.delete().where(
        EmployeeLocation.employee == enrolled.people["pegawai_a"].id).execute()
    assert checkin(client, enrolled, "pegawai_a").json["codes"] == ["NO_LOCATION"]


# --- step 1: account and device -------------------------------------------------------------

def test_first_use_binds_the_device_and_a_new_phone_needs_approval(client, enrolled):
    employee_id = enrolled.people["pegawai_a"].id
    assert checkin(client, enrolled, "pegawai_a", device="hp-lama").json["status"] == "ACCEPTED"
    assert DeviceBinding.get(DeviceBinding.employee == employee_id).status == "active"
    body = checkin(client, enrolled, "pegawai_a", device="hp-baru", number=3).json
    assert body["codes"] == ["DEVICE_CHANGE_REQUESTED"]
    pending = DeviceBinding.get(DeviceBinding.employee == employee_id,
                                DeviceBinding.status == "pending")
    assert checkin(client, enrolled, "pegawai_a", device="hp-baru", number=4).json["codes"] == [
        "DEVICE_PENDING"]
    approved = client.post(f"/api/v1/devices/requests/{pending.id}/approve",
                           headers=enrolled.headers("admin"), json={})
    assert approved.status_code == 200 and approved.json["status"] == "active"
    statuses = {b.device.uid: b.status for b in DeviceBinding.select().where(
        DeviceBinding.employee == employee_id)}
    assert statuses == {"hp-lama": "revoked", "hp-baru": "active"}


def test_a_phone_bound_to_a_colleague_cannot_check_in_for_someone_else(client, enrolled):
    enroll(client, enrolled, "pegawai_a2", "london_005", numbers=(1,))
    assert checkin(client, enrolled, "pegawai_a", device="hp-bersama").json["status"] == \
        "ACCEPTED"
    body = checkin(client, enrolled, "pegawai_a2", device="hp-bersama",
                   identity="london_005", number=2).json
    assert body["codes"] == ["DEVICE_SHARED"]


def test_a_rejected_attempt_does_not_bind_the_phone(client, enrolled):
    body = checkin(client, enrolled, "pegawai_a", identity="london_009",
                   device="hp-penipu").json
    assert body["codes"] == ["FACE_MISMATCH"]
    assert not DeviceBinding.select().where(
        DeviceBinding.employee == enrolled.people["pegawai_a"].id).exists()


def test_kiosk_of_the_own_opd_is_shared_by_design(client, enrolled):
    kiosk = client.post("/api/v1/devices/kiosks", headers=enrolled.headers("operator_a"),
                        json={"device_id": "kios-lobi-1", "label": "Kios lobi",
                              "opd_id": enrolled.opds["a"].id})
    assert kiosk.status_code == 201
    assert checkin(client, enrolled, "pegawai_a", device="kios-lobi-1").json["status"] == \
        "ACCEPTED"
    enroll(client, enrolled, "pegawai_b", "london_006", by="operator_b")
    other = checkin(client, enrolled, "pegawai_b", device="kios-lobi-1", identity="london_006",
                    number=2)
    assert other.json["codes"] == ["DEVICE_NOT_BOUND"]


def test_inactive_account_attempt_is_stored_as_rejected(client, enrolled):
    employee = enrolled.people["pegawai_a"]
    headers = enrolled.headers("pegawai_a")
    employee.active = False
    employee.save()
    body = checkin(client, enrolled, "pegawai_a", headers=headers).json
    assert body["codes"] == ["ACCOUNT_INACTIVE"]
    assert events_of(enrolled, "pegawai_a")[-1].status == "REJECTED"


def test_default_password_attempt_is_refused(client, enrolled):
    from api.models import Credential

    Credential.update(must_change_password=True).where(
        Credential.employee == enrolled.people["pegawai_a"].id).execute()
    body = checkin(client, enrolled, "pegawai_a").json
    assert body["codes"] == ["PASSWORD_CHANGE_REQUIRED"]


# --- step 5 and idempotency ------------------------------------------------------------------

def test_retry_with_the_same_key_returns_the_first_answer(client, enrolled):
    first = checkin(client, enrolled, "pegawai_a", key="sama-1")
    retry = checkin(client, enrolled, "pegawai_a", key="sama-1")
    assert first.status_code == 201 and retry.status_code == 200
    assert retry.headers["Idempotent-Replay"] == "true"
    assert retry.json == first.json
    assert len(events_of(enrolled, "pegawai_a")) == 1


def test_missing_idempotency_key_and_bad_fields(client, enrolled):
    import io

    response = client.post("/api/v1/attendance/checkins", headers=enrolled.headers("pegawai_a"),
                           data={"kind": "in", "lat": "-8.1", "lon": "113.7", "accuracy_m": "5",
                                 "device_id": "hp-1",
                                 "selfie": (io.BytesIO(face_photo("webmorph_lisa", 2)), "s.jpg")},
                           content_type="multipart/form-data")
    assert response.json["error"]["code"] == "IDEMPOTENCY_KEY_REQUIRED"
    bad = checkin(client, enrolled, "pegawai_a", lat=123.0)
    assert bad.status_code == 422 and "lat" in bad.json["error"]["details"]
