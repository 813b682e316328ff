"""Lampiran II as xlsx: xlsxwriter in constant-memory mode, written to a temp file, streamed.

Each OPD gets two sheets:
- "<code>": Lampiran II as the Perbup prints it (api/services/recaps/forms.py). The
  "LAMPIRAN II" caption, the KOP (pemda, the OPD's name and address), the title with the
  month, and exactly the Perbup's eight columns in its wording, with borders. The header row
  repeats on every page. A4 landscape, fitted to one page wide. The head of the OPD's
  signature block sits under the table's right-hand columns, inside the printed width.
- "<code> rinci": the detail behind it. Workdays, attendance, tiers, TM/TP, extra codes, TPP
  cut, PP 94 year-to-date, TK streaks and remarks; one frozen header row.

A whole-pemda export starts with a summary sheet (one row per OPD)."""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd
import xlsxwriter
from flask import Response, send_file

from .monthly import MonthlyRecap

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
INT, PERCENT, DAYS, TEXT = "0", "0.00", "0.00", None
TEMP_PREFIX = "hadir-export-"
FIRST_ROW = 8  # header row index (0-based) of the summary and detail sheets


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    number_format: str | None
    width: float
    blank_zero: bool = False  # sparse count columns: a zero is left blank (easier to read)


def employee_columns(recap: MonthlyRecap) -> list[Column]:
    """The columns of an OPD sheet; the first nine are Lampiran II's own."""
    tiers = [Column(code, code, INT, 6, True) for code in recap.tier_codes]
    extra = [Column(f"{code} (hari)", code, INT, 8, True) for code in recap.extra_codes]
    return [
        Column("No.", "no", INT, 5), Column("Nama", "name", TEXT, 28),
        Column("NIP", "nip", TEXT, 21), Column("Jabatan", "jabatan", TEXT, 24),
        Column("Terlambat Datang (menit)", "late_minutes", INT, 11),
        Column("Pulang Sebelum Waktu (menit)", "early_minutes", INT, 11),
        Column("Tanpa Alasan Sah / TK (hari)", "tk_days", INT, 10),
        Column("Cuti/Sakit/Dinas Luar/Diklat (hari)", "leave_days", INT, 12),
        Column("Izin (hari)", "izin_days", INT, 8),
        Column("Hari Kerja", "workdays", INT, 8), Column("Hadir (hari)", "present_days", INT, 8),
        Column("Kehadiran (%)", "attendance_percent", PERCENT, 10),
        *tiers,
        Column("TM (hari)", "tm_days", INT, 7, True), Column("TP (hari)", "tp_days", INT, 7, True),
        *extra,
        Column("Potongan TPP (%)", "tpp_percent", PERCENT, 10),
        Column("TK s.d. Bulan Ini (hari)", "ytd_tk_days", INT, 10),
        Column("Konversi Menit (hari)", "ytd_converted_days", DAYS, 10),
        Column("Total TK PP 94 (hari)", "pp94_exact_days", DAYS, 10),
        Column("Tingkat Hukuman", "pp94_level", TEXT, 10),
        Column("Jenis Hukuman Disiplin", "pp94_penalty", TEXT, 36),
        Column("TK Berturut-turut (hari kerja)", "longest_tk_streak", INT, 12),
        Column("Keterangan", "remarks", TEXT, 30),
    ]


def summary_columns(recap: MonthlyRecap) -> list[Column]:
    tiers = [Column(code, code, INT, 6) for code in recap.tier_codes]
    return [
        Column("No.", "no", INT, 5), Column("Kode", "opd_code", TEXT, 12),
        Column("Perangkat Daerah", "opd_name", TEXT, 40),
        Column("Pegawai", "employees", INT, 9), Column("Hari Kerja", "workdays", INT, 10),
        Column("Hadir (hari)", "present_days", INT, 10),
        Column("Kehadiran (%)", "attendance_percent", PERCENT, 10),
        Column("Terlambat Datang (menit)", "late_minutes", INT, 12),
        Column("Pulang Sebelum Waktu (menit)", "early_minutes", INT, 12),
        Column("TK (hari)", "tk_days", INT, 9),
        Column("Cuti/Sakit/Dinas Luar/Diklat (hari)", "leave_days", INT, 12),
        Column("Izin (hari)", "izin_days", INT, 8), *tiers,
        Column("TM (hari)", "tm_days", INT, 7), Column("TP (hari)", "tp_days", INT, 7),
        Column("Rata-rata Potongan TPP (%)", "tpp_percent_mean", PERCENT, 12),
        Column("Pegawai Kena Hukuman PP 94", "pp94_employees", INT, 12),
        Column("Pegawai TK 10 Hari Berturut-turut", "consecutive_tk_employees", INT, 12),
    ]


def remarks(rows: pd.DataFrame, limit: int) -> pd.Series:
    """"Mutasi mulai ..." and the consecutive-TK warning, vectorised."""
    moved = rows["mutation_date"].fillna("")
    text = ("Mutasi mulai " + moved).where(moved != "", "")
    flag = f"TK ≥ {limit} hari kerja berturut-turut"
    warn = pd.Series(flag, index=rows.index).where(rows["consecutive_tk_flag"], "")
    return (text + "; " + warn).str.strip("; ")


class Styles:
    def __init__(self, book: xlsxwriter.Workbook):
        self.kop = book.add_format({"bold": True, "font_size": 13, "align": "center"})
        self.kop_sub = book.add_format({"align": "center", "italic": True, "bottom": 2})
        self.title = book.add_format({"bold": True, "font_size": 12, "align": "center"})
        self.header = book.add_format({"bold": True, "text_wrap": True, "valign": "vcenter",
                                       "align": "center", "border": 1, "bg_color": "#DDEBF7"})
        # Data cells carry no border (a per-cell style doubles xlsxwriter's cost per cell):
        # the sheet prints its gridlines instead; only decimals need a number format.
        self.numbers = {PERCENT: book.add_format({"num_format": PERCENT})}
        self.total = book.add_format({"bold": True, "border": 1, "num_format": INT})
        self.total_percent = book.add_format({"bold": True, "border": 1, "num_format": PERCENT})
        self.bold = book.add_format({"bold": True})
        self.name = book.add_format({"bold": True, "underline": True})
        self.caption = book.add_format({"font_size": 10})
        # a Lampiran II sheet is printed as a form: every cell of the table has its border
        self.cell = book.add_format({"border": 1, "valign": "top"})
        self.cell_wrap = book.add_format({"border": 1, "valign": "top", "text_wrap": True})
        self.cell_number = book.add_format({"border": 1, "valign": "top", "align": "center"})

    def column(self, column: Column):
        return self.numbers.get(column.number_format)


def header_block(ws, styles: Styles, width: int, lines: list[str], title: list[str]) -> None:
    """Rows 0–6: pemda and KOP lines, then the centred title lines."""
    for row, text in enumerate(lines[:3]):
        ws.merge_range(row, 0, row, width - 1, text,
                       styles.kop if row < 2 else styles.kop_sub)
    for offset, text in enumerate(title[:3]):
        ws.merge_range(4 + offset, 0, 4 + offset, width - 1, text, styles.title)


def table(ws, styles: Styles, columns: list[Column], frame: pd.DataFrame) -> int:
    """Header row, frozen, then the rows in order (constant memory); returns the next row."""
    for index, column in enumerate(columns):
        ws.set_column(index, index, column.width, styles.column(column))
    ws.set_row(FIRST_ROW, 45)
    ws.write_row(FIRST_ROW, 0, [c.header for c in columns], styles.header)
    ws.freeze_panes(FIRST_ROW + 1, 3)
    ws.hide_gridlines(0)  # 0: gridlines on screen and on paper
    ws.repeat_rows(FIRST_ROW)  # the header row on every printed page
    numeric = [column.number_format is not None for column in columns]
    sparse = [column.blank_zero for column in columns]
    write_number, write_string = ws.write_number, ws.write_string
    row = FIRST_ROW + 1
    # Cell by cell with the typed writers (write_row's type sniffing costs ~10 % more);
    # blanks (None/NaN) are skipped, the column format styles every written cell.
    for record in frame[[c.key for c in columns]].itertuples(index=False, name=None):
        for col, value in enumerate(record):
            if value is None or value != value or value == "" or (sparse[col] and not value):
                continue
            if numeric[col]:
                write_number(row, col, value)
            else:
                write_string(row, col, str(value))
        row += 1
    return row


def place_name(pemda: str) -> str:
    """"Pemerintah Kabupaten Jember" → "Jember" (the place of signing)."""
    return re.sub(r"(?i)^pemerintah\s+(kabupaten|kota|provinsi)\s+", "", pemda).strip()


def sheet_name(code: str, used: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\']", "-", code)[:28] or "OPD"
    candidate, n = name, 2
    while candidate.lower() in used:
        candidate, n = f"{name}-{n}", n + 1
    used.add(candidate.lower())
    return candidate


def write_monthly(path: str, recap: MonthlyRecap, pemda: str, signed_on: date) -> None:
    book = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_numbers": False,
                                      "strings_to_formulas": False, "strings_to_urls": False})
    styles = Styles(book)
    from .forms import (
        LAMPIRAN_II,
        form_rows,
        form_sheet,
        form_signature,
        kop_lines,
        month_line,
        signature_lines,
    )

    title_month = month_line(recap.first)
    used: set[str] = set()
    # No level, no penalty: the text is left out rather than repeated on every row.
    rows = recap.rows.assign(remarks=remarks(recap.rows, recap.policy.consecutive_tk_limit),
                             pp94_penalty=recap.rows["pp94_penalty"].where(
                                 recap.rows["pp94_level"].notna(), None))
    if len(recap.opds) != 1:
        columns = summary_columns(recap)
        ws = book.add_worksheet(sheet_name("Ringkasan", used))
        header_block(ws, styles, len(columns), [pemda.upper(), "REKAPITULASI SE-PEMERINTAH DAERAH",
                                                ""],
                     ["REKAPITULASI KEHADIRAN PEGAWAI PER PERANGKAT DAERAH", title_month])
        summary = recap.opds.assign(no=range(1, len(recap.opds) + 1))
        end = table(ws, styles, columns, summary)
        summary_totals(ws, styles, end, columns, summary)
    columns = employee_columns(recap)
    for opd in recap.opds.itertuples(index=False):
        code = sheet_name(opd.opd_code, used)
        kop = kop_lines(pemda, opd.opd_name, opd.opd_address)
        own = rows[rows["opd_id"] == opd.opd_id]
        ws = book.add_worksheet(code)
        end = form_sheet(ws, styles, LAMPIRAN_II, kop, title_month, form_rows(own))
        head = opd.head if isinstance(opd.head, dict) else None
        form_signature(ws, styles, end, LAMPIRAN_II,
                       signature_lines(head, opd.opd_name, signed_on, pemda))
        ws = book.add_worksheet(sheet_name(f"{code} rinci", used))
        header_block(ws, styles, len(columns), kop, ["REKAPITULASI KEHADIRAN PEGAWAI (RINCIAN)",
                                                     title_month])
        table(ws, styles, columns, own)
    book.close()


def summary_totals(ws, styles: Styles, row: int, columns: list[Column],
                   summary: pd.DataFrame) -> None:
    """The "Jumlah" row: sums, and the pemda's attendance over all decided workdays."""
    ws.write(row, 2, "Jumlah", styles.bold)
    decided = summary["workdays"].sum() - summary["pending_days"].sum()
    for index, column in enumerate(columns[3:], start=3):
        if column.key == "attendance_percent":
            value = round(100.0 * summary["present_days"].sum() / decided, 2) if decided else 0.0
            ws.write_number(row, index, value, styles.total_percent)
        elif column.number_format == INT:
            ws.write_number(row, index, int(summary[column.key].sum()), styles.total)


def send_workbook(write: Callable[[str], None], download_name: str) -> Response:
    """Write into a temp file and stream it; the file is unlinked once it is open."""
    handle, path = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".xlsx")
    os.close(handle)
    try:
        write(path)
        stream = open(path, "rb")  # noqa: SIM115 - closed by the response
    finally:
        os.unlink(path)
    return send_file(stream, mimetype=XLSX, as_attachment=True, download_name=download_name,
                     max_age=0)
