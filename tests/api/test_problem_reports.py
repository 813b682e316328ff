"""Reports of system problems (Perbup Pasal 6 ayat 2 d, Pasal 5 ayat 2 d): the operator files
one for their OPD, the administrator follows it up; nobody else reads them."""
from __future__ import annotations

import io

from api.models import AuditEntry
from tests.factories import PNG_DOCUMENT


def report(client, world, who="operator_a", opd="a", **fields):
    data = {"opd_id": str(world.opds[opd].id), "category": "wajah",
            "title": "Wajah pegawai tidak dikenali",
            "description": "Sejak pagi tiga pegawai Bidang Pelayanan ditolak FACE_MISMATCH.",
            **fields}
    return client.post("/api/v1/problem-reports", data=data, content_type="multipart/form-data",
                       headers=world.headers(who))


def test_the_operator_reports_and_the_admin_follows_up(client, world):
    filed = report(client, world, employee_id=str(world.people["pegawai_a"].id),
                   attachment=(io.BytesIO(PNG_DOCUMENT), "layar.png"))
    assert filed.status_code == 201, filed.json
    body = filed.json
    assert (body["status"], body["employee"]["id"]) == ("open", world.people["pegawai_a"].id)
    shot = client.get(body["attachment_url"], headers=world.headers("admin"))
    assert shot.status_code == 200 and shot.data == PNG_DOCUMENT
    url = f"/api/v1/problem-reports/{body['id']}/status"
    unanswered = client.post(url, json={"status": "resolved"}, headers=world.headers("admin"))
    assert unanswered.status_code == 422 and "response" in unanswered.json["error"]["details"]
    done = client.post(url, headers=world.headers("admin"), json={
        "status": "resolved", "response": "Template wajah didaftarkan ulang; sudah normal."})
    assert done.status_code == 200 and done.json["handled_by"]["id"] == world.people["admin"].id
    seen = client.get(f"/api/v1/problem-reports/{body['id']}", headers=world.headers("operator_a"))
    assert seen.json["status"] == "resolved" and "normal" in seen.json["response"]
    actions = [a.action for a in AuditEntry.select().where(AuditEntry.entity == "problem_report")]
    assert actions == ["problem.report", "problem.status"]


def test_reports_stay_within_the_opd(client, world):
    assert report(client, world, who="operator_a", opd="b").status_code == 403
    other = report(client, world, employee_id=str(world.people["pegawai_b"].id))
    assert other.status_code == 400 and "employee_id" in other.json["error"]["details"]
    mine = report(client, world).json
    report(client, world, who="operator_b", opd="b")
    listed = client.get("/api/v1/problem-reports", headers=world.headers("operator_a")).json
    assert [r["id"] for r in listed["items"]] == [mine["id"]]
    assert client.get("/api/v1/problem-reports",
                      headers=world.headers("admin")).json["total"] == 2
    for who in ("pegawai_a", "kepala_a", "operator_b"):
        assert client.get(f"/api/v1/problem-reports/{mine['id']}",
                          headers=world.headers(who)).status_code in (403, 404)
    assert client.post(f"/api/v1/problem-reports/{mine['id']}/status", json={
        "status": "in_progress"}, headers=world.headers("operator_a")).status_code == 403


def test_a_report_needs_a_real_description(client, world):
    short = report(client, world, description="rusak")
    assert short.status_code == 422 and "description" in short.json["error"]["details"]
    wrong = report(client, world, category="kopi")
    assert wrong.status_code == 422 and "category" in wrong.json["error"]["details"]
