"""Corrections by the OPD's operator or an admin (Perbup Pasal 5: the administrator manages
the pemda's attendance data): evidence and reason required, before/after audited."""
from __future__ import annotations

import io
import json

from api.models import AuditEntry, Correction
from tests.factories import PDF_DOCUMENT, stored_checkin

AFTERNOON = "2026-03-02T16:00:00+07:00"


def correct(client, world, who="operator_a", employee="pegawai_a", work_date="2026-03-02",
            evidence=PDF_DOCUMENT, **fields):
    data = {"employee_id": str(world.people[employee].id), "work_date": work_date,
            "reason": "Aplikasi gagal mengunggah presensi; bukti daftar hadir rapat", **fields}
    if evidence is not None:
        data["evidence"] = (io.BytesIO(evidence), "bukti.pdf")
    return client.post("/api/v1/corrections", data=data, content_type="multipart/form-data",
                       headers=world.headers(who))


def day_of(client, world, employee="pegawai_a", work_date="2026-03-02"):
    response = client.get(f"/api/v1/attendance/days?employee={world.people[employee].id}"
                          f"&from={work_date}&to={work_date}", headers=world.headers("admin"))
    return response.json["items"][0]


def test_corrected_check_in_time_replaces_the_app_punch(app, client, world):
    stored_checkin(world, "pegawai_a", "2026-03-02T07:45:00+07:00")
    app.config["HADIR_FAKE_NOW"] = AFTERNOON
    assert day_of(client, world)["label"] == "TL2"
    response = correct(client, world, check_in="06.55")
    assert response.status_code == 201, response.json
    day = day_of(client, world)
    assert (day["status"], day["label"], day["source"]) == ("H", "H", "correction")
    assert day["late_minutes"] == 0 and day["check_in_at"] == "2026-03-01T23:55:00Z"
    entry = AuditEntry.get(AuditEntry.action == "correction.create")
    before, after = json.loads(entry.before), json.loads(entry.after)
    assert (before["label"], before["source"]) == ("TL2", "app")
    assert (after["label"], after["source"]) == ("H", "correction")
    assert after["correction"]["reason"].startswith("Aplikasi gagal")
    assert entry.evidence.startswith(f"stored_file:{response.json['evidence_id']} sha256:")
    assert entry.actor == world.people["operator_a"].id


def test_correction_with_a_code_and_a_later_time_correction(app, client, world):
    stored_checkin(world, "pegawai_a", "2026-03-02T06:50:00+07:00")
    app.config["HADIR_FAKE_NOW"] = AFTERNOON
    assert correct(client, world, code="DL").status_code == 201
    day = day_of(client, world)
    assert (day["status"], day["excused_code"], day["source"]) == ("DL", "DL", "correction")
    assert correct(client, world, check_out="15.05").status_code == 201
    day = day_of(client, world)  # times lift the earlier code: the day is computed again
    assert (day["status"], day["check_out_at"]) == ("H", "2026-03-02T08:05:00Z")


def test_correction_refusals(app, client, world):
    app.config["HADIR_FAKE_NOW"] = AFTERNOON
    no_evidence = correct(client, world, code="H", evidence=None)
    assert no_evidence.status_code == 422 and "evidence" in no_evidence.json["error"]["details"]
    no_reason = correct(client, world, code="H", reason="")
    assert no_reason.status_code == 422 and "reason" in no_reason.json["error"]["details"]
    both = correct(client, world, code="H", check_in="07.00")
    assert both.status_code == 422
    neither = correct(client, world)
    assert neither.status_code == 422
    unknown = correct(client, world, code="BELUM")
    assert unknown.status_code == 422
    outside = correct(client, world, check_in="19.00")
    assert "di luar jendela" in outside.json["error"]["details"]["correction"][0]
    assert correct(client, world, who="kepala_a", code="H").status_code == 403  # not operator
    other_opd = correct(client, world, who="operator_b", code="H")
    assert other_opd.status_code == 403 and other_opd.json["error"]["code"] == "OUT_OF_SCOPE"
    own = correct(client, world, employee="operator_a", code="H")
    assert own.status_code == 403 and own.json["error"]["code"] == "SELF_DECISION"
    sunday = correct(client, world, work_date="2026-03-01", code="H")
    assert sunday.json["error"]["code"] == "DATE_NOT_WORKDAY"
    tomorrow = correct(client, world, work_date="2026-03-03", code="H")
    assert tomorrow.json["error"]["code"] == "FUTURE_DATE"
    last_month = correct(client, world, work_date="2026-02-27", code="H")
    assert last_month.status_code == 409
    assert last_month.json["error"]["code"] == "OUTSIDE_CURRENT_MONTH"
    assert Correction.select().count() == 0


def test_an_admin_corrects_any_opds_day(app, client, world):
    stored_checkin(world, "pegawai_b", "2026-03-02T07:40:00+07:00")
    app.config["HADIR_FAKE_NOW"] = AFTERNOON
    response = correct(client, world, who="admin", employee="pegawai_b", check_in="06.58")
    assert response.status_code == 201, response.json
    assert day_of(client, world, "pegawai_b")["source"] == "correction"
    assert AuditEntry.get(AuditEntry.action == "correction.create").actor == world.people[
        "admin"].id


def test_corrections_are_listed_in_scope(app, client, world):
    app.config["HADIR_FAKE_NOW"] = AFTERNOON
    correct(client, world, code="S")
    correct(client, world, who="operator_b", employee="pegawai_b", code="I")
    listed = client.get("/api/v1/corrections?from=2026-03-01&to=2026-03-31",
                        headers=world.headers("kepala_a")).json
    assert listed["total"] == 1 and listed["items"][0]["code"] == "S"
    own = client.get("/api/v1/corrections?from=2026-03-01&to=2026-03-31",
                     headers=world.headers("pegawai_b")).json
    assert [i["code"] for i in own["items"]] == ["I"]
