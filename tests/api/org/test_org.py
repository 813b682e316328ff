"""Organisation management: OPDs, units, locations, employees, roles, mutations."""
from __future__ import annotations

from api.models import Assignment, AuditEntry, DailyRecord, Employee
from tests.factories import make_nip


def new_employee(world, **overrides):
    body = {"nip": make_nip(2), "name": "Siti Aminah", "jabatan": "Pranata Komputer",
            "golongan": "III/b", "employment_type": "PNS", "opd_id": world.opds["a"].id,
            "unit_id": world.units["a"].id, "supervisor_id": world.people["atasan_a"].id,
            "schedule_group_id": world.groups["5HK"].id,
            "location_ids": [world.locations["a"].id]}
    body.update(overrides)
    return body


def test_operator_creates_an_employee_with_a_one_time_password(client, world):
    response = client.post("/api/v1/employees", headers=world.headers("operator_a"),
                           json=new_employee(world))
    assert response.status_code == 201, response.json
    body = response.json
    assert body["opd_name"] == "Dinas Komunikasi dan Informatika"
    assert body["supervisor_name"] == "Atasan A"
    password = body["default_password"]
    login = client.post("/api/v1/auth/login", json={"nip": body["nip"], "password": password})
    assert login.json["must_change_password"] is True
    # the default password is never shown again
    again = client.get(f"/api/v1/employees/{body['id']}", headers=world.headers("operator_a"))
    assert "default_password" not in again.json
    assert AuditEntry.select().where(AuditEntry.action == "employee.create").exists()


def test_invalid_nip_is_explained(client, world):
    response = client.post("/api/v1/employees", headers=world.headers("admin"),
                           json=new_employee(world, nip="19861326 201505 1 001"))
    assert response.status_code == 400
    assert response.json["error"]["code"] == "INVALID_NIP"
    assert response.json["error"]["details"]["nip"]


def test_duplicate_nip(client, world):
    nip = world.people["pegawai_a"].nip
    response = client.post("/api/v1/employees", headers=world.headers("admin"),
                           json=new_employee(world, nip=nip))
    assert response.status_code == 409 and response.json["error"]["code"] == "DUPLICATE_NIP"


def test_non_asn_staff_use_the_configured_id_pattern(client, world):
    ok = client.post("/api/v1/employees", headers=world.headers("admin"),
                     json=new_employee(world, nip="PTT-2024-0007", employment_type="PTT-PK"))
    assert ok.status_code == 201
    bad = client.post("/api/v1/employees", headers=world.headers("admin"),
                      json=new_employee(world, nip="bukan id!", employment_type="NON_ASN"))
    assert bad.json["error"]["code"] == "INVALID_EMPLOYEE_ID"


def test_supervisor_chain_cannot_loop(client, world):
    kepala = world.people["kepala_a"]
    response = client.patch(f"/api/v1/employees/{kepala.id}", headers=world.headers("admin"),
                            json={"supervisor_id": world.people["pegawai_a"].id})
    assert response.status_code == 400
    assert response.json["error"]["code"] == "SUPERVISOR_CYCLE"


def test_unit_tree_cannot_loop(client, world):
    headers = world.headers("operator_a")
    child = client.post("/api/v1/units", headers=headers, json={
        "opd_id": world.opds["a"].id, "parent_id": world.units["a"].id, "code": "APT",
        "name": "Bidang Aplikasi"}).json
    loop = client.patch(f"/api/v1/units/{world.units['a'].id}", headers=headers,
                        json={"parent_id": child["id"]})
    assert loop.json["error"]["code"] == "UNIT_CYCLE"
    units = client.get(f"/api/v1/units?opd={world.opds['a'].id}", headers=headers).json
    assert {u["code"] for u in units} == {"SEK", "APT"}


def test_location_rejects_unknown_time_zone_and_bad_coordinates(client, world):
    headers = world.headers("admin")
    body = {"opd_id": world.opds["a"].id, "name": "Kantor Cabang", "lat": -8.1, "lon": 113.7,
            "tz": "Asia/Bontang"}
    assert client.post("/api/v1/locations", headers=headers,
                       json=body).json["error"]["code"] == "INVALID_TIMEZONE"
    body.update(tz="Asia/Makassar", lat=95)
    response = client.post("/api/v1/locations", headers=headers, json=body)
    assert response.status_code == 422 and "lat" in response.json["error"]["details"]


def test_deactivated_employee_cannot_log_in(client, world):
    employee = world.people["pegawai_a"]
    client.patch(f"/api/v1/employees/{employee.id}", headers=world.headers("operator_a"),
                 json={"active": False})
    login = client.post("/api/v1/auth/login", json={"nip": employee.nip,
                                                    "password": "Rahasia123"})
    assert login.json["error"]["code"] == "ACCOUNT_INACTIVE"


def test_roles_are_grants_and_one_person_can_hold_several(client, world):
    pegawai = world.people["pegawai_a2"]
    grant = client.post(f"/api/v1/employees/{pegawai.id}/roles", headers=world.headers("admin"),
                        json={"role": "operator", "opd_id": world.opds["a"].id})
    assert grant.status_code == 201
    roles = client.post("/api/v1/auth/login", json={"nip": pegawai.nip,
                                                    "password": "Rahasia123"}).json["roles"]
    assert {"pegawai", "operator"} <= set(roles)
    missing_opd = client.post(f"/api/v1/employees/{pegawai.id}/roles",
                              headers=world.headers("admin"), json={"role": "kepala_opd"})
    assert missing_opd.status_code == 422


def test_mutation_moves_the_employee_and_keeps_history(client, world, app):
    employee = world.people["pegawai_a"]
    app.config["HADIR_FAKE_NOW"] = "2026-03-16T10:00:00+07:00"
    from api import clock
    from api.services import daily

    daily.recompute_range(__import__("datetime").date(2026, 3, 2),
                          __import__("datetime").date(2026, 3, 13), [employee.id], clock.now())
    response = client.post(f"/api/v1/employees/{employee.id}/mutations",
                           headers=world.headers("admin"), json={
                               "opd_id": world.opds["b"].id, "unit_id": world.units["b"].id,
                               "location_id": world.locations["b"].id,
                               "supervisor_id": world.people["kepala_b"].id,
                               "valid_from": "2026-03-09", "reason": "SK Bupati 821/2026"})
    assert response.status_code == 201, response.json
    moved = Employee.get_by_id(employee.id)
    assert moved.opd_id == world.opds["b"].id
    history = client.get(f"/api/v1/employees/{employee.id}/mutations",
                         headers=world.headers("admin")).json
    assert [h["valid_from"] for h in history] == ["1900-01-01", "2026-03-09"]
    records = {r.work_date.isoformat(): r.opd_id for r in DailyRecord.select().where(
        DailyRecord.employee == employee.id)}
    assert records["2026-03-06"] == world.opds["a"].id  # before the mutation: old OPD
    assert records["2026-03-10"] == world.opds["b"].id
    # the new OPD's head now sees them, the old one no longer does
    assert client.get(f"/api/v1/employees/{employee.id}",
                      headers=world.headers("kepala_b")).status_code == 200
    assert client.get(f"/api/v1/employees/{employee.id}",
                      headers=world.headers("kepala_a")).status_code == 403
    assert Assignment.select().where(Assignment.employee == employee.id).count() == 2


def _transfer(client, world, valid_from: str, **extra):
    employee = world.people["pegawai_a"]
    body = {"opd_id": world.opds["b"].id, "location_id": world.locations["b"].id,
            "supervisor_id": world.people["kepala_b"].id, "valid_from": valid_from,
            "reason": "SK Bupati 821/2026", **extra}
    return client.post(f"/api/v1/employees/{employee.id}/mutations",
                       headers=world.headers("admin"), json=body)


def test_future_mutation_takes_effect_on_its_date_without_the_nightly_run(client, world, app):
    employee = world.people["pegawai_a"]
    created = _transfer(client, world, "2026-04-01")
    assert created.status_code == 201 and created.json["applied"] is False
    assert created.json["supervisor_id"] == world.people["kepala_b"].id
    assert Employee.get_by_id(employee.id).opd_id == world.opds["a"].id
    app.config["HADIR_FAKE_NOW"] = "2026-04-01T07:10:00+07:00"  # the nightly run has not run
    me = client.get("/api/v1/me", headers=world.headers("pegawai_a")).json
    assert me["opd"]["id"] == world.opds["b"].id and me["supervisor"]["name"] == "Kepala B"
    assert [loc["id"] for loc in me["locations"]] == [world.locations["b"].id]
    assert client.get(f"/api/v1/employees/{employee.id}",
                      headers=world.headers("kepala_b")).status_code == 200
    applied = AuditEntry.select().where(AuditEntry.action == "employee.mutation.apply")
    assert applied.count() == 1  # once, however many requests follow
    client.get("/api/v1/me", headers=world.headers("pegawai_a"))
    assert applied.count() == 1
    result = app.test_cli_runner().invoke(args=["nightly"])
    assert "mutasi: 0" in result.output


def test_a_transfer_asks_for_the_new_supervisor(client, world):
    employee = world.people["pegawai_a"]
    body = {"opd_id": world.opds["b"].id, "valid_from": "2026-04-01", "reason": "SK Bupati"}
    missing = client.post(f"/api/v1/employees/{employee.id}/mutations",
                          headers=world.headers("admin"), json=body)
    assert missing.status_code == 422
    error = missing.json["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert error["details"]["supervisor_id"] == [
        "Atasan langsung di tempat baru wajib diisi (null bila tidak ada)."]
    none = _transfer(client, world, "2026-03-02", supervisor_id=None)  # explicitly: no one
    assert none.status_code == 201 and none.json["applied"] is True
    assert Employee.get_by_id(employee.id).supervisor_id is None


def test_a_back_dated_transfer_does_not_undo_a_later_one(client, world, app):
    employee = world.people["pegawai_a"]
    assert _transfer(client, world, "2026-03-02").status_code == 201
    earlier = _transfer(client, world, "2026-02-01", opd_id=world.opds["a"].id,
                        location_id=None, supervisor_id=world.people["atasan_a"].id)
    assert earlier.status_code == 201 and earlier.json["applied"] is True
    moved = Employee.get_by_id(employee.id)
    assert (moved.opd_id, moved.supervisor_id) == (world.opds["b"].id,
                                                   world.people["kepala_b"].id)


def test_me_shows_profile_locations_and_todays_schedule(client, world):
    body = client.get("/api/v1/me", headers=world.headers("pegawai_a")).json
    assert body["nip"] == world.people["pegawai_a"].nip
    assert body["supervisor"]["name"] == "Atasan A"
    assert body["locations"][0]["radius_m"] == 100
    assert body["locations"][0]["tz"] == "Asia/Jakarta"
    today = body["today"]
    assert today["workday"] is True and today["start"].startswith("2026-03-02T07:00:00+07:00")
    assert today["checkin_open"].startswith("2026-03-02T05:00")
    assert today["checkout_close"].startswith("2026-03-02T18:00")
