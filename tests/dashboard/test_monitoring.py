"""Monitoring bulanan: the recap table, the employee calendar, xlsx exports, month closing."""
from __future__ import annotations

import io
import zipfile

import openpyxl
import requests

from dashboard import texts
from dashboard.client import Client
from tests.dashboard.conftest import PASSWORD
from tests.dashboard.helpers import button, charts, metrics, table, titles


def _recap(api, headers, **params) -> dict:
    return requests.get(f"{api}/api/v1/recaps/monthly", params=params, headers=headers,
                        timeout=30).json()


def test_kepala_opd_sees_the_month_of_their_opd(dashboard, api, api_login):
    at = dashboard("kepala_opd", "monitoring", params={"bulan": "2026-02"})
    recap = _recap(api, api_login("kepala_opd"), month="2026-02")
    assert titles(at) == [texts.MONITORING_TITLE.format(month="Februari 2026")]
    shown = table(at, texts.RECAP_COLUMNS["nip"])
    assert sorted(shown[texts.RECAP_COLUMNS["nip"]]) == sorted(r["nip"] for r in recap["rows"])
    assert {r["opd_name"] for r in recap["rows"]} == {"Dinas Kesehatan"}
    assert texts.RECAP_COLUMNS["opd_name"] not in shown  # one OPD: no OPD column
    row = recap["rows"][0]
    mine = shown[shown[texts.RECAP_COLUMNS["nip"]] == row["nip"]].iloc[0]
    for key in ("tk_days", "late_minutes", "present_days", "TL1", "PSW4"):
        assert mine[texts.RECAP_COLUMNS.get(key, key)] == row[key]
    assert metrics(at)[texts.METRIC_TK] == str(sum(r["tk_days"] for r in recap["rows"]))
    labels = [b.label for b in at.get("download_button")]
    for kind in ("xlsx", "pdf"):
        assert texts.EXPORT_MONTHLY[kind] in labels
        assert texts.EXPORT_DAILY[kind].format(date="28 Februari 2026") in labels


def test_the_calendar_shows_one_employees_month(dashboard, api, api_login):
    at = dashboard("kepala_opd", "monitoring", params={"bulan": "2026-02"})
    at.selectbox(key="calendar_employee").select_index(1).run()
    chosen = at.selectbox(key="calendar_employee").value
    days = requests.get(f"{api}/api/v1/attendance/days", headers=api_login("kepala_opd"),
                        params={"employee": chosen, "from": "2026-02-01", "to": "2026-02-28"},
                        timeout=10).json()["items"]
    calendar = next(c for c in charts(at) if c["layout"]["title"]["text"] == "Februari 2026")
    text = " ".join(cell for row in calendar["data"][0]["text"] for cell in row)
    for day in days:
        assert f"{int(day['work_date'][-2:])}<br>{day['label']}" in text


def test_employee_type_filter_narrows_the_table(dashboard, api, api_login):
    at = dashboard("kepala_opd", "monitoring", params={"bulan": "2026-02", "jenis": "PPPK"})
    pppk = requests.get(f"{api}/api/v1/employees", headers=api_login("kepala_opd"), timeout=10,
                        params={"employment_type": "PPPK", "opd": 4, "limit": 1000}).json()
    shown = table(at, texts.RECAP_COLUMNS["nip"])
    assert set(shown[texts.RECAP_COLUMNS["nip"]]) <= {p["nip"] for p in pppk["items"]}
    assert len(shown) < len(_recap(api, api_login("kepala_opd"), month="2026-02")["rows"])


def test_one_click_exports_are_real_workbooks(api, demo_logins):
    """What the download buttons fetch (their callables use this client call)."""
    client = Client(api)
    client.login(demo_logins["kepala_opd"]["nip"], PASSWORD)
    monthly = client.get_bytes("/api/v1/recaps/monthly",
                               {"month": "2026-02", "opd": 4, "format": "xlsx"})
    book = openpyxl.load_workbook(io.BytesIO(monthly))
    cells = " ".join(str(c.value) for row in book.active.iter_rows() for c in row if c.value)
    assert "FEBRUARI 2026" in cells.upper() and "DINAS KESEHATAN" in cells.upper()
    daily = client.get_bytes("/api/v1/recaps/daily",
                             {"date": "2026-02-27", "opd": 4, "format": "xlsx"})
    assert openpyxl.load_workbook(io.BytesIO(daily)).active.max_row > 10


def test_whole_pemda_export_shows_progress_and_bundles_each_opd(dashboard, api, api_login):
    at = dashboard("analis", "monitoring", params={"bulan": "2026-02"})
    assert texts.RECAP_COLUMNS["opd_name"] in table(at, texts.RECAP_COLUMNS["nip"])
    button(at, texts.EXPORT_PEMDA).click()
    at.run()
    assert at.get("progress")  # the bar that showed each OPD in turn
    assert texts.EXPORT_ZIP.format(count=6) in [b.label for b in at.get("download_button")]
    name, content, count = at.session_state["bundle_monthly"]
    archive = zipfile.ZipFile(io.BytesIO(content))
    assert count == 6 and len(archive.namelist()) == 6
    for member in archive.namelist():
        assert openpyxl.load_workbook(io.BytesIO(archive.read(member))).active.max_row > 5


def test_month_closing_status_and_admin_closing(dashboard, api, api_login):
    kepala = dashboard("kepala_opd", "monitoring", params={"bulan": "2026-01"})
    status = table(kepala, texts.CLOSING)
    assert list(status[texts.OPD]) == ["Dinas Kesehatan"]
    assert list(status[texts.CLOSING]) == [texts.CLOSING_OPEN]
    assert "close_month" not in [b.key for b in kepala.button]  # only an admin closes
    admin = dashboard("admin", "monitoring", params={"bulan": "2026-01", "opd": "4"})
    admin.button(key="close_month").click().run()
    assert texts.CLOSED_OK.format(month="Januari 2026", opd="Dinas Kesehatan") in [
        s.value for s in admin.success]
    closed = table(admin, texts.CLOSING)[texts.CLOSING].iloc[0]
    assert closed.startswith(texts.CLOSING_CLOSED.split("{")[0])
    found = requests.get(f"{api}/api/v1/closings", params={"year": 2026, "opd": 4},
                         headers=api_login("kepala_opd"), timeout=10).json()
    assert [(c["month"], c["status"]) for c in found] == [("2026-01", "closed")]
    again = dashboard("admin", "monitoring", params={"bulan": "2026-01", "opd": "4"})
    again.button(key="reopen_month").click().run()  # no reason: refused, nothing changes
    assert "reason" not in " ".join(e.value for e in again.error)
    assert again.error and again.error[0].value.startswith("Data yang dikirim tidak valid")
    again.text_input(key="reopen_reason").input("Koreksi surat tugas yang terlambat masuk")
    again.button(key="reopen_month").click().run()
    assert texts.REOPENED_OK.format(month="Januari 2026", opd="Dinas Kesehatan") in [
        s.value for s in again.success]
    reopened = requests.get(f"{api}/api/v1/closings", params={"year": 2026, "opd": 4},
                            headers=api_login("kepala_opd"), timeout=10).json()
    assert [(c["month"], c["status"]) for c in reopened] == [("2026-01", "reopened")]


def test_closing_every_opd_lists_those_not_ready(dashboard, api, api_login):
    at = dashboard("admin", "monitoring", params={"bulan": "2026-03"})
    opds = requests.get(f"{api}/api/v1/opds", headers=api_login("admin"), timeout=10).json()
    at.button(key="close_all").click().run()
    assert texts.CLOSED_ALL.format(count=0) in [s.value for s in at.success]
    not_ready = table(at, texts.CLOSING_WHY)
    assert len(not_ready) == len(opds)  # March has not ended on 10 March
    assert all("baru dapat ditutup" in why for why in not_ready[texts.CLOSING_WHY])


def test_operator_monitors_their_opd(dashboard):
    at = dashboard("operator", "monitoring")
    assert at.sidebar.selectbox(key="f_opd").options == ["Dinas Kesehatan"]
    assert texts.EXPORT_MONTHLY["xlsx"] in [b.label for b in at.get("download_button")]
