"""Presence-reporting campaigns (issue 11, SiAbOn Jambi): definitions and their refusals,
reports inside the windows (face, replay, device checked as for check-ins), idempotency,
excuses, compliance by OPD and unit, a mid-campaign transfer, an office in WITA, and nothing
touched in attendance."""
from __future__ import annotations

import io

from api.models import AuditEntry, CampaignReport, CheckinEvent, DailyRecord
from tests.api.campaigns.helpers import compliance, define, file_excuse, report
from tests.api.checkin_helpers import enroll
from tests.factories import PDF_DOCUMENT


def test_bad_definitions_are_refused_in_bahasa(client, world, app):
    overlap = define(client, world, app, windows=[{"start": "07:00", "end": "09:00"},
                                                  {"start": "08:30", "end": "10:00"}])
    assert overlap.status_code == 422 and overlap.json["error"]["code"] == "CAMPAIGN_INVALID"
    assert "tumpang tindih" in overlap.json["error"]["details"]["windows"][0]
    backwards = define(client, world, app, windows=[{"start": "09:00", "end": "07:00"}])
    assert "setelah jam mulai" in backwards.json["error"]["details"]["windows"][0]
    past = define(client, world, app, date_from="2026-02-20", date_to="2026-02-22",
                  report_deadline="2026-02-23T11:00:00+07:00")
    assert "paling cepat besok" in past.json["error"]["details"]["date_from"][0]
    unknown = define(client, world, app, opds=[world.opds["a"].id, 999])
    assert unknown.json["error"]["details"]["opds"] == ["OPD tidak dikenal: 999."]
    wrong_hour = define(client, world, app, windows=[{"start": "7 pagi", "end": "09:00"}])
    assert wrong_hour.status_code == 422
    assert wrong_hour.json["error"]["details"]["windows"]["0"]["start"] == [
        "Jam harus HH:MM, mis. 07:00."]
    as_head = client.post("/api/v1/campaigns", headers=world.headers("kepala_a"), json={})
    assert as_head.status_code == 403


def test_a_campaign_is_editable_until_it_starts_and_audited(client, world, app):
    created = define(client, world, app)
    assert created.status_code == 201, created.json
    campaign = created.json
    assert [w["label"] for w in campaign["windows"]] == ["07.00–09.00", "15.00–17.00"]
    renamed = client.patch(f"/api/v1/campaigns/{campaign['id']}", headers=world.headers("admin"),
                           json={"name": "SiAbOn Idul Fitri"})
    assert renamed.status_code == 200, renamed.json
    assert renamed.json["name"] == "SiAbOn Idul Fitri"
    assert client.get(f"/api/v1/campaigns/{campaign['id']}",
                      headers=world.headers("pegawai_a")).json == renamed.json
    app.config["HADIR_FAKE_NOW"] = "2026-03-01T06:00:00+07:00"
    late = client.patch(f"/api/v1/campaigns/{campaign['id']}", headers=world.headers("admin"),
                        json={"name": "Terlambat"})
    assert late.status_code == 409 and late.json["error"]["code"] == "CAMPAIGN_STARTED"
    actions = [e.action for e in AuditEntry.select().where(AuditEntry.entity == "campaign")]
    assert actions == ["campaign.create", "campaign.update"]


def test_a_report_in_a_window_counts_once_and_touches_no_attendance(client, world, app):
    campaign = define(client, world, app).json
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    app.config["HADIR_FAKE_NOW"] = "2026-03-01T07:20:00+07:00"  # a Sunday: still a window
    records_before = DailyRecord.select().count()
    first = report(client, world, "pegawai_a", campaign["id"], key="pagi-1")
    assert first.status_code == 201, first.json
    assert (first.json["work_date"], first.json["window"], first.json["inside_zone"]) == (
        "2026-03-01", 0, True)
    assert "07.20 WIB tercatat" in first.json["message"]
    retry = report(client, world, "pegawai_a", campaign["id"], key="pagi-1")
    assert retry.status_code == 200 and retry.json["id"] == first.json["id"]
    again = report(client, world, "pegawai_a", campaign["id"], number=3)
    assert again.status_code == 200 and again.json["duplicate"] is True
    assert again.json["id"] == first.json["id"] and "sudah Anda laporkan" in again.json["message"]
    assert CampaignReport.select().count() == 1
    assert DailyRecord.select().count() == records_before  # no H/TK day comes from a report
    assert CheckinEvent.select().count() == 0
    app.config["HADIR_FAKE_NOW"] = "2026-03-01T10:00:00+07:00"
    closed = report(client, world, "pegawai_a", campaign["id"], number=4)
    assert closed.status_code == 409 and closed.json["error"]["code"] == "REPORT_OUTSIDE_WINDOW"


def test_reports_are_checked_as_check_ins_are(client, world, app):
    campaign = define(client, world, app).json
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T07:30:00+07:00"
    someone_else = report(client, world, "pegawai_a", campaign["id"], identity="london_012")
    assert someone_else.status_code == 422
    assert someone_else.json["error"]["details"]["codes"] == ["FACE_MISMATCH"]
    not_enrolled = report(client, world, "pegawai_a2", campaign["id"])
    assert not_enrolled.json["error"]["details"]["codes"] == ["FACE_NOT_ENROLLED"]
    other_opd = report(client, world, "pegawai_b", campaign["id"])
    assert other_opd.status_code == 403 and other_opd.json["error"]["code"] == \
        "CAMPAIGN_NOT_TARGETED"
    ok = report(client, world, "pegawai_a", campaign["id"], number=2)
    assert ok.status_code == 201
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T15:30:00+07:00"
    replay = report(client, world, "pegawai_a", campaign["id"], number=2)  # the same photo
    assert replay.json["error"]["details"]["codes"] == ["REPLAY_SUSPECTED"]


def test_compliance_names_the_non_reporters_and_the_travellers(client, world, app):
    campaign = define(client, world, app).json
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    enroll(client, world, "atasan_a", "london_012", by="admin")
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T07:30:00+07:00"
    assert report(client, world, "pegawai_a", campaign["id"]).status_code == 201
    padang = report(client, world, "atasan_a", campaign["id"], identity="london_012",
                    lat=-0.95, lon=100.35)  # reported from Padang: mudik
    assert padang.status_code == 201 and padang.json["inside_zone"] is False
    assert "di luar zona" in padang.json["message"]
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T10:00:00+07:00"
    day = compliance(client, world, campaign["id"], date="2026-03-02")
    morning = next(w for w in day["by_window"] if w["window"] == 0)
    people_a = 5  # kepala, operator, atasan, pegawai, pegawai_a2
    assert (morning["reported"], morning["missed"]) == (2, people_a - 2)
    assert day["totals"]["upcoming"] == people_a  # the afternoon window has not opened
    missing = {r["nip"] for r in day["non_reporters"]}
    assert world.people["pegawai_a2"].nip in missing
    assert world.people["pegawai_a"].nip not in missing
    assert [r["nip"] for r in day["outside_zone"]] == [world.people["atasan_a"].nip]
    assert day["by_opd"][0]["opd_name"] == "Dinas Komunikasi dan Informatika"
    assert day["by_unit"][0]["unit_name"] == "Sekretariat"
    whole = compliance(client, world, campaign["id"])
    assert whole["totals"]["missed"] == 2 * people_a + (people_a - 2)  # 1 March + 2 March am
    head = compliance(client, world, campaign["id"], who="kepala_a")
    assert head["totals"] == whole["totals"]
    other = client.get(f"/api/v1/campaigns/{campaign['id']}/compliance?opd="
                       f"{world.opds['a'].id}", headers=world.headers("kepala_b"))
    assert other.status_code == 403
    assert client.get(f"/api/v1/campaigns/{campaign['id']}/compliance",
                      headers=world.headers("pegawai_a")).status_code == 403


def test_an_excuse_or_an_approved_absence_excuses_a_window(client, world, app):
    campaign = define(client, world, app).json
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T10:00:00+07:00"
    filed = file_excuse(client, world, campaign["id"], "pegawai_a2", work_date="2026-03-02",
                        window="0", reason="Mengantar orang tua ke rumah sakit")
    assert filed.status_code == 201, filed.json
    own = client.post(f"/api/v1/campaign-excuses/{filed.json['id']}/approve",
                      headers=world.headers("pegawai_a2"), json={})
    assert own.status_code == 403
    waiting = client.get("/api/v1/campaign-excuses", headers=world.headers("kepala_a")).json
    assert [e["id"] for e in waiting] == [filed.json["id"]]
    decided = client.post(f"/api/v1/campaign-excuses/{filed.json['id']}/approve",
                          headers=world.headers("kepala_a"), json={})
    assert decided.status_code == 200 and decided.json["status"] == "approved"
    from api.models import AbsenceRequest, StoredFile

    document = StoredFile.get_by_id(filed.json["document_id"])
    AbsenceRequest.create(employee=world.people["pegawai_a"], opd=world.opds["a"], code="CT",
                          date_from="2026-03-01", date_to="2026-03-06", workdays=5,
                          document=document, status="approved",
                          submitted_by=world.people["pegawai_a"].id)
    day = compliance(client, world, campaign["id"], date="2026-03-02")
    morning = next(w for w in day["by_window"] if w["window"] == 0)
    assert morning["excused"] == 2
    missing = {r["nip"] for r in day["non_reporters"]}
    assert not missing & {world.people["pegawai_a"].nip, world.people["pegawai_a2"].nip}


def test_a_mid_campaign_transfer_and_an_office_in_wita(client, world, app):
    campaign = define(client, world, app, opds=[world.opds["a"].id, world.opds["b"].id]).json
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T10:00:00+07:00"
    moved = client.post(f"/api/v1/employees/{world.people['pegawai_a'].id}/mutations",
                        headers=world.headers("admin"), json={
                            "opd_id": world.opds["b"].id, "supervisor_id": None,
                            "valid_from": "2026-03-02", "reason": "SK Bupati"})
    assert moved.status_code == 201
    client.patch(f"/api/v1/locations/{world.locations['b'].id}", headers=world.headers("admin"),
                 json={"tz": "Asia/Makassar"})
    enroll(client, world, "pegawai_b", "london_026", by="admin")
    app.config["HADIR_FAKE_NOW"] = "2026-03-03T06:30:00+07:00"  # 07:30 WITA
    early = report(client, world, "pegawai_b", campaign["id"], identity="london_026")
    assert early.status_code == 201, early.json
    assert "07.30 WITA" in early.json["message"]
    app.config["HADIR_FAKE_NOW"] = "2026-03-03T10:00:00+07:00"
    days = {d: compliance(client, world, campaign["id"], date=d) for d in ("2026-03-01",
                                                                        "2026-03-02")}
    nip = world.people["pegawai_a"].nip
    before = next(r for r in days["2026-03-01"]["non_reporters"] if r["nip"] == nip)
    after = next(r for r in days["2026-03-02"]["non_reporters"] if r["nip"] == nip)
    assert (before["opd_id"], after["opd_id"]) == (world.opds["a"].id, world.opds["b"].id)


def test_the_head_downloads_the_non_reporters(client, world, app):
    import openpyxl
    from pypdf import PdfReader

    campaign = define(client, world, app, date_to="2026-03-02").json
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T07:30:00+07:00"
    assert report(client, world, "pegawai_a", campaign["id"]).status_code == 201
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T18:00:00+07:00"
    answer = compliance(client, world, campaign["id"], who="kepala_a")
    url = f"/api/v1/campaigns/{campaign['id']}/export"
    workbook = client.get(f"{url}?format=xlsx", headers=world.headers("kepala_a"))
    assert workbook.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(workbook.data))
    assert book.sheetnames == ["Ringkasan", "KOMINFO"]
    summary = book["Ringkasan"]
    assert summary["A5"].value == "LAPORAN PEMANTAUAN KEBERADAAN PEGAWAI"
    opd = answer["by_opd"][0]
    assert [c.value for c in summary[10]][1:] == [
        opd["opd_name"], opd["employees"], opd["reported"], opd["excused"], opd["missed"],
        opd["open"], opd["upcoming"], opd["outside_zone"], opd["percent"]]
    sheet = book["KOMINFO"]
    assert sheet["A2"].value == "DINAS KOMUNIKASI DAN INFORMATIKA"
    headers = [c.value for c in sheet[9]]
    assert headers[:4] == ["No.", "Nama", "NIP", "Jabatan"]
    assert headers[4:8] == ["01/03 07.00–09.00", "01/03 15.00–17.00", "02/03 07.00–09.00",
                            "02/03 15.00–17.00"]
    rows = {r[2]: r for r in sheet.iter_rows(min_row=10, values_only=True) if r[2]}
    assert len(rows) == answer["employees"]
    mine = rows[world.people["pegawai_a"].nip]
    assert mine[4:10] == ("Tidak", "Tidak", "Lapor", "Tidak", 3, 0)
    other = rows[world.people["pegawai_a2"].nip]
    assert other[4:8] == ("Tidak",) * 4 and other[8] == 4
    printed = client.get(f"{url}?format=pdf", headers=world.headers("kepala_a"))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(printed.data))
                             .pages).split())
    assert "LAPORAN PEMANTAUAN KEBERADAAN PEGAWAI" in text
    assert world.people["pegawai_a2"].name in text and "Kepala Dinas Komunikasi" in text
    assert "LAMPIRAN" not in text  # not a Perbup attachment


def test_an_excuse_waits_in_the_one_approvals_queue(client, world, app):
    campaign = define(client, world, app).json
    app.config["HADIR_FAKE_NOW"] = "2026-03-02T10:00:00+07:00"
    filed = file_excuse(client, world, campaign["id"], "pegawai_a", work_date="2026-03-01",
                        reason="Menunggui anak yang sakit")
    assert filed.status_code == 201 and filed.json["window_label"] == "sepanjang hari"
    queue = client.get("/api/v1/approvals", headers=world.headers("atasan_a")).json["items"]
    item = next(i for i in queue if i["kind"] == "campaign_excuse")
    assert item["campaign_excuse"]["reason"] == "Menunggui anak yang sakit"
    assert "1 Maret 2026" in item["summary"]
    document = client.get(item["campaign_excuse"]["document_url"],
                          headers=world.headers("atasan_a"))
    assert document.status_code == 200 and document.data == PDF_DOCUMENT
    assert client.get(item["campaign_excuse"]["document_url"],
                      headers=world.headers("pegawai_a2")).status_code == 403
    decided = client.post(f"/api/v1/approvals/campaign_excuse/{item['id']}/reject",
                          headers=world.headers("atasan_a"), json={"reason": "Tanpa surat"})
    assert decided.status_code == 200 and decided.json["status"] == "rejected"
    assert not [i for i in client.get("/api/v1/approvals", headers=world.headers(
        "atasan_a")).json["items"] if i["kind"] == "campaign_excuse"]
