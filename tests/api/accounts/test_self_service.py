"""Self-service for every employee: the own monthly recap row and the inbox of decisions."""
from __future__ import annotations

import io
from datetime import date

from tests.factories import PDF_DOCUMENT, daily_records, stored_checkin


def test_own_recap_is_my_row_of_the_opd_recap(client, world):
    me, colleague = world.people["pegawai_a"], world.people["pegawai_a2"]
    daily_records(me, [date(2026, 3, 2)], "H", late_minutes=40, late_tier=2)
    daily_records(me, [date(2026, 3, 3), date(2026, 3, 4)], "TK")
    daily_records(colleague, [date(2026, 3, 2)], "TK")
    mine = client.get("/api/v1/me/recap?month=2026-03", headers=world.headers("pegawai_a"))
    assert mine.status_code == 200, mine.json
    body = mine.json
    assert [row["employee_id"] for row in body["rows"]] == [me.id]  # nobody else's
    assert "opds" not in body and body["month_label"] == "Maret 2026"
    row = body["rows"][0]
    assert (row["late_minutes"], row["tk_days"], row["TL2"]) == (40, 2, 1)
    assert row["tpp_percent"] == 7.0 and row["ytd_tk_days"] == 2  # 1% for TL2 + 2 × 3% TK
    head = client.get("/api/v1/recaps/monthly?month=2026-03", headers=world.headers("kepala_a"))
    same = next(r for r in head.json["rows"] if r["employee_id"] == me.id)
    assert same == row | {"no": same["no"]}


def test_own_recap_refuses_a_bad_month_in_bahasa(client, world):
    response = client.get("/api/v1/me/recap?month=2026-13", headers=world.headers("pegawai_a"))
    assert response.status_code == 422
    assert response.json["error"]["details"]["month"] == ["Bulan harus berformat YYYY-MM."]


def test_the_inbox_shows_decisions_about_me_with_who_and_why(client, world):
    event = stored_checkin(world, "pegawai_a", "2026-03-02T07:05:00+07:00", out_of_office=True,
                           note="Rapat di kecamatan")
    client.post(f"/api/v1/attendance/checkins/{event.id}/reject", headers=world.headers(
        "atasan_a"), json={"reason": "Tidak ada surat tugas"})
    filed = client.post("/api/v1/absences", headers=world.headers("pegawai_a"), data={
        "code": "S", "date_from": "2026-03-03", "date_to": "2026-03-03", "reason": "Demam",
        "document": (io.BytesIO(PDF_DOCUMENT), "surat.pdf")},
        content_type="multipart/form-data")
    assert filed.status_code == 201, filed.json
    client.post(f"/api/v1/absences/{filed.json['id']}/approve", headers=world.headers(
        "atasan_a"), json={"reason": ""})
    inbox = client.get("/api/v1/me/inbox", headers=world.headers("pegawai_a")).json["items"]
    kinds = {item["kind"]: item for item in inbox}
    assert kinds["checkin"]["status"] == "rejected"
    assert kinds["checkin"]["reason"] == "Tidak ada surat tugas"
    assert kinds["checkin"]["by"] == world.people["atasan_a"].name
    assert "2 Maret 2026" in kinds["checkin"]["title"]
    assert kinds["absence"]["status"] == "approved" and "Sakit" in kinds["absence"]["title"]
    # the colleague's inbox has none of it
    other = client.get("/api/v1/me/inbox", headers=world.headers("pegawai_a2")).json
    assert other["items"] == []
