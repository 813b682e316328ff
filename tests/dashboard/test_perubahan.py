"""Ubah presensi (issue 15): manual entries, the Lampiran I upload with its preview,
corrections, absences filed by the operator, and the supervisor's cancellation with the
Lampiran III letter, against the real API. AppTest cannot drive a file dialog: the tests hand
the files to the page's staging slots (dashboard/uploads.py), which the uploaders fill."""
from __future__ import annotations

import io
from datetime import time

import openpyxl
import requests

from dashboard import texts
from tests.dashboard.helpers import texts_shown
from tests.dashboard.people import find_by_nip, hired
from tests.factories import PDF_DOCUMENT

TODAY = "2026-03-10"  # the demo's clock stands on Tuesday 10 March 2026, 08:30; the
# employees these tests hire joined today


def days(api, headers, person: dict, day: str = TODAY) -> dict:
    return requests.get(f"{api}/api/v1/attendance/days", headers=headers, timeout=10,
                        params={"employee": person["id"], "from": day, "to": day}
                        ).json()["items"][0]


def entries(api, headers, person: dict) -> list[dict]:
    return requests.get(f"{api}/api/v1/manual-entries", headers=headers, timeout=10, params={
        "employee": person["id"], "from": TODAY, "to": TODAY}).json()["items"]


def pick(at, key: str, person: dict) -> None:
    at.selectbox(key=key).set_value(person["id"])


def test_a_manual_entry_without_evidence_is_refused_at_the_file_then_saved(dashboard, api,
                                                                           api_login):
    headers = api_login("operator")
    person = hired(api, headers, "Wulan Sari")
    at = dashboard("operator", "perubahan")
    pick(at, "manual_employee", person)
    at.date_input(key="manual_date").set_value(TODAY)
    at.time_input(key="manual_in").set_value(time(7, 20))
    at.text_input(key="manual_remarks").input("Mesin presensi mati")
    at.button(key="manual_save").click().run()
    assert not at.exception, at.exception
    assert at.error and at.text_input(key="manual_remarks").value == "Mesin presensi mati"
    assert ":red[" in texts_shown(at)  # the reason under the evidence field
    at.session_state["manual_evidence"] = [("daftar-hadir.pdf", PDF_DOCUMENT)]
    at.button(key="manual_save").click().run()
    assert "Entri manual Wulan Sari" in texts_shown(at)
    assert texts.CHANGE_COUNTED in texts_shown(at)
    assert days(api, headers, person)["source"] == "manual"


def filled_sheet(api, headers, opd: int, rows: dict[str, tuple]) -> bytes:
    template = requests.get(f"{api}/api/v1/manual-sheets/template", headers=headers, timeout=30,
                            params={"opd": opd, "date": TODAY}).content
    book = openpyxl.load_workbook(io.BytesIO(template))
    for row in book["Presensi"].iter_rows(min_row=7):
        if row[2].value in rows:
            for cell, value in zip(row[4:8], rows[row[2].value], strict=True):
                cell.value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_lampiran_one_is_previewed_row_by_row_before_it_is_imported(dashboard, api, api_login):
    headers = api_login("operator")
    ayu, bima = hired(api, headers, "Ayu Lestari"), hired(api, headers, "Bima Sakti")
    sheet = filled_sheet(api, headers, ayu["opd_id"], {
        ayu["nip"]: ("07.10", None, None, None), bima["nip"]: (None, None, "DL", "SPT 12")})
    at = dashboard("operator", "perubahan")
    at.date_input(key="sheet_date").set_value(TODAY)
    at.session_state["sheet_file"] = [("lampiran-i.xlsx", sheet)]
    at.session_state["sheet_scan"] = [("pindaian.pdf", PDF_DOCUMENT)]
    at.run()
    at.button(key="sheet_check").click().run()
    assert not at.exception, at.exception
    rows = next(t.value for t in at.dataframe if texts.SHEET_COLUMNS["changed"] in t.value)
    mine = rows[rows["NIP"].isin([ayu["nip"], bima["nip"]])]
    assert list(mine[texts.SHEET_COLUMNS["changed"]]) == [texts.YES, texts.YES]
    assert entries(api, headers, bima) == []  # a preview writes nothing
    at.button(key="sheet_import").click().run()
    assert texts.SHEET_DONE.format(rows=len(rows)) in texts_shown(at)
    assert days(api, headers, bima)["status"] == "DL"


def test_a_correction_needs_its_reason_and_then_changes_the_day(dashboard, api, api_login):
    headers = api_login("operator")
    person = hired(api, headers, "Citra Dewi")
    at = dashboard("operator", "perubahan")
    pick(at, "corr_employee", person)
    at.date_input(key="corr_date").set_value(TODAY)
    at.selectbox(key="corr_code").set_value("H")
    at.session_state["correction_evidence"] = [("nota-dinas.pdf", PDF_DOCUMENT)]
    at.run()
    at.button(key="corr_save").click().run()
    assert not at.exception, at.exception
    assert at.error and ":red[" in texts_shown(at)  # "Wajib diisi." under the reason
    at.text_area(key="corr_reason").input("Hadir rapat di Sekretariat Daerah sepanjang hari")
    at.button(key="corr_save").click().run()
    assert "Koreksi Citra Dewi" in texts_shown(at)
    assert days(api, headers, person)["status"] == "H"


def test_the_operator_files_an_absence_with_its_document(dashboard, api, api_login):
    headers = api_login("operator")
    person = hired(api, headers, "Dimas Pratama")
    at = dashboard("operator", "perubahan")
    pick(at, "abs_employee", person)
    at.selectbox(key="abs_code").set_value("S")
    at.date_input(key="abs_from").set_value("2026-03-11")
    at.date_input(key="abs_to").set_value("2026-03-12")
    at.text_input(key="abs_reason").input("Rawat inap")
    at.session_state["absence_document"] = [("surat-dokter.pdf", PDF_DOCUMENT)]
    at.run()
    at.button(key="abs_save").click().run()
    assert not at.exception, at.exception
    assert texts.CHANGE_ABSENCE_DONE.format(name="Dimas Pratama", days=2) in texts_shown(at)
    filed = requests.get(f"{api}/api/v1/absences", headers=headers, timeout=10,
                         params={"employee": person["id"]}).json()["items"]
    assert [(a["code"], a["status"]) for a in filed] == [("S", "pending")]


def test_the_supervisor_files_a_cancellation_and_gets_lampiran_three(dashboard, api, api_login,
                                                                    demo_logins):
    operator, head = api_login("operator"), api_login("kepala_opd")
    chief = find_by_nip(api, operator, demo_logins["kepala_opd"]["nip"])
    person = hired(api, operator, "Eko Saputra", supervisor_id=chief["id"])
    requests.post(f"{api}/api/v1/manual-entries", headers=operator, timeout=10,
                  data={"employee_id": person["id"], "work_date": TODAY,
                        "check_in": "07.00"},
                  files={"evidence": ("daftar.pdf", PDF_DOCUMENT)}).raise_for_status()
    at = dashboard("kepala_opd", "perubahan")
    pick(at, "cancel_employee", person)
    at.date_input(key="cancel_date").set_value(TODAY)
    at.text_area(key="cancel_statement").input("Tidak berada di kantor sepanjang hari itu.")
    at.button(key="cancel_save").click().run()
    assert not at.exception, at.exception
    assert at.error and ":red[" in texts_shown(at)  # two witnesses are needed, said there
    colleagues = requests.get(f"{api}/api/v1/employees", headers=operator, timeout=10,
                              params={"opd": person["opd_id"], "active": "true"}).json()["items"]
    two = [c["id"] for c in colleagues if c["id"] not in (person["id"], chief["id"])][:2]
    at.multiselect(key="cancel_witnesses").set_value(two)
    at.button(key="cancel_save").click().run()
    assert texts.CANCEL_DONE.format(day="10 Maret 2026") in texts_shown(at)
    filed = requests.get(f"{api}/api/v1/cancellations", headers=head, timeout=10,
                         params={"employee": person["id"]}).json()["items"]
    assert [c["status"] for c in filed] == ["pending"]
    # the head filed it as direct supervisor: an admin decides (four eyes)
    decided = requests.post(f"{api}/api/v1/cancellations/{filed[0]['id']}/approve",
                            headers=api_login("admin"), json={"reason": ""}, timeout=30)
    assert decided.status_code == 200, decided.text
    at.run()
    letter = at.get("download_button")
    assert any(texts.CANCEL_LETTER.format(name="Eko Saputra", day="10 Maret 2026") in str(b.proto)
               for b in letter)
