"""Manual attendance: single entries, the Lampiran I template and the all-or-nothing import."""
from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from api.models import AuditEntry, ManualEntry, ManualSheet, StoredFile
from tests.factories import PDF_DOCUMENT, PNG_DOCUMENT

AFTERNOON = "2026-03-02T16:00:00+07:00"


def enter(client, world, who, employee, work_date="2026-03-02", evidence=PDF_DOCUMENT, **fields):
    data = {"employee_id": str(world.people[employee].id), "work_date": work_date, **fields}
    if evidence is not None:
        data["evidence"] = (io.BytesIO(evidence), "bukti.pdf")
    return client.post("/api/v1/manual-entries", data=data, content_type="multipart/form-data",
                       headers=world.headers(who))


@pytest.fixture
def afternoon(app, world):
    """Monday 2 March at 16:00, the records of the morning computed (as the nightly job does)."""
    from datetime import date

    from api import clock
    from api.services import daily

    app.config["HADIR_FAKE_NOW"] = AFTERNOON
    daily.recompute_range(date(2026, 3, 2), date(2026, 3, 2), None, clock.now())


def day_of(client, world, employee, work_date="2026-03-02"):
    response = client.get(f"/api/v1/attendance/days?employee={world.people[employee].id}"
                          f"&from={work_date}&to={work_date}", headers=world.headers("admin"))
    return response.json["items"][0]


def template(client, world, who="operator_a", opd="a", day="2026-03-02"):
    return client.get(f"/api/v1/manual-sheets/template?opd={world.opds[opd].id}&date={day}",
                      headers=world.headers(who))


def fill(xlsx: bytes, rows: dict[str, tuple]) -> tuple[bytes, dict[str, int]]:
    """Fill the template like an operator in Excel: NIP → (datang, pulang, kode, keterangan)."""
    book = openpyxl.load_workbook(io.BytesIO(xlsx))
    sheet = book["Presensi"]
    numbers = {}
    for row in sheet.iter_rows(min_row=7):
        nip = row[2].value
        if nip in rows:
            numbers[nip] = row[0].row
            for cell, value in zip(row[4:8], rows[nip], strict=True):
                cell.value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), numbers


def upload(client, world, xlsx, who="operator_a", opd="a", day="2026-03-02",
           evidence=PNG_DOCUMENT, dry_run=False):
    data = {"opd": str(world.opds[opd].id), "date": day, "dry_run": str(dry_run).lower(),
            "sheet": (io.BytesIO(xlsx), "presensi.xlsx"),
            "evidence": (io.BytesIO(evidence), "pindaian.png")}
    return client.post("/api/v1/manual-sheets", data=data, content_type="multipart/form-data",
                       headers=world.headers(who))


def test_single_entry_with_times_becomes_a_manual_day(app, client, world):
    app.config["HADIR_FAKE_NOW"] = AFTERNOON
    response = enter(client, world, "operator_a", "pegawai_a", check_in="07.05",
                     check_out="15:10", remarks="Jaringan mati sejak pagi")
    assert response.status_code == 201, response.json
    assert response.json["check_in_at"] == "2026-03-02T00:05:00Z"
    day = day_of(client, world, "pegawai_a")
    assert (day["status"], day["label"], day["source"]) == ("H", "TL1", "manual")
    assert day["late_minutes"] == 5
    entry = AuditEntry.get(AuditEntry.action == "manual.create")
    assert entry.evidence.startswith(f"stored_file:{response.json['evidence_id']} sha256:")


def test_single_entry_with_a_code(app, client, world):
    app.config["HADIR_FAKE_NOW"] = AFTERNOON
    response = enter(client, world, "admin", "pegawai_b", code="s")
    assert response.status_code == 201 and response.json["code"] == "S"
    day = day_of(client, world, "pegawai_b")
    assert (day["status"], day["excused_code"], day["source"]) == ("S", "S", "manual")
    sheet_code_c = enter(client, world, "operator_a", "pegawai_a", code="C")
    assert sheet_code_c.json["code"] == "CT"  # Lampiran I's "C" is read as annual leave


def test_single_entry_refusals(app, client, world):
    app.config["HADIR_FAKE_NOW"] = AFTERNOON
    early = enter(client, world, "operator_a", "pegawai_a", check_in="04.00")
    assert early.status_code == 422
    assert "di luar jendela presensi (05.00–15.00)" in early.json["error"]["details"]["entry"][0]
    both = enter(client, world, "operator_a", "pegawai_a", check_in="07.00", code="S")
    assert both.status_code == 422
    nothing = enter(client, world, "operator_a", "pegawai_a")
    assert nothing.status_code == 422
    sunday = enter(client, world, "operator_a", "pegawai_a", work_date="2026-03-01", code="S")
    assert "bukan hari kerja" in sunday.json["error"]["details"]["entry"][0]
    future = enter(client, world, "operator_a", "pegawai_a", work_date="2026-03-03", code="S")
    assert future.status_code == 422 and future.json["error"]["code"] == "FUTURE_DATE"
    later_today = enter(client, world, "operator_a", "pegawai_a", check_out="17.30")
    assert "belum terjadi" in later_today.json["error"]["details"]["entry"][0]
    bad_code = enter(client, world, "operator_a", "pegawai_a", code="X")
    assert bad_code.status_code == 422 and "code" in bad_code.json["error"]["details"]
    no_evidence = enter(client, world, "operator_a", "pegawai_a", code="S", evidence=None)
    assert no_evidence.status_code == 422
    text_evidence = enter(client, world, "operator_a", "pegawai_a", code="S", evidence=b"teks")
    assert text_evidence.status_code == 415
    other_opd = enter(client, world, "operator_b", "pegawai_a", code="S")
    assert other_opd.status_code == 403
    employee = enter(client, world, "pegawai_a2", "pegawai_a", code="S")
    assert employee.status_code == 403
    assert enter(client, world, "operator_a", "pegawai_a", code="S").status_code == 201
    twice = enter(client, world, "operator_a", "pegawai_a", code="I")
    assert twice.status_code == 409 and twice.json["error"]["code"] == "MANUAL_EXISTS"
    assert ManualEntry.select().count() == 1
    assert StoredFile.select().count() == 1


def test_template_is_lampiran_one_prefilled(client, world):
    response = template(client, world)
    assert response.status_code == 200
    assert response.mimetype.endswith("spreadsheetml.sheet")
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    sheet = book["Presensi"]
    assert sheet["A1"].value == "PEMERINTAH KABUPATEN JEMBER"
    assert sheet["A2"].value == "DINAS KOMUNIKASI DAN INFORMATIKA"
    assert sheet["A3"].value == "PRESENSI HARIAN PEGAWAI MANUAL"
    assert "Senin, 2 Maret 2026" in sheet["A4"].value
    assert [c.value for c in sheet[6]] == ["No", "Nama", "NIP", "Jabatan", "Jam Datang",
                                           "Jam Pulang", "Kode", "Keterangan"]
    nips = [sheet.cell(row, 3).value for row in range(7, 12)]
    opd_a = {world.people[k].nip for k in ("kepala_a", "operator_a", "atasan_a", "pegawai_a",
                                             "pegawai_a2")}
    assert set(nips) == opd_a and sheet.cell(12, 3).value is None
    assert sheet.cell(7, 1).value == 1
    assert book["meta"].sheet_state == "hidden"
    assert template(client, world, who="operator_b").status_code == 403
    assert template(client, world, who="pegawai_a").status_code == 403


def test_valid_sheet_is_imported(afternoon, client, world):
    people = world.people
    xlsx, _ = fill(template(client, world).data, {
        people["pegawai_a"].nip: ("07.05", "15.10", None, "Internet kantor mati"),
        people["atasan_a"].nip: ("6:50", "15:00", None, None),
        people["pegawai_a2"].nip: (None, None, "DL", "SPT 090/12/2026"),
    })
    response = upload(client, world, xlsx)
    assert response.status_code == 201, response.json
    assert response.json["entry_count"] == 3
    assert day_of(client, world, "pegawai_a")["label"] == "TL1"
    assert day_of(client, world, "atasan_a")["status"] == "H"
    assert day_of(client, world, "pegawai_a2")["status"] == "DL"
    assert day_of(client, world, "kepala_a")["status"] == "BELUM"  # empty row: not imported
    assert {e.sheet_id for e in ManualEntry.select()} == {response.json["id"]}
    assert AuditEntry.select().where(AuditEntry.action == "manual.create").count() == 3
    sheet_audit = AuditEntry.get(AuditEntry.action == "manual.sheet.import")
    assert sheet_audit.evidence.startswith(f"stored_file:{response.json['evidence_id']} ")
    again = upload(client, world, xlsx)  # the same sheet twice: every row already exists
    assert again.status_code == 422 and len(again.json["error"]["details"]["rows"]) == 3


def test_a_preview_tells_what_the_sheet_would_change_and_writes_nothing(afternoon, client,
                                                                        world):
    people = world.people
    xlsx, _ = fill(template(client, world).data, {
        people["pegawai_a"].nip: ("07.05", "15.10", None, "Internet kantor mati"),
        people["pegawai_a2"].nip: (None, None, "DL", "SPT 090/12/2026")})
    audits, files = AuditEntry.select().count(), StoredFile.select().count()
    preview = upload(client, world, xlsx, dry_run=True)
    assert preview.status_code == 200, preview.json
    assert preview.json["preview"] is True and preview.json["id"] is None
    rows = {r["employee"]["nip"]: r for r in preview.json["rows"]}
    assert rows[people["pegawai_a2"].nip]["code"] == "DL" and rows[people["pegawai_a2"].nip][
        "changed"] is True
    assert day_of(client, world, "pegawai_a2")["status"] == "BELUM"  # nothing written ...
    assert ManualEntry.select().count() == 0 and ManualSheet.select().count() == 0
    assert (AuditEntry.select().count(), StoredFile.select().count()) == (audits, files)
    imported = upload(client, world, xlsx)  # ... and the import then does what it showed
    assert imported.status_code == 201 and imported.json["preview"] is False
    assert [(r["row"], r["changed"]) for r in imported.json["rows"]] == [
        (r["row"], r["changed"]) for r in preview.json["rows"]]
    assert day_of(client, world, "pegawai_a2")["status"] == "DL"


def test_sheet_with_three_bad_rows_imports_nothing(afternoon, client, world):
    people = world.people
    xlsx, numbers = fill(template(client, world).data, {
        people["pegawai_a"].nip: ("07.05", "15.10", None, None),        # fine
        people["atasan_a"].nip: ("25.00", None, None, None),            # no such time
        people["kepala_a"].nip: ("07.00", None, "S", None),             # time and code
        people["pegawai_a2"].nip: (None, None, "ZZ", None),             # unknown code
    })
    response = upload(client, world, xlsx)
    assert response.status_code == 422
    error = response.json["error"]
    assert error["code"] == "SHEET_INVALID"
    assert "3 baris" in error["message"]
    reported = {r["row"]: r["errors"] for r in error["details"]["rows"]}
    assert set(reported) == {numbers[people[k].nip] for k in ("atasan_a", "kepala_a",
                                                             "pegawai_a2")}
    assert "Jam Datang" in reported[numbers[people["atasan_a"].nip]][0]
    assert "ZZ" in reported[numbers[people["pegawai_a2"].nip]][0]
    assert ManualEntry.select().count() == 0 and ManualSheet.select().count() == 0
    assert StoredFile.select().count() == 0
    assert day_of(client, world, "pegawai_a")["status"] == "BELUM"


def test_unknown_nip_and_wrong_opd_rows(app, client, world):
    app.config["HADIR_FAKE_NOW"] = AFTERNOON
    book = openpyxl.load_workbook(io.BytesIO(template(client, world).data))
    sheet = book["Presensi"]
    sheet.cell(7, 3).value = world.people["pegawai_b"].nip  # an employee of another OPD
    sheet.cell(7, 5).value = "07.00"
    sheet.cell(8, 3).value = "199001012015011999"
    sheet.cell(8, 7).value = "S"
    out = io.BytesIO()
    book.save(out)
    rows = upload(client, world, out.getvalue()).json["error"]["details"]["rows"]
    assert rows[0]["row"] == 7 and "bukan pegawai OPD ini" in rows[0]["errors"][0]
    assert rows[1]["row"] == 8 and "tidak terdaftar" in rows[1]["errors"][0]


def test_sheet_refusals(app, client, world):
    app.config["HADIR_FAKE_NOW"] = AFTERNOON
    xlsx, _ = fill(template(client, world).data, {world.people["pegawai_a"].nip: (
        "07.00", None, None, None)})
    other_day = upload(client, world, xlsx, day="2026-02-27")
    assert other_day.status_code == 422 and other_day.json["error"]["code"] == "SHEET_MISMATCH"
    other_opd = upload(client, world, xlsx, who="admin", opd="b")
    assert other_opd.json["error"]["code"] == "SHEET_MISMATCH"
    not_xlsx = upload(client, world, PDF_DOCUMENT)
    assert not_xlsx.status_code == 415
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("hello.txt", "bukan lembar kerja")
    broken = upload(client, world, archive.getvalue())
    assert broken.status_code == 422 and broken.json["error"]["code"] == "SHEET_UNREADABLE"
    blank, _ = fill(template(client, world).data, {})
    assert upload(client, world, blank).json["error"]["code"] == "SHEET_EMPTY"
    assert upload(client, world, xlsx, who="operator_b").status_code == 403
    no_scan = client.post("/api/v1/manual-sheets", data={
        "opd": str(world.opds["a"].id), "date": "2026-03-02",
        "sheet": (io.BytesIO(xlsx), "presensi.xlsx")}, content_type="multipart/form-data",
        headers=world.headers("operator_a"))
    assert no_scan.status_code == 422 and "evidence" in no_scan.json["error"]["details"]
    assert upload(client, world, xlsx).status_code == 201


def test_excel_typed_values_are_read(app, client, world):
    """Times typed into General cells arrive as numbers or day fractions."""
    from datetime import time

    app.config["HADIR_FAKE_NOW"] = AFTERNOON
    xlsx, _ = fill(template(client, world).data, {
        world.people["pegawai_a"].nip: (7.15, time(15, 5), None, None),
        world.people["atasan_a"].nip: (0.28125, "15.00 WIB", None, None),  # 06:45
    })
    assert upload(client, world, xlsx).status_code == 201
    assert day_of(client, world, "pegawai_a")["check_in_at"] == "2026-03-02T00:15:00Z"
    assert day_of(client, world, "atasan_a")["check_in_at"] == "2026-03-01T23:45:00Z"


def test_the_sheet_reports_per_row_what_it_changed_and_why_not(afternoon, app, client, world):
    from datetime import date

    from api import clock
    from api.models import CheckinEvent
    from api.services import daily
    from tests.factories import stored_checkin

    wfh = stored_checkin(world, "pegawai_a", "2026-03-02T07:20:00+07:00", out_of_office=True)
    CheckinEvent.update(approval="approved").where(CheckinEvent.id == wfh.id).execute()
    stored_checkin(world, "atasan_a", "2026-03-02T07:05:00+07:00")
    daily.recompute_range(date(2026, 3, 2), date(2026, 3, 2), None, clock.now())
    people = world.people
    xlsx, rows = fill(template(client, world).data, {
        people["pegawai_a"].nip: ("07.00", None, None, "Lupa presensi"),
        people["atasan_a"].nip: (None, None, "S", None),
        people["pegawai_a2"].nip: (None, None, "DL", "SPT 090/12/2026"),
    })
    response = upload(client, world, xlsx)
    assert response.status_code == 201, response.json
    report = {r["employee"]["nip"]: r for r in response.json["rows"]}
    assert [r["row"] for r in response.json["rows"]] == sorted(rows.values())
    assert response.json["counted_count"] == 1
    lost = report[people["pegawai_a"].nip]
    assert (lost["counted"], lost["changed"]) == (False, False)
    assert lost["notes"] == ["Jam datang 07.00 tidak dipakai: presensi aplikasi 07.20 lebih kuat."]
    assert day_of(client, world, "pegawai_a")["status"] == "WFH"
    refused = report[people["atasan_a"].nip]
    assert (refused["counted"], refused["changed"]) == (False, False)
    assert refused["notes"][0].startswith("Kode S tidak berlaku: ada presensi aplikasi (datang "
                                          "07.05)")
    assert day_of(client, world, "atasan_a")["check_in_at"] == "2026-03-02T00:05:00Z"
    counted = report[people["pegawai_a2"].nip]
    assert (counted["counted"], counted["changed"], counted["notes"]) == (
        True, True, ["Kode DL dicatat."])
    again = client.get(f"/api/v1/manual-sheets/{response.json['id']}",
                       headers=world.headers("operator_a"))
    assert again.json == response.json  # the create answer is what a later GET shows
    assert client.get(f"/api/v1/manual-sheets/{response.json['id']}",
                      headers=world.headers("operator_b")).status_code == 403


def test_a_single_entry_tells_whether_it_counted(app, client, world):
    from tests.factories import stored_checkin

    app.config["HADIR_FAKE_NOW"] = AFTERNOON
    stored_checkin(world, "pegawai_a", "2026-03-02T07:05:00+07:00")
    response = enter(client, world, "operator_a", "pegawai_a", check_in="06.55",
                     check_out="15:10")
    assert response.status_code == 201, response.json
    assert response.json["outcome"] == {"counted": True, "changed": True, "notes": [
        "Jam datang 06.55 tidak dipakai: presensi aplikasi 07.05 lebih kuat.",
        "Jam pulang 15.10 dicatat."]}
    listed = client.get("/api/v1/manual-entries?from=2026-03-02&to=2026-03-02",
                        headers=world.headers("operator_a")).json["items"]
    assert listed == [response.json]


def test_an_entry_before_the_employee_joined_is_kept_and_says_it_does_not_count(app, client,
                                                                                world):
    app.config["HADIR_FAKE_NOW"] = "2026-03-03T09:00:00+07:00"
    new = client.post("/api/v1/employees", headers=world.headers("operator_a"), json={
        "nip": "198501012010011901", "name": "Pegawai Baru", "opd_id": world.opds["a"].id,
        "schedule_group_id": world.groups["5HK"].id})
    assert new.status_code == 201, new.json
    response = client.post("/api/v1/manual-entries", headers=world.headers("operator_a"),
                           content_type="multipart/form-data", data={
                               "employee_id": new.json["id"], "work_date": "2026-03-02",
                               "check_in": "07.00", "evidence": (io.BytesIO(PDF_DOCUMENT),
                                                                 "daftar.pdf")})
    assert response.status_code == 201, response.json
    assert response.json["outcome"] == {"counted": False, "changed": False, "notes": [
        "Tidak dihitung: tanggal itu sebelum pegawai terdaftar di Hadir."]}
