"""Absence requests: workdays only, documents checked by content, overlaps, the current-month
rule, who may decide, and the daily records that follow."""
from __future__ import annotations

import io
from datetime import date

import pytest

from api.models import AbsenceRequest, StoredFile
from tests.factories import PDF_DOCUMENT, PNG_DOCUMENT

FRIDAY_NOON = "2026-03-06T12:00:00+07:00"


def submit(client, world, who, code, date_from, date_to, *, employee=None,
           document=PDF_DOCUMENT, filename="surat.pdf", reason="Surat terlampir"):
    data = {"code": code, "date_from": date_from, "date_to": date_to, "reason": reason}
    if employee is not None:
        data["employee_id"] = str(world.people[employee].id)
    if document is not None:
        data["document"] = (io.BytesIO(document), filename)
    return client.post("/api/v1/absences", data=data, content_type="multipart/form-data",
                       headers=world.headers(who))


def decide(client, world, who, request_id, action="approve", reason=""):
    return client.post(f"/api/v1/absences/{request_id}/{action}", json={"reason": reason},
                       headers=world.headers(who))


def days(client, world, who, date_from, date_to, viewer=None):
    response = client.get(f"/api/v1/attendance/days?employee={world.people[who].id}"
                          f"&from={date_from}&to={date_to}", headers=world.headers(viewer or who))
    assert response.status_code == 200, response.json
    return {d["work_date"]: d for d in response.json["items"]}


def nightly(date_from: str, date_to: str) -> None:
    """What the nightly job does: days without any event become TK once over."""
    from api import clock
    from api.services import daily

    daily.recompute_range(date.fromisoformat(date_from), date.fromisoformat(date_to), None,
                          clock.now())


def test_approved_sick_leave_replaces_tk(app, client, world):
    app.config["HADIR_FAKE_NOW"] = FRIDAY_NOON
    nightly("2026-03-02", "2026-03-05")
    response = submit(client, world, "pegawai_a", "S", "2026-03-02", "2026-03-04")
    assert response.status_code == 201, response.json
    body = response.json
    assert (body["status"], body["workdays"], body["code_label"]) == ("pending", 3,
                                                                      "Sakit (dengan surat "
                                                                      "keterangan)")
    before = days(client, world, "pegawai_a", "2026-03-02", "2026-03-05")
    assert [before[d]["status"] for d in sorted(before)] == ["TK", "TK", "TK", "TK"]
    assert before["2026-03-03"]["has_pending"] and not before["2026-03-05"]["has_pending"]

    approved = decide(client, world, "atasan_a", body["id"])
    assert approved.status_code == 200, approved.json
    assert approved.json["status"] == "approved"
    after = days(client, world, "pegawai_a", "2026-03-02", "2026-03-05")
    assert [after[d]["status"] for d in sorted(after)] == ["S", "S", "S", "TK"]
    assert after["2026-03-02"]["source"] == "absence"
    assert after["2026-03-02"]["excused_code"] == "S"


def test_range_counts_workdays_only_and_a_holiday_week_is_refused(client, world):
    weekend = submit(client, world, "pegawai_a", "CT", "2026-03-06", "2026-03-10")
    assert weekend.status_code == 201 and weekend.json["workdays"] == 3  # Fri, Mon, Tue
    # 18–24 March 2026: Nyepi, Idul Fitri and their cuti bersama, a weekend in between
    lebaran = submit(client, world, "pegawai_a2", "CT", "2026-03-18", "2026-03-24")
    assert lebaran.status_code == 422
    assert lebaran.json["error"]["code"] == "NO_WORKDAY"
    assert AbsenceRequest.select().count() == 1


def test_overlap_is_refused_naming_the_other_request(client, world):
    first = submit(client, world, "pegawai_a", "DL", "2026-03-03", "2026-03-05")
    assert first.status_code == 201
    clash = submit(client, world, "pegawai_a", "I", "2026-03-05", "2026-03-06")
    assert clash.status_code == 409
    error = clash.json["error"]
    assert error["code"] == "ABSENCE_OVERLAP"
    assert "DL tanggal 3–5 Maret 2026" in error["message"]
    assert "menunggu persetujuan" in error["message"]
    assert error["details"]["other_id"] == first.json["id"]
    # another employee's request on the same dates is no overlap
    assert submit(client, world, "pegawai_a2", "I", "2026-03-05", "2026-03-05").status_code == 201
    rejected = decide(client, world, "atasan_a", first.json["id"], "reject", "Tanpa SPT")
    assert rejected.status_code == 200
    assert submit(client, world, "pegawai_a", "I", "2026-03-05", "2026-03-06").status_code == 201


def test_documents_are_checked_by_content_and_size(app, client, world):
    fake_pdf = submit(client, world, "pegawai_a", "S", "2026-03-03", "2026-03-03",
                      document=b"ini bukan pdf, hanya teks", filename="surat.pdf")
    assert fake_pdf.status_code == 415
    assert fake_pdf.json["error"]["code"] == "UNSUPPORTED_MEDIA"
    missing = submit(client, world, "pegawai_a", "S", "2026-03-03", "2026-03-03", document=None)
    assert missing.status_code == 422 and "document" in missing.json["error"]["details"]
    app.config["MAX_DOCUMENT_BYTES"] = 1024
    big = submit(client, world, "pegawai_a", "S", "2026-03-03", "2026-03-03",
                 document=PDF_DOCUMENT + b"0" * 2000)
    assert big.status_code == 413
    assert big.json["error"]["code"] == "PAYLOAD_TOO_LARGE"
    png = submit(client, world, "pegawai_a", "S", "2026-03-03", "2026-03-03",
                 document=PNG_DOCUMENT, filename="surat-dokter.pdf")
    assert png.status_code == 201
    assert StoredFile.get_by_id(AbsenceRequest.get().document_id).mime == "image/png"
    assert StoredFile.select().count() == 1  # nothing kept of the refused uploads


@pytest.mark.parametrize("code", ["TK", "H", "CB-BERSAMA", "LIBUR", "XYZ"])
def test_only_requestable_codes(client, world, code):
    response = submit(client, world, "pegawai_a", code, "2026-03-03", "2026-03-03")
    assert response.status_code == 422
    assert "code" in response.json["error"]["details"]


def test_only_the_current_month(client, world):
    february = submit(client, world, "pegawai_a", "S", "2026-02-26", "2026-02-27")
    assert february.status_code == 409
    assert february.json["error"]["code"] == "OUTSIDE_CURRENT_MONTH"
    spanning = submit(client, world, "pegawai_a", "CT", "2026-03-30", "2026-04-02")
    assert spanning.status_code == 409
    assert spanning.json["error"]["details"]["month"] == "2026-04"


def test_operator_submits_for_own_opd_only(client, world):
    own = submit(client, world, "operator_a", "DIK", "2026-03-09", "2026-03-11",
                 employee="pegawai_a")
    assert own.status_code == 201
    assert own.json["employee"]["id"] == world.people["pegawai_a"].id
    assert own.json["submitted_by"] == world.people["operator_a"].id
    other_opd = submit(client, world, "operator_b", "DIK", "2026-03-09", "2026-03-11",
                       employee="pegawai_a")
    assert other_opd.status_code == 403
    colleague = submit(client, world, "pegawai_a2", "I", "2026-03-12", "2026-03-12",
                       employee="pegawai_a")
    assert colleague.status_code == 403


def test_who_may_decide(client, world):
    request_id = submit(client, world, "pegawai_a", "I", "2026-03-03", "2026-03-03").json["id"]
    assert decide(client, world, "pegawai_a2", request_id).status_code == 403  # no such role
    outside = decide(client, world, "kepala_b", request_id)
    assert outside.status_code == 403 and outside.json["error"]["code"] == "OUT_OF_SCOPE"
    assert decide(client, world, "operator_b", request_id).json["error"]["code"] == "OUT_OF_SCOPE"
    assert decide(client, world, "operator_a", request_id).json["status"] == "approved"
    again = decide(client, world, "kepala_a", request_id)
    assert again.status_code == 409 and again.json["error"]["code"] == "REQUEST_NOT_PENDING"

    own = submit(client, world, "atasan_a", "I", "2026-03-04", "2026-03-04").json["id"]
    self_decided = decide(client, world, "atasan_a", own)
    assert self_decided.status_code == 403
    assert self_decided.json["error"]["code"] == "SELF_DECISION"
    assert decide(client, world, "kepala_a", own).json["status"] == "approved"


def test_rejection_needs_a_reason(client, world):
    request_id = submit(client, world, "pegawai_a", "I", "2026-03-03", "2026-03-03").json["id"]
    blank = decide(client, world, "atasan_a", request_id, "reject", "  ")
    assert blank.status_code == 400 and blank.json["error"]["code"] == "REASON_REQUIRED"
    rejected = decide(client, world, "atasan_a", request_id, "reject", "Surat izin tidak sah")
    assert rejected.json["status"] == "rejected"
    assert rejected.json["decision_reason"] == "Surat izin tidak sah"


def test_withdraw_pending_and_revoke_approved(app, client, world):
    app.config["HADIR_FAKE_NOW"] = FRIDAY_NOON
    pending = submit(client, world, "pegawai_a", "I", "2026-03-05", "2026-03-05").json["id"]
    stranger = client.post(f"/api/v1/absences/{pending}/cancel", json={"reason": ""},
                           headers=world.headers("pegawai_a2"))
    assert stranger.status_code == 403
    withdrawn = client.post(f"/api/v1/absences/{pending}/cancel", json={"reason": ""},
                            headers=world.headers("pegawai_a"))
    assert withdrawn.json["status"] == "cancelled"

    approved = submit(client, world, "pegawai_a", "DL", "2026-03-04", "2026-03-05").json["id"]
    decide(client, world, "atasan_a", approved)
    assert days(client, world, "pegawai_a", "2026-03-04", "2026-03-04")["2026-03-04"][
        "status"] == "DL"
    by_employee = client.post(f"/api/v1/absences/{approved}/cancel", json={"reason": "batal"},
                              headers=world.headers("pegawai_a"))
    assert by_employee.status_code == 403  # an approved absence is revoked by an approver
    no_reason = client.post(f"/api/v1/absences/{approved}/cancel", json={"reason": ""},
                            headers=world.headers("operator_a"))
    assert no_reason.status_code == 400
    revoked = client.post(f"/api/v1/absences/{approved}/cancel",
                          json={"reason": "SPT dibatalkan"}, headers=world.headers("operator_a"))
    assert revoked.json["status"] == "cancelled"
    assert days(client, world, "pegawai_a", "2026-03-04", "2026-03-04")["2026-03-04"][
        "status"] == "TK"


def test_listing_and_document_are_scoped(client, world):
    request_id = submit(client, world, "pegawai_a", "S", "2026-03-03", "2026-03-03").json["id"]
    submit(client, world, "pegawai_b", "S", "2026-03-03", "2026-03-03")
    mine = client.get("/api/v1/absences", headers=world.headers("pegawai_a")).json
    assert mine["total"] == 1 and mine["items"][0]["id"] == request_id
    kepala = client.get("/api/v1/absences?status=pending", headers=world.headers("kepala_a"))
    assert {i["employee"]["id"] for i in kepala.json["items"]} == {world.people["pegawai_a"].id}
    assert client.get("/api/v1/absences", headers=world.headers("admin")).json["total"] == 2
    document = client.get(f"/api/v1/absences/{request_id}/document",
                          headers=world.headers("atasan_a"))
    assert document.status_code == 200 and document.data == PDF_DOCUMENT
    assert document.mimetype == "application/pdf"
    denied = client.get(f"/api/v1/absences/{request_id}/document",
                        headers=world.headers("pegawai_b"))
    assert denied.status_code == 403
