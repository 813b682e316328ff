"""Kelola pegawai (issue 15): the operator's import of a SIMPEG export, against the real API.
AppTest cannot drive a file dialog, so each test puts the API's own preview of the file in
the page's state, as the upload button does; the Chromium flow of issue 15 will cover the
dialog."""
from __future__ import annotations

import io

import openpyxl
import requests

from dashboard import texts
from tests.dashboard.helpers import metrics, table, texts_shown

HEADER = ["NIP", "Nama", "Jabatan", "Golongan", "Jenis Pegawai", "Unit", "NIP Atasan",
          "Lokasi"]


def export(rows) -> bytes:
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def previewed(at, api, headers, content: bytes) -> None:
    opd = requests.get(f"{api}/api/v1/me", headers=headers, timeout=10).json()["opd"]["id"]
    answer = requests.post(f"{api}/api/v1/employees/import", headers=headers, timeout=60,
                           data={"opd": str(opd), "dry_run": "true"},
                           files={"file": ("simpeg.xlsx", content)}).json()
    at.session_state["import_preview"] = (opd, "simpeg.xlsx", content, answer)
    at.run()


def test_a_file_with_a_bad_row_cannot_be_written(dashboard, api, api_login):
    at = dashboard("operator", "kelola")
    previewed(at, api, api_login("operator"),
              export([["19870315201503", "NIP Pendek", "Staf", "III/a", "PNS", "", "", ""]]))
    assert metrics(at)[texts.IMPORT_COUNTS["error"]] == "1"
    rows = table(at, texts.IMPORT_COLUMNS["errors"])
    assert rows[texts.IMPORT_COLUMNS["errors"]].iloc[0].startswith("NIP tidak valid")
    assert texts.IMPORT_FIX.format(count=1) in texts_shown(at)
    assert not [b for b in at.button if b.key == "import_write"]


def test_the_operator_writes_an_import_and_a_reimport_changes_nothing(dashboard, api,
                                                                      api_login):
    headers = api_login("operator")
    content = export([["197501012001121001", "Sari Widodo", "Perawat", "III/c", "PNS", "",
                       "", ""],
                      ["198002022005012002", "Bagus Hartono", "Bidan", "III/b", "PNS", "",
                       "197501012001121001", ""]])
    at = dashboard("operator", "kelola")
    previewed(at, api, headers, content)
    assert metrics(at)[texts.IMPORT_COUNTS["create"]] == "2"
    at.button(key="import_write").click().run()
    assert texts.IMPORT_DONE.format(create=2, update=0, unchanged=0, error=0) in texts_shown(at)
    found = requests.get(f"{api}/api/v1/employees", headers=headers, timeout=10,
                         params={"q": "Bagus Hartono"}).json()["items"]
    assert [e["nip"] for e in found] == ["198002022005012002"]
    again = dashboard("operator", "kelola")
    previewed(again, api, headers, content)
    assert metrics(again)[texts.IMPORT_COUNTS["unchanged"]] == "2"
    assert texts.IMPORT_NOTHING in texts_shown(again)
