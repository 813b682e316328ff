"""One approvals queue: each role sees what it may decide, with what it needs to decide it."""
from __future__ import annotations

import io

import pytest

from tests.factories import OFFICE_A, PDF_DOCUMENT, stored_checkin

REMOTE = (-8.2100, 113.6500)  # a village office ~7 km from the Diskominfo geofence


@pytest.fixture
def queue(app, client, world):
    """One pending item of each kind for OPD A, plus an absence in OPD B."""
    checkin = stored_checkin(world, "pegawai_a", "2026-03-02T06:58:00+07:00",
                             out_of_office=True, note="Pendampingan desa digital di Ajung",
                             lat=REMOTE[0], lon=REMOTE[1], distance_m=6950.0)
    stored_checkin(world, "pegawai_a2", "2026-03-02T06:40:00+07:00")
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T09:00:00+07:00"
    ids = {"checkin": checkin.id}
    for who in ("pegawai_a", "pegawai_b"):
        response = client.post("/api/v1/absences", data={
            "code": "DL", "date_from": "2026-03-04", "date_to": "2026-03-05", "reason": "SPT",
            "document": (io.BytesIO(PDF_DOCUMENT), "spt.pdf")},
            content_type="multipart/form-data", headers=world.headers(who))
        ids[f"absence_{who}"] = response.json["id"]
    device = client.post("/api/v1/devices/requests", json={"device_id": "hp-baru-pegawai-a",
                                                           "note": "HP lama rusak"},
                         headers=world.headers("pegawai_a"))
    ids["device"] = device.json["id"]
    cancellation = client.post("/api/v1/cancellations", headers=world.headers("kepala_a"), json={
        "employee_id": world.people["pegawai_a2"].id, "work_date": "2026-03-02",
        "witness_ids": [world.people["operator_a"].id, world.people["atasan_a"].id],
        "statement": "Meninggalkan kantor pukul 08.00 tanpa izin."})
    ids["cancellation"] = cancellation.json["id"]
    return ids


def items(client, world, who, query=""):
    response = client.get(f"/api/v1/approvals{query}", headers=world.headers(who))
    assert response.status_code == 200, response.json
    return response.json


def kinds(body) -> list[tuple[str, int]]:
    return [(item["kind"], item["employee"]["id"]) for item in body["items"]]


def test_each_role_sees_its_own_queue(client, world, queue):
    people = world.people
    supervisor = items(client, world, "atasan_a")
    assert kinds(supervisor) == [("checkin", people["pegawai_a"].id),
                                 ("absence", people["pegawai_a"].id)]
    head = items(client, world, "kepala_a")  # he is also pegawai_a2's direct supervisor
    # the cancellation he filed as supervisor is not his to decide (four eyes): BKD decides it
    assert sorted(k for k, _ in kinds(head)) == ["absence", "checkin"]
    operator = items(client, world, "operator_a")
    assert kinds(operator) == [("absence", people["pegawai_a"].id)]
    admin = items(client, world, "admin")
    assert sorted(kinds(admin)) == [("cancellation", people["pegawai_a2"].id),
                                    ("device", people["pegawai_a"].id)]
    assert items(client, world, "analis") == {"total": 0, "items": []}
    assert items(client, world, "pegawai_a")["total"] == 0
    other_opd = items(client, world, "kepala_b")
    assert kinds(other_opd) == [("absence", people["pegawai_b"].id)]


def test_items_carry_what_the_approver_needs(client, world, queue):
    body = items(client, world, "atasan_a")
    checkin, absence = body["items"]
    assert checkin["id"] == queue["checkin"] and checkin["submitted_at"] == "2026-03-01T23:58:00Z"
    assert checkin["employee"]["nip"] == world.people["pegawai_a"].nip
    assert checkin["employee"]["opd"]["name"] == "Dinas Komunikasi dan Informatika"
    detail = checkin["checkin"]
    assert detail["selfie_url"] == f"/api/v1/attendance/checkins/{queue['checkin']}/selfie"
    assert (detail["lat"], detail["lon"], detail["distance_m"]) == (*REMOTE, 6950.0)
    assert detail["geofence"]["lat"] == OFFICE_A[0] and detail["geofence"]["radius_m"] == 100
    assert detail["note"] == "Pendampingan desa digital di Ajung"
    assert detail["similarity"] == 0.71 and detail["liveness"] == 0.93
    selfie = client.get(detail["selfie_url"], headers=world.headers("atasan_a"))
    assert selfie.status_code == 200
    assert absence["absence"]["document_url"] == f"/api/v1/absences/{absence['id']}/document"
    assert absence["absence"]["workdays"] == 2 and absence["absence"]["code"] == "DL"
    assert "Dinas luar" in absence["summary"]

    head = items(client, world, "kepala_b", "?kind=absence")
    assert head["total"] == 1
    admin = next(i for i in items(client, world, "admin")["items"] if i["kind"] == "device")
    assert admin["device"]["device_uid"] == "hp-baru-pegawai-a"
    assert admin["device"]["note"] == "HP lama rusak"


def test_cancellation_waits_for_the_head_of_opd(client, world, queue):
    stored_checkin(world, "pegawai_a", "2026-03-02T06:50:00+07:00")
    filed = client.post("/api/v1/cancellations", headers=world.headers("atasan_a"), json={
        "employee_id": world.people["pegawai_a"].id, "work_date": "2026-03-02",
        "witness_ids": [world.people["operator_a"].id, world.people["pegawai_a2"].id],
        "statement": "Pulang pukul 09.00 tanpa izin."})
    assert filed.status_code == 201, filed.json
    head = items(client, world, "kepala_a", "?kind=cancellation")
    assert [item["id"] for item in head["items"]] == [filed.json["id"]]
    # what the head filed himself as direct supervisor goes to BKD (four eyes)
    bkd = items(client, world, "admin", "?kind=cancellation")
    assert [item["id"] for item in bkd["items"]] == [queue["cancellation"]]
    detail = bkd["items"][0]["cancellation"]
    assert [w["name"] for w in detail["witnesses"]] == ["Operator A", "Atasan A"]
    assert detail["supervisor"]["id"] == world.people["kepala_a"].id
    assert detail["day"]["status"] == "H" and detail["day"]["check_in_at"] == (
        "2026-03-01T23:40:00Z")
    assert "Meninggalkan kantor" in detail["statement"]
    assert items(client, world, "atasan_a", "?kind=cancellation")["total"] == 0
    assert items(client, world, "kepala_b", "?kind=cancellation")["total"] == 0


def test_filters_and_paging(client, world, queue):
    head = items(client, world, "kepala_a", f"?opd={world.opds['b'].id}")
    assert head["total"] == 0
    first = items(client, world, "atasan_a", "?limit=1")
    second = items(client, world, "atasan_a", "?limit=1&offset=1")
    assert first["total"] == second["total"] == 2
    assert [first["items"][0]["kind"], second["items"][0]["kind"]] == ["checkin", "absence"]
    bad = client.get("/api/v1/approvals?kind=leave", headers=world.headers("kepala_a"))
    assert bad.status_code == 422


def decide(client, world, who, kind, item_id, action="approve", reason=""):
    return client.post(f"/api/v1/approvals/{kind}/{item_id}/{action}", json={"reason": reason},
                       headers=world.headers(who))


def test_decisions_dispatch_to_each_kind(client, world, queue):
    checkin = decide(client, world, "atasan_a", "checkin", queue["checkin"])
    assert checkin.status_code == 200, checkin.json
    assert checkin.json == {"kind": "checkin", "id": queue["checkin"], "status": "approved",
                            "decided_at": "2026-03-02T02:00:00Z"}
    day = client.get(f"/api/v1/attendance/days?employee={world.people['pegawai_a'].id}"
                     "&from=2026-03-02&to=2026-03-02", headers=world.headers("atasan_a"))
    assert day.json["items"][0]["status"] == "WFH"
    absence = decide(client, world, "operator_a", "absence", queue["absence_pegawai_a"],
                     "reject", "SPT belum ditandatangani")
    assert absence.json["status"] == "rejected"
    assert decide(client, world, "kepala_a", "device", queue["device"]).status_code == 403
    device = decide(client, world, "admin", "device", queue["device"])
    assert device.json["status"] == "approved"
    own_filing = decide(client, world, "kepala_a", "cancellation", queue["cancellation"])
    assert own_filing.status_code == 403  # he filed it as direct supervisor: four eyes
    assert own_filing.json["error"]["code"] == "FOUR_EYES_REQUIRED"
    cancellation = decide(client, world, "admin", "cancellation", queue["cancellation"])
    assert cancellation.json["status"] == "approved"
    assert items(client, world, "atasan_a")["total"] == 0
    assert items(client, world, "admin")["total"] == 0


def test_decision_refusals(client, world, queue):
    outside = decide(client, world, "kepala_b", "checkin", queue["checkin"])
    assert outside.status_code == 403 and outside.json["error"]["code"] == "OUT_OF_SCOPE"
    assert decide(client, world, "kepala_b", "absence",
                  queue["absence_pegawai_a"]).json["error"]["code"] == "OUT_OF_SCOPE"
    assert decide(client, world, "operator_a", "checkin", queue["checkin"]).status_code == 403
    assert decide(client, world, "analis", "absence", queue["absence_pegawai_a"]
                  ).status_code == 403
    no_reason = decide(client, world, "atasan_a", "absence", queue["absence_pegawai_a"],
                       "reject")
    assert no_reason.status_code == 400 and no_reason.json["error"]["code"] == "REASON_REQUIRED"
    assert decide(client, world, "atasan_a", "leave", 1).status_code == 404
    assert decide(client, world, "atasan_a", "absence", 999).status_code == 404
