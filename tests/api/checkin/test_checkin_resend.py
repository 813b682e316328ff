"""The web app's two ways of sending a capture again: after a refusal the user can fix
(a purpose and note, a better GPS fix), and from the offline outbox (PENDING, OFFLINE_CAPTURE)."""
from __future__ import annotations

import pytest

from api.models import CheckinEvent, DailyRecord
from tests.api.checkin_helpers import checkin, enroll
from tests.conftest import face_photo
from tests.factories import OFFICE_A

FAR = (OFFICE_A[0] + 0.045, OFFICE_A[1])  # ~5 km north of the office


@pytest.fixture
def enrolled(client, world):
    enroll(client, world, "pegawai_a", "webmorph_lisa", numbers=(1,))
    return world


def record_of(world, who="pegawai_a"):
    return DailyRecord.get_or_none(DailyRecord.employee == world.people[who].id)


def test_the_same_capture_after_note_required_is_judged_afresh(client, enrolled):
    selfie = face_photo("webmorph_lisa", 2)
    first = checkin(client, enrolled, "pegawai_a", selfie=selfie, lat=FAR[0], lon=FAR[1],
                    key="capture-1")
    assert first.json["codes"] == ["NOTE_REQUIRED"]
    again = checkin(client, enrolled, "pegawai_a", selfie=selfie, lat=FAR[0], lon=FAR[1],
                    key="capture-1", note="Rapat di Kantor Kecamatan", purpose="DINAS_LUAR")
    assert again.status_code == 201 and "Idempotent-Replay" not in again.headers
    assert again.json["status"] == "PENDING" and again.json["codes"] == ["OUTSIDE_GEOFENCE"]
    assert again.json["approver"]["name"] == enrolled.people["atasan_a"].name
    # and from now on the key answers with this PENDING, however often it is sent
    third = checkin(client, enrolled, "pegawai_a", selfie=selfie, lat=FAR[0], lon=FAR[1],
                    key="capture-1", note="Rapat di Kantor Kecamatan", purpose="DINAS_LUAR")
    assert third.headers["Idempotent-Replay"] == "true"
    assert third.json["event_id"] == again.json["event_id"]
    employee = enrolled.people["pegawai_a"].id
    assert CheckinEvent.select().where(CheckinEvent.employee == employee,
                                       CheckinEvent.status == "PENDING").count() == 1


def test_the_same_capture_after_low_accuracy_with_a_better_fix_is_accepted(client, enrolled):
    selfie = face_photo("webmorph_lisa", 3)
    poor = checkin(client, enrolled, "pegawai_a", selfie=selfie, accuracy_m=900, key="cap-2")
    assert poor.json["codes"] == ["LOW_ACCURACY"]
    better = checkin(client, enrolled, "pegawai_a", selfie=selfie, accuracy_m=12, key="cap-2")
    assert better.json["status"] == "ACCEPTED", better.json
    assert record_of(enrolled).check_in_at is not None


def test_a_refusal_after_the_face_step_still_pins_the_key(client, enrolled):
    stranger = face_photo("london_002", 2)
    first = checkin(client, enrolled, "pegawai_a", selfie=stranger, key="cap-3")
    assert "FACE_MISMATCH" in first.json["codes"]
    again = checkin(client, enrolled, "pegawai_a", selfie=face_photo("webmorph_lisa", 2),
                    key="cap-3")
    assert again.headers["Idempotent-Replay"] == "true" and again.json == first.json


def test_a_rejection_explains_only_what_refused_it(client, enrolled):
    selfie = face_photo("webmorph_lisa", 4)
    assert checkin(client, enrolled, "pegawai_a", selfie=selfie).json["status"] == "ACCEPTED"
    body = checkin(client, enrolled, "pegawai_a", kind="out", selfie=selfie, lat=FAR[0],
                   lon=FAR[1], note="Dinas luar", purpose="DINAS_LUAR").json
    assert body["status"] == "REJECTED"
    assert body["codes"] == ["OUTSIDE_GEOFENCE", "REPLAY_SUSPECTED"]
    assert "ditolak" in body["message"] and "sama dengan foto" in body["message"]
    assert "menunggu persetujuan" not in body["message"]


def test_an_offline_capture_waits_and_counts_at_its_capture_time(app, client, enrolled):
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T09:40:00+07:00"  # the bus reached a signal
    response = checkin(client, enrolled, "pegawai_a", offline=True, key="outbox-1",
                       client_time="2026-03-02T06:52:00+07:00")
    assert response.status_code == 201
    body = response.json
    assert body["status"] == "PENDING" and body["codes"] == ["OFFLINE_CAPTURE"]
    assert body["captured_at"] == "2026-03-01T23:52:00Z"
    assert body["recorded_at"] == "2026-03-02T02:40:00Z"
    assert "06:52" in body["message"] and "tanpa sinyal" in body["message"]
    record = record_of(enrolled)
    assert record.has_pending and record.check_in_at is None  # nothing counts by itself
    # the supervisor sees both times in the queue, then approves
    queue = client.get("/api/v1/approvals", headers=enrolled.headers("atasan_a")).json
    item = next(i for i in queue["items"] if i["kind"] == "checkin")
    assert item["checkin"]["offline"] is True
    assert item["checkin"]["captured_at"] == "2026-03-01T23:52:00Z"
    assert item["checkin"]["recorded_at"] == "2026-03-02T02:40:00Z"
    assert "tanpa sinyal" in item["summary"]
    decided = client.post(f"/api/v1/approvals/checkin/{body['event_id']}/approve", json={},
                          headers=enrolled.headers("atasan_a"))
    assert decided.status_code == 200, decided.json
    record = record_of(enrolled)
    assert (record.status, record.late_minutes, record.has_pending) == ("H", 0, False)
    assert record.check_in_at.strftime("%H:%M") == "23:52"  # 06:52 WIB, as captured


def test_an_offline_capture_sent_twice_is_one_event(app, client, enrolled):
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T08:00:00+07:00"
    sent = [checkin(client, enrolled, "pegawai_a", offline=True, key="outbox-2",
                    client_time="2026-03-02T06:58:00+07:00") for _ in range(2)]
    assert sent[0].json == sent[1].json and sent[1].headers["Idempotent-Replay"] == "true"
    assert CheckinEvent.select().where(
        CheckinEvent.employee == enrolled.people["pegawai_a"].id).count() == 1


@pytest.mark.parametrize(("client_time", "codes"), [
    ("2026-03-02T07:30:00+07:00", ["CLIENT_TIME_INVALID"]),  # 20 minutes in the future
    ("2026-02-26T06:55:00+07:00", ["OFFLINE_TOO_OLD"]),      # more than 72 hours ago
    ("2026-03-02T04:30:00+07:00", ["OFFLINE_CAPTURE", "TOO_EARLY"]),  # judged at its time
])
def test_an_implausible_offline_capture_is_refused(client, enrolled, client_time, codes):
    body = checkin(client, enrolled, "pegawai_a", offline=True, client_time=client_time).json
    assert body["status"] == "REJECTED" and body["codes"] == codes
    assert "menunggu" not in body["message"]


def test_an_offline_capture_still_goes_through_the_face_step(client, enrolled):
    body = checkin(client, enrolled, "pegawai_a", offline=True, identity="london_002",
                   client_time="2026-03-02T06:59:00+07:00").json
    assert body["status"] == "REJECTED" and "FACE_MISMATCH" in body["codes"]
