"""The xlsx and PDF exports: the workbooks open in openpyxl and their cells equal the JSON
answers; the PDFs read back with pypdf and say what the forms say."""
from __future__ import annotations

import io
import os
import tempfile

import pytest
from openpyxl import load_workbook

from api.services.recaps import MonthlyRecap, daily_sheet, forms
from api.services.recaps import xlsx as recap_xlsx
from tests.api.recaps import recap_month

URL = "/api/v1/recaps/monthly?month=2026-02"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def month(tmp_path_factory, postgres_url):
    yield from recap_month.app_with_month(tmp_path_factory.mktemp("xlsx"), postgres_url)


def download(month, url: str, who: str = "admin"):
    response = month.get(url, who)
    assert response.status_code == 200, response.get_data()[:300]
    assert response.mimetype == XLSX
    return response, load_workbook(io.BytesIO(response.get_data()))


def columns_for(body: dict) -> list[recap_xlsx.Column]:
    """The sheet's columns as the writer lays them out for this answer's policy."""
    policy = body["policy"]
    stub = MonthlyRecap(None, None, None, None, policy["late_codes"], policy["early_codes"],
                        policy["extra_codes"], None, None)
    return recap_xlsx.employee_columns(stub)


def sheet_rows(ws, width: int) -> list[tuple]:
    rows = []
    for values in ws.iter_rows(min_row=recap_xlsx.FIRST_ROW + 2, max_col=width,
                               values_only=True):
        if values[0] is None:  # the signature block follows the table
            break
        rows.append(values)
    return rows


def expected_cell(row: dict, column: recap_xlsx.Column, limit: int):
    if column.key == "remarks":
        parts = [f"Mutasi mulai {row['mutation_date']}" if row["mutation_date"] else "",
                 f"TK ≥ {limit} hari kerja berturut-turut" if row["consecutive_tk_flag"]
                 else ""]
        return "; ".join(p for p in parts if p) or None
    value = row[column.key]
    if column.key == "pp94_penalty" and row["pp94_level"] is None:
        return None  # the sheet names a penalty only where there is one
    if column.blank_zero and value == 0:
        return None  # sparse TL/PSW/TM/TP counts: zero is a blank cell
    return None if value in (None, "") else value


def test_whole_pemda_workbook_equals_the_json(month):
    body = month.get(URL).json
    response, book = download(month, URL + "&format=xlsx")
    assert "rekap-bulanan-2026-02-pemda.xlsx" in response.headers["Content-Disposition"]
    names = [o["opd_name"] for o in body["opds"]]
    assert book.sheetnames == ["Ringkasan", "DINKES", "DINKES rinci", "KOMINFO", "KOMINFO rinci",
                               "DAMKAR", "DAMKAR rinci"]
    assert names == sorted(names)
    columns = columns_for(body)
    limit = body["policy"]["consecutive_tk_limit"]
    for opd, name in zip(body["opds"], book.sheetnames[2::2], strict=True):
        ws = book[name]
        assert ws["A1"].value == "PEMERINTAH KABUPATEN JEMBER"
        assert ws["A2"].value == opd["opd_name"].upper()
        assert ws["A5"].value == "REKAPITULASI KEHADIRAN PEGAWAI (RINCIAN)"
        assert ws["A6"].value == "BULAN FEBRUARI 2026"
        assert ws.freeze_panes == "D10"
        header = [c.value for c in ws[recap_xlsx.FIRST_ROW + 1]][:len(columns)]
        assert header == [c.header for c in columns]
        assert header[:9] == ["No.", "Nama", "NIP", "Jabatan", "Terlambat Datang (menit)",
                              "Pulang Sebelum Waktu (menit)", "Tanpa Alasan Sah / TK (hari)",
                              "Cuti/Sakit/Dinas Luar/Diklat (hari)", "Izin (hari)"]
        json_rows = [r for r in body["rows"] if r["opd_id"] == opd["opd_id"]]
        cells = sheet_rows(ws, len(columns))
        assert len(cells) == len(json_rows)
        for got, row in zip(cells, json_rows, strict=True):
            assert list(got) == [pytest.approx(expected_cell(row, c, limit))
                                 if isinstance(expected_cell(row, c, limit), float)
                                 else expected_cell(row, c, limit) for c in columns]


def test_number_formats_of_the_detail_sheet(month):
    _response, book = download(month, URL + "&format=xlsx")
    ws = book["KOMINFO rinci"]
    first = recap_xlsx.FIRST_ROW + 2
    percent = next(i for i, c in enumerate(columns_for(month.get(URL).json), start=1)
                   if c.key == "attendance_percent")
    assert ws.cell(first, percent).number_format == "0.00"
    assert ws.cell(first, 5).number_format == "General"  # whole minutes
    assert ws.print_options.gridLines and ws.print_title_rows == "$9:$9"
    details = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Mutasi mulai 2026-02-16" in details


def test_lampiran_ii_prints_as_the_perbup_form(month):
    """The first sheet of an OPD: the Perbup's eight columns in its wording, the caption,
    borders, A4 landscape one page wide, the header row repeated, the signature under the
    table's right-hand columns."""
    body = month.get(URL).json
    _response, book = download(month, URL + "&format=xlsx")
    ws = book["KOMINFO"]
    header_row = forms.HEADER_ROW + 1
    assert [c.value for c in ws[header_row]] == [
        "No.", "Nama/NIP", "Jabatan", "Rekap Terlambat Datang (Jumlah Menit)",
        "Rekap Pulang Sebelum Waktu (Jumlah Menit)",
        "Tidak Hadir Tanpa Alasan Sah (Jumlah Hari)",
        "Cuti/Sakit/Dinas Luar/Diklat (Jumlah Hari)", "Ijin (Jumlah Hari)"]
    assert ws.max_column == 8  # nothing beside the form
    assert ws["F1"].value == "LAMPIRAN II PERATURAN BUPATI JEMBER"
    assert ws["F2"].value == "NOMOR : 55 TAHUN 2021"
    assert ws["A11"].value == "REKAPITULASI KEHADIRAN PEGAWAI"
    assert ws["A12"].value == "BULAN FEBRUARI 2026"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight) == (1, 0)  # 1: default
    assert ws.print_title_rows == f"${header_row}:${header_row}"
    json_rows = [r for r in body["rows"] if r["opd_name"] == "Dinas Komunikasi dan Informatika"]
    table = list(ws.iter_rows(min_row=header_row + 1, max_row=header_row + len(json_rows)))
    for cells, row in zip(table, json_rows, strict=True):
        assert [c.value for c in cells][2:] == [row["jabatan"], row["late_minutes"],
                                                row["early_minutes"], row["tk_days"],
                                                row["leave_days"], row["izin_days"]]
        assert cells[1].value.startswith(f"{row['name']}\nNIP. {row['nip'][:8]} ")
        assert all(c.border.left.style == "thin" for c in cells)
    texts = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    signed = texts["Kepala Dinas Komunikasi dan Informatika"]
    assert signed.row > header_row + len(json_rows) and signed.column <= 8
    kepala = month.world.people["kepala_a"]
    nip = kepala.nip
    assert "Kepala Dinas Komunikasi dan Informatika" in texts
    assert kepala.name in texts
    assert f"NIP. {nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}" in texts
    assert any(t.startswith("Jember, 2 Maret 2026") for t in texts)
    damkar = [c.value for row in book["DAMKAR"].iter_rows() for c in row]
    assert "(..............................)" in damkar  # no head of OPD granted yet


def test_summary_sheet_equals_the_opd_totals(month):
    body = month.get(URL).json
    _response, book = download(month, URL + "&format=xlsx")
    ws = book["Ringkasan"]
    assert ws["A1"].value == "PEMERINTAH KABUPATEN JEMBER"
    columns = recap_xlsx.summary_columns(MonthlyRecap(
        None, None, None, None, body["policy"]["late_codes"], body["policy"]["early_codes"],
        [], None, None))
    rows = sheet_rows(ws, len(columns))
    for got, opd in zip(rows, body["opds"], strict=True):
        expected = [i + 1 if c.key == "no" else opd[c.key] for i, c in enumerate(columns)]
        expected[0] = got[0]
        assert list(got) == [pytest.approx(v) if isinstance(v, float) else v for v in expected]
    total = next(r for r in ws.iter_rows(values_only=True) if r[2] == "Jumlah")
    assert total[3] == sum(o["employees"] for o in body["opds"])
    assert total[9] == sum(o["tk_days"] for o in body["opds"])


def test_one_opd_workbook_has_no_summary_and_temp_files_are_gone(month):
    before = {n for n in os.listdir(tempfile.gettempdir())
              if n.startswith(recap_xlsx.TEMP_PREFIX)}
    opd = month.world.opds["b"]
    url = f"{URL}&opd={opd.id}&format=xlsx"
    streamed = month.client.get(url, headers=month.world.headers("kepala_b"), buffered=False)
    assert streamed.is_streamed  # sent from the file in chunks, not built in memory
    streamed.close()
    response, book = download(month, url, "kepala_b")
    assert book.sheetnames == ["DINKES", "DINKES rinci"]
    assert "rekap-bulanan-2026-02-DINKES.xlsx" in response.headers["Content-Disposition"]
    after = {n for n in os.listdir(tempfile.gettempdir())
             if n.startswith(recap_xlsx.TEMP_PREFIX)}
    assert after <= before


DAILY = "/api/v1/recaps/daily?date=2026-02-04&opd={opd}"


def test_lampiran_i_prints_as_the_perbup_form_and_its_detail_equals_the_json(month):
    url = DAILY.format(opd=month.world.opds["b"].id)
    body = month.get(url, "kepala_b").json
    _response, book = download(month, url + "&format=xlsx", "kepala_b")
    assert book.sheetnames == ["DINKES", "DINKES rinci"]
    ws = book["DINKES"]
    assert ws["G1"].value == "LAMPIRAN I PERATURAN BUPATI JEMBER"
    assert ws["A11"].value == "PRESENSI HARIAN PEGAWAI MANUAL"
    assert ws["A12"].value == "HARI, TANGGAL: RABU, 4 FEBRUARI 2026"
    top, sub = forms.HEADER_ROW + 1, forms.HEADER_ROW + 2
    assert [c.value for c in ws[top]] == ["No.", "Nama/NIP", "Jabatan", "Kedatangan", None,
                                          "Kepulangan", None, "TK/C/ S/DL/I", "Keterangan"]
    assert [c.value for c in ws[sub]][3:7] == ["Jam (WIB)", "Tanda Tangan", "Jam (WIB)",
                                               "Tanda Tangan"]
    assert f"D{top}:E{top}" in ws.merged_cells and f"A{top}:A{sub}" in ws.merged_cells
    assert ws.print_title_rows == f"${top}:${sub}"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.max_column == 9
    table = list(ws.iter_rows(min_row=sub + 1, max_row=sub + len(body["rows"])))
    for cells, row in zip(table, body["rows"], strict=True):
        values = [c.value for c in cells]
        assert values[1].startswith(row["name"]) and values[2] == row["jabatan"]
        assert values[3:9] == [row["check_in"] or "", "", row["check_out"] or "", "",
                               row["code"] or "", row["remarks"] or ""]
        assert all(c.border.left.style == "thin" for c in cells)
    texts = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    signed = texts["Kepala Dinas Kesehatan"]
    assert signed.row > sub + len(body["rows"]) and signed.column <= 9
    detail = book["DINKES rinci"]
    assert detail["A5"].value == "PRESENSI HARIAN PEGAWAI (RINCIAN)"
    columns = daily_sheet.detail_columns(body["zone"])
    rows = sheet_rows(detail, len(columns))
    assert len(rows) == len(body["rows"])
    for got, row in zip(rows, body["rows"], strict=True):
        expected = [None if c.blank_zero and not row[c.key] else (row[c.key] or None)
                    for c in columns]
        assert list(got) == expected
    shift = next(r for r in rows if r[1] == "Shift")
    assert (shift[4], shift[5]) == ("20:55", "07:02 (+1)")


def pdf_text(month, url: str, who: str = "admin") -> tuple[int, str]:
    from pypdf import PdfReader

    response = month.get(url, who)
    assert response.status_code == 200, response.get_data()[:300]
    assert response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.get_data()))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (842, 595)  # A4 landscape, points
    text = " ".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())  # a header cell may wrap its words


def test_lampiran_ii_pdf_reads_back_as_the_json(month):
    body = month.get(URL).json
    opd = month.world.opds["a"]
    pages, text = pdf_text(month, f"{URL}&opd={opd.id}&format=pdf")
    assert pages >= 1
    for line in ("LAMPIRAN II PERATURAN BUPATI JEMBER", "NOMOR : 55 TAHUN 2021",
                 "REKAPITULASI KEHADIRAN PEGAWAI", "BULAN FEBRUARI 2026",
                 "DINAS KOMUNIKASI DAN INFORMATIKA", "Rekap Terlambat Datang (Jumlah Menit)",
                 "Kepala Dinas Komunikasi dan Informatika", "Jember, 2 Maret 2026",
                 f"Halaman 1/{pages}"):
        assert line in text, line
    for row in (r for r in body["rows"] if r["opd_id"] == opd.id):
        assert f"{row['name']} NIP. {row['nip'][:8]} {row['nip'][8:14]}" in text
    kepala = month.world.people["kepala_a"]
    assert kepala.name in text  # the signature block is there, whole
    all_pages, everyone = pdf_text(month, f"{URL}&format=pdf")
    assert all_pages > pages and "DINAS KESEHATAN" in everyone


def test_lampiran_i_pdf_reads_back_as_the_json(month):
    url = DAILY.format(opd=month.world.opds["b"].id)
    body = month.get(url, "kepala_b").json
    _pages, text = pdf_text(month, url + "&format=pdf", "kepala_b")
    for line in ("LAMPIRAN I PERATURAN BUPATI JEMBER", "PRESENSI HARIAN PEGAWAI MANUAL",
                 "HARI, TANGGAL: RABU, 4 FEBRUARI 2026", "Kedatangan", "Kepulangan",
                 "Tanda Tangan", "Kepala Dinas Kesehatan"):
        assert line in text, line
    for row in body["rows"]:
        assert row["name"] in text
        if row["check_in"]:
            assert row["check_in"] in text
    assert month.get(url + "&format=pdf", "kepala_a").status_code == 403
