"""The holes of issue 12, each tried through the API as the person who would try it."""
from __future__ import annotations

import io

import pytest

from api.models import AuditEntry, CheckinEvent, DeviceBinding
from tests.api.checkin_helpers import checkin, enroll, reencoded
from tests.conftest import face_photo
from tests.factories import PDF_DOCUMENT

KIOSK = "kios-kominfo-1"


def error(response) -> str:
    return response.json["error"]["code"]


def photos(identity: str, *numbers: int) -> dict:
    return {"photos": [(io.BytesIO(face_photo(identity, n)), f"{n}.jpg") for n in numbers]}


def post_face(client, world, by: str, who: str, identity: str, *numbers: int):
    return client.post(f"/api/v1/employees/{world.people[who].id}/face", data=photos(
        identity, *numbers), content_type="multipart/form-data", headers=world.headers(by))


@pytest.fixture
def faces(client, world):
    """Everyone involved with their own face: the operator (enrolled by an admin), the head,
    and two employees."""
    enroll(client, world, "operator_a", "london_007", by="admin")
    enroll(client, world, "kepala_a", "london_026", by="admin")  # an account above atasan
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    enroll(client, world, "pegawai_a2", "london_010")
    client.post("/api/v1/devices/kiosks", json={"device_id": KIOSK, "label": "Kios lobi",
                                                "opd_id": world.opds["a"].id},
                headers=world.headers("operator_a"))
    return world


def test_an_operator_cannot_take_over_the_head_of_the_opd(client, faces):
    w = faces
    reset = client.post(f"/api/v1/employees/{w.people['kepala_a'].id}/password-reset",
                        headers=w.headers("operator_a"))
    assert reset.status_code == 403 and error(reset) == "ADMIN_ONLY_ACCOUNT"
    for other_operator in ("operator_b", "kepala_a"):  # and no one outside the duty either
        assert client.post(f"/api/v1/employees/{w.people['pegawai_a'].id}/password-reset",
                           headers=w.headers(other_operator)).status_code == 403
    by_admin = client.post(f"/api/v1/employees/{w.people['kepala_a'].id}/password-reset",
                           headers=w.headers("admin"))
    assert by_admin.status_code == 200


def test_an_operator_cannot_check_in_for_a_colleague(client, faces):
    w = faces
    # 1. his own photos as the colleague's face: refused, the face is already his
    mine = post_face(client, w, "operator_a", "pegawai_a2", "london_007", 2)
    assert mine.status_code == 409 and error(mine) == "ENROLL_FACE_OF_OTHER_EMPLOYEE"
    assert mine.json["error"]["details"]["employee"]["id"] == w.people["operator_a"].id
    # 2. he may reset the colleague's password (a plain pegawai of his OPD) ...
    reset = client.post(f"/api/v1/employees/{w.people['pegawai_a2'].id}/password-reset",
                        headers=w.headers("operator_a"))
    assert reset.status_code == 200
    # ... which the colleague sees (and must change it before anything else)
    first = client.post("/api/v1/auth/login", json={
        "nip": w.people["pegawai_a2"].nip, "password": reset.json["default_password"]}).json
    changed = client.post("/api/v1/auth/password", json={
        "old_password": reset.json["default_password"], "new_password": "Presensi#Baru2026"},
        headers={"Authorization": f"Bearer {first['access_token']}"})
    assert changed.status_code == 200, changed.json
    inbox = client.get("/api/v1/me/inbox", headers=w.headers("pegawai_a2")).json["items"]
    assert inbox[0]["kind"] == "account" and "direset" in inbox[0]["title"]
    assert inbox[0]["by"] == w.people["operator_a"].name
    # 3. but his face on the colleague's account, on the OPD's kiosk, is named for what it is
    body = checkin(client, w, "pegawai_a2", device=KIOSK, identity="london_007", number=2).json
    assert body["status"] == "REJECTED" and body["codes"] == ["FACE_OF_OTHER_EMPLOYEE"]
    event = CheckinEvent.get_by_id(body["event_id"])
    assert event.matched_employee == w.people["operator_a"].id
    assert "pegawai lain" in body["message"]


def test_a_colleagues_face_on_my_account_is_flagged(client, faces):
    body = checkin(client, faces, "pegawai_a", identity="london_010", number=2).json
    assert body["codes"] == ["FACE_OF_OTHER_EMPLOYEE"]
    fraud = client.get("/api/v1/analytics/fraud?from=2026-03-01&to=2026-03-31",
                       headers=faces.headers("analis")).json
    [row] = fraud["signals"]["other_face"]
    assert (row["employee_id"], row["matched_employee_id"]) == (
        faces.people["pegawai_a"].id, faces.people["pegawai_a2"].id)
    # a stranger's face (no one of the OPD) stays a plain mismatch
    stranger = checkin(client, faces, "pegawai_a", identity="london_045", number=2).json
    assert stranger["codes"] == ["FACE_MISMATCH"]


def test_nobody_administers_their_own_account_or_records(client, faces):
    w = faces
    me = w.people["operator_a"].id
    own = [
        client.post(f"/api/v1/employees/{me}/password-reset", headers=w.headers("operator_a")),
        client.put(f"/api/v1/employees/{me}/locations", headers=w.headers("operator_a"),
                   json={"locations": [{"location_id": w.locations["a"].id, "primary": True}]}),
        post_face(client, w, "operator_a", "operator_a", "london_007", 2),
        client.patch(f"/api/v1/employees/{me}", json={"jabatan": "Kepala Bidang"},
                     headers=w.headers("operator_a")),
        client.post("/api/v1/manual-entries", headers=w.headers("operator_a"), data={
            "employee_id": me, "work_date": "2026-03-02", "check_in": "06.50",
            "evidence": (io.BytesIO(PDF_DOCUMENT), "lampiran1.pdf")},
            content_type="multipart/form-data"),
    ]
    for response in own:
        assert response.status_code == 403 and error(response) == "SELF_DECISION", response.json


def test_four_eyes_on_absences_filed_by_the_operator(client, faces):
    w = faces
    filed = client.post("/api/v1/absences", headers=w.headers("operator_a"), data={
        "employee_id": w.people["pegawai_a"].id, "code": "S", "date_from": "2026-03-03",
        "date_to": "2026-03-03", "reason": "Surat dokter",
        "document": (io.BytesIO(PDF_DOCUMENT), "surat.pdf")}, content_type="multipart/form-data")
    assert filed.status_code == 201, filed.json
    own = client.post(f"/api/v1/absences/{filed.json['id']}/approve", json={"reason": ""},
                      headers=w.headers("operator_a"))
    assert own.status_code == 403 and error(own) == "FOUR_EYES_REQUIRED"
    queue = client.get("/api/v1/approvals?kind=absence", headers=w.headers("operator_a")).json
    assert queue["total"] == 0  # not offered to the one who filed it
    other = client.post(f"/api/v1/absences/{filed.json['id']}/approve", json={"reason": ""},
                        headers=w.headers("atasan_a"))
    assert other.status_code == 200
    # and his own absence is never his to decide
    mine = client.post("/api/v1/absences", headers=w.headers("operator_a"), data={
        "code": "CT", "date_from": "2026-03-04", "date_to": "2026-03-04", "reason": "Cuti",
        "document": (io.BytesIO(PDF_DOCUMENT), "cuti.pdf")}, content_type="multipart/form-data")
    decided = client.post(f"/api/v1/absences/{mine.json['id']}/approve", json={"reason": ""},
                          headers=w.headers("operator_a"))
    assert decided.status_code == 403 and error(decided) == "SELF_DECISION"


def test_an_admin_does_not_approve_his_own_device(client, faces):
    w = faces
    request = client.post("/api/v1/devices/requests", json={"device_id": "hp-admin-baru"},
                          headers=w.headers("admin"))
    assert request.status_code == 201
    own = client.post(f"/api/v1/approvals/device/{request.json['id']}/approve",
                      json={"reason": ""}, headers=w.headers("admin"))
    assert own.status_code == 403 and error(own) == "SELF_DECISION"
    assert DeviceBinding.get_by_id(request.json["id"]).status == "pending"


def test_a_reenrolment_takes_effect_only_after_a_second_person(client, faces):
    w = faces
    pending = post_face(client, w, "operator_a", "pegawai_a", "webmorph_lisa", 4, 6)
    assert pending.status_code == 202 and pending.json["pending"]
    template_id = pending.json["pending"]["template_id"]
    again = post_face(client, w, "operator_a", "pegawai_a", "webmorph_lisa", 6)
    assert again.status_code == 409 and error(again) == "FACE_REQUEST_EXISTS"
    # until approved, check-ins match the old template (photo 1): lisa 3 is still her
    assert checkin(client, w, "pegawai_a", number=3).json["status"] == "ACCEPTED"
    own = client.post(f"/api/v1/approvals/face/{template_id}/approve", json={"reason": ""},
                      headers=w.headers("operator_a"))
    assert own.status_code == 403 and error(own) == "FOUR_EYES_REQUIRED"
    head_queue = client.get("/api/v1/approvals?kind=face", headers=w.headers("kepala_a")).json
    [item] = head_queue["items"]
    assert item["face"]["similarity_to_current"] > 0.93 and len(item["face"]["photos"]) == 2
    photo = client.get(item["face"]["photos"][0], headers=w.headers("kepala_a"))
    assert photo.status_code == 200 and photo.mimetype == "image/jpeg"
    approved = client.post(f"/api/v1/approvals/face/{template_id}/approve", json={"reason": ""},
                           headers=w.headers("kepala_a"))
    assert approved.status_code == 200 and approved.json["status"] == "approved"
    face = client.get(f"/api/v1/employees/{w.people['pegawai_a'].id}/face",
                      headers=w.headers("operator_a")).json
    assert face["template_id"] == template_id and face["photo_count"] == 2
    inbox = client.get("/api/v1/me/inbox", headers=w.headers("pegawai_a")).json["items"]
    assert "disetujui" in inbox[0]["title"] and inbox[0]["status"] == "approved"


def test_analysts_see_no_selfie_and_every_download_is_audited(client, faces):
    w = faces
    body = checkin(client, w, "pegawai_a", number=2).json
    url = f"/api/v1/attendance/checkins/{body['event_id']}/selfie"
    refused = client.get(url, headers=w.headers("analis"))
    assert refused.status_code == 403 and error(refused) == "EVIDENCE_RESTRICTED"
    for who in ("pegawai_a", "atasan_a", "kepala_a", "operator_a", "admin"):
        assert client.get(url, headers=w.headers(who)).status_code == 200, who
    viewers = {e.actor for e in AuditEntry.select().where(AuditEntry.action == "evidence.view")}
    assert viewers == {w.people[k].id for k in ("pegawai_a", "atasan_a", "kepala_a",
                                                "operator_a", "admin")}


@pytest.mark.parametrize(("scale", "quality"), [(0.83, 70), (0.5, 50), (1.0, 95)])
def test_a_resized_recompressed_copy_of_my_earlier_selfie_is_a_replay(client, faces, app,
                                                                      scale, quality):
    first = face_photo("webmorph_lisa", 2)
    assert checkin(client, faces, "pegawai_a", selfie=first).json["status"] == "ACCEPTED"
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T15:30:00+07:00"
    copy = reencoded(first, quality=quality, scale=scale)
    body = checkin(client, faces, "pegawai_a", kind="out", selfie=copy).json
    assert body["status"] == "REJECTED" and body["codes"] == ["REPLAY_SUSPECTED"], body
    # while a new photo of the same face is fresh
    fresh = checkin(client, faces, "pegawai_a", kind="out", number=3).json
    assert fresh["status"] == "ACCEPTED", fresh
