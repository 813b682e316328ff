"""The demo pemda as a new user meets it: generate it, log in, check in, get approved."""
from __future__ import annotations

import json

import pytest

from api.models import DailyRecord, Employee, Opd
from data import demo
from tests.api.checkin_helpers import checkin


@pytest.fixture
def demo_world(app, app_config, monkeypatch, tmp_path):
    for key in ("DATABASE_URL", "UPLOAD_DIR", "HADIR_FAKE_NOW"):
        monkeypatch.setenv(key, app_config[key])
    monkeypatch.setenv("HADIR_ENV", "demo")
    monkeypatch.setenv("HADIR_CLOCK_RUNNING", "false")
    logins = tmp_path / "logins.json"
    demo.main(["--employees", "80", "--months", "1", "--seed", "3", "--logins", str(logins)])
    return {entry["role"]: entry for entry in json.loads(logins.read_text())}


def login(client, entry):
    response = client.post("/api/v1/auth/login",
                           json={"nip": entry["nip"], "password": entry["password"]})
    assert response.status_code == 200, response.json
    assert response.json["must_change_password"] is False
    return {"Authorization": f"Bearer {response.json['access_token']}"}


def test_demo_has_a_login_per_role_and_a_realistic_pemda(client, demo_world):
    assert set(demo_world) == {"pegawai", "atasan", "kepala_opd", "operator", "admin", "analis",
                               "pegawai_kamera"}
    assert demo_world["pegawai_kamera"]["face_identity"] is None
    assert Employee.select().count() == 80
    assert Opd.select().count() == 6  # a small pemda: six OPDs incl. a 6-day one and the RSUD
    statuses = {r.status for r in DailyRecord.select(DailyRecord.status).distinct()}
    assert {"H", "TK", "LIBUR"} <= statuses
    late = DailyRecord.select().where(DailyRecord.late_tier > 0).count()
    assert late > 0
    roles = login(client, demo_world["kepala_opd"])
    pending = client.get("/api/v1/attendance/checkins?approval=pending", headers=roles).json
    assert pending["total"] >= 1  # out-of-office check-ins wait for this head


def test_new_user_story(client, demo_world, app):
    entry = demo_world["pegawai"]
    headers = login(client, entry)
    me = client.get("/api/v1/me", headers=headers).json
    assert me["face_enrolled"] and me["locations"]
    office = me["locations"][0]
    identity = entry["face_identity"]

    def attempt(lat=office["lat"], lon=office["lon"], **kwargs):
        return checkin(client, None, "pegawai", headers=headers, device="hp-penguji",
                       lat=lat, lon=lon, **kwargs).json

    accepted = attempt(identity=identity, number=2)
    assert accepted["status"] == "ACCEPTED", accepted
    assert accepted["late_minutes"] == 10, accepted  # 07:10, the fixture clock
    stranger = attempt(identity="london_010", number=2)
    assert stranger["status"] == "REJECTED" and "FACE_MISMATCH" in stranger["codes"]
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T14:00:00+07:00"
    far = attempt(lat=office["lat"] + 0.045, identity=identity, number=3, kind="out",
                  note="Dinas luar ke Puskesmas Ambulu",  # ~5 km north of the office
                  purpose="DINAS_LUAR")
    assert far["status"] == "PENDING" and far["codes"] == ["OUTSIDE_GEOFENCE"], far
    supervisor = login(client, demo_world["atasan"])
    queue = client.get("/api/v1/attendance/checkins?approval=pending", headers=supervisor).json
    assert far["event_id"] in {item["id"] for item in queue["items"]}
    decided = client.post(f"/api/v1/attendance/checkins/{far['event_id']}/approve",
                          headers=supervisor, json={})
    assert decided.status_code == 200 and decided.json["approval"] == "approved"
    day = client.get("/api/v1/attendance/days?from=2026-03-02&to=2026-03-02",
                     headers=headers).json["items"][0]
    assert day["status"] == "WFH" and day["late_minutes"] == 10 and day["early_minutes"] == 60


def test_a_tester_enrols_their_own_face_as_the_operator_then_checks_in(client, demo_world):
    """The README's laptop-camera story: the operator photographs the tester for the demo
    colleague without a face, then the tester checks in as that colleague."""
    import io

    from tests.conftest import face_photo

    kamera = login(client, demo_world["pegawai_kamera"])
    me = client.get("/api/v1/me", headers=kamera).json
    assert me["face_enrolled"] is False
    operator = login(client, demo_world["operator"])
    enrolled = client.post(f"/api/v1/employees/{me['id']}/face", headers=operator,
                           content_type="multipart/form-data", data={"photos": [
                               (io.BytesIO(face_photo("london_064", 1)), "1.jpg")]})
    assert enrolled.status_code == 201, enrolled.json
    office = me["locations"][0]
    answer = checkin(client, None, "pegawai_kamera", headers=kamera, device="laptop-penguji",
                     lat=office["lat"], lon=office["lon"], identity="london_064", number=2)
    assert answer.json["status"] == "ACCEPTED", answer.json
    # a face already enrolled for a colleague (the demo pegawai's) is refused for this account
    twice = client.post(f"/api/v1/employees/{me['id']}/face", headers=operator,
                        content_type="multipart/form-data", data={"photos": [
                            (io.BytesIO(face_photo("webmorph_lisa", 3)), "3.jpg")]})
    assert twice.status_code == 409 and twice.json["error"]["code"] == (
        "ENROLL_FACE_OF_OTHER_EMPLOYEE")


def test_every_demo_login_checks_in_with_photo_2_as_the_readme_says(client, demo_world):
    for role, entry in demo_world.items():
        if entry["face_identity"] is None:
            continue
        headers = login(client, entry)
        office = client.get("/api/v1/me", headers=headers).json["locations"][0]
        answer = checkin(client, None, role, headers=headers, device=f"hp-{role}",
                         lat=office["lat"], lon=office["lon"], identity=entry["face_identity"],
                         number=2).json
        assert answer["status"] == "ACCEPTED", (role, answer)
