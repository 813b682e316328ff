"""A create answer is what a later GET shows (issue 14): the client keeps what the POST said
and never finds another shape, another time format or a missing name when it reads again."""
from __future__ import annotations

import pytest

from tests.api.changes.test_corrections import correct
from tests.api.org.test_org import new_employee
from tests.factories import stored_checkin


def read(client, world, url: str, created: dict, who: str = "admin") -> dict:
    """The created item as GET shows it: by its own URL, or found by id in a list."""
    body = client.get(url, headers=world.headers(who)).json
    if isinstance(body, dict) and "items" in body:
        body = body["items"]
    if isinstance(body, list):
        return next(item for item in body if item["id"] == created["id"])
    return body


@pytest.mark.parametrize("what", ["employee", "location", "unit", "group", "correction",
                                  "device", "closing", "rule", "mutation", "role", "absence",
                                  "cancellation"])
def test_the_create_answer_equals_the_later_get(app, client, world, what):
    admin = world.headers("admin")
    people = world.people
    if what == "employee":
        created = client.post("/api/v1/employees", headers=admin, json=new_employee(world)).json
        created.pop("default_password")  # shown once, by design
        url = f"/api/v1/employees/{created['id']}"
    elif what == "location":
        created = client.post("/api/v1/locations", headers=admin, json={
            "opd_id": world.opds["b"].id, "name": "UPT Bontang", "lat": 0.1333, "lon": 117.5,
            "tz": "Asia/Makassar"}).json
        url = "/api/v1/locations"
    elif what == "unit":
        created = client.post("/api/v1/units", headers=admin, json={
            "opd_id": world.opds["a"].id, "code": "APT", "name": "Bidang Aplikasi"}).json
        url = f"/api/v1/units?opd={world.opds['a'].id}"
    elif what == "group":
        created = client.post("/api/v1/schedule-groups", headers=admin, json={
            "code": "PUSK", "name": "Puskesmas", "kind": "weekly",
            "observes_holidays": True}).json
        url = "/api/v1/schedule-groups"
    elif what == "correction":
        app.config["HADIR_FAKE_NOW"] = "2026-03-02T16:00:00+07:00"
        stored_checkin(world, "pegawai_a", "2026-03-02T07:45:00+07:00")
        created = correct(client, world, check_in="07.00").json
        url = "/api/v1/corrections?from=2026-03-02&to=2026-03-02"
    elif what == "device":
        created = client.post("/api/v1/devices/requests", headers=world.headers("pegawai_a"),
                              json={"device_id": "hp-baru-pegawai-a", "note": "HP rusak"}).json
        url = "/api/v1/devices/requests"
    elif what == "closing":
        created = client.post("/api/v1/closings", headers=admin,
                              json={"opd": world.opds["b"].id, "month": "2026-01"}).json
        url = "/api/v1/closings"
    elif what == "rule":
        created = client.post("/api/v1/rules", headers=admin, json={
            "effective_from": "2026-04-01", "params": {"tpp_rates": {"TK": 4}},
            "note": "Perbup 12/2026"}).json
        versions = client.get("/api/v1/rules", headers=admin).json["versions"]
        assert next(v for v in versions if v["id"] == created["id"]) == created
        return
    elif what == "mutation":
        created = client.post(f"/api/v1/employees/{people['pegawai_a'].id}/mutations",
                              headers=admin, json={
                                  "opd_id": world.opds["b"].id, "supervisor_id": None,
                                  "valid_from": "2026-04-01", "reason": "SK Bupati"}).json
        url = f"/api/v1/employees/{people['pegawai_a'].id}/mutations"
    elif what == "role":
        created = client.post(f"/api/v1/employees/{people['pegawai_a'].id}/roles",
                              headers=admin, json={"role": "analis"}).json
        url = f"/api/v1/employees/{people['pegawai_a'].id}/roles"
    elif what == "absence":
        import io

        from tests.factories import PDF_DOCUMENT

        created = client.post("/api/v1/absences", data={
            "code": "DL", "date_from": "2026-03-04", "date_to": "2026-03-05", "reason": "SPT",
            "document": (io.BytesIO(PDF_DOCUMENT), "spt.pdf")},
            content_type="multipart/form-data", headers=world.headers("pegawai_a")).json
        url = f"/api/v1/absences/{created['id']}"
    else:
        app.config["HADIR_FAKE_NOW"] = "2026-03-02T09:00:00+07:00"
        stored_checkin(world, "pegawai_a2", "2026-03-02T06:40:00+07:00")
        created = client.post("/api/v1/cancellations", headers=world.headers("kepala_a"), json={
            "employee_id": people["pegawai_a2"].id, "work_date": "2026-03-02",
            "witness_ids": [people["operator_a"].id, people["atasan_a"].id],
            "statement": "Meninggalkan kantor pukul 08.00 tanpa izin."}).json
        url = f"/api/v1/cancellations/{created['id']}"
    assert "id" in created, created
    assert read(client, world, url, created) == created
